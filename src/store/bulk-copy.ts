// Staging rows with PostgreSQL's COPY, for the biggest writes of an import (actions and their
// history). Sent as JSON through Prisma, a million rows cost the import process more CPU than the
// database spends storing them (the query compiler handles every chunk's JSON, and the garbage
// behind it is most of the peak memory). COPY takes the rows as plain text from a stream.
//
// COPY needs the driver's own connection, and Prisma's interactive transaction does not give its
// connection out. So the rows are copied, on another connection of the pool and committed at
// once, into an UNLOGGED table of their own, and the import's transaction moves them into place
// with one INSERT … SELECT. A failed import leaves the real tables untouched; the staging tables
// are dropped after the transaction either way (a process killed in between leaves one behind,
// named import_stage_…, which nothing reads).
import crypto from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { Columns, Values } from './bulk-writes.js';

/** Rows copied as they come: `add` waits only when the database is behind (back-pressure). */
export interface StageWriter {
  add(row: Values): Promise<void> | undefined;
  /** Ends the copy; the table's quoted name, once its rows are in and analysed. */
  finish(): Promise<string>;
  /** How many rows were added. */
  readonly count: number;
}

export interface Stager {
  /**
   * Copies the rows into a new unlogged table with the given columns plus `seq` (each row's place
   * in `rows`, from 0), committed at once, and returns the table's quoted name.
   */
  stage(columns: Columns, rows: Iterable<Values>): Promise<string>;
  /**
   * The same, a row at a time while the caller still reads them: the database takes the rows in
   * on its own connection while this process goes on reading and checking the next ones.
   */
  open(columns: Columns): Promise<StageWriter>;
  /** Drops every table this stager made. */
  dispose(): Promise<void>;
}

// Which databases can stage, by their Prisma client: the importer is handed only the client, and
// every caller (the CLI, the demo loader, the tests) opens it through openStore.
const staging = new WeakMap<object, () => Stager>();

export function offerStaging(db: object, make: () => Stager): void {
  staging.set(db, make);
}

/** A stager for this database, or undefined when it cannot stage (the embedded database). */
export function stagerFor(db: object): Stager | undefined {
  return staging.get(db)?.();
}

const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const SPECIAL = /[\\\t\n\r]/;

/** One value in COPY's text format: tab-separated, \N for null, backslash escapes. */
export function copyCell(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => ESCAPED[c]!) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  throw new TypeError(`A ${Array.isArray(value) ? 'list' : typeof value} cannot be staged`);
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** About this much COPY text is sent at a time. */
const BATCH = 65_536;

async function openCopy(pool: pg.Pool, columns: Columns, made: string[]): Promise<StageWriter> {
  const table = ident(`import_stage_${crypto.randomBytes(6).toString('hex')}`);
  const names = Object.keys(columns);
  const client = await pool.connect();
  let released = false;
  const release = (err?: Error): void => { if (!released) { released = true; client.release(err); } };
  try {
    await client.query(`CREATE UNLOGGED TABLE ${table} (seq int, ${Object.entries(columns).map(([n, type]) => `${ident(n)} ${type}`).join(', ')})`);
    made.push(table);
  } catch (err) { release(); throw err; }
  const copy = client.query(copyStreams.from(`COPY ${table} (seq, ${names.map(ident).join(', ')}) FROM STDIN`));
  // Kept from the start, so that a failed copy is reported by the next add or by finish.
  const done = finished(copy);
  done.catch(() => undefined);
  let failed: unknown;
  copy.on('error', (err) => { failed ??= err; });
  let text = '';
  let seq = 0;
  const flush = async (): Promise<void> => {
    const full = !copy.write(text);
    text = '';
    if (full) await Promise.race([once(copy, 'drain'), done]);
    if (failed !== undefined) throw failed;
  };
  return {
    get count() { return seq; },
    add(row) {
      if (failed !== undefined) return Promise.reject(failed);
      let line = String(seq++);
      for (const name of names) line += `\t${copyCell(row[name])}`;
      text += `${line}\n`;
      return text.length >= BATCH ? flush() : undefined;
    },
    async finish() {
      try {
        if (text.length > 0) await flush();
        copy.end();
        await done;
        // Statistics, so that the transaction joins the staged rows by hash rather than row by row.
        await client.query(`ANALYZE ${table}`);
        release();
      } catch (err) {
        release(err instanceof Error ? err : new Error(String(err))); // a connection in the middle of a COPY is not reused
        throw err;
      }
      return table;
    },
  };
}

export function pgStager(pool: pg.Pool): Stager {
  const made: string[] = [];
  return {
    async stage(columns, rows) {
      const writer = await openCopy(pool, columns, made);
      for (const row of rows) {
        const waiting = writer.add(row);
        if (waiting) await waiting;
      }
      return writer.finish();
    },
    open: (columns) => openCopy(pool, columns, made),
    async dispose() {
      const tables = made.splice(0);
      if (tables.length > 0) await pool.query(`DROP TABLE IF EXISTS ${tables.join(', ')}`);
    },
  };
}
