// Measures and the glossary are read by every question: kept a few seconds, shared by every store
// over one database, forgotten at once by a reading recorded here or by an import.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { GlossaryStore } from '../../src/store/glossary.js';
import { Kept, forgetKept } from '../../src/store/kept.js';
import { MeasureStore } from '../../src/store/measures.js';
import { createTestStore, describeEachStore } from '../support/store.js';

it('keeps a value for its time, reads again after it, and forgets on demand', async () => {
  let clock = 0;
  let reads = 0;
  const db = {} as Store['db'];
  const kept = new Kept(db, async () => ++reads, 5_000, () => clock);
  expect(await kept.get()).toBe(1);
  clock = 4_999;
  expect(await kept.get()).toBe(1);
  clock = 5_000;
  expect(await kept.get()).toBe(2);
  forgetKept(db);
  expect(await kept.get()).toBe(3);
});

it('does not keep a failed read', async () => {
  let fail = true;
  const kept = new Kept({} as Store['db'], async () => { if (fail) throw new Error('down'); return 'ok'; });
  await expect(kept.get()).rejects.toThrow('down');
  fail = false;
  expect(await kept.get()).toBe('ok');
});

describeEachStore('measures and glossary kept for questions', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date('2026-11-22T09:00:00Z'));
  });
  afterEach(async () => { await store.close(); });

  it('shares one list across stores of a database, and a reading recorded through one shows in the other', async () => {
    const asking = new MeasureStore(store.db);
    const recording = new MeasureStore(store.db);
    const before = await asking.all();
    expect(await recording.all()).toBe(before);
    const m = before[0]!;
    await recording.recordReading({ measureId: m.measure.id, value: 42, date: '2026-11-20', source: 'test', recordedById: null, via: 'chat', recordedAt: new Date() });
    const after = await asking.all();
    expect(after).not.toBe(before);
    expect(after.find((e) => e.measure.id === m.measure.id)!.readings.some((r) => r.value === 42)).toBe(true);
  });

  it('sees a glossary change made by another writer once forgotten (as an import does)', async () => {
    const glossary = new GlossaryStore(store.db);
    const first = await glossary.all();
    await store.db.glossaryTerm.create({ data: { term: 'ZZTEST', meaning: 'a test term', createdAt: new Date(), updatedAt: new Date() } });
    expect(await glossary.all()).toBe(first);
    forgetKept(store.db);
    expect((await glossary.all()).map((g) => g.term)).toContain('ZZTEST');
  });
});
