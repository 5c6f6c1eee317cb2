import { afterAll, beforeAll, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { PrismaPlanReader } from '../../src/store/cached-plan-reader.js';
import { anyTitleWordSql, titleRankSql, titleWordSql } from '../../src/store/title-search.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');

describeEachStore('Title search', (kind) => {
  let store: Store;
  let reader: PrismaPlanReader;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, NOW);
    reader = new PrismaPlanReader(store.db);
  });
  afterAll(async () => { await store.close(); });

  const refs = async (words: string[]) => (await reader.listActions({ titleWords: words }, { offset: 0, limit: 20 })).items.map((a) => a.ref);

  it('matches English stems as well as parts of words', async () => {
    expect(await refs(['newsletters'])).toEqual(['COM-03']);
    expect(await refs(['meetings'])).toEqual(['RFM-01', 'RFM-02', 'RFM-08', 'EHC-01']); // "meet", "meeting"
    expect(await refs(['rebuil'])).toEqual(['SUF-01', 'SUF-02']);
    expect(await refs(['rebuild', 'woodley'])).toEqual(['SUF-02']);
    expect(await refs(['zebra'])).toEqual([]);
  });

  it('pages a common word along the due dates, and a rare one from its few matches, alike', async () => {
    const ws = await store.db.workstream.findFirstOrThrow({ orderBy: { id: 'asc' } });
    // More matches than are sorted directly (200): the page comes from the due-date index instead.
    await store.db.action.createMany({
      data: Array.from({ length: 250 }, (_, i) => ({
        ref: `WID-${String(i + 1).padStart(3, '0')}`, title: `Fit widgets in setting ${i + 1}`, workstreamId: ws.id,
        dueDate: new Date(Date.UTC(2027, 0, 1 + (i * 7) % 250)), status: 'on_track' as const,
      })),
    });
    const page = await reader.listActions({ titleWords: ['widget'] }, { offset: 5, limit: 5, order: 'due_desc' });
    expect(page.total).toBe(250);
    expect(page.items.map((a) => a.dueDate)).toEqual(['2027-09-02', '2027-09-01', '2027-08-31', '2027-08-30', '2027-08-29']);
    // Two common words together, soonest first: the walk along the due dates, not a sort of every match.
    const soonest = await reader.listActions({ titleWords: ['widget', 'setting'] }, { offset: 0, limit: 3 });
    expect(soonest.total).toBe(250);
    expect(soonest.items.map((a) => a.dueDate)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect((await reader.listActions({ titleWords: ['widget', 'setting', '17'] }, { offset: 0, limit: 5 })).items.map((a) => a.ref)).toEqual(['WID-017']);
    await store.db.action.deleteMany({ where: { ref: { startsWith: 'WID-' } } });
  });

  it('ranks titles with more of the words, and near misspellings, first', async () => {
    expect((await reader.searchTitles(['rebuild', 'woodley'], 10)).map((a) => a.ref)).toEqual(['SUF-02', 'SUF-01']);
    expect((await reader.searchTitles(['newsleter'], 10)).map((a) => a.ref)[0]).toBe('COM-03');
    expect(await reader.searchTitles(['qqqqq'], 10)).toEqual([]);
  });

  it('can answer every title condition from the indexes, never a scan of the table', async () => {
    const plan = (where: Prisma.Sql, order: Prisma.Sql = Prisma.sql`title`) => store.db.$transaction(async (tx) => {
      // The demo plan is small enough that reading it all is cheapest: forbid the table scan and
      // the walk of another index, to see that the title indexes can answer on their own.
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      await tx.$executeRaw`SET LOCAL enable_indexscan = off`;
      const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT id FROM actions WHERE ${where} ORDER BY ${order}`;
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    for (const text of [
      await plan(titleWordSql('newsletter')),
      await plan(Prisma.sql`${titleWordSql('rebuild')} AND ${titleWordSql('of')}`),
      await plan(anyTitleWordSql(['woodley', 'newsleter']), Prisma.sql`${titleRankSql(['woodley', 'newsleter'])} DESC`),
    ]) {
      expect(text).not.toMatch(/Seq Scan|Index Scan using actions_pkey/);
      expect(text).toMatch(/actions_title_(fts|trgm)_idx/);
    }
  });
});
