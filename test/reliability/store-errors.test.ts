// src/store/errors.ts on real errors from both databases: what counts as "the database is
// unavailable, try again shortly" (connection refused, the server shutting down or terminating
// the session, the embedded database closed, pool timeouts) and what is a unique violation.
// The PostgreSQL shapes are the ones test/reliability/database-restart.test.ts met when the
// server stopped under the bot: a PrismaClientKnownRequestError P1001 ("Can't reach database
// server") that isUnavailable used not to recognise, and 57P01/57P03 from the driver.
import crypto from 'node:crypto';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { describe, expect, it } from 'vitest';
import { PrismaClient } from '../../src/generated/prisma/client.js';
import { openStore } from '../../src/store/database.js';
import { isUnavailable, isUniqueViolation } from '../../src/store/errors.js';
import { createTestStore, describeEachStore, postgresReachable } from '../support/store.js';

async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try { await fn(); } catch (err) { return err; }
  throw new Error('expected a failure');
}

describe('isUnavailable: a server that cannot be reached', () => {
  it('recognises Prisma P1001 from a refused connection (a stopped server)', async () => {
    const pool = new pg.Pool({ host: '127.0.0.1', port: 1, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 2_000 });
    pool.on('error', () => undefined);
    const db = new PrismaClient({ adapter: new PrismaPg(pool) });
    try {
      const query = await caught(() => db.person.count());
      expect((query as { code?: string }).code).toBe('P1001');
      expect(isUnavailable(query)).toBe(true);
      expect(isUniqueViolation(query)).toBe(false);
      const raw = await caught(() => db.$queryRaw`SELECT 1`); // P2010 wrapping the same driver error
      expect(isUnavailable(raw)).toBe(true);
      expect(isUnavailable(await caught(() => db.$transaction(async (tx) => tx.person.count())))).toBe(true);
    } finally {
      await db.$disconnect();
      await pool.end().catch(() => undefined);
    }
  });

  it('recognises the shapes the driver and pool produce while a server stops or restarts', () => {
    const adapterError = (cause: Record<string, unknown>) => Object.assign(new Error(String(cause.message ?? cause.kind)), { name: 'DriverAdapterError', cause });
    // As thrown bare from @prisma/adapter-pg during a fast shutdown.
    expect(isUnavailable(adapterError({ kind: 'postgres', code: '57P03', originalCode: '57P03', message: 'the database system is shutting down' }))).toBe(true);
    expect(isUnavailable(adapterError({ kind: 'postgres', code: '57P01', originalCode: '57P01', message: 'terminating connection due to administrator command' }))).toBe(true);
    expect(isUnavailable(adapterError({ kind: 'ConnectionClosed' }))).toBe(true);
    expect(isUnavailable(adapterError({ kind: 'TooManyConnections', cause: 'sorry, too many clients already' }))).toBe(true);
    // As wrapped by Prisma: the driver's view sits in meta.driverAdapterError.
    const wrapped = Object.assign(new Error('Raw query failed.'), { name: 'PrismaClientKnownRequestError', code: 'P2010', meta: { driverAdapterError: adapterError({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 5432 }) } });
    expect(isUnavailable(wrapped)).toBe(true);
    // pg and pg-pool, unwrapped.
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' }))).toBe(true);
    // Prisma's own: pool timeout, transaction could not start in time.
    expect(isUnavailable(Object.assign(new Error('Timed out fetching a new connection from the connection pool.'), { code: 'P2024' }))).toBe(true);
    expect(isUnavailable(Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' }))).toBe(true);
  });

  it('does not take ordinary failures for an outage', () => {
    expect(isUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isUnavailable(Object.assign(new Error('Unique constraint failed on the fields: (`key`)'), { code: 'P2002' }))).toBe(false);
    expect(isUnavailable(Object.assign(new Error('No record was found for an update.'), { code: 'P2025' }))).toBe(false);
    expect(isUnavailable(Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' }))).toBe(false);
    expect(isUnavailable(undefined)).toBe(false);
    expect(isUnavailable('some string')).toBe(false);
  });
});

describeEachStore('store errors from a real database', (kind) => {
  it('a unique violation is recognised (Prisma P2002 on both databases) and is not an outage', async () => {
    const store = await createTestStore(kind);
    try {
      await store.db.person.create({ data: { key: 'dup', name: 'One', roles: [] } });
      const err = await caught(() => store.db.person.create({ data: { key: 'dup', name: 'Two', roles: [] } }));
      expect(isUniqueViolation(err)).toBe(true);
      expect(isUnavailable(err)).toBe(false);
      const inTransaction = await caught(() => store.db.$transaction(async (tx) => { await tx.person.create({ data: { key: 'dup', name: 'Three', roles: [] } }); }));
      expect(isUniqueViolation(inTransaction)).toBe(true);
      const raw = await caught(() => store.db.$executeRaw`INSERT INTO people (key, name, roles, updated_at) VALUES ('dup', 'Four', '{}', now())`);
      expect(isUniqueViolation(raw)).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('a database closed under the bot (embedded) or a terminated session (PostgreSQL) is an outage', async () => {
    const store = await createTestStore(kind);
    if (kind === 'embedded') {
      await store.close();
      const err = await caught(() => store.db.person.count());
      expect(isUnavailable(err)).toBe(true);
      return;
    }
    try {
      // The server ends this session, as a restart or an administrator would. (Outside a
      // transaction: inside one, the connection leaks; see the known defect below.)
      const err = await caught(() => store.db.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`);
      expect(isUnavailable(err)).toBe(true);
      expect(isUniqueViolation(err)).toBe(false);
      // The pool replaces the connection: the next query works.
      expect(await store.db.person.count()).toBe(0);
    } finally {
      await store.close();
    }
  });
});

// A defect this test found: when the connection of an interactive transaction dies (a server
// restart, pg_terminate_backend), Prisma 6.19's transaction manager runs ROLLBACK on it, that
// fails, and it never calls the adapter's rollback(), which is what releases the pg client. The
// pool lost a connection for good, and after connection_limit such transactions every query
// waited for ever. Fixed in src/store/database.ts (releaseOnConnectionLoss).
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const pgUp = await postgresReachable();
(pgUp ? it : it.skip)('a transaction whose connection dies does not cost the pool a connection for good', async () => {
  const name = `bot_leak_${crypto.randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: ADMIN_URL });
    await c.connect();
    try { await c.query(sql); } finally { await c.end(); }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  url.searchParams.set('connection_limit', '2');
  const store = await openStore({ databaseUrl: url.toString() });
  try {
    for (let i = 0; i < 3; i++) {
      const err = await caught(() => store.db.$transaction(async (tx) => { await tx.$queryRaw`SELECT pg_terminate_backend(pg_backend_pid())`; }));
      expect(isUnavailable(err)).toBe(true);
    }
    // Two connections allowed, three lost: a healthy pool opens a new one.
    expect(await store.ping()).toBe(true);
  } finally {
    await store.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}, 30_000);
