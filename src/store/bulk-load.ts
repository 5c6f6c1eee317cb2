// Loading many rows into a table at once. Keeping a table's secondary indexes up to date row by
// row costs several times what building them once costs (the title's trigram and full-text GIN
// indexes most of all), so when an import at least doubles a table its secondary indexes are
// dropped before the rows are written and built again after, inside the import's transaction.
// Both are transactional in PostgreSQL and PGlite: if the import rolls back, the indexes are back
// as they were. The price is that DROP INDEX locks the table against readers until the import
// commits, which is why it is kept for loads that dominate the table (a first import, a restore).
// The table's foreign keys are dropped and added again the same way: checked row by row they cost
// several times the rows' own writing (2.7 s against 0.4 s for 100 000 actions), while adding the
// constraint back checks every row in one join.
import type { Prisma } from '../generated/prisma/client.js';

type Client = Prisma.TransactionClient;

/** Below this many new rows the indexes are kept: the lock is not worth the saving. */
export const BULK_LOAD_MIN_ROWS = 20_000;

interface Index { name: string; def: string }
interface ForeignKey { table: string; name: string; def: string }

/** The table's indexes that no constraint or uniqueness check needs: the primary key and unique indexes stay. */
async function secondaryIndexes(client: Client, table: string): Promise<Index[]> {
  return client.$queryRaw<Index[]>`SELECT c.relname::text AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
    WHERE i.indrelid = to_regclass(${table}) AND NOT i.indisprimary AND NOT i.indisunique
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
    ORDER BY c.relname`;
}

/** The table's own foreign keys (those that point from it to other tables). */
async function foreignKeys(client: Client, table: string): Promise<ForeignKey[]> {
  return client.$queryRaw<ForeignKey[]>`SELECT ${table}::text AS "table", conname::text AS name, pg_get_constraintdef(oid) AS def
    FROM pg_constraint WHERE conrelid = to_regclass(${table}) AND contype = 'f' ORDER BY conname`;
}

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Whether adding `adding` rows to the table is a bulk load: many rows, and at least as many as it holds. */
export async function isBulkLoad(client: Client, table: string, adding: number, minRows = BULK_LOAD_MIN_ROWS): Promise<boolean> {
  if (adding < minRows) return false;
  // Counted, not estimated (statistics can be stale), and no further than needed.
  const [row] = await client.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM "${table.replace(/"/g, '""')}" LIMIT $1) AS t`, adding + 1);
  return (row?.n ?? 0) <= adding;
}

/**
 * Runs `write` with the secondary indexes and foreign keys of `tables` dropped, then builds them
 * again (in the same transaction as `write`, which the caller must have opened). Adding a foreign
 * key back checks every row, so a wrong reference still fails the transaction. With `owe`, the
 * indexes are noted as owed instead, to be built after the commit (src/store/owed-indexes.ts).
 */
export async function withIndexesDeferred<T>(
  client: Client, tables: readonly string[], write: () => Promise<T>, owe?: (indexes: Index[]) => Promise<void>,
): Promise<T> {
  const dropped: Index[] = [];
  const keys: ForeignKey[] = [];
  for (const table of tables) {
    dropped.push(...await secondaryIndexes(client, table));
    keys.push(...await foreignKeys(client, table));
  }
  for (const key of keys) await client.$executeRawUnsafe(`ALTER TABLE ${quoted(key.table)} DROP CONSTRAINT ${quoted(key.name)}`);
  for (const index of dropped) await client.$executeRawUnsafe(`DROP INDEX ${quoted(index.name)}`);
  const out = await write();
  if (owe) await owe(dropped);
  else for (const index of dropped) await client.$executeRawUnsafe(index.def);
  for (const key of keys) await client.$executeRawUnsafe(`ALTER TABLE ${quoted(key.table)} ADD CONSTRAINT ${quoted(key.name)} ${key.def}`);
  return out;
}
