// Updating an action from Teams, end to end: invokes and messages through POST /api/messages with
// the real adapter, replies caught by the connector stub, on the embedded database and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { ActionUpdateStore } from '../../src/store/action-updates.js';
import type { Store } from '../../src/store/database.js';
import { actionCardTiming } from '../../src/teams/routes/action-cards.js';
import { DEMO_NOW, startTestBot, type ChatKind, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { button, cardProblems, cardText, firstCard, inputIds, invoke } from './support.js';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

async function actionByRef(store: Store, ref: string) {
  return store.db.action.findUniqueOrThrow({ where: { ref } });
}

async function snapshot(store: Store) {
  const [actions, history, outbox] = await Promise.all([
    store.db.action.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, dueDate: true, version: true, lastUpdate: true } }),
    store.db.actionHistory.count(),
    store.db.outboxMessage.count(),
  ]);
  return { actions, history, outbox };
}

describeEachStore('updating an action from a card', (kind) => {
  let store: Store;
  let bot: TestBot;
  const clock = manualClock('2026-11-22T10:42:00Z');

  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    bot = await startTestBot(store, { clock });
  });
  afterAll(async () => { await bot.close(); });

  it('"update COM-06" gives the owner the edit form, a valid Adaptive Card 1.5 with refresh', async () => {
    const reply = await bot.say('update COM-06', { as: 'oprice' });
    expect(reply.status).toBe(200);
    const card = firstCard(reply.activities);
    expect(cardProblems(card)).toEqual([]);
    expect(inputIds(card).sort()).toEqual(['dueDate', 'note', 'reason', 'status']);
    const save = button(card, 'action.save');
    const a = await actionByRef(store, 'COM-06');
    expect(save.data).toEqual({ actionId: a.id, version: a.version });
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Refresh', verb: 'action.refresh', data: { actionId: a.id } } });
    const note = inputIds(card).includes('note') ? JSON.stringify(card) : '';
    expect(note).toContain('"maxLength":2000');
    expect(cardText(card)).toMatch(/Off track/);
    expect(cardText(card)).toMatch(/14 November 2026/);
  });

  it('reads loose references: "update com 6", "Update COM6 please"', async () => {
    const a = await actionByRef(store, 'COM-06');
    for (const text of ['update com 6', 'Update COM6 please', 'edit com-06']) {
      const card = firstCard((await bot.say(text, { as: 'oprice' })).activities);
      expect(button(card, 'action.save').data).toMatchObject({ actionId: a.id });
    }
    const unknown = await bot.say('update XYZ-99', { as: 'oprice' });
    expect(unknown.text).toMatch(/can't find an action called XYZ-99/);
  });

  it('answers a save with the card in the invoke response body, writes the audit row and sends nothing else', async () => {
    const a = await actionByRef(store, 'COM-06');
    const res = await invoke(bot, {
      as: 'oprice', verb: 'action.save',
      data: { actionId: a.id, version: a.version, status: 'at_risk', note: 'North venue booked; South date agreed.', dueDate: '2026-11-14', reason: '' },
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.raw)).toEqual({ statusCode: 200, type: ADAPTIVE, value: res.card });
    expect(cardProblems(res.card)).toEqual([]);
    expect(cardText(res.card)).toMatch(/Saved\. COM-06 is now at risk, due 14 November 2026\./);
    expect(res.card.refresh).toBeUndefined(); // the confirmation stays put
    expect(res.outbound).toEqual([]); // no message edit (PUT), no new message
    const after = await actionByRef(store, 'COM-06');
    expect(after).toMatchObject({ status: 'at_risk', version: a.version + 1, lastUpdate: 'North venue booked; South date agreed.' });
    const rows = await store.db.actionHistory.findMany({ where: { actionId: a.id }, orderBy: { id: 'desc' }, take: 1, include: { actor: true } });
    expect(rows[0]).toMatchObject({ via: 'card', statusFrom: 'off_track', statusTo: 'at_risk', dueFrom: null, dueTo: null, note: 'North venue booked; South date agreed.', version: a.version + 1 });
    expect(rows[0]?.actor?.key).toBe('oprice');
    expect(rows[0]?.at.toISOString()).toBe('2026-11-22T10:42:00.000Z');
  });

  it('a lead who stops being the lead after the card was drawn cannot save it; the owner still can', async () => {
    const a = await actionByRef(store, 'EAH-05'); // dpatel leads its workstream; gokafor owns it
    const ws = await store.db.workstream.findUniqueOrThrow({ where: { id: a.workstreamId } });
    const due = a.dueDate.toISOString().slice(0, 10);
    const drawn = await invoke(bot, { as: 'dpatel', verb: 'action.refresh', data: { actionId: a.id } });
    expect(button(drawn.card, 'action.save').data).toEqual({ actionId: a.id, version: a.version });
    const other = await store.db.person.findUniqueOrThrow({ where: { key: 'hcarr' } });
    await store.db.workstream.update({ where: { id: ws.id }, data: { leadId: other.id } });
    try {
      const before = await snapshot(store);
      const refused = await invoke(bot, { as: 'dpatel', verb: 'action.save', data: { actionId: a.id, version: a.version, status: 'off_track', dueDate: due, note: 'No longer mine' } });
      expect(cardText(refused.card)).toContain("Sorry, you can't change EAH-05, so nothing was changed.");
      expect(await snapshot(store)).toEqual(before);
      // The owner's card, drawn before the change of lead, still saves (read afresh, rights hold).
      const saved = await invoke(bot, { as: 'gokafor', verb: 'action.save', data: { actionId: a.id, version: a.version, status: 'on_track', dueDate: due, note: 'Still on it' } });
      expect(cardText(saved.card)).toMatch(/Saved\./);
      expect((await actionByRef(store, 'EAH-05')).version).toBe(a.version + 1);
    } finally {
      await store.db.workstream.update({ where: { id: ws.id }, data: { leadId: ws.leadId } });
    }
  });

  it('a stale card changes nothing and comes back current, saying who changed it and when (London time)', async () => {
    const a = await actionByRef(store, 'COM-06');
    const before = await snapshot(store);
    const res = await invoke(bot, {
      as: 'pshah', verb: 'action.save',
      data: { actionId: a.id, version: a.version - 1, status: 'complete', note: 'Done', dueDate: '2026-11-14' },
    });
    expect(res.status).toBe(200);
    expect(cardText(res.card)).toContain('Owen Price changed this at 10:42; here is the latest.');
    expect(button(res.card, 'action.save').data).toEqual({ actionId: a.id, version: a.version });
    expect(await snapshot(store)).toEqual(before);
  });

  it('says the day too when the change was not today, in British Summer Time when it applies', async () => {
    const a = await actionByRef(store, 'PFA-01');
    clock.set('2026-07-01T08:05:00Z'); // 09:05 BST
    const first = await invoke(bot, { as: 'amorgan', verb: 'action.save', data: { actionId: a.id, version: a.version, status: a.status, dueDate: a.dueDate.toISOString().slice(0, 10), note: 'Checked' } });
    expect(cardText(first.card)).toMatch(/Saved/);
    clock.set('2026-11-22T10:42:00Z');
    const stale = await invoke(bot, { as: 'amorgan', verb: 'action.save', data: { actionId: a.id, version: a.version, status: 'complete', dueDate: a.dueDate.toISOString().slice(0, 10) } });
    expect(cardText(stale.card)).toContain('Alex Morgan changed this on 1 July 2026 at 09:05; here is the latest.');
  });

  it('refuses tampered data: a version from the future, or another action\'s id with this card\'s version', async () => {
    const a = await actionByRef(store, 'COM-06');
    const other = await actionByRef(store, 'COM-03'); // owned by Owen Price too, at version 1
    const before = await snapshot(store);
    const future = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { actionId: a.id, version: a.version + 5, status: 'complete', dueDate: '2026-11-14' } });
    expect(cardText(future.card)).toMatch(/doesn't match the plan, so nothing was changed/);
    const swapped = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { actionId: other.id, version: a.version, status: 'complete', dueDate: '2026-11-30' } });
    expect(cardText(swapped.card)).toMatch(/nothing was changed|here is the latest/);
    const elsewhere = await invoke(bot, { as: 'gokafor', verb: 'action.save', data: { actionId: a.id, version: a.version, status: 'complete', dueDate: '2026-11-14' } });
    expect(cardText(elsewhere.card)).toMatch(/you can't change COM-06/);
    const junk = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { actionId: 'COM-06; DROP TABLE actions', version: 'x' } });
    expect(cardText(junk.card)).toMatch(/doesn't look right, so nothing was changed/);
    expect(await snapshot(store)).toEqual(before);
  });

  it('shows every bad input as an error in the card and changes nothing', async () => {
    const a = await actionByRef(store, 'COM-06');
    const due = a.dueDate.toISOString().slice(0, 10);
    const base = { actionId: a.id, version: a.version, status: 'on_track', dueDate: due, note: '', reason: '' };
    const before = await snapshot(store);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...base, status: 'finished' }, /Please choose a status/],
      [{ ...base, status: '' }, /Please choose a status/],
      [{ ...base, dueDate: '2026-02-30' }, /real date/],
      [{ ...base, dueDate: 'next Friday' }, /real date/],
      [{ ...base, dueDate: '' }, /real date/],
      [{ ...base, dueDate: '1066-10-14' }, /between the years 2000 and 2099/],
      [{ ...base, dueDate: '2027-01-29' }, /You moved the due date: please say why/],
      [{ ...base, note: 'x'.repeat(2001) }, /2,000 characters or fewer \(this has 2,001\)/],
      [{ ...base, note: 'Reviewed the EHC plan for the child at 12 Acacia Avenue, HD1 2AB' }, /address|postcode/],
    ];
    for (const [data, message] of cases) {
      const res = await invoke(bot, { as: 'oprice', verb: 'action.save', data });
      expect(res.status).toBe(200);
      expect(cardProblems(res.card)).toEqual([]);
      const words = cardText(res.card);
      expect(words, JSON.stringify(data).slice(0, 80)).toMatch(message);
      expect(words).toMatch(/nothing has been saved yet/);
    }
    // What was typed comes back, so nothing is lost.
    const kept = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { ...base, dueDate: '2027-01-29', note: 'Venue moved' } });
    expect(JSON.stringify(kept.card)).toContain('"value":"Venue moved"');
    expect(JSON.stringify(kept.card)).toContain('"value":"2027-01-29"');
    const unknown = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { ...base, actionId: 999_999 } });
    expect(cardText(unknown.card)).toMatch(/can't find that action/);
    expect(await snapshot(store)).toEqual(before);
  });

  it('a moved date with a reason is saved; more than 4 weeks tells the lead through the outbox, in the same change', async () => {
    const a = await actionByRef(store, 'COM-03'); // Owen Price's; WS1 is led by Priya Shah
    const res = await invoke(bot, {
      as: 'oprice', verb: 'action.save',
      data: { actionId: a.id, version: a.version, status: 'on_track', dueDate: '2026-12-29', reason: 'Printer delay', note: '' },
    });
    expect(cardText(res.card)).toMatch(/Saved\. COM-03 is now on track, due 29 December 2026\. I have let the workstream lead know\./);
    const alert = await store.db.outboxMessage.findFirstOrThrow({ where: { job: 'lead-alert', period: `COM-03@v${a.version + 1}` } });
    expect(alert).toMatchObject({ recipientKey: 'person:pshah', kind: 'action-alert', status: 'pending' });
    const payload = alert.payload as { text: string; cards: Record<string, unknown>[] };
    expect(payload.text).toContain('Owen Price moved the due date of COM-03');
    expect(payload.text).toContain('from 30 November 2026 to 29 December 2026, 4 weeks and 1 day later');
    expect(payload.text).toContain('Why the date moved: Printer delay');
    expect(cardProblems(payload.cards[0]!)).toEqual([]);
    const history = await store.db.actionHistory.findFirstOrThrow({ where: { actionId: a.id, version: a.version + 1 } });
    expect(history.dueFrom?.toISOString().slice(0, 10)).toBe('2026-11-30');
    expect(history.dueTo?.toISOString().slice(0, 10)).toBe('2026-12-29');
    expect(history.note).toBe('Why the due date moved: Printer delay');
    expect((await actionByRef(store, 'COM-03')).lastUpdate).toBe('Due date moved to 29 December 2026: Printer delay');
  });

  it('exactly four weeks is not worth an alert; off track is, unless the lead made the change', async () => {
    const a = await actionByRef(store, 'COM-02'); // due 2027-01-29
    const outbox = await store.db.outboxMessage.count();
    await invoke(bot, { as: 'oprice', verb: 'action.save', data: { actionId: a.id, version: a.version, status: 'on_track', dueDate: '2027-02-26', reason: 'Board date moved' } });
    expect(await store.db.outboxMessage.count()).toBe(outbox);
    const byLead = await actionByRef(store, 'COM-04');
    await invoke(bot, { as: 'pshah', verb: 'action.save', data: { actionId: byLead.id, version: byLead.version, status: 'off_track', dueDate: byLead.dueDate.toISOString().slice(0, 10) } });
    expect(await store.db.outboxMessage.count()).toBe(outbox);
    const c2 = await actionByRef(store, 'COM-02');
    const off = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { actionId: c2.id, version: c2.version, status: 'off_track', dueDate: '2027-02-26', note: 'Printer closed' } });
    expect(cardText(off.card)).toMatch(/let the workstream lead know/);
    const alert = await store.db.outboxMessage.findFirstOrThrow({ where: { period: `COM-02@v${c2.version + 1}` } });
    expect((alert.payload as { text: string }).text).toContain('Owen Price marked COM-02 "Publish the quarterly public progress update for October to December" as off track (it was on track).');
  });

  it('"history of COM-06" and "what changed on com 6" list every change: who, when, from → to, note', async () => {
    const reply = await bot.say('history of COM-06', { as: 'gokafor' });
    const card = firstCard(reply.activities);
    expect(cardProblems(card)).toEqual([]);
    expect(reply.activities[0]?.text).toMatch(/COM-06 has 2 recorded changes\. The latest was by Owen Price, Sunday 22 November 2026 at 10:42\./);
    const words = cardText(card);
    expect(words).toContain('Owen Price, Sunday 22 November 2026 at 10:42, by card');
    expect(words).toContain('Status: off track → at risk');
    expect(words).toContain('North venue booked; South date agreed.');
    expect(words).toContain('The plan import, Sunday 22 November 2026 at 09:00, by import');
    expect(words).toContain('Due date: set to 14 November 2026');
    const again = await bot.say("what's changed on com 6?", { as: null });
    expect(again.text).toMatch(/COM-06 has 2 recorded changes/);
    const a = await actionByRef(store, 'COM-03');
    const viaButton = await invoke(bot, { as: 'oprice', verb: 'action.history', data: { actionId: a.id } });
    expect(cardText(viaButton.card)).toContain('Due date: 30 November 2026 → 29 December 2026');
  });

  it('answers an automatic refresh with the invoke response only: no message update, nothing sent', async () => {
    const a = await actionByRef(store, 'COM-06');
    const conversationId = '19:group-refresh@thread.v2';
    for (const who of ['oprice', 'gokafor', null]) {
      const res = await invoke(bot, { as: who, chat: 'groupChat', conversationId, verb: 'action.refresh', data: { actionId: a.id }, trigger: 'automatic' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ statusCode: 200, type: ADAPTIVE });
      expect(res.card.refresh).toBeDefined(); // the card keeps refreshing on later views
      expect(res.outbound).toEqual([]);
    }
    expect(bot.connector.sent.filter((s) => s.method === 'PUT')).toEqual([]);
  });

  it('refresh.userIds is left out in chats and lists at most 60 people in channels', async () => {
    const a = await actionByRef(store, 'COM-06');
    const group = await invoke(bot, { as: 'oprice', chat: 'groupChat', verb: 'action.refresh', data: { actionId: a.id }, trigger: 'automatic' });
    expect((group.card.refresh as Record<string, unknown>).userIds).toBeUndefined();
    const channel = await invoke(bot, { as: 'oprice', chat: 'channel', verb: 'action.refresh', data: { actionId: a.id }, trigger: 'automatic' });
    const ids = (channel.card.refresh as { userIds?: string[] }).userIds ?? [];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(60);
    expect(ids).toContain('29:6f1c2a10-0010-4a6e-9c1a-000000000010');
  });

  it('an old client (Action.Submit fallback) gets the same flow, answered in a new message', async () => {
    const a = await actionByRef(store, 'COM-06');
    const act = await bot.activity({ as: 'oprice' });
    const conv = (act.conversation as { id: string }).id;
    const res = await bot.post({ ...act, type: 'message', value: { verb: 'action.save', actionId: a.id, version: a.version, status: 'on_track', dueDate: a.dueDate.toISOString().slice(0, 10), note: 'From the desktop app' } });
    expect(res.status).toBe(200);
    const sent = bot.connector.for(conv).map((s) => s.body);
    expect(cardText(firstCard(sent))).toMatch(/Saved\. COM-06 is now on track/);
    expect((await actionByRef(store, 'COM-06')).version).toBe(a.version + 1);
    const h = await store.db.actionHistory.findFirstOrThrow({ where: { actionId: a.id, version: a.version + 1 } });
    expect(h.via).toBe('card');
  });
  it('a hard title without a plain title gets a hint in the form; a hard note gets advice after saving', async () => {
    const hard = 'Co-produce accessible summaries of statutory education, health and care documentation collaboratively';
    await store.db.action.update({ where: { ref: 'COM-05' }, data: { title: hard } });
    const form = firstCard((await bot.say('update COM-05', { as: 'pshah' })).activities);
    expect(cardText(form)).toMatch(/This title reads at grade \d+\.\d, above 8: .*a plain title for the public pages/);
    const a = await actionByRef(store, 'COM-05');
    const res = await invoke(bot, {
      as: 'pshah', verb: 'action.save',
      data: { actionId: a.id, version: a.version, status: 'at_risk', note: 'Subsequent co-production negotiations regarding accessibility modifications continue satisfactorily.', dueDate: '2026-12-18', reason: '' },
    });
    expect(cardText(res.card)).toMatch(/Saved\. COM-05 is now at risk, due 18 December 2026\. Your note reads at grade \d+\.\d, above 8\. It is on the public page as you wrote it/);
    const plain = await invoke(bot, {
      as: 'pshah', verb: 'action.save', data: { actionId: a.id, version: a.version + 1, status: 'at_risk', note: 'Two more sessions are booked.', dueDate: '2026-12-18', reason: '' },
    });
    expect(cardText(plain.card)).not.toMatch(/Your note reads/);
    await store.db.action.update({ where: { ref: 'COM-05' }, data: { plainTitle: 'Write short EHC plan summaries with young people' } });
    expect(cardText(firstCard((await bot.say('update COM-05', { as: 'pshah' })).activities))).not.toMatch(/This title reads at grade/);
  });
});

describeEachStore('who may change an action', (kind) => {
  let store: Store;
  let bot: TestBot;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    bot = await startTestBot(store);
  });
  afterAll(async () => { await bot.close(); });

  // COM-06: owner Owen Price, WS1 led by Priya Shah; Alex Morgan is an admin; Grace Okafor owns other actions.
  const people: { who: string | null; label: string; may: boolean }[] = [
    { who: 'oprice', label: 'owner', may: true },
    { who: 'pshah', label: 'workstream lead', may: true },
    { who: 'amorgan', label: 'admin', may: true },
    { who: 'gokafor', label: 'someone else', may: false },
    { who: null, label: 'someone the plan does not know', may: false },
  ];
  const chats: ChatKind[] = ['personal', 'groupChat'];

  for (const chat of chats) {
    for (const p of people) {
      it(`${p.label} in a ${chat} chat: ${p.may ? 'sees the form and saves' : 'sees the summary, is refused, nothing changes'}`, async () => {
        const a = await actionByRef(store, 'COM-06');
        const view = await invoke(bot, { as: p.who, chat, verb: 'action.refresh', data: { actionId: a.id }, trigger: 'automatic' });
        expect(cardProblems(view.card)).toEqual([]);
        expect(inputIds(view.card).length > 0).toBe(p.may);
        if (!p.may) expect(cardText(view.card)).toContain('Only Owen Price (the owner), Priya Shah (the workstream lead) or an admin can change COM-06.');

        const before = await snapshot(store);
        const next = a.status === 'at_risk' ? 'on_track' : 'at_risk';
        const res = await invoke(bot, { as: p.who, chat, verb: 'action.save', data: { actionId: a.id, version: a.version, status: next, dueDate: a.dueDate.toISOString().slice(0, 10), note: `by ${p.label}` } });
        expect(res.status).toBe(200);
        expect(res.outbound).toEqual([]);
        if (p.may) {
          expect(cardText(res.card)).toMatch(/^Saved\./m);
          expect((await actionByRef(store, 'COM-06')).version).toBe(a.version + 1);
        } else {
          expect(cardText(res.card)).toMatch(p.who ? /Sorry, you can't change COM-06, so nothing was changed\./ : /I don't know you in the plan yet/);
          expect(await snapshot(store)).toEqual(before);
        }

        const typed = await bot.say('update COM-06', { as: p.who, chat });
        const card = firstCard(typed.activities);
        expect(inputIds(card).length > 0).toBe(p.may);
        if (!p.may) expect(typed.text).toMatch(p.who ? /Sorry, you can't change COM-06\. Only Owen Price/ : /I don't know you in the plan yet/);
      });
    }
  }

  it('an Update button from any answer card (action.edit with id and version) opens the form in place', async () => {
    const a = await actionByRef(store, 'COM-06');
    const res = await invoke(bot, { as: 'oprice', verb: 'action.edit', data: { actionId: a.id, version: a.version } });
    expect(inputIds(res.card)).toContain('status');
    const old = await invoke(bot, { as: 'oprice', verb: 'action.edit', data: { actionId: a.id, version: 1 } });
    expect(cardText(old.card)).toMatch(/changed this at \d\d:\d\d; here is the latest\./);
    const refused = await invoke(bot, { as: 'gokafor', verb: 'action.edit', data: { actionId: a.id, version: a.version } });
    expect(inputIds(refused.card)).toEqual([]);
    expect(cardText(refused.card)).toMatch(/you can't change COM-06/);
    const cancel = await invoke(bot, { as: 'oprice', verb: 'action.view', data: { actionId: a.id } });
    expect(inputIds(cancel.card)).toEqual([]);
    expect(cancel.card.refresh).toBeUndefined();
  });
});

describeEachStore('"update my actions"', (kind) => {
  let store: Store;
  let bot: TestBot;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    bot = await startTestBot(store);
  });
  afterAll(async () => { await bot.close(); });

  it('gives one card with every open action of theirs and saves only the touched ones, together', async () => {
    const reply = await bot.say('update my actions', { as: 'oprice' });
    const card = firstCard(reply.activities);
    expect(cardProblems(card)).toEqual([]);
    const open = await store.db.action.findMany({ where: { owner: { key: 'oprice' }, status: { not: 'complete' } }, orderBy: [{ dueDate: 'asc' }, { ref: 'asc' }] });
    expect(reply.activities[0]?.text).toBe(`Here are your ${open.length} open actions.`);
    const save = button(card, 'actions.saveMany');
    expect(save.data).toEqual({ items: open.map((a) => ({ actionId: a.id, version: a.version })) });
    expect((card.refresh as { action: { data: unknown } }).action.data).toEqual({ actionIds: open.map((a) => a.id) });

    const [first, second, third] = open;
    const inputs: Record<string, unknown> = {};
    for (const a of open) Object.assign(inputs, { [`status_${a.id}`]: a.status, [`dueDate_${a.id}`]: a.dueDate.toISOString().slice(0, 10), [`note_${a.id}`]: '', [`reason_${a.id}`]: '' });
    // One bad row: nothing at all is saved.
    const before = await snapshot(store);
    const bad = await invoke(bot, { as: 'oprice', verb: 'actions.saveMany', data: { ...(save.data as object), ...inputs, [`status_${first!.id}`]: 'on_track', [`dueDate_${second!.id}`]: '2027-06-01' } });
    expect(cardText(bad.card)).toMatch(/Nothing was saved/);
    expect(cardText(bad.card)).toMatch(/You moved the due date: please say why/);
    expect(await snapshot(store)).toEqual(before);
    // Fixed: both saved, the third untouched.
    const good = await invoke(bot, { as: 'oprice', verb: 'actions.saveMany', data: { ...(save.data as object), ...inputs, [`status_${first!.id}`]: 'on_track', [`note_${first!.id}`]: 'Back on track', [`dueDate_${second!.id}`]: '2027-06-01', [`reason_${second!.id}`]: 'Waiting for the forum' } });
    expect(cardProblems(good.card)).toEqual([]);
    expect(cardText(good.card)).toMatch(new RegExp(`Saved 2 changes: ${first!.ref} and ${second!.ref}\\.`));
    expect((await store.db.action.findUniqueOrThrow({ where: { id: first!.id } })).version).toBe(first!.version + 1);
    expect((await store.db.action.findUniqueOrThrow({ where: { id: second!.id } })).version).toBe(second!.version + 1);
    expect((await store.db.action.findUniqueOrThrow({ where: { id: third!.id } })).version).toBe(third!.version);
    // The same card again is stale for those two: nothing saved.
    const stale = await invoke(bot, { as: 'oprice', verb: 'actions.saveMany', data: { ...(save.data as object), ...inputs, [`note_${first!.id}`]: 'Again' } });
    expect(cardText(stale.card)).toMatch(/Nothing was saved.*changed after this card was made/);
  });

  it('someone with no open actions, or unknown, is told so in a sentence', async () => {
    expect((await bot.say('update my actions', { as: 'eclarke' })).text).toMatch(/don't own any open actions/);
    expect((await bot.say('update my actions', { as: null })).text).toMatch(/I don't know you in the plan yet/);
  });
});

describe('slow work and failures', () => {
  let store: Store;
  let bot: TestBot;
  beforeAll(async () => {
    store = await createTestStore('embedded');
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    bot = await startTestBot(store);
  });
  afterAll(async () => { actionCardTiming.deadlineMs = 4_000; await bot.close(); });

  it('answers a slow save at once and sends the result as a follow-up message', async () => {
    const a = await actionByRef(store, 'COM-06');
    const apply = ActionUpdateStore.prototype.apply;
    const slow = vi.spyOn(ActionUpdateStore.prototype, 'apply').mockImplementation(async function (this: ActionUpdateStore, ...args) {
      await new Promise((r) => setTimeout(r, 300));
      return apply.apply(this, args);
    });
    actionCardTiming.deadlineMs = 100;
    const conversationId = 'a:slow-chat';
    const started = performance.now();
    const res = await invoke(bot, { as: 'oprice', conversationId, verb: 'action.save', data: { actionId: a.id, version: a.version, status: 'on_track', dueDate: '2026-11-14' } });
    expect(performance.now() - started).toBeLessThan(290);
    actionCardTiming.deadlineMs = 4_000;
    expect(cardText(res.card)).toMatch(/still working on this/);
    for (let i = 0; i < 100 && bot.connector.for(conversationId).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const followUp = bot.connector.for(conversationId).map((s) => s.body);
    expect(cardText(firstCard(followUp))).toMatch(/Saved\. COM-06 is now on track/);
    expect(bot.connector.for(conversationId).every((s) => s.method === 'POST')).toBe(true);
    slow.mockRestore();
  });

  it('a failure inside a card action is a short kind sentence in the card, and the whole change is undone', async () => {
    const a = await actionByRef(store, 'COM-03'); // off track by its owner: the lead's alert goes in the same transaction
    const history = await store.db.actionHistory.count();
    await store.db.$executeRawUnsafe('ALTER TABLE outbox RENAME TO outbox_gone');
    try {
      const res = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { actionId: a.id, version: a.version, status: 'off_track', dueDate: '2026-11-30' } });
      expect(res.status).toBe(200);
      expect(cardText(res.card)).toMatch(/Sorry, something went wrong on my side\. Please try again in a moment\. \(Reference: [0-9a-f]{8}\)/);
      expect(res.outbound).toEqual([]);
    } finally {
      await store.db.$executeRawUnsafe('ALTER TABLE outbox_gone RENAME TO outbox');
    }
    // The update and the audit row were rolled back with the failed alert.
    expect(await actionByRef(store, 'COM-03')).toMatchObject({ version: a.version, status: a.status });
    expect(await store.db.actionHistory.count()).toBe(history);
  });
});
