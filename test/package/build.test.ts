// npm run build: production runs the compiled JavaScript with plain node. The compiled bot must
// start on a new embedded data folder (finding its migrations from the package root), serve
// /healthz and refuse a malformed activity on /api/messages, with no TypeScript loader loaded.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, OUT } from '../../src/cli/build.js';
import { freePort } from '../../bench/lib/servers.js';

let child: ChildProcess | undefined;
let output = '';
let url = '';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compiled-bot-'));

async function healthy(): Promise<Response> {
  for (let i = 0; i < 1200; i++) {
    if (child?.exitCode != null) throw new Error(`the compiled bot exited with ${child.exitCode}:\n${output}`);
    try { return await fetch(`${url}/healthz`); } catch { await new Promise((r) => setTimeout(r, 100)); }
  }
  throw new Error(`the compiled bot never listened:\n${output}`);
}

beforeAll(async () => {
  await buildApp();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATA_DIR: dataDir, SCHEDULER: '0', SENDER: '0', NODE_ENV: 'production' };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  child = spawn(process.execPath, [path.join(OUT, 'main.js')], { cwd: os.tmpdir(), env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  child.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
}, 60_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the compiled bot', () => {
  it('starts from another working directory on a new embedded folder and answers /healthz', async () => {
    const res = await healthy();
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'embedded' });
    expect(fs.existsSync(path.join(OUT, 'generated', 'prisma'))).toBe(true);
  }, 120_000);

  it('serves /api/messages: a malformed activity is a 400, not a crash', async () => {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'hi' }) });
    expect(res.status).toBe(400);
    expect(child!.exitCode).toBeNull();
  });

  it('runs as plain node on the compiled entry, with no TypeScript loader', () => {
    const cmdline = fs.readFileSync(`/proc/${child!.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(cmdline.slice(1)).toEqual([path.join(OUT, 'main.js')]);
  });
});
