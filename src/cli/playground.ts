// npm run playground: the bot on the demo data, in Microsoft 365 Agents Playground (a Teams client
// emulator that runs in your browser, no Microsoft account needed).
//
//   npm run playground                    # then open the printed address
//   npm run playground -- --port 56150 --now 2026-11-22T09:00:00Z --keep
//   npm run playground -- --as eclarke     # be Emma Clarke, a SENCO, instead of Owen Price
//   npm run playground -- --record /tmp/activities   # save what the client sends, as test fixtures
//
// Starts two processes and stops both on Ctrl-C:
// - the bot (src/main.ts) with DEMO_DATA=1 and CLOCK_NOW pinned (default 2026-11-22T09:00:00Z) on a
//   fresh embedded database in a temporary folder (or on DATABASE_URL when that is set);
// - the Playground (pinned at 0.2.28) with telemetry off and no desktop browser, using the mock
//   people in .m365agentsplayground.yml (you are Owen Price, an action owner). It reads no app
//   manifest and takes none, so the message extension's command id and parameter name are printed
//   for you to type into its search panel (see playground-manifest.ts).
// Inbound authentication is off for this (the Playground sends no tokens), so the bot listens on
// 127.0.0.1 only. The Playground itself listens on every interface: use it on a trusted network.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { PACKAGE_ROOT } from '../paths/package-root.js';
import { manifestSearchCommand } from './playground-manifest.js';
import { PLAYGROUND_CONFIG, PLAYGROUND_PEOPLE, playgroundConfig } from './playground-people.js';
import { startRecorder, type Recorder } from './record-activities.js';

export { PLAYGROUND_CONFIG, PLAYGROUND_PEOPLE, PLAYGROUND_TENANT_ID, playgroundConfig, type MockPerson } from './playground-people.js';

const ROOT = PACKAGE_ROOT;
export const PLAYGROUND_CLI = path.join(ROOT, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
export const DEFAULT_NOW = '2026-11-22T09:00:00Z';

export interface PlaygroundOptions {
  /** Who you are in the Playground: a key from PLAYGROUND_PEOPLE (default oprice, Owen Price). */
  as?: string;
  /** Pins "now" for the bot (CLOCK_NOW). */
  now?: string;
  /** A PostgreSQL database for the bot; otherwise a fresh embedded one in the temporary folder. */
  databaseUrl?: string;
  /** The Playground's port (default 56150; it moves to a free one when that is busy). 0: any free port. */
  playgroundPort?: number;
  /** The bot's port; default any free port. */
  botPort?: number;
  /** Keep the temporary folder (bot log, embedded database) after stopping. */
  keep?: boolean;
  /** Save every activity the Playground posts to the bot in this folder (see record-activities.ts). */
  record?: string;
  /** Extra environment for the bot. */
  botEnv?: Record<string, string>;
  /** Progress lines; default silent. */
  say?: (line: string) => void;
  /** How long to wait for each process to be ready (ms). */
  timeoutMs?: number;
}

export interface RunningPlayground {
  /** The Playground's web address. */
  url: string;
  /** The bot's messaging endpoint. */
  botEndpoint: string;
  /** The temporary folder (bot.log, data/). */
  stateDir: string;
  /** The environment the bot runs with, for running jobs against the same database. */
  botEnvironment: Record<string, string>;
  /** Resolves when either process exits by itself; with its name and exit code. */
  exited: Promise<{ name: string; code: number | null }>;
  /** Stops only the bot (e.g. to let a job use the embedded database); the Playground stays up. */
  stopBot(): Promise<void>;
  stop(): Promise<void>;
}

/** The environment without the bot identity: the Playground sends no tokens, so auth must be off. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || /^(BOT_ID|BOT_PASSWORD|BOT_TENANT_ID|BOT_OPENID_METADATA_URL|DATABASE_URL|PORT|HOST|DATA_DIR|DEMO_DATA|CLOCK_NOW)$/.test(k)) continue;
    env[k] = v;
  }
  return env;
}

function waitForLine(child: ChildProcess, name: string, match: (line: string) => string | undefined, timeoutMs: number, tail: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    const timer = setTimeout(() => { cleanup(); reject(new Error(`${name} did not start within ${Math.round(timeoutMs / 1000)} s.${tail.length ? ` Last output: ${tail.slice(-5).join(' | ')}` : ''}`)); }, timeoutMs);
    const onExit = (code: number | null) => { cleanup(); reject(new Error(`${name} stopped while starting (exit code ${code}).${tail.length ? ` Last output: ${tail.slice(-5).join(' | ')}` : ''}`)); };
    const onLine = (line: string) => {
      const found = match(line);
      if (found !== undefined) { cleanup(); resolve(found); }
    };
    const cleanup = () => { clearTimeout(timer); child.off('exit', onExit); lines.off('line', onLine); };
    child.once('exit', onExit);
    lines.on('line', onLine);
  });
}

function stopChild(child: ChildProcess | undefined, graceMs = 5000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => { child.kill('SIGKILL'); }, graceMs);
    child.once('exit', () => { clearTimeout(force); resolve(); });
    child.kill('SIGTERM');
  });
}

async function ping(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_debug/ping`, { signal: AbortSignal.timeout(1000) });
    return res.ok && (await res.text()).includes('pong');
  } catch {
    return false;
  }
}

/** Keeps the last 20 lines a child printed, for the error message if it fails to start. */
const keepTail = (tail: string[]) => (chunk: Buffer) => {
  tail.push(...chunk.toString().split('\n').filter(Boolean).map((l) => l.slice(0, 300)));
  tail.splice(0, Math.max(0, tail.length - 20));
};

/** Starts the bot on the demo data and waits for the port it logs. */
async function startBot(options: PlaygroundOptions, stateDir: string, children: ChildProcess[], say: (line: string) => void, timeoutMs: number) {
  const botEnvironment: Record<string, string> = {
    ...baseEnv(),
    PORT: String(options.botPort ?? 0),
    DATA_DIR: path.join(stateDir, 'data'),
    DEMO_DATA: '1',
    CLOCK_NOW: options.now ?? DEFAULT_NOW,
    SCHEDULER: '0',
    LOG_LEVEL: 'info',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.botEnv,
  };
  const botLog = fs.createWriteStream(path.join(stateDir, 'bot.log'));
  const bot = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'main.ts')], { cwd: ROOT, env: botEnvironment, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(bot);
  const botTail: string[] = [];
  bot.stdout!.on('data', keepTail(botTail));
  bot.stderr!.on('data', keepTail(botTail));
  bot.stdout!.pipe(botLog);
  bot.stderr!.pipe(botLog);
  say(`Starting the bot on the demo data (now is ${botEnvironment.CLOCK_NOW})...`);
  const botPort = await waitForLine(bot, 'The bot', (line) => {
    try {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      return entry.msg === 'bot listening' && entry.port ? String(entry.port) : undefined;
    } catch { return undefined; }
  }, timeoutMs, botTail);
  return { bot, botEnvironment, botEndpoint: `http://127.0.0.1:${botPort}/api/messages` };
}

export async function startPlayground(options: PlaygroundOptions = {}): Promise<RunningPlayground> {
  const say = options.say ?? (() => undefined);
  const timeoutMs = options.timeoutMs ?? 90_000;
  if (!fs.existsSync(PLAYGROUND_CLI)) throw new Error('The Playground is not installed: run npm install (it is the dev dependency @microsoft/m365agentsplayground).');
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'send-bot-playground-'));
  const children: ChildProcess[] = [];
  let recorder: Recorder | undefined;
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      await Promise.all([...children].reverse().map((c) => stopChild(c)));
      await recorder?.close();
      if (!options.keep) fs.rmSync(stateDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  try {
    // 1. The bot, on the demo data.
    const { bot, botEnvironment, botEndpoint } = await startBot(options, stateDir, children, say, timeoutMs);
    if (options.record) {
      recorder = await startRecorder(botEndpoint, path.resolve(options.record));
      say(`Recording every activity the Playground sends in ${path.resolve(options.record)}`);
    }

    // 2. The Playground, pointed at it. Its state is in memory: a new process is a fresh client.
    let configPath = PLAYGROUND_CONFIG;
    if (options.as && options.as !== 'oprice') {
      configPath = path.join(stateDir, '.m365agentsplayground.yml');
      fs.writeFileSync(configPath, playgroundConfig(options.as));
    }
    const playground = spawn(process.execPath, [
      PLAYGROUND_CLI, '-e', recorder?.endpoint ?? botEndpoint, '-c', 'msteams', '-p', String(options.playgroundPort ?? 56150), '--disable-telemetry',
    ], {
      cwd: stateDir, // it writes devTools/ into its working folder
      env: { ...baseEnv(), TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(playground);
    const playgroundTail: string[] = [];
    playground.stdout!.on('data', keepTail(playgroundTail));
    playground.stderr!.on('data', keepTail(playgroundTail));
    say('Starting Microsoft 365 Agents Playground...');
    const port = await waitForLine(playground, 'The Playground', (line) => line.match(/Listening on (\d+)/)?.[1], timeoutMs, playgroundTail);
    const url = `http://localhost:${port}`;
    const deadline = Date.now() + timeoutMs;
    while (!(await ping(url))) {
      if (Date.now() > deadline) throw new Error(`The Playground did not answer on ${url}/_debug/ping.`);
      await new Promise((r) => setTimeout(r, 200));
    }

    const exited = new Promise<{ name: string; code: number | null }>((resolve) => {
      bot.once('exit', (code) => resolve({ name: 'the bot', code }));
      playground.once('exit', (code) => resolve({ name: 'the Playground', code }));
    });
    return { url, botEndpoint, stateDir, botEnvironment, exited, stopBot: () => stopChild(bot), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function parseArgs(argv: string[]): PlaygroundOptions {
  const options: PlaygroundOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value.`);
      return v;
    };
    if (arg === '--port') options.playgroundPort = Number(value());
    else if (arg === '--bot-port') options.botPort = Number(value());
    else if (arg === '--now') options.now = value();
    else if (arg === '--as') options.as = value();
    else if (arg === '--keep') options.keep = true;
    else if (arg === '--record') options.record = value();
    else if (arg === '--help' || arg === '-h') {
      console.log('Usage: npm run playground -- [--as oprice] [--port 56150] [--bot-port 0] [--now 2026-11-22T09:00:00Z] [--keep] [--record <folder>]');
      console.log(`--as: who you are, one of ${PLAYGROUND_PEOPLE.map((p) => `${p.key} (${p.name})`).join(', ')}.`);
      process.exit(0);
    } else throw new Error(`Unknown option ${arg}; try --help.`);
  }
  if (options.as) playgroundConfig(options.as); // fails early on an unknown key
  if (options.now && Number.isNaN(Date.parse(options.now))) throw new Error(`--now ${options.now} is not a date-time such as 2026-11-22T09:00:00Z.`);
  return options;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  options.now ??= process.env.CLOCK_NOW || DEFAULT_NOW;
  options.databaseUrl ??= process.env.DATABASE_URL || undefined;
  if (process.env.BOT_ID) console.log('Note: BOT_ID is ignored here: the Playground sends no tokens, so the bot runs without inbound authentication on 127.0.0.1.');
  const running = await startPlayground({ ...options, say: (line) => console.log(line) });
  let shuttingDown = false;
  const shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log('\nStopping the Playground and the bot...');
    await running.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
  void running.exited.then(({ name, code }) => {
    if (shuttingDown) return;
    console.error(`${name} stopped unexpectedly (exit code ${code}).${options.keep ? ` Its log is in ${running.stateDir}.` : ''}`);
    void shutdown(1);
  });
  console.log(`Bot: ${running.botEndpoint} (demo data; log in ${path.join(running.stateDir, 'bot.log')})`);
  const me = PLAYGROUND_PEOPLE.find((p) => p.key === (options.as ?? 'oprice'))!;
  console.log(`You are ${me.name}: ${me.note} Try "What's overdue?" in the personal chat, or @mention the bot in "Batley cluster SENCOs".`);
  const search = manifestSearchCommand();
  console.log(`To search the plan from the compose box: the + button beside it, "Search Command", then under "Specify Command ID or Parameter" type ${search.id} and ${search.parameter} (the Playground reads no manifest).`);
  console.log('Press Ctrl-C to stop both.');
  console.log(`Open the Playground: ${running.url}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error(`playground: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
