// One process owns an embedded data folder (issue 12, /work/shared/contract.md): a second
// process on the same DATA_DIR (the bot, `npm run job`, import, export) stops at once with one line
// naming the folder and the holder's pid, exit code 1; a lock left by a process killed with
// SIGKILL is taken over at once, and every commit it had acknowledged is there.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
let dataDir: string;
const children: ChildProcess[] = [];

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', PORT: '0', BOT_ID: '', ...env },
    });
    let out = ''; let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Starts a holder that commits `count` rows, and resolves once it says they are acknowledged. */
function hold(count: number): Promise<{ child: ChildProcess; committed: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/hold-store.ts', path.join(dataDir, 'pglite'), String(count)], { cwd: ROOT });
    children.push(child);
    let out = ''; let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /COMMITTED (\d+)/.exec(out);
      if (m) resolve({ child, committed: Number(m[1]) });
    });
    child.on('close', (code) => reject(new Error(`holder exited ${code}: ${err}`)));
  });
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => { child.removeAllListeners('close'); child.on('close', () => resolve()); child.kill('SIGKILL'); });
}

beforeAll(() => { dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'folder-lock-')); });
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('refuses a second process on the same folder, and takes over after kill -9 with every acknowledged commit', async () => {
  const first = await hold(25);
  expect(first.committed).toBe(25);
  const folder = path.join(dataDir, 'pglite');
  const pid = first.child.pid!;

  // The bot itself, and a job: each stops at once with one line naming the folder and the pid.
  const bot = await run(['src/main.ts']);
  expect(bot.code).toBe(1);
  const botLines = bot.err.trim().split('\n');
  expect(botLines).toHaveLength(1);
  expect(botLines[0]).toContain(folder);
  expect(botLines[0]).toContain(`pid ${pid}`);
  const job = await run(['src/cli/job.ts', 'owner-nudges']);
  expect(job.code).not.toBe(0);
  expect(job.err.trim().split('\n')).toHaveLength(1);
  expect(job.err).toMatch(new RegExp(`in use by another process \\(pid ${pid}\\)`));

  const exported = await run(['src/cli/export.ts', path.join(dataDir, 'export')]);
  expect(exported.code).toBe(1);
  expect(exported.err.trim().split('\n')).toEqual([expect.stringContaining(`${folder} is in use by another process (pid ${pid})`)]);

  // kill -9 right after the acknowledged commits: the next process takes the folder over at once.
  await killed(first.child);
  const started = Date.now();
  const second = await hold(5);
  expect(second.committed).toBe(30);
  expect(Date.now() - started).toBeLessThan(30_000); // not the 120 s stale time
  await killed(second.child);
}, 120_000);

it('releases the folder on a clean exit', async () => {
  const done = await run(['test/support/hold-store.ts', path.join(dataDir, 'pglite'), '1', 'exit']);
  expect(done.code).toBe(0);
  expect(fs.existsSync(path.join(dataDir, 'pglite.lock'))).toBe(false);
  expect(fs.existsSync(path.join(dataDir, 'pglite.lock.owner'))).toBe(false);
}, 60_000);
