// Opens the plan store: the embedded database (PGlite in ./data, or in memory) by default,
// PostgreSQL when DATABASE_URL is set. Either way it is migrated before it is handed out.
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { offerStaging, pgStager } from './bulk-copy.js';
import { openDurablePGlite } from './durable-fs.js';
import { initialiseInChild } from './embedded-init.js';
import { createMemoryPGlite } from './pglite.js';
import { lockFolder, type FolderLock } from './folder-lock.js';
import { offerPrepared, pgPrepared, pglitePrepared } from './prepared.js';
import { applyMigrations, type MigrationReport, type SqlRunner } from './migrate.js';

export type Db = PrismaClient;

export interface Store {
  db: Db;
  kind: 'embedded' | 'postgresql';
  migration: MigrationReport;
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgresql://… for a server; unset for the embedded database. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database; 'memory://' keeps it in memory (tests). */
  dataDir?: string;
  /** shared_buffers of the embedded database (PGLITE_SHARED_BUFFERS); default 16MB. */
  pgliteSharedBuffers?: string | undefined;
  /** An already-open PGlite (tests clone a migrated template). */
  pglite?: PGlite;
  /**
   * Called if this process loses its lock on the data folder while running (another process may
   * now write it). Default: one line on stderr and exit 1, since further writes could be lost.
   */
  onLockLost?: (err: Error) => void;
}

function lockLost(folder: string) {
  return (err: Error) => {
    console.error(`Lost the lock on the data folder ${folder} (${err.message}); stopping so that no write is lost.`);
    process.exit(1);
  };
}

const MIGRATION_LOCK_KEY = 4_216_001; // advisory lock id shared by every replica

export async function openStore(options: StoreOptions): Promise<Store> {
  return options.databaseUrl ? openPostgres(options.databaseUrl) : openEmbedded(options);
}

async function openEmbedded(options: StoreOptions): Promise<Store> {
  let pglite = options.pglite;
  let lock: FolderLock | undefined;
  if (!pglite) {
    const dataDir = options.dataDir ?? './data/pglite';
    if (dataDir.startsWith('memory://')) pglite = await createMemoryPGlite(options.pgliteSharedBuffers);
    else {
      // One process per folder: a second one would silently lose the first one's writes.
      fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
      lock = await lockFolder(dataDir, options.onLockLost ?? lockLost(path.resolve(dataDir)));
      pglite = await initialiseInChild(dataDir).then(() => openDurablePGlite(dataDir, options.pgliteSharedBuffers))
        .catch(async (err: unknown) => { await lock?.release(); throw err; });
    }
  }
  const opened = pglite;
  const runner: SqlRunner = {
    exec: async (sql) => { await pglite.exec(sql); },
    query: async <T>(sql: string, params?: unknown[]) => (await pglite.query<T>(sql, params)).rows,
  };
  const migration = await applyMigrations(runner).catch(async (err: unknown) => {
    if (lock) { await opened.close().catch(() => undefined); await lock.release(); }
    throw err;
  });
  // The adapter is typed against its own copy of @prisma/driver-adapter-utils; the shapes match.
  const db = new PrismaClient({ adapter: new PrismaPGlite(pglite) as unknown as PrismaPg });
  offerPrepared(db, pglitePrepared(pglite));
  return {
    db, kind: 'embedded', migration,
    ping: async () => { try { await pglite.query('SELECT 1'); return !pglite.closed; } catch { return false; } },
    close: async () => {
      await db.$disconnect();
      if (!pglite.closed) await pglite.close();
      await lock?.release();
    },
  };
}

/** pg connection settings as separate fields (a connectionString defeats database overrides). */
export function pgConfig(databaseUrl: string): pg.PoolConfig {
  const url = new URL(databaseUrl);
  return {
    host: url.hostname || '127.0.0.1',
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, '') || 'postgres'),
    max: Number(url.searchParams.get('connection_limit') ?? 10),
    connectionTimeoutMillis: 5_000,
  };
}

async function openPostgres(databaseUrl: string): Promise<Store> {
  const config = pgConfig(databaseUrl);
  const migration = await migratePostgres(config);
  const pool = releaseOnConnectionLoss(new pg.Pool(config));
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  offerPrepared(db, pgPrepared(pool));
  // Staging copies on a second connection while the import's transaction holds one.
  if ((config.max ?? 10) >= 2) offerStaging(db, () => pgStager(pool));
  return {
    db, kind: 'postgresql', migration,
    ping: async () => { try { await pool.query('SELECT 1'); return true; } catch { return false; } },
    close: async () => { await db.$disconnect(); await pool.end().catch(() => undefined); },
  };
}

/**
 * When the connection under an interactive transaction dies (server restart, terminated backend),
 * Prisma 6.19 tries ROLLBACK, fails, and never calls the adapter's rollback(), which is what
 * releases the pg client: the pool would lose that connection for good and, after
 * connection_limit such failures, starve. So a checked-out client whose connection ends or
 * errors is released (and destroyed) here, and release becomes safe to call more than once.
 */
export function releaseOnConnectionLoss(pool: pg.Pool): pg.Pool {
  const original = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  (pool as unknown as { connect: (...args: unknown[]) => unknown }).connect = (...args: unknown[]) => {
    if (args.length > 0) return original(...args); // callback style: not used by the adapter
    return (original() as Promise<pg.PoolClient>).then((client) => {
      const release = client.release.bind(client);
      let released = false;
      const lost = () => client.release(new Error('connection lost'));
      client.release = ((err?: Error | boolean) => {
        if (released) return;
        released = true;
        client.removeListener('error', lost);
        client.removeListener('end', lost);
        release(err);
      }) as typeof client.release;
      client.once('error', lost);
      client.once('end', lost);
      return client;
    });
  };
  return pool;
}

/** Several replicas may start at once: one migrates under an advisory lock, the others wait. */
async function migratePostgres(config: pg.PoolConfig): Promise<MigrationReport> {
  const client = new pg.Client(config);
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const runner: SqlRunner = {
      exec: async (sql) => { await client.query(sql); },
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    };
    return await applyMigrations(runner);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
