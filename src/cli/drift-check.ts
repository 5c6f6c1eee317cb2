// npm run db:drift: fails when prisma/schema.prisma and the committed migrations disagree.
import { diffMigrationsToSchema, isEmptyMigration } from './prisma-diff.js';

const started = Date.now();
const diff = diffMigrationsToSchema();
if (diff.status !== 0) {
  console.error(`Drift check could not run:\n${diff.stderr.trim()}`);
  process.exit(1);
}
if (!isEmptyMigration(diff.sql)) {
  console.error('The schema is ahead of the migrations. Run: npm run db:migration -- <name>\n');
  console.error(diff.sql);
  process.exit(1);
}
console.log(`Schema and migrations agree (${Date.now() - started} ms).`);
