// Bulk writes for big imports. Rows travel as one JSON parameter per chunk, unpacked by
// json_to_recordset: one statement per few thousand rows, and several times faster than
// createMany through a driver adapter.
import { Prisma } from '../generated/prisma/client.js';

type Client = Prisma.TransactionClient;

const CHUNK = 5_000;

/** A column and its SQL type: text, int, date, timestamptz, text[], or an enum type such as "ActionStatus". */
export type Columns = Record<string, string>;
export type Values = Record<string, unknown>;

/** Some rows were not at the version read earlier (or were gone): someone changed them meanwhile. */
export class RowsChangedError extends Error {
  constructor(readonly table: string) {
    super(`Rows of ${table} changed while they were being written`);
    this.name = 'RowsChangedError';
  }
}

function* chunks<T>(items: Iterable<T>, size = CHUNK): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) { yield chunk; chunk = []; }
  }
  if (chunk.length > 0) yield chunk;
}

/** The rows as values, made a chunk at a time while they are written (a million rows are never all copied at once). */
export function* lazily<T>(items: Iterable<T>, toValues: (item: T) => Values): Generator<Values> {
  for (const item of items) yield toValues(item);
}

const ident = (name: string): Prisma.Sql => Prisma.raw(`"${name.replace(/"/g, '""')}"`);
const recordset = (columns: Columns): Prisma.Sql =>
  Prisma.join(Object.entries(columns).map(([name, type]) => Prisma.sql`${ident(name)} ${Prisma.raw(type)}`));
const json = (rows: Values[]): string => JSON.stringify(rows);

/**
 * Hands `write` each chunk as JSON. The next chunk's rows and JSON are made while the database
 * works on the current one (node and the database use a core each), and no two statements are
 * ever in flight at once.
 */
async function eachChunk(rows: Iterable<Values>, write: (json: string, size: number) => Promise<void>): Promise<void> {
  let running: Promise<void> | undefined;
  try {
    for (const chunk of chunks(rows)) {
      const payload = json(chunk);
      await running;
      running = write(payload, chunk.length);
    }
  } catch (err) {
    await running?.catch(() => undefined); // not left to fail unobserved
    throw err;
  }
  await running;
}

/**
 * INSERT … SELECT FROM json_to_recordset, in chunks; returns the `returning` columns of every row,
 * or hands each to `each` instead (then nothing is kept).
 */
export async function insertRows<R extends Values = Values>(client: Client, table: string, columns: Columns, rows: Iterable<Values>, returning: string[] = [],
  each?: (row: R) => void): Promise<R[]> {
  const out: R[] = [];
  const keep = each ?? ((r: R) => { out.push(r); });
  const names = Prisma.join(Object.keys(columns).map(ident));
  await eachChunk(rows, async (payload) => {
    const sql = Prisma.sql`INSERT INTO ${ident(table)} (${names})
      SELECT ${names} FROM json_to_recordset(${payload}::json) AS x(${recordset(columns)})`;
    if (returning.length === 0) await client.$executeRaw(sql);
    else for (const r of await client.$queryRaw<R[]>(Prisma.sql`${sql} RETURNING ${Prisma.join(returning.map(ident))}`)) keep(r);
  });
  return out;
}

/**
 * UPDATE … FROM json_to_recordset by id, in chunks. With `versioned`, each row must still be at
 * `expected_version` (as read earlier) and moves to `new_version` (one more, or the version a
 * restored history names); `now` also sets updated_at. Throws RowsChangedError when a row is not
 * where it was expected.
 */
export async function updateRows(client: Client, table: string, columns: Columns, rows: Iterable<Values>, opts: { versioned?: boolean; now?: Date } = {}): Promise<void> {
  const sets = Object.keys(columns).map((c) => Prisma.sql`${ident(c)} = x.${ident(c)}`);
  if (opts.versioned) sets.push(Prisma.sql`"version" = x."new_version"`);
  if (opts.now) sets.push(Prisma.sql`"updated_at" = ${opts.now.toISOString()}::timestamptz`);
  const shape: Columns = { id: 'int', ...(opts.versioned ? { expected_version: 'int', new_version: 'int' } : {}), ...columns };
  await eachChunk(rows, async (payload, size) => {
    const count = await client.$executeRaw`UPDATE ${ident(table)} AS t SET ${Prisma.join(sets)}
      FROM json_to_recordset(${payload}::json) AS x(${recordset(shape)})
      WHERE t."id" = x."id"${opts.versioned ? Prisma.sql` AND t."version" = x."expected_version"` : Prisma.empty}`;
    if (count !== size) throw new RowsChangedError(table);
  });
}
