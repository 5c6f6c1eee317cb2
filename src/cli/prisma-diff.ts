// Runs `prisma migrate diff` offline (schema engine in WASM on in-memory PGlite, see
// prisma.config.ts): the SQL that takes the committed migrations to the schema.
import { spawnSync } from 'node:child_process';

export interface DiffResult { status: number; sql: string; stderr: string }

export function diffMigrationsToSchema(extraArgs: string[] = []): DiffResult {
  const result = spawnSync('npx', ['--no-install', 'prisma', 'migrate', 'diff',
    '--from-migrations', 'prisma/migrations',
    '--to-schema-datamodel', 'prisma/schema.prisma',
    '--script', ...extraArgs], {
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  return { status: result.status ?? 1, sql: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The diff prints a comment-only script when there is nothing to do. */
export function isEmptyMigration(sql: string): boolean {
  return sql.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('--'));
}
