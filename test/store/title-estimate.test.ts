// Title searches for words common together walk the actions in due order without counting first;
// the estimate comes from the database's statistics of the title stems. Whichever route is taken,
// the page is the same.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { ACTION_COLUMNS, actionWhereSql, type RawAction } from '../../src/store/plan-reader.js';
import { SqlPlanReader } from '../../src/store/sql-plan-reader.js';
import { titlePageSql, titleWalkSql } from '../../src/store/title-pages.js';
import { estimatedTitleMatches, titleStatsRead } from '../../src/store/title-estimate.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const TITLES = [
  'Pilot the short breaks offer in Batley',
  'Review the short breaks statement',
  'Pilot a transition pathway for Year 6',
  'Agree the graduated approach guidance',
  'Pilot short courses for SENCOs',
];

describeEachStore('title searches by the statistics of title words', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date('2026-11-22T09:00:00Z'));
    const ws = await store.db.workstream.findFirstOrThrow({ orderBy: { id: 'asc' } });
    // 3 000 actions whose titles share a few words, due on days spread over three years.
    await store.db.$executeRaw`
      INSERT INTO actions (ref, title, workstream_id, due_date, status, updated_at)
      SELECT 'TST-' || i, (${TITLES}::text[])[1 + i % ${TITLES.length}::int] || ' ' || i, ${ws.id}::int,
        date '2026-01-01' + (i * 7919 % 1000), 'not_started', now()
      FROM generate_series(1, 3000) i`;
    await store.db.$executeRawUnsafe('ANALYZE actions');
    await titleStatsRead(store.db);
  }, 120_000);
  afterAll(async () => { await store.close(); });

  it('estimates many matches for common words together, none for a word in no title', async () => {
    expect((await estimatedTitleMatches(store.db, ['pilot', 'short'])).likely).toBeGreaterThan(400);
    expect((await estimatedTitleMatches(store.db, ['pilot'])).likely).toBeGreaterThan(1_000);
    expect(await estimatedTitleMatches(store.db, ['zebra'])).toEqual({ likely: 0, atMost: 0 });
    expect(await estimatedTitleMatches(store.db, ['pilot', 'zebra'])).toEqual({ likely: 0, atMost: 0 });
    // Each common, rarely together if independent; at most as many as the rarer alone.
    const both = await estimatedTitleMatches(store.db, ['transition', 'graduated']);
    expect(both.likely).toBeLessThan(400);
    expect(both.atMost).toBeGreaterThan(400);
  });

  it('gives the same page by the walk as by counting first, at any offset', async () => {
    const reader = new SqlPlanReader(store.db);
    const cols = Prisma.sql`${ACTION_COLUMNS}`;
    const order = Prisma.sql`due_date ASC, ref ASC`;
    // Common together (the walk), each common but never together (a short walk that finds nothing,
    // then the count), each common and together by a title's phrase (a short walk that fills the page).
    for (const words of [['pilot', 'short'], ['breaks'], ['pilot', 'transition'], ['transition', 'graduated'], ['graduated', 'approach']]) {
      const where = actionWhereSql({ titleWords: words });
      for (const offset of [0, 5, 40]) {
        const page = { offset, limit: 7 };
        const counted = await store.db.$queryRaw<RawAction[]>(titlePageSql(where, cols, order, Prisma.sql`due_day ASC, ref ASC`, page));
        const walked = await store.db.$queryRaw<RawAction[]>(titleWalkSql(where, cols, order, page));
        const got = await reader.actionPage({ titleWords: words }, page);
        expect(walked.map((r) => r.ref), words.join(' ')).toEqual(counted.map((r) => r.ref));
        expect(got.items.map((a) => a.ref)).toEqual(counted.map((r) => r.ref));
        expect(counted.length).toBe(words.includes('transition') && words.includes('graduated') ? 0 : 7);
      }
    }
  });
});
