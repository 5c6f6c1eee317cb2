// Statements that run on every card save, card open and message, prepared once per connection and
// then run by name. Through Prisma each raw query costs about 0.6 ms of its own work, and the
// database plans it afresh each time: the action record (six tables) took 2.2 ms on PGlite where
// the same statement run by name takes 0.27 ms (docs/BENCHMARKS.md, "Prepared statements").
// Only fixed-shape statements belong here (one text, whatever the values), so each connection
// holds a handful. Inside a transaction the transaction's own client runs the statement instead.
import { createHash } from 'node:crypto';
import { parse, protocol, type PGlite } from '@electric-sql/pglite';
import type pg from 'pg';
import type { Prisma } from '../generated/prisma/client.js';

/** Runs statements on the database's own driver, without Prisma's work around each raw query. */
export interface Prepared {
  /** A fixed-shape statement, by name, prepared on first use (its plan may be kept). */
  rows<T>(sql: Prisma.Sql): Promise<T[]>;
  /**
   * A statement planned for these values each time: its shape varies (a list of title words), or
   * its best plan depends on the values (a word in three titles or in thirty thousand).
   */
  once<T>(sql: Prisma.Sql): Promise<T[]>;
}

type RawClient = Pick<Prisma.TransactionClient, '$queryRaw'>;

const offered = new WeakMap<object, Prepared>();

/** Called by openStore: this client's database can run prepared statements. */
export function offerPrepared(db: object, prepared: Prepared): void {
  offered.set(db, prepared);
}

/** The prepared runner of this client, or its own raw query (a transaction, a test double). */
export function preparedFor(db: RawClient): Prepared {
  return offered.get(db) ?? { rows: <T>(sql: Prisma.Sql) => db.$queryRaw<T[]>(sql), once: <T>(sql: Prisma.Sql) => db.$queryRaw<T[]>(sql) };
}

/** One name per statement text, the same in every process. */
function nameOf(text: string): string {
  return `bot_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
}

/** PostgreSQL: node-postgres prepares a named statement on each pooled connection the first time. */
export function pgPrepared(pool: pg.Pool): Prepared {
  return {
    rows: async <T>(sql: Prisma.Sql) => (await pool.query({ name: nameOf(sql.text), text: sql.text, values: sql.values as unknown[] })).rows as T[],
    once: async <T>(sql: Prisma.Sql) => (await pool.query({ text: sql.text, values: sql.values as unknown[] })).rows as T[],
  };
}

/**
 * PGlite: one session, so a statement is parsed once (Parse with a name) and then bound and run.
 * PGlite's own query() parses every time; this follows its protocol steps, under the same locks.
 */
export function pglitePrepared(db: PGlite): Prepared {
  const paramTypes = new Map<string, number[]>();
  const s = protocol.serialize;
  const step = (message: Uint8Array) => db.execProtocolStream(message, { syncToFs: false });
  const run = async (name: string, text: string, values: readonly unknown[]) => {
    const messages = [];
    try {
      let types = paramTypes.get(name);
      if (!types) {
        // Already there when an earlier parse succeeded and its describe failed.
        await step(s.parse({ name, text })).catch((err: unknown) => { if ((err as { code?: string }).code !== '42P05') throw err; });
        const described = await step(s.describe({ type: 'S', name }));
        const params = described.find((m) => m.name === 'parameterDescription') as { dataTypeIDs?: number[] } | undefined;
        types = params?.dataTypeIDs ?? [];
        paramTypes.set(name, types);
      }
      const known = types;
      const serialised = values.map((v, i) => {
        if (v === null || v === undefined) return null;
        const serialise = db.serializers[known[i] ?? 0];
        return serialise ? serialise(v) : String(v);
      });
      messages.push(...await step(s.bind({ statement: name, values: serialised })));
      messages.push(...await step(s.describe({ type: 'P' })));
      messages.push(...await step(s.execute({})));
    } finally {
      messages.push(...await step(s.sync()));
    }
    // A no-op on a folder on disk (each write goes straight to the file layer), as in query().
    if (!db.isInTransaction()) await db.syncToFs();
    return parse.parseResults(messages, db.parsers)[0]?.rows ?? [];
  };
  return {
    // Waits for any open transaction, as query() does, then holds the query lock for the steps.
    rows: async <T>(sql: Prisma.Sql) => db._runExclusiveTransaction(() => db.runExclusive(() => run(nameOf(sql.text), sql.text, sql.values))) as Promise<T[]>,
    once: async <T>(sql: Prisma.Sql) => (await db.query<T>(sql.text, sql.values)).rows,
  };
}
