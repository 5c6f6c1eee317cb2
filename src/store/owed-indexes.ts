// Indexes a bulk import owes the plan. A first import of a million actions spent about half of
// its transaction building indexes, one after another on the transaction's one connection (the
// trigram and full-text GIN indexes on titles alone took 22 s). On PostgreSQL they are instead
// noted in `owed_indexes` inside the import's transaction and built after the commit, on two
// connections at once. Until then the plan is whole and correct (uniqueness and foreign keys
// are checked in the transaction); only the searches those indexes speed up read the table.
// A plain CREATE INDEX, not CONCURRENTLY: it is transactional (a process killed mid-build
// leaves no half-built index, only the owed row), and it blocks writes to the table but not reads.
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from './database.js';

/** The import's transaction: notes what it owes. */
export async function oweIndexes(client: Prisma.TransactionClient, indexes: readonly { name: string; def: string }[], now: Date): Promise<void> {
  if (indexes.length === 0) return;
  await client.owedIndex.createMany({ data: indexes.map((i) => ({ name: i.name, definition: i.def, owedSince: now })), skipDuplicates: true });
}

export interface BuiltIndex { name: string; ms: number }

/** Two cores on the machines this runs on; more builders would only queue for them. */
const BUILDERS = 2;

/** GIN indexes first: they take longest, so the B-trees fill in beside them. */
const longestFirst = (a: { definition: string }, b: { definition: string }): number =>
  Number(/USING gin/i.test(b.definition)) - Number(/USING gin/i.test(a.definition));

/**
 * Builds every owed index, BUILDERS at a time, each in its own statement (so on a connection
 * of its own from the pool), and deletes its row once built. Another process building the
 * same index at the same time is not an error: whichever comes second finds it there.
 */
export async function buildOwedIndexes(db: Db): Promise<BuiltIndex[]> {
  const owed = (await db.owedIndex.findMany({ orderBy: { name: 'asc' } })).sort(longestFirst);
  const built: BuiltIndex[] = [];
  const next = async (): Promise<void> => {
    for (let index = owed.shift(); index; index = owed.shift()) {
      const started = performance.now();
      await db.$executeRawUnsafe(ifNotExists(index.definition)).catch(async (err: unknown) => {
        if (!(await exists(db, index.name))) throw err; // another process won the race: paid all the same
      });
      await db.owedIndex.deleteMany({ where: { name: index.name } });
      built.push({ name: index.name, ms: Math.round(performance.now() - started) });
    }
  };
  await Promise.all(Array.from({ length: BUILDERS }, next));
  return built;
}

/** pg_get_indexdef's "CREATE INDEX name ON …", made safe to run when the index is already there. */
const ifNotExists = (definition: string): string => definition.replace(/^CREATE INDEX (?!IF NOT EXISTS )/i, 'CREATE INDEX IF NOT EXISTS ');

async function exists(db: Db, name: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: boolean }[]>`SELECT to_regclass(${name}) IS NOT NULL AS found`;
  return rows[0]?.found === true;
}
