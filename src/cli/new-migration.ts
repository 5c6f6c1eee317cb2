// npm run db:migration -- <name>: writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between the committed migrations and prisma/schema.prisma. Offline.
import fs from 'node:fs';
import path from 'node:path';
import { diffMigrationsToSchema, isEmptyMigration } from './prisma-diff.js';

const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:migration -- <name>   (for example: add_meeting_notes)');
  process.exit(2);
}
const diff = diffMigrationsToSchema();
if (diff.status !== 0) {
  console.error(diff.stderr.trim());
  process.exit(1);
}
if (isEmptyMigration(diff.sql)) {
  console.log('The schema and the migrations already agree: no migration written.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14);
const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'migration.sql'), diff.sql);
console.log(path.join(dir, 'migration.sql'));
