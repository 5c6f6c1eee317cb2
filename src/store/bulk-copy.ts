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
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import copyStreams from 'pg-copy-streams';
import type { Columns, Values } from './bulk-writes.js';

export interface Stager {
  /**
   * Copies the rows into a new unlogged table with the given columns plus `seq` (each row's place
   * in `rows`, from 0), committed at once, and returns the table's quoted name.
   */
  stage(columns: Columns, rows: Iterable<Values>): Promise<string>;
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

/** The rows as COPY text, about 64 KB at a time. */
function* copyText(names: readonly string[], rows: Iterable<Values>): Generator<string> {
  let text = '';
  let seq = 0;
  for (const row of rows) {
    let line = String(seq++);
    for (const name of names) line += `\t${copyCell(row[name])}`;
    text += `${line}\n`;
    if (text.length >= 65_536) { yield text; text = ''; }
  }
  if (text.length > 0) yield text;
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function pgStager(pool: pg.Pool): Stager {
  const made: string[] = [];
  return {
    async stage(columns, rows) {
      const table = ident(`import_stage_${crypto.randomBytes(6).toString('hex')}`);
      const names = Object.keys(columns);
      const client = await pool.connect();
      try {
        await client.query(`CREATE UNLOGGED TABLE ${table} (seq int, ${Object.entries(columns).map(([n, type]) => `${ident(n)} ${type}`).join(', ')})`);
        made.push(table);
        const copy = client.query(copyStreams.from(`COPY ${table} (seq, ${names.map(ident).join(', ')}) FROM STDIN`));
        await pipeline(Readable.from(copyText(names, rows)), copy);
        // Statistics, so that the transaction joins the staged rows by hash rather than row by row.
        await client.query(`ANALYZE ${table}`);
      } finally {
        client.release();
      }
      return table;
    },
    async dispose() {
      const tables = made.splice(0);
      if (tables.length > 0) await pool.query(`DROP TABLE IF EXISTS ${tables.join(', ')}`);
    },
  };
}
