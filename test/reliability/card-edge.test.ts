// Bad input from cards and from clients, through /api/messages with the real adapter, on both
// stores: old cards, invokes nobody handles, objects or lists where a card sends text, messages
// with no sender. Each gets a 200 with a kind card or a 400; nothing changes; nothing logs an error.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { createLogger } from '../../src/log/logger.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { cardText, invoke } from '../actions/support.js';
import { invoke as invokeAny } from '../clusters/helpers.js';

/** Log lines at warn (40) and above, parsed. */
function logSink() {
  const lines: { level: number; msg: string }[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l) as { level: number; msg: string }); done(); } });
  return { log: createLogger('warn', stream), errors: () => lines.filter((l) => l.level >= 50) };
}

describeEachStore('bad input at the edge', (kind) => {
  let bot: TestBot;
  let sink: ReturnType<typeof logSink>;

  const snapshot = async () => {
    const db = bot.store.db;
    const [actions, history, ratings, requests, meetings] = await Promise.all([
      db.action.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true, dueDate: true, version: true, lastUpdate: true } }),
      db.actionHistory.count(), db.maturityRating.count(), db.expertRequest.count(),
      db.clusterMeeting.findMany({ orderBy: { id: 'asc' }, select: { id: true, agenda: true, notes: true, version: true } }),
    ]);
    return { actions, history, ratings, requests, meetings };
  };
  const com06 = () => bot.store.db.action.findUniqueOrThrow({ where: { ref: 'COM-06' } });

  beforeAll(async () => {
    sink = logSink();
    const store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    bot = await startTestBot(store, { log: sink.log });
  });
  afterAll(async () => { await bot.close(); });

  it('an old card (a verb the bot no longer knows) gets a 200 card saying it is out of date', async () => {
    const before = await snapshot();
    const res = await invoke(bot, { as: 'oprice', verb: 'action.retired-verb', data: { actionId: 1, version: 1 } });
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(res.card)).toMatch(/This card is out of date, so nothing was changed/);
    expect(await snapshot()).toEqual(before);
  });

  it('task/fetch, an invoke with no value and an unknown invoke name answer 200, never 501', async () => {
    const act = await bot.activity({ as: 'oprice' });
    const task = await bot.post({ ...act, type: 'invoke', name: 'task/fetch', value: { data: { x: 1 } } });
    expect(task.status).toBe(200);
    expect(JSON.parse(task.body)).toMatchObject({ task: { type: 'message', value: expect.stringMatching(/out of date/) } });
    const noValue = await bot.post({ ...act, type: 'invoke', name: 'adaptiveCard/action', value: undefined });
    expect(noValue.status).toBe(200);
    expect(noValue.body).toMatch(/out of date/);
    const other = await bot.post({ ...act, type: 'invoke', name: 'composeExtension/query', value: {} });
    expect(other.status).toBe(200);
  });

  it('refuses an object or a list where a card sends text, by type, in the form, and changes nothing', async () => {
    const a = await com06();
    const base = { actionId: a.id, version: a.version, status: a.status, dueDate: a.dueDate.toISOString().slice(0, 10), note: '', reason: '' };
    const before = await snapshot();
    for (const bad of [{ status: { toString: 'x' } }, { status: ['at_risk'] }, { note: { text: 'hi' } }, { note: ['a', 'b'] }, { dueDate: [base.dueDate] }, { reason: {} }]) {
      const res = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { ...base, ...bad } });
      expect(res.status, JSON.stringify(bad)).toBe(200);
      expect(cardText(res.card), JSON.stringify(bad)).toMatch(/came back in a form I can't read, so nothing was changed/);
    }
    const many = await invoke(bot, { as: 'oprice', verb: 'actions.saveMany', data: { items: [{ actionId: a.id, version: a.version }], [`status_${a.id}`]: ['at_risk'] } });
    expect(many.status).toBe(200);
    expect(cardText(many.card)).toMatch(/can't read/);
    const rating = await invoke(bot, { as: 'pshah', verb: 'maturity.save', data: { ratings: [{ pillar: '1', latestId: 0 }], score_1: { toString: 'x' }, note_1: ['x'] } });
    expect(rating.status).toBe(200);
    expect(cardText(rating.card)).toMatch(/Please choose a rating|can't read/);
    const setting = await bot.store.db.setting.findFirstOrThrow();
    const expert = await invokeAny(bot, { as: 'eclarke', verb: 'expert.open', data: { settingId: { toString: 'x' }, specialism: 'speech_and_language', kind: 'tailored_guidance', summary: 'A long enough summary of what is needed here.' } });
    expect(expert.status).toBe(200);
    expect(expert.text).toMatch(/can't read/);
    const summaryList = await invokeAny(bot, { as: 'eclarke', verb: 'expert.open', data: { settingId: String(setting.id), specialism: ['speech_and_language'], kind: 'tailored_guidance', summary: ['A long enough summary of what is needed here.'] } });
    expect(summaryList.text).toMatch(/can't read/);
    const meeting = await bot.store.db.clusterMeeting.findFirstOrThrow();
    const agenda = await invokeAny(bot, { as: 'eclarke', verb: 'meeting.agenda.add', data: { meetingId: { toString: 'x' }, version: 1, agendaItem: ['Sensory audit'] } });
    expect(agenda.status).toBe(200);
    const agenda2 = await invokeAny(bot, { as: 'eclarke', verb: 'meeting.agenda.add', data: { meetingId: meeting.id, version: meeting.version, agendaItem: { toString: 'Sensory audit' } } });
    expect(agenda2.status).toBe(200);
    expect(await snapshot()).toEqual(before);
    expect(sink.errors()).toEqual([]);
  });

  it('a save that changes nothing is a confirmation: recorded and heard, the version and everyone\'s cards left alone', async () => {
    const a = await com06();
    const data = { actionId: a.id, version: a.version, status: a.status, dueDate: a.dueDate.toISOString().slice(0, 10), note: '', reason: '' };
    const historyBefore = await bot.store.db.actionHistory.count({ where: { actionId: a.id } });
    const res = await invoke(bot, { as: 'oprice', verb: 'action.save', data });
    expect(res.status).toBe(200);
    expect(cardText(res.card)).toMatch(/Thanks, recorded that COM-06 is still off track/);
    const after = await com06();
    expect(after.version).toBe(a.version);
    expect(after.lastUpdate).toBe(a.lastUpdate);
    expect(after.lastUpdateAt?.toISOString()).toBe(DEMO_NOW.replace('Z', '.000Z')); // heard: the quarterly round and the stale prompt count it
    const rows = await bot.store.db.actionHistory.findMany({ where: { actionId: a.id }, orderBy: { id: 'desc' } });
    expect(rows.length).toBe(historyBefore + 1);
    expect(rows[0]).toMatchObject({ statusFrom: a.status, statusTo: a.status, dueFrom: null, dueTo: null, note: null, version: a.version });
    // A card made before the confirmation is still current: a real change from it saves.
    const change = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { ...data, status: 'at_risk', note: 'Venue booked.' } });
    expect(cardText(change.card)).toMatch(/Saved\. COM-06 is now at risk/);
    expect((await com06()).version).toBe(a.version + 1);
  });

  it('a message without from, recipient or conversation is a 400 and logs no error', async () => {
    const act = await bot.activity({ as: 'oprice' });
    for (const drop of ['from', 'recipient', 'conversation'] as const) {
      const body = { ...act, type: 'message', text: 'my actions' } as Record<string, unknown>;
      delete body[drop];
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status, drop).toBe(400);
      await res.text();
    }
    expect(sink.errors()).toEqual([]);
  });
});
