// The store side of updating actions: optimistic concurrency under real concurrency, the audit row
// and the lead's alert in the same transaction, and the biggest "update my actions" card.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateChange } from '../../src/domain/actions/index.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { ActionUpdateStore, type PlannedChange } from '../../src/store/action-updates.js';
import type { Store } from '../../src/store/database.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { cardBytes, cardProblems, firstCard } from './support.js';

describeEachStore('action update store', (kind) => {
  let store: Store;
  let updates: ActionUpdateStore;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    updates = new ActionUpdateStore(store.db);
  });
  afterAll(async () => { await store.close(); });

  const planFor = async (ref: string, note: string, status: 'on_track' | 'off_track' = 'on_track'): Promise<PlannedChange> => {
    const record = (await updates.byRef([ref]))!;
    const checked = validateChange({ status, dueDate: record.action.dueDate, note }, record.action);
    if (!checked.ok) throw new Error('invalid');
    return { record, expectedVersion: record.action.version, change: checked.change, alert: null, historyNote: note, lastUpdate: note };
  };

  it('20 concurrent changes to the same version: exactly one wins, the others are told, nothing is lost', async () => {
    const plans = await Promise.all(Array.from({ length: 20 }, (_, i) => planFor('COM-03', `change ${i}`)));
    const actor = (await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } }));
    const before = plans[0]!.record.action.version;
    const outcomes = await Promise.all(plans.map((p) => updates.apply([p], { actor, via: 'card', now: new Date(DEMO_NOW) })));
    expect(outcomes.filter((o) => o.kind === 'saved')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'stale')).toHaveLength(19);
    const after = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-03' } });
    expect(after.version).toBe(before + 1);
    const rows = await store.db.actionHistory.findMany({ where: { actionId: after.id, version: { gt: before } } });
    expect(rows).toHaveLength(1);
    expect(after.lastUpdate).toBe(rows[0]?.note);
  });

  it('a save returns the action as the database now holds it, so the new card needs no second read', async () => {
    const actor = (await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } }));
    const plan = await planFor('COM-04', 'Parent forum agreed the model', 'off_track');
    const later = new Date(new Date(DEMO_NOW).getTime() + 60_000);
    const outcome = await updates.apply([plan], { actor, via: 'card', now: later });
    if (outcome.kind !== 'saved') throw new Error(`not saved: ${outcome.kind}`);
    const saved = outcome.saved[0]!;
    expect(saved.record.action).toMatchObject({ status: 'off_track', version: plan.expectedVersion + 1, lastUpdate: 'Parent forum agreed the model' });
    expect(saved.record.lastChange).toEqual({ actorName: 'Owen Price', at: later, via: 'card' });
    expect(saved.record).toEqual(await updates.byId(plan.record.action.id));
    const h = await store.db.actionHistory.findFirstOrThrow({ where: { actionId: plan.record.action.id }, orderBy: { id: 'desc' } });
    expect(h).toMatchObject({ statusFrom: plan.record.action.status, statusTo: 'off_track', note: 'Parent forum agreed the model', version: saved.version, actorId: actor.id });

    // Saving it again unchanged is a confirmation: heard, recorded, and no card goes out of date.
    const again = await planFor('COM-04', '', 'off_track');
    const confirmed = await updates.apply([{ ...again, historyNote: null, lastUpdate: null }], { actor, via: 'card', now: later });
    if (confirmed.kind !== 'saved') throw new Error(`not saved: ${confirmed.kind}`);
    expect(confirmed.saved[0]?.version).toBe(saved.version);
    expect(confirmed.saved[0]?.record).toEqual(await updates.byId(plan.record.action.id));
  });

  it('several actions in one submission: all or nothing', async () => {
    const actor = (await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } }));
    const a = await planFor('COM-02', 'first');
    const b = await planFor('COM-06', 'second');
    await store.db.action.update({ where: { id: b.record.action.id }, data: { version: { increment: 1 } } }); // someone else got there
    const outcome = await updates.apply([a, b], { actor, via: 'card', now: new Date(DEMO_NOW) });
    expect(outcome).toEqual({ kind: 'stale', actionId: b.record.action.id });
    expect((await store.db.action.findUniqueOrThrow({ where: { id: a.record.action.id } })).version).toBe(a.expectedVersion);
  });

  it('takes a card\'s action as read here a moment ago, and the save proves it: a new lead or a newer version writes nothing', async () => {
    const actor = (await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } }));
    const plan = await planFor('COM-05', 'Drafted the leaflet');
    const { id, version } = plan.record.action;
    // Read a moment ago at this version: the same record, without asking the database.
    expect(await updates.asShown(id, version)).toBe(plan.record);
    // At any other version the card did not come from that read: read now.
    expect(await updates.asShown(id, version + 1)).not.toBe(plan.record);
    expect((await updates.asShown(id, version + 1))?.action.version).toBe(version);

    // The workstream's lead changes (the action's version does not): the rights checked may no longer hold.
    const ws = await store.db.workstream.findUniqueOrThrow({ where: { id: plan.record.workstream.id } });
    const other = await store.db.person.findFirstOrThrow({ where: { id: { not: ws.leadId ?? -1 } } });
    await store.db.workstream.update({ where: { id: ws.id }, data: { leadId: other.id } });
    try {
      const kept = await updates.asShown(id, version);
      expect(await updates.apply([{ ...plan, record: kept! }], { actor, via: 'card', now: new Date(DEMO_NOW) })).toEqual({ kind: 'stale', actionId: id });
      expect((await store.db.action.findUniqueOrThrow({ where: { id } })).version).toBe(version);
      // Stale is forgotten: the next card reads afresh, with the new lead, and saves.
      const fresh = (await updates.asShown(id, version))!;
      expect(fresh.lead?.id).toBe(other.id);
      expect(await updates.apply([{ ...plan, record: fresh }], { actor, via: 'card', now: new Date(DEMO_NOW) })).toMatchObject({ kind: 'saved' });
    } finally {
      await store.db.workstream.update({ where: { id: ws.id }, data: { leadId: ws.leadId } });
    }

    // Another writer (a replica, an import) moves the version: the kept record is a guess that fails.
    const next = (await updates.byId(id))!;
    await store.db.action.update({ where: { id }, data: { version: { increment: 1 } } });
    const guess = (await updates.asShown(id, next.action.version))!;
    expect(guess.action.version).toBe(next.action.version);
    const replan = { ...plan, record: guess, expectedVersion: guess.action.version };
    expect(await updates.apply([replan], { actor, via: 'card', now: new Date(DEMO_NOW) })).toEqual({ kind: 'stale', actionId: id });
    expect((await updates.asShown(id, next.action.version))?.action.version).toBe(next.action.version + 1);
  });

  it('queues the lead alert with the change, once per version', async () => {
    const actor = (await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } }));
    const plan = { ...(await planFor('COM-02', 'Printer closed', 'off_track')), alert: { text: 'alert', cards: [] } };
    const outcome = await updates.apply([plan], { actor, via: 'chat', now: new Date(DEMO_NOW) });
    expect(outcome).toMatchObject({ kind: 'saved', saved: [{ alerted: true, version: plan.expectedVersion + 1 }] });
    const rows = await store.db.outboxMessage.findMany({ where: { job: 'lead-alert' } });
    expect(rows.map((r) => r.dedupKey)).toEqual([`lead-alert|COM-02@v${plan.expectedVersion + 1}|person:pshah|action-alert`]);
    const h = await store.db.actionHistory.findFirstOrThrow({ where: { version: plan.expectedVersion + 1, action: { ref: 'COM-02' } } });
    expect(h.via).toBe('chat');
  });
});

describeEachStore('the biggest "update my actions" card', (kind) => {
  let bot: TestBot;
  beforeAll(async () => {
    const store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    const owner = await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } });
    const ws = await store.db.workstream.findUniqueOrThrow({ where: { code: 'WS1' } });
    const long = 'Make sure every family in Kirklees can find the Local Offer and understands what support is available to them, in plain words. '.repeat(16);
    await store.db.action.createMany({
      data: Array.from({ length: 40 }, (_, i) => ({
        ref: `BIG-${String(i + 1).padStart(2, '0')}`, title: long.slice(0, 400), workstreamId: ws.id, ownerId: owner.id,
        dueDate: new Date(Date.UTC(2026, 11, 1 + i)), status: 'on_track' as const, lastUpdate: long.slice(0, 2000),
      })),
    });
    bot = await startTestBot(store);
  });
  afterAll(async () => { await bot.close(); });

  it('stays well under 28 KB and tells the person how to reach the rest', async () => {
    const reply = await bot.say('update my actions', { as: 'oprice' });
    const card = firstCard(reply.activities);
    expect(cardProblems(card)).toEqual([]);
    const bytes = cardBytes(card);
    console.log(`[size] biggest "update my actions" card (${kind}): ${bytes} bytes`);
    expect(bytes).toBeLessThan(24 * 1024);
    expect(JSON.stringify(card)).toMatch(/Showing the 8 due soonest of 43 open actions/);
  });
});
