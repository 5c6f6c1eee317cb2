// Indexes on expressions (title search's full-text index) are outside what Prisma's schema can
// state, so `migrate diff` neither creates nor checks them. The drift check applies the committed
// migrations to an in-memory database and requires each one by name and expression.
import { applyMigrations } from '../store/migrate.js';
import { createMemoryPGlite } from '../store/pglite.js';
import { TITLE_FTS_INDEX } from '../store/title-search.js';

export const REQUIRED_EXPRESSION_INDEXES = [TITLE_FTS_INDEX] as const;

/** What is wrong with the migrations' expression indexes: one line each, none when all is well. */
export async function expressionIndexProblems(): Promise<string[]> {
  const db = await createMemoryPGlite();
  try {
    await applyMigrations({
      exec: async (sql) => { await db.exec(sql); },
      query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    });
    const problems: string[] = [];
    for (const wanted of REQUIRED_EXPRESSION_INDEXES) {
      const found = await db.query<{ indexdef: string }>(
        'SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND indexname = $2',
        [wanted.table, wanted.name]);
      const def = found.rows[0]?.indexdef;
      if (!def) problems.push(`No migration creates the index ${wanted.name} on ${wanted.table}.`);
      else if (!def.includes(wanted.expression)) problems.push(`The index ${wanted.name} is not on ${wanted.expression}: ${def}`);
    }
    return problems;
  } finally {
    await db.close();
  }
}
