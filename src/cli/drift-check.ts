// npm run db:drift: fails when prisma/schema.prisma and the committed migrations disagree.
// Expression indexes, which the schema cannot state, are checked against the migrations by name.
import { expressionIndexProblems } from './expression-indexes.js';
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
const problems = await expressionIndexProblems();
if (problems.length) {
  console.error(`The migrations lack indexes the queries rely on:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`Schema and migrations agree (${Date.now() - started} ms).`);
