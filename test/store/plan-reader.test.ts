import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { PrismaPlanReader } from '../../src/store/cached-plan-reader.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const OPEN = ['not_started', 'on_track', 'at_risk', 'off_track'] as const;

describeEachStore('PrismaPlanReader over the demo plan', (kind) => {
  let store: Store;
  let reader: PrismaPlanReader;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, NOW);
    reader = new PrismaPlanReader(store.db);
  });
  afterAll(async () => { await store.close(); });

  it('reads the directory once and serves it from memory', async () => {
    const dir = await reader.directory();
    expect(dir.people).toHaveLength(17);
    expect(dir.workstreams.map((w) => w.code)).toEqual(['WS1', 'WS2', 'WS3', 'WS4', 'WS5', 'WS6', 'WS7']);
    expect(dir.clusters).toHaveLength(18);
    expect(dir.settings).toHaveLength(6);
    expect(dir.actionPrefixes).toEqual(['COM', 'DAT', 'EAH', 'EHC', 'GOV', 'HLT', 'INC', 'PFA', 'RFM', 'SUF']);
    expect(dir.sources).toEqual(['Big Plan 3', 'SEND reform plan 2026']);
    expect(await reader.directory()).toBe(dir);
  });

  it('refreshes a stale directory in the background and forgets it on invalidate', async () => {
    const quick = new PrismaPlanReader(store.db, { directoryTtlMs: 1 });
    const first = await quick.directory();
    await store.db.person.create({ data: { key: 'zz-temp', name: 'Temporary Person', roles: [] } });
    try {
      await new Promise((r) => setTimeout(r, 5));
      const stale = await quick.directory();
      expect(stale).toBe(first); // answered at once from the old copy…
      await new Promise((r) => setTimeout(r, 200));
      const fresh = await quick.directory(); // …while a reload ran
      expect(fresh.people.some((p) => p.key === 'zz-temp')).toBe(true);
      quick.invalidate();
      expect(await quick.directory()).not.toBe(fresh);
    } finally {
      await store.db.person.delete({ where: { key: 'zz-temp' } });
    }
  });

  it('remembers counts until the action history moves', async () => {
    const r = new PrismaPlanReader(store.db);
    const overdue = { statuses: OPEN, dueTo: '2026-11-21' };
    expect((await r.listActions(overdue, { offset: 0, limit: 0 })).total).toBe(6);
    const com03 = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-03' } });
    try {
      // A write that bypasses the history (no writer in the app does) is not seen by the counts…
      await store.db.action.update({ where: { id: com03.id }, data: { dueDate: new Date('2026-11-01T00:00:00Z') } });
      expect((await r.listActions(overdue, { offset: 0, limit: 0 })).total).toBe(6);
      expect((await r.listActions(overdue, { offset: 0, limit: 10 })).items).toHaveLength(7); // …the rows always are
      // …until the history moves, as it does with every real change.
      await store.db.actionHistory.create({ data: { actionId: com03.id, via: 'system', dueFrom: com03.dueDate, dueTo: new Date('2026-11-01T00:00:00Z'), note: 'test' } });
      expect((await r.listActions(overdue, { offset: 0, limit: 0 })).total).toBe(7);
      expect((await r.statusCounts({}, '2026-11-22')).overdue).toBe(7);
      const fresh = new PrismaPlanReader(store.db, { countTtlMs: 0 });
      expect((await fresh.listActions(overdue, { offset: 0, limit: 0 })).total).toBe(7);
    } finally {
      await store.db.action.update({ where: { id: com03.id }, data: { dueDate: com03.dueDate } });
      await store.db.actionHistory.deleteMany({ where: { note: 'test' } });
    }
    const after = new PrismaPlanReader(store.db);
    expect((await after.listActions(overdue, { offset: 0, limit: 0 })).total).toBe(6);
  });

  it('a view for one question looks at the plan once, a new view looks again', async () => {
    const overdue = { statuses: OPEN, dueTo: '2026-11-21' };
    const view = reader.forQuestion();
    expect((await view.listActions(overdue, { offset: 0, limit: 2 })).total).toBe(6);
    const gov02 = await store.db.action.findUniqueOrThrow({ where: { ref: 'GOV-02' } });
    try {
      await store.db.action.update({ where: { id: gov02.id }, data: { status: 'complete' } });
      await store.db.actionHistory.create({ data: { actionId: gov02.id, via: 'system', statusFrom: 'not_started', statusTo: 'complete', note: 'view-test' } });
      expect((await view.listActions(overdue, { offset: 0, limit: 0 })).total).toBe(6); // the same question, one snapshot of counts
      expect((await reader.forQuestion().listActions(overdue, { offset: 0, limit: 0 })).total).toBe(5); // the next question sees the change
      expect((await reader.listActions(overdue, { offset: 0, limit: 0 })).total).toBe(5);
    } finally {
      await store.db.action.update({ where: { id: gov02.id }, data: { status: gov02.status } });
      await store.db.actionHistory.deleteMany({ where: { note: 'view-test' } });
    }
    expect((await reader.forQuestion().listActions(overdue, { offset: 0, limit: 0 })).total).toBe(6);
  });

  it('finds actions by exact reference', async () => {
    const found = await reader.actionsByRefs(['COM-06', 'COM-6', 'XYZ-99']);
    expect(found.map((a) => a.ref)).toEqual(['COM-06']);
    expect(found[0]).toMatchObject({ dueDate: '2026-11-14', status: 'off_track', area: 'communication', version: 1 });
  });

  it('lists overdue actions most overdue first, with the total', async () => {
    const page = await reader.listActions({ statuses: OPEN, dueTo: '2026-11-21' }, { offset: 0, limit: 4 });
    expect(page.total).toBe(6);
    expect(page.items.map((a) => a.ref)).toEqual(['PFA-01', 'DAT-02', 'EAH-05', 'EHC-01']);
    const rest = await reader.listActions({ statuses: OPEN, dueTo: '2026-11-21' }, { offset: 4, limit: 10 });
    expect(rest.items.map((a) => a.ref)).toEqual(['COM-06', 'GOV-02']);
    const none = await reader.listActions({ statuses: OPEN, dueTo: '2026-11-21' }, { offset: 0, limit: 0 });
    expect(none).toEqual({ total: 6, items: [] });
  });

  it('filters by owner, workstream, area, dates, words, prefix and source', async () => {
    const dir = await reader.directory();
    const grace = dir.people.find((p) => p.key === 'gokafor');
    const ws5 = dir.workstreams.find((w) => w.code === 'WS5');
    const refs = async (q: Parameters<PrismaPlanReader['listActions']>[0]) => (await reader.listActions(q, { offset: 0, limit: 50 })).items.map((a) => a.ref);
    expect(await refs({ ownerIds: [grace?.id ?? 0], statuses: OPEN })).toEqual(['EAH-05', 'HLT-01', 'HLT-02', 'HLT-03']);
    expect(await refs({ workstreamIds: [ws5?.id ?? 0], statuses: OPEN, dueTo: '2026-11-21' })).toEqual(['EAH-05']);
    expect(await refs({ areas: ['ehc_plans'] })).toEqual(['EHC-01', 'EHC-02', 'COM-05']);
    expect(await refs({ statuses: OPEN, dueFrom: '2026-11-22', dueTo: '2026-12-06' })).toEqual(['DAT-04', 'COM-03', 'PFA-04', 'INC-02']);
    expect(await refs({ titleWords: ['LOCAL', 'offer'] })).toEqual(['COM-01', 'COM-06']);
    expect(await refs({ refPrefix: 'SUF' })).toEqual(['SUF-01', 'SUF-02', 'SUF-04', 'SUF-03']);
    expect((await reader.listActions({ source: 'SEND reform plan 2026' }, { offset: 0, limit: 0 })).total).toBe(27);
    expect(await refs({ statuses: ['complete'] })).toHaveLength(14);
    expect((await reader.listActions({ statuses: ['complete'] }, { offset: 0, limit: 1, order: 'due_desc' })).items[0]?.ref).toBe('EAH-06'); // 30 September, tied with INC-01
  });

  it('finds what needs attention: overdue, at risk or off track', async () => {
    const page = await reader.listActions({ attentionOn: '2026-11-22' }, { offset: 0, limit: 50 });
    expect(page.total).toBe(15);
    expect(page.items[0]?.ref).toBe('PFA-01');
    expect(page.items.map((a) => a.ref)).toContain('GOV-02'); // not started, but overdue
  });

  it('counts "needs attention" in two indexed parts that add up to the OR', async () => {
    const dir = await reader.directory();
    const ws2 = dir.workstreams.find((w) => w.code === 'WS2')?.id ?? 0;
    for (const q of [
      { attentionOn: '2026-11-22' }, { attentionOn: '2026-11-22', workstreamIds: [ws2] }, { attentionOn: '2026-11-22', statuses: ['not_started' as const] },
      { attentionOn: '2026-11-22', dueFrom: '2026-12-01' }, { attentionOn: '2026-11-22', dueTo: '2026-11-15' },
    ]) {
      const all = await reader.listActions(q, { offset: 0, limit: 100 });
      expect(all.total, JSON.stringify(q)).toBe(all.items.length);
    }
  });

  it('can skip the count', async () => {
    const page = await reader.listActions({ statuses: ['at_risk'] }, { offset: 0, limit: 3, total: false });
    expect(page).toMatchObject({ total: 3 });
    expect(page.items).toHaveLength(3);
  });

  it('counts per status and overdue in one pass', async () => {
    expect(await reader.statusCounts({}, '2026-11-22')).toEqual({ byStatus: { not_started: 7, on_track: 11, at_risk: 8, off_track: 6, complete: 14 }, overdue: 6 });
    const dir = await reader.directory();
    const ws5 = dir.workstreams.find((w) => w.code === 'WS5')?.id ?? 0;
    expect((await reader.statusCounts({ workstreamIds: [ws5] }, '2026-11-22')).overdue).toBe(1);
  });

  it('counts by status, owner and workstream', async () => {
    const counts = await reader.countByStatus({});
    expect(counts).toEqual({ not_started: 7, on_track: 11, at_risk: 8, off_track: 6, complete: 14 });
    const byWs = await reader.countBy('workstreamId', { statuses: OPEN, dueTo: '2026-11-21' }, 3);
    const dir = await reader.directory();
    expect(byWs[0]).toEqual({ id: dir.workstreams.find((w) => w.code === 'WS2')?.id, count: 2 });
    const byOwner = await reader.countBy('ownerId', { statuses: ['at_risk'] }, 10);
    expect(byOwner[0]?.count).toBe(2);
  });

  it('treats % and _ in words as plain characters', async () => {
    expect((await reader.listActions({ titleWords: ['%'] }, { offset: 0, limit: 5 })).total).toBe(0);
    expect((await reader.listActions({ titleWords: ['_'] }, { offset: 0, limit: 5 })).total).toBe(0);
    // The apostrophe is plain text; the English stem of "children's" also finds "children".
    expect((await reader.listActions({ titleWords: ["children's"] }, { offset: 0, limit: 5 })).items.map((a) => a.ref))
      .toEqual(['PFA-01', 'GOV-02', 'COM-04', 'HLT-02', 'SUF-04']);
    expect(await reader.searchTitles(['%'], 5)).toEqual([]);
  });

  it('returns due dates as London calendar days whatever the host time zone', async () => {
    const [a] = (await reader.listActions({ refPrefix: 'PFA' }, { offset: 0, limit: 1 })).items;
    expect(a).toMatchObject({ ref: 'PFA-03', dueDate: '2026-09-04' });
    expect(a?.createdAt).toBeInstanceOf(Date);
  });

  it('searches titles for any of several words', async () => {
    const found = await reader.searchTitles(['woodley', 'rebuild'], 10);
    expect(found.map((a) => a.ref).sort()).toEqual(['SUF-01', 'SUF-02']);
    expect(await reader.searchTitles([], 10)).toEqual([]);
  });

  it('reads meetings in a window, per cluster, in time order', async () => {
    const dir = await reader.directory();
    const batley = dir.clusters.find((c) => c.code === 'BS1');
    const next = await reader.meetings({ clusterIds: [batley?.id ?? 0], from: NOW, limit: 1 });
    expect(next[0]?.startsAt.toISOString()).toBe('2026-11-25T13:30:00.000Z');
    expect(next[0]?.agenda).toHaveLength(3);
    const november = await reader.meetings({ from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), limit: 10 });
    expect(november.map((m) => m.location)).toEqual(['Riverside Academy', 'Oakfield Primary School (and Teams)', 'Teams']);
  });

  it('reads Experts at Hand requests by reference and by requester', async () => {
    const [r] = await reader.requestsByRefs(['EAH-R-0002', 'EAH-R-9999']);
    expect(r).toMatchObject({ ref: 'EAH-R-0002', status: 'assigned', specialism: 'educational_psychology', kind: 'strategic_advice' });
    const dir = await reader.directory();
    const emma = dir.people.find((p) => p.key === 'eclarke');
    expect((await reader.requestsByRequester(emma?.id ?? 0, 5)).map((x) => x.ref)).toEqual(['EAH-R-0001']);
  });
});

describeEachStore('PrismaPlanReader keeps planner statistics after a bulk load', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, NOW);
    const ws = await store.db.workstream.findFirstOrThrow();
    await store.db.action.createMany({
      data: Array.from({ length: 1_200 }, (_, i) => ({
        ref: `BLK-${String(i + 1).padStart(4, '0')}`, title: `Bulk action ${i + 1}`, workstreamId: ws.id,
        dueDate: new Date(Date.UTC(2026, 0, 1 + (i % 700))), status: (['on_track', 'at_risk', 'complete'] as const)[i % 3],
      })),
    });
  });
  afterAll(async () => { await store.close(); });

  it('analyses the actions table once it has outgrown its statistics', async () => {
    const reltuples = async () => Number((await store.db.$queryRaw<{ n: number }[]>`SELECT reltuples::float8 AS n FROM pg_class WHERE oid = to_regclass('actions')`)[0]?.n);
    const reader = new PrismaPlanReader(store.db);
    const dir = await reader.directory();
    expect(dir.actionPrefixes).toContain('BLK');
    for (let i = 0; i < 50 && (await reltuples()) < 1_000; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await reltuples()).toBeGreaterThanOrEqual(1_000);
  });
});
