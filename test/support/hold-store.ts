// A process that opens the embedded store on a folder, commits N rows to a scratch table, says
// "COMMITTED <total>" once the last commit is acknowledged, and then holds the folder until killed.
// Used by test/reliability/folder-lock.test.ts (kill -9 after an acknowledged commit).
import { openStore } from '../../src/store/database.js';

const [dir, count] = [process.argv[2]!, Number(process.argv[3] ?? 10)];
const store = await openStore({ dataDir: dir });
await store.db.$executeRawUnsafe('CREATE TABLE IF NOT EXISTS scratch_commits (id serial PRIMARY KEY, v int NOT NULL)');
for (let i = 0; i < count; i++) await store.db.$executeRawUnsafe('INSERT INTO scratch_commits (v) VALUES ($1)', i);
const rows = await store.db.$queryRawUnsafe<{ n: number }[]>('SELECT count(*)::int AS n FROM scratch_commits');
process.stdout.write(`COMMITTED ${rows[0]!.n}\n`);
if (process.argv[4] !== 'exit') setInterval(() => undefined, 60_000); // hold until killed
else await store.close();

