// npm run bench:title-routes -- [--size 100k] [--stores embedded,postgres]
// The three ways a page of actions by title words can be found (src/store/title-pages.ts), timed on
// the generated plan for phrases of its titles (words common alone and together), words each
// common but not together, and words in no title: counting the matches first, walking the actions
// in due order, and the short walk over the first rows in due order. Each query runs 7 times; the
// median is reported, with how many rows the page had. The route the plan reader takes is marked
// (the count after a short walk that did not fill the page).
import { parseArgs } from 'node:util';
import { Prisma } from '../src/generated/prisma/client.js';
import { openStore } from '../src/store/database.js';
import { actionWhereSql } from '../src/store/plan-reader.js';
import { preparedFor } from '../src/store/prepared.js';
import { estimatedTitleMatches, titleStatsRead } from '../src/store/title-estimate.js';
import { shortWalkSql, titlePageSql, titleWalkSql } from '../src/store/title-pages.js';
import { parseSize, planFolder, prepareStore, sizeLabel, type StoreKind } from './lib/plan-stores.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: '100k' }, stores: { type: 'string', default: 'embedded,postgres' } } });
const size = parseSize(values.size);
const kinds = values.stores.split(',').map((s) => s.trim()) as StoreKind[];

// Phrases of the generator's titles, common words that its titles never join, and words in none.
const SEARCHES = [
  ['map', 'sensory', 'support'], ['embed', 'post', 'destination'], ['approach', 'guidance', 'early'], ['pathway', 'health', 'partner'],
  ['break', 'offer', 'huddersfield'], ['pilot', 'annual', 'review'], ['short', 'breaks'], ['senco', 'network', 'programme'],
  ['map', 'pilot'], ['destination', 'sensory'], ['newsletter', 'pathway'], ['outdoor', 'podcast'], ['regional', 'mascot'],
];
const order = Prisma.sql`due_date ASC, ref ASC`;
const cols = Prisma.sql`id, ref, title, to_char(due_date, 'YYYY-MM-DD') AS due_day`;
const page = { offset: 0, limit: 7 };

async function median(run: () => Promise<unknown[]>): Promise<{ ms: number; rows: number }> {
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    rows = (await run()).length;
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[3]!, rows };
}

const lines = [`Title routes, ${sizeLabel(size)} actions (\`npm run bench:title-routes -- --size ${values.size}\`), median of 7; **bold**: the route the plan reader takes.`, ''];
for (const kind of kinds) {
  const prepared = await prepareStore(kind, planFolder(size));
  const store = await openStore(kind === 'embedded' ? { dataDir: `${prepared.env.DATA_DIR}/pglite` } : { databaseUrl: prepared.env.DATABASE_URL! });
  try {
    await titleStatsRead(store.db);
    lines.push(`| ${kind}: words | likely / at most (statistics) | count first ms (rows) | walk ms (rows) | short walk ms (rows) |`, '|---|---:|---:|---:|---:|');
    const sql = preparedFor(store.db);
    for (const words of SEARCHES) {
      const where = actionWhereSql({ titleWords: words });
      const estimate = await estimatedTitleMatches(store.db, words);
      const count = await median(() => sql.once(titlePageSql(where, cols, order, Prisma.sql`due_day ASC, ref ASC`, page)));
      const walk = await median(() => sql.once(titleWalkSql(where, cols, order, page)));
      const short = await median(() => sql.once(shortWalkSql(where, cols, order, page)));
      // As SqlPlanReader.commonTitleWords decides (400: twice the matches the count route sorts).
      const route = estimate.atMost > 400 ? 'short' : 'count';
      // A short walk that does not fill the page is followed by the count.
      const taken = new Set([route, ...(route === 'short' && short.rows < page.limit ? ['count'] : [])]);
      const cell = (r: { ms: number; rows: number }, name: string) => (taken.has(name) ? `**${r.ms.toFixed(1)} (${r.rows})**` : `${r.ms.toFixed(1)} (${r.rows})`);
      lines.push(`| ${words.join(' ')} | ${Math.round(estimate.likely)} / ${Math.round(estimate.atMost)} | ${cell(count, 'count')} | ${cell(walk, 'walk')} | ${cell(short, 'short')} |`);
    }
    lines.push('');
  } finally {
    await store.close();
    await prepared.drop();
  }
}
console.log(lines.join('\n'));
