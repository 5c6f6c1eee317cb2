// Applies prisma/migrations/*/migration.sql in order, recording each in Prisma's own
// `_prisma_migrations` table so that `prisma migrate status` agrees with the app.
// Used for both the embedded database and PostgreSQL (the caller holds the lock).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../paths/package-root.js';

export interface SqlRunner {
  /** Runs a script of one or more statements with no parameters. */
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Migration { name: string; sql: string; checksum: string }

export const MIGRATIONS_DIR = fromRoot('prisma', 'migrations');

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationReport { applied: string[]; alreadyApplied: number; ms: number }

export async function applyMigrations(db: SqlRunner, migrations = readMigrations()): Promise<MigrationReport> {
  const started = performance.now();
  await db.exec(CREATE_TABLE);
  const done = await db.query<{ migration_name: string; checksum: string }>(
    'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
  );
  const byName = new Map(done.map((r) => [r.migration_name, r.checksum]));
  const applied: string[] = [];
  for (const m of migrations) {
    const recorded = byName.get(m.name);
    if (recorded !== undefined) {
      // An edited migration that already ran is a mistake worth stopping for.
      if (recorded !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied.`);
      continue;
    }
    // One transaction per migration: a failure leaves the database as it was before it.
    await db.exec(`BEGIN;\n${m.sql}\n;INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
      VALUES ('${crypto.randomUUID()}', '${m.checksum}', now(), '${m.name.replace(/'/g, "''")}', 1);\nCOMMIT;`)
      .catch(async (err) => { await db.exec('ROLLBACK').catch(() => undefined); throw err; });
    applied.push(m.name);
  }
  return { applied, alreadyApplied: byName.size, ms: performance.now() - started };
}
