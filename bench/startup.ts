// Start-up benchmark: time from process start to a healthy /healthz, migration time, and idle
// RSS of the serving process (VmRSS from /proc/<pid>/status), for the embedded database (fresh
// folder, then reopened) and PostgreSQL (fresh database, then migrated), beside the echo bot.
// Every process is started as production starts the bot: node on the compiled entry (npm run build).
//   npm run bench:startup
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ADMIN_URL } from './lib/plan-stores.js';
import { BOT_ENTRY, ECHO_ENTRY, LAUNCH, botEnv, sleep, startServer } from './lib/servers.js';

interface Result { label: string; healthyMs: number; migrationMs: number | null; applied: number; idleRssMb: number }

const SETTLE_MS = 3_000;

async function measure(label: string, entry: string, env: Record<string, string>): Promise<Result> {
  const server = await startServer(label, entry, env);
  try {
    await sleep(SETTLE_MS); // settle, then read idle memory
    const idleRssMb = server.rssMb();
    const ready = server.log().split('\n').map((l) => { try { return JSON.parse(l) as { msg?: string; migrationMs?: number; applied?: string[] }; } catch { return {}; } })
      .find((l) => l.msg === 'database ready');
    return { label, healthyMs: server.startMs, migrationMs: ready?.migrationMs ?? null, applied: ready?.applied?.length ?? 0, idleRssMb };
  } finally {
    await server.stop();
  }
}

async function postgresRows(): Promise<Result[]> {
  const name = `bench_startup_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL); url.pathname = `/${name}`;
    const env = botEnv({ DATABASE_URL: url.toString() }, new Date().toISOString());
    return [await measure('bot, PostgreSQL, new database', BOT_ENTRY, env), await measure('bot, PostgreSQL, migrated', BOT_ENTRY, env)];
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  }
}

export async function benchStartup(): Promise<string> {
  const results: Result[] = [await measure('echo bot (no database)', ECHO_ENTRY, { NODE_ENV: 'production' })];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-startup-'));
  try {
    const env = botEnv({ DATA_DIR: dir, DATABASE_URL: '' }, new Date().toISOString());
    results.push(await measure('bot, embedded, new folder', BOT_ENTRY, env));
    results.push(await measure('bot, embedded, reopened', BOT_ENTRY, env));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  try {
    results.push(...await postgresRows());
  } catch (err) {
    console.error(`PostgreSQL skipped: ${err instanceof Error ? err.message : String(err)}`);
  }
  const echo = results[0]!.idleRssMb;
  return [
    `Each process started with \`${LAUNCH}\`; idle RSS read ${SETTLE_MS / 1000} s after /healthz first answered 200; empty plan.\n`,
    '| process | start to healthy (ms) | migrations applied | migration time (ms) | idle RSS (MB) | RSS × echo |',
    '|---|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.label} | ${r.healthyMs.toFixed(0)} | ${r.applied} | ${r.migrationMs ?? 'n/a'} | ${r.idleRssMb.toFixed(0)} | ${(r.idleRssMb / echo).toFixed(1)} × |`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchStartup());
