// npx tsx bench/import-phases.ts <plan folder> [--embedded] [--only phases|whole]
// Where a first import's time goes: runs the importer's phases one after another on a new
// PostgreSQL database (on BENCH_DATABASE_URL's server, default postgresql://postgres@127.0.0.1:5432,
// dropped after) or a new embedded one in a temporary folder, and prints for each phase the wall
// time, this process's CPU (process.cpuUsage) and, on PostgreSQL, the CPU of the backend that ran
// the transaction and of the database's other backends (the import stages rows on a second
// connection) and their parallel workers: /proc/<pid>/stat of every process whose title names the
// database, sampled every second, so the server must be on this machine. Then the
// whole import again through importFolder on another new database, with its peak RSS.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Prisma } from '../src/generated/prisma/client.js';
import { applyPlan } from '../src/importer/apply-plan.js';
import { importFolder } from '../src/importer/import-folder.js';
import { loadSnapshot } from '../src/importer/import-snapshot.js';
import { planImport } from '../src/importer/plan-import.js';
import { screenImportRows } from '../src/importer/privacy-pass.js';
import { readFolder } from '../src/importer/read-folder.js';
import { stagerFor } from '../src/store/bulk-copy.js';
import { openStore, pgConfig, type Store } from '../src/store/database.js';

const args = process.argv.slice(2);
const folder = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'bench/out/plan-100k');
const embedded = args.includes('--embedded');
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const NOW = new Date('2026-11-22T09:00:00Z');
const TICK = 100; // clock ticks per second (getconf CLK_TCK)

async function admin(sql: string): Promise<void> {
  const client = new pg.Client(pgConfig(ADMIN_URL));
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}

async function fresh(): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (embedded) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-phases-'));
    const store = await openStore({ dataDir: path.join(dir, 'pglite') });
    return { store, dispose: async () => { await store.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const name = `bench_phases_${crypto.randomBytes(5).toString('hex')}`;
  database = name;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return { store, dispose: async () => { await store.close(); await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}

/** utime + stime of a process, in seconds (0 when it cannot be read). */
function procCpu(pid: string): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICK;
  } catch { return 0; }
}

/**
 * CPU seconds so far of each PostgreSQL backend serving the database, by pid, and of the parallel
 * workers helping them (an index build may start some; their titles name only the leader's pid).
 */
function backendsCpu(database: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (database === undefined) return out;
  const workers: [string, string][] = [];
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    let title = '';
    try { title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8'); } catch { continue; }
    if (!title.startsWith('postgres:')) continue;
    if (title.includes(` ${database} `)) out.set(pid, procCpu(pid));
    const leader = /parallel worker for PID (\d+)/.exec(title)?.[1];
    if (leader !== undefined) workers.push([pid, leader]);
  }
  for (const [pid, leader] of workers) if (out.has(leader)) out.set(pid, procCpu(pid));
  return out;
}

/**
 * The backends' CPU from now on: sampled every second, so that a connection the pool opens and
 * closes within a phase (the import copies on one of its own) is counted up to its last sample.
 */
function backendsSampler(database: string | undefined): () => number {
  const first = backendsCpu(database);
  const last = new Map(first);
  const sample = (): void => { for (const [pid, cpu] of backendsCpu(database)) last.set(pid, cpu); };
  const timer = setInterval(sample, 1000);
  return () => {
    clearInterval(timer);
    sample();
    let used = 0;
    for (const [pid, cpu] of last) used += cpu - (first.get(pid) ?? 0);
    return used;
  };
}

const rows: string[] = [];
let database: string | undefined;
async function phase<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const backends = backendsSampler(database);
  const out = await fn();
  const used = process.cpuUsage(cpu);
  const pgUsed = backends();
  const heap = Math.round(process.memoryUsage().heapUsed / 2 ** 20);
  rows.push(`| ${label} | ${((performance.now() - wall) / 1000).toFixed(1)} s | ${((used.user + used.system) / 1e6).toFixed(1)} s | ${embedded ? 'n/a' : `${pgUsed.toFixed(1)} s`} | ${heap} MB |`);
  console.error(rows.at(-1));
  return out;
}

async function phases(): Promise<void> {
  const { store, dispose } = await fresh();
  try {
    const input = await phase('read and check the files', () => readFolder(folder));
    const stager = stagerFor(store.db);
    await store.db.$transaction(async (tx: Prisma.TransactionClient) => {
      const snap = await phase('load what is stored', () => loadSnapshot(tx, input));
      const plan = await phase('plan', () => planImport(input, snap));
      const adults = (input.files['people.csv'] ?? []).map((p) => p.row.name);
      const issues = await phase('privacy screen', () => screenImportRows(input.files, { adultNames: adults }));
      if (issues.length + plan.issues.length > 0) throw new Error(`${issues.length + plan.issues.length} issues`);
      await phase('write', () => applyPlan(tx, plan, snap, { now: NOW }, stager));
    }, { timeout: 30 * 60_000, maxWait: 30_000 }).finally(() => stager?.dispose());
  } finally { await dispose(); }
}

async function whole(): Promise<void> {
  const { store, dispose } = await fresh();
  try {
    await phase('whole import (importFolder, with VACUUM ANALYZE)', () => importFolder(store.db, folder, { now: NOW }));
  } finally { await dispose(); }
}

console.error(`${folder}, ${embedded ? 'embedded' : 'PostgreSQL'}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
// --only phases or --only whole: one of the two (a million rows is heavy enough once).
const only = args[args.indexOf('--only') + 1];
if (only !== 'whole') await phases();
if (only !== 'phases') await whole();
console.log('| phase | wall | import process CPU | PostgreSQL backend CPU | heap used after |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; load average at the end ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
