// The measures repository on both stores: measures with their readings in date order, who answers
// for each (action owner and workstream lead, workstream lead, nobody for an area), and readings
// appended, never replaced.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { MeasureStore, asDbDate } from '../../src/store/measures.js';
import { createTestStore, describeEachStore } from '../support/store.js';

describeEachStore('the measures repository', (kind) => {
  let store: Store;
  let measures: MeasureStore;
  const ids = { owner: 0, lead: 0, action: 0, ws: 0 };

  beforeAll(async () => {
    store = await createTestStore(kind);
    const db = store.db;
    const lead = await db.person.create({ data: { key: 'lead', name: 'Lee Lead', roles: ['lead'] } });
    const owner = await db.person.create({ data: { key: 'owner', name: 'Olu Owner', roles: ['owner'] } });
    const ws = await db.workstream.create({ data: { code: 'WS5', name: 'Health', pillar: '5', leadId: lead.id } });
    const action = await db.action.create({ data: { ref: 'HLT-01', title: 'Reduce waits', workstreamId: ws.id, ownerId: owner.id, dueDate: asDbDate('2027-03-31') } });
    Object.assign(ids, { owner: owner.id, lead: lead.id, action: action.id, ws: ws.id });
    const base = { unit: 'weeks', direction: 'lower' as const, baselineValue: 30, baselineDate: asDbDate('2026-03-31'), targetValue: 18, targetDate: asDbDate('2027-03-31') };
    await db.measure.create({ data: { ...base, ref: 'WHEELCHAIR', name: 'Wheelchair waits', actionId: action.id } });
    await db.measure.create({ data: { ...base, ref: 'THERAPY', name: 'Therapy waits', workstreamId: ws.id } });
    await db.measure.create({ data: { ...base, unit: '%', direction: 'higher', targetValue: 80, ref: 'EHC-20WK', name: 'EHC plans in 20 weeks', area: 'ehc_plans' } });
    measures = new MeasureStore(db);
  });
  afterAll(async () => { await store.close(); });

  it('lists every measure by ref, with what it belongs to and who answers for it', async () => {
    const all = await measures.all();
    expect(all.map((e) => e.measure.ref)).toEqual(['EHC-20WK', 'THERAPY', 'WHEELCHAIR']);
    const [ehc, therapy, wheelchair] = all;
    expect(wheelchair!.measure).toMatchObject({ unit: 'weeks', direction: 'lower', baseline: { value: 30, date: '2026-03-31' }, owner: { kind: 'action', ref: 'HLT-01' } });
    expect([...wheelchair!.responsibleIds].sort()).toEqual([ids.owner, ids.lead].sort());
    expect(wheelchair!.workstreamCode).toBe('WS5');
    expect(therapy!.measure.owner).toEqual({ kind: 'workstream', code: 'WS5' });
    expect(therapy!.responsibleIds).toEqual([ids.lead]);
    expect(ehc!.measure.owner).toEqual({ kind: 'area', area: 'ehc_plans' });
    expect(ehc!.responsibleIds).toEqual([]);
  });

  it('appends readings and gives them back oldest first', async () => {
    const [, , wheelchair] = await measures.all();
    const id = wheelchair!.measure.id;
    await measures.recordReading({ measureId: id, value: 26, date: '2026-09-30', source: 'ICB report', recordedById: ids.owner, via: 'chat', recordedAt: new Date('2026-10-02T09:00:00Z') });
    await measures.recordReading({ measureId: id, value: 28.5, date: '2026-06-30', source: null, recordedById: null, via: 'import', recordedAt: new Date('2026-07-02T09:00:00Z') });
    await measures.recordReading({ measureId: id, value: 25, date: '2026-09-30', source: 'ICB report, corrected', recordedById: ids.lead, via: 'chat', recordedAt: new Date('2026-10-03T09:00:00Z') });
    const entry = await measures.byId(id);
    expect(entry!.readings.map((r) => [r.date, r.value])).toEqual([['2026-06-30', 28.5], ['2026-09-30', 26], ['2026-09-30', 25]]);
    expect(entry!.readings[1]).toMatchObject({ source: 'ICB report', recordedById: ids.owner });
    expect(await measures.byId(999_999)).toBeNull();
  });

  it("gives one action's measures, with a reading recorded through any store over the database at once", async () => {
    const before = await measures.forAction(ids.action);
    expect(before.map((e) => e.measure.ref)).toEqual(['WHEELCHAIR']);
    expect(await measures.forAction(999_999)).toEqual([]);
    // A second store over the same database shares the kept list, so a card built through one
    // after a reading recorded through the other shows it.
    const other = new MeasureStore(store.db);
    await other.recordReading({ measureId: before[0]!.measure.id, value: 21, date: '2026-12-31', source: null, recordedById: ids.owner, via: 'card', recordedAt: new Date('2027-01-02T09:00:00Z') });
    const after = await measures.forAction(ids.action);
    expect(after[0]!.readings.at(-1)).toMatchObject({ value: 21, date: '2026-12-31' });
  });
});
