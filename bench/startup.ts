// Start-up benchmark: time from process start to a healthy /healthz, migration time, and idle
// RSS, for the embedded database (fresh folder, then reopened) and PostgreSQL (fresh database).
//   npx tsx bench/startup.ts
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const ADMIN = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

interface Result { label: string; healthyMs: number; migrationMs: number | null; applied: number; idleRssMb: number }

async function measure(label: string, env: Record<string, string>, port: number): Promise<Result> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', SCHEDULER: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (c: Buffer) => { log += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { log += c.toString(); });
  let healthyMs = -1;
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) { healthyMs = performance.now() - started; break; }
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 25));
  }
  if (healthyMs < 0) throw new Error(`${label}: never became healthy\n${log}`);
  await new Promise((r) => setTimeout(r, 3000)); // settle, then read idle memory
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  const ready = log.split('\n').map((l) => { try { return JSON.parse(l) as { msg?: string; migrationMs?: number; applied?: string[] }; } catch { return {}; } })
    .find((l) => l.msg === 'database ready');
  return { label, healthyMs, migrationMs: ready?.migrationMs ?? null, applied: ready?.applied?.length ?? 0, idleRssMb: rssKb / 1024 };
}

const results: Result[] = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-startup-'));
results.push(await measure('embedded, new folder', { DATA_DIR: dir }, 3981));
results.push(await measure('embedded, reopened', { DATA_DIR: dir }, 3982));
fs.rmSync(dir, { recursive: true, force: true });

const admin = new pg.Client({ connectionString: ADMIN });
try {
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS bench_startup WITH (FORCE)');
  await admin.query('CREATE DATABASE bench_startup');
  const url = new URL(ADMIN); url.pathname = '/bench_startup';
  results.push(await measure('PostgreSQL, new database', { DATABASE_URL: url.toString() }, 3983));
  results.push(await measure('PostgreSQL, migrated', { DATABASE_URL: url.toString() }, 3984));
  await admin.query('DROP DATABASE IF EXISTS bench_startup WITH (FORCE)');
} catch (err) {
  console.error(`PostgreSQL skipped: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  await admin.end().catch(() => undefined);
}

console.log(`Machine: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`);
console.log('| database | start to healthy (ms) | migrations applied | migration time (ms) | idle RSS (MB) |');
console.log('|---|---|---|---|---|');
for (const r of results) {
  console.log(`| ${r.label} | ${r.healthyMs.toFixed(0)} | ${r.applied} | ${r.migrationMs ?? 'n/a'} | ${r.idleRssMb.toFixed(0)} |`);
}
