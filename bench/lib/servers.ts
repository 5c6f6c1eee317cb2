// Starting the echo bot and the bot as separate processes, the way production starts the bot
// (`node dist/app/main.js` after `npm run build`, the Dockerfile's command): the spawned process IS
// the one serving /api/messages, so its /proc/<pid>/status is the figure to read, with no wrapper.
// The echo bot is compiled the same way, so neither carries a TypeScript loader.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import { buildApp, COMPILE } from '../../src/cli/build.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BOT_ENTRY = 'dist/app/main.js';
export const ECHO_ENTRY = 'bench/out/echo/echo-bot.js';
/** How both processes are started; printed with every figure. */
export const LAUNCH = 'node on compiled JavaScript (npm run build)';

let compiled: Promise<void> | undefined;

/** Compiles the bot (npm run build) and the echo bot once per benchmark process. */
export function compileServers(): Promise<void> {
  compiled ??= (async () => {
    await buildApp();
    await build({
      entryPoints: [path.join(ROOT, 'bench', 'echo-bot.ts')], outdir: path.join(ROOT, 'bench', 'out', 'echo'),
      ...COMPILE, logLevel: 'warning',
    });
  })();
  return compiled;
}

export interface Server {
  name: string;
  url: string;
  pid: number;
  /** Resident memory of the serving process now, from /proc/<pid>/status VmRSS. */
  rssMb(): number;
  log(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

export function rssMbOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]);
  if (!Number.isFinite(kb) || kb <= 0) throw new Error(`no VmRSS for pid ${pid}`);
  return kb / 1024;
}

/** The bot's environment as production would set it, minus timers that could fire mid-run. */
export function botEnv(store: Record<string, string>, clockNow: string): Record<string, string> {
  // SCHEDULER=0 and SENDER=0: no cron job or outbox sender may run during a measurement.
  return { NODE_ENV: 'production', LOG_LEVEL: 'info', SCHEDULER: '0', SENDER: '0', CLOCK_NOW: clockNow, DEMO_DATA: '0', ...store };
}

async function waitHealthy(url: string, child: ChildProcess, log: () => string, name: string): Promise<void> {
  for (let i = 0; i < 2_400; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${log().slice(-2000)}`);
    try {
      const res = await fetch(`${url}/healthz`);
      await res.text();
      if (res.status === 200) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${name} never became healthy:\n${log().slice(-2000)}`);
}

/** Spawns `node <compiled entry>` with env, waits for GET /healthz = 200. */
export async function startServer(name: string, entry: string, env: Record<string, string>): Promise<Server & { startMs: number }> {
  await compileServers();
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (c: Buffer) => { out = (out + c.toString()).slice(-64_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitHealthy(url, child, () => out, name);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const startMs = performance.now() - started;
  return {
    name, url, pid: child.pid!, startMs,
    rssMb: () => rssMbOf(child.pid!),
    log: () => out,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
