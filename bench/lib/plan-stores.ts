// The plan under benchmark, in the stores the bot really uses: a generated plan (bench/
// generate-plan.ts) imported by the product's own importer (src/cli/import.ts, in its own process)
// into a real embedded data folder (DATA_DIR, files on disk, not memory://) or a new PostgreSQL
// database. Each store is made fresh and removed afterwards.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generatePlan } from '../generate-plan.js';
import { ROOT } from './servers.js';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
/** "Today" for the generated plan (its overdue actions are overdue on this day). */
export const BENCH_NOW = '2026-11-22T09:00:00Z';

export type StoreKind = 'embedded' | 'postgres';

export interface PreparedStore {
  kind: StoreKind;
  /** What the bot needs in its environment to open this store. */
  env: Record<string, string>;
  importMs: number;
  drop(): Promise<void>;
}

/** Parses "100k", "1M", "200" into a number of actions. */
export function parseSize(size: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kKmM]?)$/.exec(size.trim());
  if (!m) throw new Error(`--size must be a number such as 200, 100k or 1M (got ${size})`);
  const n = Number(m[1]) * (m[2]?.toLowerCase() === 'k' ? 1_000 : m[2]?.toLowerCase() === 'm' ? 1_000_000 : 1);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--size must be a whole number of actions (got ${size})`);
  return n;
}

export function sizeLabel(actions: number): string {
  return actions >= 1_000_000 && actions % 1_000_000 === 0 ? `${actions / 1_000_000}M` : actions >= 1_000 && actions % 1_000 === 0 ? `${actions / 1_000}k` : String(actions);
}

/** The generated plan folder for this size, made once and reused (it is deterministic). */
export function planFolder(actions: number, people = Math.max(60, Math.min(5_000, Math.round(actions / 20)))): string {
  const folder = path.join(ROOT, 'bench', 'out', `plan-${sizeLabel(actions)}-p${people}`);
  if (!fs.existsSync(path.join(folder, 'DONE'))) {
    generatePlan({ actions, people, out: folder, seed: 2026 });
    fs.writeFileSync(path.join(folder, 'DONE'), `${actions} actions, ${people} people, seed 2026\n`);
  }
  return folder;
}

async function runImport(folder: string, env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', folder], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', CLOCK_NOW: BENCH_NOW, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => { out += c.toString(); });
  child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`import of ${folder} failed (${code}):\n${out.slice(-2000)}`);
  return performance.now() - started;
}

export async function prepareEmbedded(folder: string): Promise<PreparedStore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-data-'));
  const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
  const importMs = await runImport(folder, env);
  return { kind: 'embedded', env, importMs, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
}

export async function preparePostgres(folder: string): Promise<PreparedStore> {
  const name = `bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  await admin.connect();
  try { await admin.query(`CREATE DATABASE ${name}`); } finally { await admin.end(); }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString() };
  const drop = async () => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    try { await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } finally { await c.end(); }
  };
  try {
    return { kind: 'postgres', env, importMs: await runImport(folder, env), drop };
  } catch (err) {
    await drop();
    throw err;
  }
}

export function prepareStore(kind: StoreKind, folder: string): Promise<PreparedStore> {
  return kind === 'embedded' ? prepareEmbedded(folder) : preparePostgres(folder);
}
