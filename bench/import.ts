// npx tsx bench/import.ts [--skip-pg] [--skip-embedded] [--skip-demo] [--skip-big] [--big bench/out/plan-100k]
// Times the CSV import on a fresh embedded database (PGlite in a temporary folder) and on a fresh
// PostgreSQL database (created on BENCH_DATABASE_URL's server, default
// postgresql://postgres@127.0.0.1:5432, and dropped after), for the demo data and for a generated
// plan (npm run bench:data; generated here with the defaults when missing). For each: the first
// import, the same files again (nothing changes), actions.csv alone with 1% of statuses changed,
// and an export. Prints a Markdown table, with the process's peak RSS so far after each row (with
// the embedded database that includes PGlite's memory: run --skip-embedded for the importer alone).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { ACTION_STATUSES } from '../src/domain/plan/types.js';
import { parseCsv, writeCsv } from '../src/importer/csv.js';
import { DEMO_DATA_DIR } from '../src/importer/demo-data.js';
import { exportFolder } from '../src/importer/export-folder.js';
import { importFolder } from '../src/importer/import-folder.js';
import { openStore, pgConfig, type Store } from '../src/store/database.js';
import { DEFAULT_OUT, generatePlan } from './generate-plan.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const NOW = new Date('2026-11-22T09:00:00Z');

const temps: string[] = [];
const tempDir = (prefix: string): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
};

/** actions.csv alone, with every hundredth action (at least one) moved to the next status. */
function onePercentChanged(folder: string): string {
  const { records } = parseCsv(fs.readFileSync(path.join(folder, 'actions.csv'), 'utf8'));
  const [header, ...rows] = records.map((r) => r.fields);
  const status = header!.indexOf('status');
  rows.forEach((row, i) => {
    if (i % 100 === 0) row[status] = ACTION_STATUSES[(ACTION_STATUSES.indexOf(row[status] as never) + 1) % ACTION_STATUSES.length]!;
  });
  const out = tempDir('bench-changed-');
  fs.writeFileSync(path.join(out, 'actions.csv'), writeCsv([header!, ...rows]));
  return out;
}

async function admin(sql: string): Promise<void> {
  const client = new pg.Client(pgConfig(ADMIN_URL));
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}

async function postgresUp(): Promise<boolean> {
  try { await admin('SELECT 1'); return true; } catch { return false; }
}

interface Opened { store: Store; dispose(): Promise<void> }

async function freshEmbedded(): Promise<Opened> {
  const dir = tempDir('bench-pglite-');
  const store = await openStore({ dataDir: path.join(dir, 'pglite') });
  return { store, dispose: async () => { await store.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}

async function freshPostgres(): Promise<Opened> {
  const name = `bench_import_${crypto.randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return { store, dispose: async () => { await store.close(); await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}

const seconds = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await fn();
  return [performance.now() - started, result];
}

async function measure(label: string, folder: string, database: string, open: () => Promise<Opened>): Promise<string> {
  const changed = onePercentChanged(folder);
  const { store, dispose } = await open();
  try {
    const [first, report] = await time(() => importFolder(store.db, folder, { now: NOW }));
    const [again, second] = await time(() => importFolder(store.db, folder, { now: NOW }));
    const [delta, third] = await time(() => importFolder(store.db, changed, { now: NOW }));
    const [exported] = await time(() => exportFolder(store.db, tempDir('bench-export-')));
    const added = Object.values(report.files).reduce((n, r) => n + r.added, 0);
    const unchanged = Object.values(second.files).every((r) => r.added === 0 && r.changed === 0);
    if (!unchanged) throw new Error('the second import changed something');
    const actions = report.files['actions.csv']?.added ?? 0;
    const changedActions = third.files['actions.csv']?.changed ?? 0;
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    const row = `| ${label} | ${database} | ${actions.toLocaleString('en-GB')} actions, ${added.toLocaleString('en-GB')} rows | ${seconds(first)} | ${seconds(again)} | ${seconds(delta)} (${changedActions.toLocaleString('en-GB')}) | ${seconds(exported)} | ${peak} MB |`;
    console.error(row);
    return row;
  } finally {
    await dispose();
  }
}

async function main(): Promise<void> {
  const datasets: [string, string][] = args.includes('--skip-demo') ? [] : [['demo', DEMO_DATA_DIR]];
  if (!args.includes('--skip-big')) {
    const big = path.resolve(option('big') ?? DEFAULT_OUT);
    if (!fs.existsSync(path.join(big, 'actions.csv'))) {
      console.error(`No generated plan at ${big}: generating one (100 000 actions, 5 000 people)…`);
      generatePlan({ actions: 100_000, people: 5_000, out: big, seed: 2026 });
    }
    datasets.push([path.basename(big), big]);
  }
  const pgUp = !args.includes('--skip-pg') && await postgresUp();
  if (!pgUp && !args.includes('--skip-pg')) console.error(`PostgreSQL is not reachable at ${ADMIN_URL}: embedded only.`);

  const rows: string[] = [];
  for (const [label, folder] of datasets) {
    if (!args.includes('--skip-embedded')) rows.push(await measure(label, folder, 'embedded (PGlite, temp folder)', freshEmbedded));
    if (pgUp) rows.push(await measure(label, folder, 'PostgreSQL', freshPostgres));
  }
  const cpus = os.cpus();
  console.log(`Import benchmark, ${new Date().toISOString().slice(0, 10)}: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, `
    + `${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}, ${os.platform()} ${os.release()}`);
  console.log('');
  console.log('| data set | database | size | first import | same files again | 1% of statuses changed (actions) | export | peak RSS so far |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) console.log(row);
}

try {
  await main();
} finally {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
}
