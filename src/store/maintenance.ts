// Keeping the planner's statistics and the visibility map fresh. Counts read only the indexes
// when the visibility map says the table's pages are all visible, and the planner picks the right
// index only with statistics. PGlite has no autovacuum (and a server may have it off), so the plan
// tables are vacuumed and analysed after every import and, where nothing else does it, nightly.
import type { Db } from './database.js';

/** The tables an import writes and questions read. */
export const PLAN_TABLES = [
  'actions', 'action_history', 'people', 'workstreams', 'clusters', 'settings', 'cluster_meetings',
  'expert_requests', 'term_dates',
] as const;

/** VACUUM (ANALYZE) the plan tables; returns how long it took. Runs outside any transaction. */
export async function vacuumAnalyse(db: Db, tables: readonly string[] = PLAN_TABLES): Promise<number> {
  const started = performance.now();
  const names = tables.map((t) => `"${t.replace(/"/g, '""')}"`).join(', ');
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${names}`);
  return Math.round(performance.now() - started);
}

/** True for the embedded database, and for a server whose autovacuum is switched off. */
export async function lacksAutovacuum(db: Db): Promise<boolean> {
  const rows = await db.$queryRaw<{ embedded: boolean; autovacuum: string }[]>`
    SELECT version() LIKE '%PGlite%' AS embedded, current_setting('autovacuum') AS autovacuum`;
  const row = rows[0];
  return row ? row.embedded || row.autovacuum !== 'on' : false;
}
