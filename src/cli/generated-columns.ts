// What Prisma's schema cannot state: the title's stems are a generated column. The schema gives
// it as a column with a database default of the same expression, which `migrate diff` cannot tell
// from GENERATED ALWAYS ... STORED, so a migration written from the schema alone would make a
// plain column that never changes with the title. The drift check applies the committed
// migrations to an in-memory database and requires the column to be generated, from the
// expression the searches expect. Its index is in the schema, so `migrate diff` checks that.
import { applyMigrations } from '../store/migrate.js';
import { createMemoryPGlite } from '../store/pglite.js';
import { TITLE_WORDS } from '../store/title-search.js';

export const REQUIRED_GENERATED_COLUMNS = [TITLE_WORDS] as const;

/** What is wrong with the migrations' generated columns: one line each, none when all is well. */
export async function generatedColumnProblems(): Promise<string[]> {
  const db = await createMemoryPGlite();
  try {
    await applyMigrations({
      exec: async (sql) => { await db.exec(sql); },
      query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    });
    const problems: string[] = [];
    for (const wanted of REQUIRED_GENERATED_COLUMNS) {
      const column = await db.query<{ generated: string; expression: string | null }>(
        `SELECT a.attgenerated AS generated, pg_get_expr(d.adbin, d.adrelid) AS expression
           FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          WHERE a.attrelid = to_regclass($1) AND a.attname = $2 AND NOT a.attisdropped`, [wanted.table, wanted.column]);
      const found = column.rows[0];
      const name = `${wanted.table}.${wanted.column}`;
      if (!found) problems.push(`No migration creates the column ${name}.`);
      else if (found.generated !== 's') problems.push(`The column ${name} is not GENERATED ALWAYS AS (${wanted.expression}) STORED.`);
      else if (found.expression !== wanted.expression) problems.push(`The column ${name} is generated from ${found.expression}, not ${wanted.expression}.`);
    }
    return problems;
  } finally {
    await db.close();
  }
}
