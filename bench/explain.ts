// npm run bench:explain -- [--size 100k] [--stores embedded,postgres]
// The query plans (EXPLAIN (ANALYZE, BUFFERS)) of the reads behind title search, history and a
// filtered count, on the generated plan imported by the product's own importer (so after its
// VACUUM ANALYZE), written with the store's own SQL builders so that they are the bot's queries.
// Prints Markdown: one block per query and store, with the execution time PostgreSQL reports.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Prisma } from '../src/generated/prisma/client.js';
import { OPEN_STATUSES } from '../src/domain/plan/status.js';
import { openStore, type Db } from '../src/store/database.js';
import { ACTION_COLUMNS, actionWhereSql } from '../src/store/plan-reader.js';
import { titlePageSql } from '../src/store/title-pages.js';
import { anyTitleWordSql, titleRankSql } from '../src/store/title-search.js';
import { parseSize, planFolder, prepareStore, sizeLabel, type StoreKind } from './lib/plan-stores.js';

const STORE: Record<StoreKind, string> = { embedded: 'embedded (PGlite, DATA_DIR on disk)', postgres: 'PostgreSQL' };
const YESTERDAY = '2026-11-21'; // the day before the generated plan's "today"

interface Probe { name: string; sql: Prisma.Sql }

/** A word that is in titles, and the same word with two letters swapped (a typing slip). */
async function titleWords(db: Db): Promise<{ word: string; slip: string }> {
  const rows = await db.$queryRaw<{ w: string }[]>`
    SELECT w FROM (SELECT lower(regexp_split_to_table(title, '[^A-Za-z]+')) AS w FROM actions WHERE id <= 200) t
    WHERE length(w) >= 7 GROUP BY w ORDER BY count(*) DESC, w LIMIT 1`;
  const word = rows[0]?.w ?? 'newsletter';
  return { word, slip: `${word.slice(0, 2)}${word[3]}${word[2]}${word.slice(4)}` };
}

async function probes(db: Db): Promise<Probe[]> {
  const { word, slip } = await titleWords(db);
  const ids = await db.$queryRaw<{ a: number; w: number; o: number }[]>`
    SELECT a.id AS a, a.workstream_id AS w, a.owner_id AS o FROM actions a
    WHERE a.owner_id IS NOT NULL AND EXISTS (SELECT 1 FROM action_history h WHERE h.action_id = a.id) ORDER BY a.id LIMIT 1`;
  const { a, w, o } = ids[0] ?? { a: 1, w: 1, o: 1 };
  const page = (words: string[]) => titlePageSql(actionWhereSql({ titleWords: words }), ACTION_COLUMNS,
    Prisma.sql`due_date ASC, ref ASC`, Prisma.sql`due_day ASC, ref ASC`, { offset: 0, limit: 7 });
  const overdue = (q: Parameters<typeof actionWhereSql>[0]) => Prisma.sql`SELECT count(*)::int AS n FROM actions WHERE ${actionWhereSql(q)}`;
  return [
    { name: `title words in a list, a word in titles ("${word}")`, sql: page([word]) },
    { name: 'title words in a list, a word in no title ("zebrafish")', sql: page(['zebrafish']) },
    { name: `title words in a list, two words ("${word}", "autism")`, sql: page([word, 'autism']) },
    { name: `ranked title search with a slip ("${slip}", "zebrafish")`, sql: Prisma.sql`SELECT ${ACTION_COLUMNS} FROM actions WHERE (${anyTitleWordSql([slip, 'zebrafish'])}) ORDER BY ${titleRankSql([slip, 'zebrafish'])} DESC, due_date ASC, ref ASC LIMIT 60` },
    { name: `history of one action (id ${a}), newest first`, sql: Prisma.sql`SELECT h.*, p.name FROM action_history h LEFT JOIN people p ON p.id = h.actor_id WHERE h.action_id = ${a}::int ORDER BY h.id DESC LIMIT 10` },
    { name: 'newest history row of one action (every card open, refresh and save)', sql: Prisma.sql`SELECT x.at, x.via, x.actor_id FROM action_history x WHERE x.action_id = ${a}::int ORDER BY x.id DESC LIMIT 1` },
    { name: `overdue in one workstream (id ${w})`, sql: overdue({ workstreamIds: [w], statuses: OPEN_STATUSES, dueTo: YESTERDAY }) },
    { name: `one person's overdue (id ${o})`, sql: overdue({ ownerIds: [o], statuses: OPEN_STATUSES, dueTo: YESTERDAY }) },
  ];
}

async function explainStore(kind: StoreKind, folder: string): Promise<string> {
  const prepared = await prepareStore(kind, folder);
  const store = await openStore({
    databaseUrl: prepared.env.DATABASE_URL || undefined,
    dataDir: prepared.env.DATA_DIR ? path.join(prepared.env.DATA_DIR, 'pglite') : undefined,
  });
  try {
    const out = [`#### ${STORE[kind]}\n`];
    for (const p of await probes(store.db)) {
      await store.db.$queryRaw`${p.sql}`; // once to warm the cache, as a repeated question would
      const rows = await store.db.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${p.sql}`;
      out.push(`${p.name}:\n\n\`\`\`\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n\`\`\`\n`);
    }
    return out.join('\n');
  } finally {
    await store.close();
    await prepared.drop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { size: { type: 'string', default: '100k' }, stores: { type: 'string', default: 'embedded,postgres' } } });
  const actions = parseSize(values.size);
  const folder = planFolder(actions);
  const parts = [`### Query plans, ${sizeLabel(actions)} actions (\`npm run bench:explain -- --size ${values.size}\`)\n`];
  for (const kind of values.stores.split(',') as StoreKind[]) parts.push(await explainStore(kind, folder));
  console.log(parts.join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
