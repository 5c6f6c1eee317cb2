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

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const ident = (name: string): Prisma.Sql => Prisma.raw(`"${name.replace(/"/g, '""')}"`);
const recordset = (columns: Columns): Prisma.Sql =>
  Prisma.join(Object.entries(columns).map(([name, type]) => Prisma.sql`${ident(name)} ${Prisma.raw(type)}`));
const json = (rows: Values[]): string => JSON.stringify(rows);

/** INSERT … SELECT FROM json_to_recordset, in chunks; returns the `returning` columns of every row. */
export async function insertRows<R extends Values = Values>(client: Client, table: string, columns: Columns, rows: Values[], returning: string[] = []): Promise<R[]> {
  const out: R[] = [];
  const names = Prisma.join(Object.keys(columns).map(ident));
  for (const chunk of chunks(rows)) {
    const sql = Prisma.sql`INSERT INTO ${ident(table)} (${names})
      SELECT ${names} FROM json_to_recordset(${json(chunk)}::json) AS x(${recordset(columns)})`;
    if (returning.length === 0) await client.$executeRaw(sql);
    else out.push(...await client.$queryRaw<R[]>(Prisma.sql`${sql} RETURNING ${Prisma.join(returning.map(ident))}`));
  }
  return out;
}

/**
 * UPDATE … FROM json_to_recordset by id, in chunks. With `versioned`, each row must still be at
 * `expected_version` (as read earlier) and moves to `new_version` (one more, or the version a
 * restored history names); `now` also sets updated_at. Throws RowsChangedError when a row is not
 * where it was expected.
 */
export async function updateRows(client: Client, table: string, columns: Columns, rows: Values[], opts: { versioned?: boolean; now?: Date } = {}): Promise<void> {
  const sets = Object.keys(columns).map((c) => Prisma.sql`${ident(c)} = x.${ident(c)}`);
  if (opts.versioned) sets.push(Prisma.sql`"version" = x."new_version"`);
  if (opts.now) sets.push(Prisma.sql`"updated_at" = ${opts.now.toISOString()}::timestamptz`);
  const shape: Columns = { id: 'int', ...(opts.versioned ? { expected_version: 'int', new_version: 'int' } : {}), ...columns };
  for (const chunk of chunks(rows)) {
    const count = await client.$executeRaw`UPDATE ${ident(table)} AS t SET ${Prisma.join(sets)}
      FROM json_to_recordset(${json(chunk)}::json) AS x(${recordset(shape)})
      WHERE t."id" = x."id"${opts.versioned ? Prisma.sql` AND t."version" = x."expected_version"` : Prisma.empty}`;
    if (count !== chunk.length) throw new RowsChangedError(table);
  }
}
