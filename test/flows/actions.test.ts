// The action flows without an adapter, on both stores: opening the update card, saving one
// action, saving several, and who gets a channel card's refresh.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { parseActionCommand } from '../../src/flows/actions/parse.js';
import type { Store } from '../../src/store/database.js';
import { cardText } from '../actions/support.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { flowRig, type FlowRig } from './support.js';

type Node = Record<string, unknown>;

/** The data of the card's button for a verb (the Action.Execute, wherever it sits). */
function buttonData(card: unknown, verb: string): unknown {
  const found: Node[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (!n || typeof n !== 'object') return;
    const o = n as Node;
    if (o.type === 'Action.Execute' && o.verb === verb) found.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback' && k !== 'refresh' && typeof v === 'object') walk(v);
  };
  walk(card);
  return found[0]?.data;
}

describeEachStore('action flows', (kind) => {
  let store: Store;
  let rig: FlowRig;
  const clock = manualClock('2026-11-22T10:42:00Z');
  const actionByRef = (ref: string) => store.db.action.findUniqueOrThrow({ where: { ref } });

  beforeAll(async () => {
    store = await createTestStore(kind);
    rig = await flowRig(store, clock, { examples: { actionRef: 'COM-01' } });
  });
  afterAll(async () => { await store.close(); });

  it('opens the form for the owner, and the summary for a channel', async () => {
    const a = await actionByRef('COM-06');
    const mine = await rig.flows.actions.openByRef(await rig.viewer('oprice'), ['COM-06'], 'COM-06');
    expect(mine).toMatchObject({ outcome: 'form', text: 'Here is COM-06. Change what you need, then press Save.' });
    expect(buttonData(mine.card, 'action.save')).toEqual({ actionId: a.id, version: a.version });
    const channel = await rig.flows.actions.openByRef(await rig.viewer('oprice', 'channel'), ['COM-06'], 'COM-06');
    expect(buttonData(channel.card, 'action.save')).toBeUndefined();
    expect(buttonData(channel.card, 'action.edit')).toMatchObject({ actionId: a.id });
  });

  it('opens the form with the status chosen for "mark … as complete", and the read-only card for others', async () => {
    const statusOf = (card: unknown) => JSON.stringify(card).match(/"id":"status"[^}]*?"value":"([a-z_]+)"/)?.[1];
    const cmd = parseActionCommand('mark INC-02 as complete');
    expect(cmd).toMatchObject({ kind: 'one', typed: 'INC-02', status: 'complete' });
    const owner = await rig.flows.actions.openByRef(await rig.viewer('hcarr'), ['INC-02'], 'INC-02', 'complete');
    expect(owner).toMatchObject({ outcome: 'form', text: 'Here is INC-02 with “Complete” chosen. Add what changed if you like, then press Save.' });
    expect(statusOf(owner.card)).toBe('complete');
    expect(statusOf((await rig.flows.actions.openByRef(await rig.viewer('hcarr'), ['INC-02'], 'INC-02')).card)).toBe('on_track');
    const other = await rig.flows.actions.openByRef(await rig.viewer('jwalker'), ['INC-02'], 'INC-02', 'complete');
    expect(other).toMatchObject({ outcome: 'refused', text: expect.stringMatching(/^Sorry, you can't change INC-02\./) });
    expect(statusOf(other.card)).toBeUndefined();
    const channel = await rig.flows.actions.openByRef(await rig.viewer('hcarr', 'channel'), ['INC-02'], 'INC-02', 'at_risk');
    expect(channel.text).toBe('Here is INC-02. Press Update, choose “At risk” and press Save.');
  });

  it('reads a status change in plain words as a command, and a question about status as a question', () => {
    const cases: [string, string][] = [
      ['set COM-06 to at risk', 'at_risk'], ['INC-02 is done', 'complete'], ['com3 is done!', 'complete'], ['mark pfa 4 complete pls', 'complete'],
      ['set SUF-02 to off track', 'off_track'], ['mark ehc 1 as finished', 'complete'], ["INC-02's done", 'complete'], ['Please set GOV-01 to on track', 'on_track'],
    ];
    for (const [text, status] of cases) expect(parseActionCommand(text), text).toMatchObject({ kind: 'one', status });
    for (const text of ['is INC-02 done?', 'INC-02 is done?', 'set COM-06 to flibble', 'INC-02 is due when', 'mark INC-02 as overdue', 'set COM-06 to at risk or off track']) {
      expect(parseActionCommand(text), text).toBeNull();
    }
    expect(parseActionCommand('update COM-06')).toEqual({ kind: 'one', candidates: expect.any(Array), typed: 'COM-06' });
  });

  it('refuses people who may not change it, and names the plan\'s own example for an unknown reference', async () => {
    expect(await rig.flows.actions.openByRef(await rig.viewer('gokafor'), ['COM-06'], 'COM-06')).toMatchObject({ outcome: 'refused', text: expect.stringMatching(/^Sorry, you can't change COM-06\./) });
    expect(await rig.flows.actions.openByRef(await rig.viewer(null), ['COM-06'], 'COM-06')).toMatchObject({ outcome: 'unknown-person' });
    expect(await rig.flows.actions.openByRef(await rig.viewer('oprice'), ['XYZ-99'], 'XYZ-99')).toMatchObject({
      outcome: 'unknown-ref', sentenceOnly: true, text: "I can't find an action called XYZ-99. Check the reference, for example COM-01.",
    });
  });

  it('saves one action, writes the history, and answers a stale or bad card without changing anything', async () => {
    const a = await actionByRef('COM-06');
    const viewer = await rig.viewer('oprice');
    const saved = await rig.flows.actions.save(viewer, { actionId: a.id, version: a.version, status: 'at_risk', note: 'Venue booked.', dueDate: '2026-11-14', reason: '' }, 'chat');
    expect(saved).toMatchObject({ outcome: 'saved', text: 'Saved. COM-06 is now at risk, due 14 November 2026.' });
    expect(await actionByRef('COM-06')).toMatchObject({ status: 'at_risk', version: a.version + 1, lastUpdate: 'Venue booked.' });
    const row = await store.db.actionHistory.findFirstOrThrow({ where: { actionId: a.id }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ via: 'chat', statusFrom: 'off_track', statusTo: 'at_risk', at: clock.now() });

    const stale = await rig.flows.actions.save(viewer, { actionId: a.id, version: a.version, status: 'complete', dueDate: '2026-11-14' });
    expect(stale.outcome).toBe('stale');
    expect(cardText(stale.card)).toContain('Owen Price changed this at 10:42; here is the latest.');
    const bad = await rig.flows.actions.save(viewer, { actionId: a.id, version: a.version + 1, status: 'at_risk', dueDate: '2027-01-29', note: '' });
    expect(bad).toMatchObject({ outcome: 'invalid', log: { fields: expect.arrayContaining(['reason']) } });
    expect(await actionByRef('COM-06')).toMatchObject({ status: 'at_risk', version: a.version + 1 });
  });

  it('saves the touched rows of several actions together, or none of them', async () => {
    const viewer = await rig.viewer('oprice');
    const mine = await rig.flows.actions.mine(viewer);
    expect(mine.outcome).toBe('many');
    const items = buttonData(mine.card, 'actions.saveMany') as { items: { actionId: number; version: number }[] };
    const open = await store.db.action.findMany({ where: { id: { in: items.items.map((i) => i.actionId) } } });
    const [first, second] = items.items.map((i) => open.find((a) => a.id === i.actionId)!);
    const inputs: Node = {};
    for (const a of open) Object.assign(inputs, { [`status_${a.id}`]: a.status, [`dueDate_${a.id}`]: a.dueDate.toISOString().slice(0, 10) });
    const bad = await rig.flows.actions.saveMany(viewer, { ...items, ...inputs, [`status_${first!.id}`]: 'on_track', [`dueDate_${second!.id}`]: '2027-06-01' });
    expect(bad.outcome).toBe('invalid');
    expect(cardText(bad.card)).toMatch(/Nothing was saved/);
    expect((await store.db.action.findUniqueOrThrow({ where: { id: first!.id } })).version).toBe(first!.version);
    const good = await rig.flows.actions.saveMany(viewer, { ...items, ...inputs, [`status_${first!.id}`]: 'on_track', [`dueDate_${second!.id}`]: '2027-06-01', [`reason_${second!.id}`]: 'Waiting for the forum' });
    expect(good).toMatchObject({ outcome: 'saved', log: { saved: 2 } });
    expect((await store.db.action.findUniqueOrThrow({ where: { id: second!.id } })).version).toBe(second!.version + 1);
    expect(await rig.flows.actions.mine(await rig.viewer('eclarke'))).toMatchObject({ outcome: 'none', sentenceOnly: true });
  });

  it('refreshes a channel card for the viewer and the people who may change it, by their personal chats', async () => {
    const a = await actionByRef('COM-06');
    const owner = await rig.repositories.people.byKey('oprice');
    await rig.repositories.conversations.capture({
      conversationId: 'a:owner-chat', kind: 'personal', personId: owner!.id, teamId: null, name: null, tenantId: null,
      serviceUrl: 'http://127.0.0.1:9/', reference: { user: { id: '29:owner' } },
    });
    const result = await rig.flows.actions.refresh(await rig.viewer('gokafor', 'channel', '29:viewer'), { actionId: a.id });
    expect(result.outcome).toBe('summary');
    const ids = (result.card.refresh as { userIds?: string[] }).userIds;
    expect(ids?.[0]).toBe('29:viewer');
    expect(ids).toContain('29:owner');
    const personal = await rig.flows.actions.refresh(await rig.viewer('gokafor', 'personal', '29:viewer'), { actionId: a.id });
    expect((personal.card.refresh as { userIds?: string[] }).userIds).toBeUndefined();
    expect(await rig.flows.actions.refresh(await rig.viewer('gokafor'), { actionId: 999_999 })).toMatchObject({ outcome: 'gone' });
  });
});
