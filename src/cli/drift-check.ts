// npm run db:drift: fails when prisma/schema.prisma and the committed migrations disagree.
// A generated column, which the schema cannot state, is checked against the migrations by name.
import { generatedColumnProblems } from './generated-columns.js';
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
const problems = await generatedColumnProblems();
if (problems.length) {
  console.error(`The migrations lack what the queries rely on:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`Schema and migrations agree (${Date.now() - started} ms).`);
