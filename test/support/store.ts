// Test stores: a migrated PGlite template cloned per test (fast), and a fresh PostgreSQL
// database per store when a server is reachable (TEST_DATABASE_URL, default local trust auth).
import crypto from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { describe } from 'vitest';
import { openStore, pgConfig, type Store } from '../../src/store/database.js';
import { applyMigrations } from '../../src/store/migrate.js';
import { createMemoryPGlite } from '../../src/store/pglite.js';

export type StoreKind = 'embedded' | 'postgresql';

export const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

let template: Promise<PGlite> | undefined;
function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const db = await createMemoryPGlite();
    await applyMigrations({
      exec: async (sql) => { await db.exec(sql); },
      query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    });
    return db;
  })();
  return template;
}

let reachable: Promise<boolean> | undefined;
export function postgresReachable(): Promise<boolean> {
  reachable ??= (async () => {
    const client = new pg.Client({ ...pgConfig(ADMIN_URL), connectionTimeoutMillis: 1500 });
    try { await client.connect(); await client.query('SELECT 1'); return true; } catch { return false; } finally { await client.end().catch(() => undefined); }
  })();
  return reachable;
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client(pgConfig(ADMIN_URL));
  await client.connect();
  try { await client.query(sql); } finally { await client.end(); }
}

/** A new, migrated, empty store of the given kind. close() also removes a PostgreSQL database. */
export async function createTestStore(kind: StoreKind = 'embedded'): Promise<Store> {
  if (kind === 'embedded') {
    const copy = (await (await migratedTemplate()).clone()) as PGlite;
    return openStore({ pglite: copy });
  }
  const name = `bot_test_${crypto.randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  const close = store.close;
  store.close = async () => {
    await close();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };
  return store;
}

const pgUp = await postgresReachable();
if (!pgUp) {
  if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL}, and CI must test against it.`);
  console.warn(`[tests] PostgreSQL is not reachable at ${ADMIN_URL}: its store tests are skipped.`);
}

/** Runs a suite once per store kind; the PostgreSQL run is skipped, visibly, when no server answers. */
export function describeEachStore(name: string, suite: (kind: StoreKind) => void): void {
  describe(`${name} [embedded]`, () => suite('embedded'));
  (pgUp ? describe : describe.skip)(`${name} [postgresql]`, () => suite('postgresql'));
}
