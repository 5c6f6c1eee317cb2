// Cluster SENCO meetings end to end: chat commands and card actions through /api/messages with the
// real adapter and the connector stub, on the demo data (today 2026-11-22), on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { buttonTitles, cardProblems, cardsOf, inputValue, invoke } from './helpers.js';

describeEachStore('cluster meetings over /api/messages', (kind) => {
  let bot: TestBot;
  const clock = manualClock(DEMO_NOW);
  const BATLEY_CHAT = '19:batley-sencos@thread.v2';
  let batleyMeetingId = 0;

  beforeAll(async () => {
    const store = await createTestStore(kind);
    bot = await startTestBot(store, { env: { DEMO_DATA: '1' }, clock });
    batleyMeetingId = (await store.db.clusterMeeting.findFirstOrThrow({ where: { cluster: { code: 'BS1' } } })).id;
  });
  afterAll(async () => { await bot?.close(); });

  it('links a group chat to a cluster for its chair, and refuses others', async () => {
    const refused = await bot.say('link this chat to the Batley cluster', { as: 'jwalker', chat: 'groupChat', conversationId: BATLEY_CHAT });
    expect(refused.text).toContain('Only the Batley cluster chair or an admin can link a chat to the Batley cluster.');
    const personal = await bot.say('link this chat to the Batley cluster', { as: 'eclarke' });
    expect(personal.text).toMatch(/group chat or team channel/);
    const unknown = await bot.say('link this chat to the Leeds cluster', { as: 'eclarke', chat: 'groupChat', conversationId: BATLEY_CHAT });
    expect(unknown.text).toMatch(/I don.t know a cluster called "the Leeds cluster"/);
    const many = await bot.say('link this chat to Dewsbury', { as: 'amorgan', chat: 'groupChat', conversationId: BATLEY_CHAT });
    expect(many.text).toContain('Which cluster do you mean: Dewsbury North or Dewsbury South?');

    const linked = await bot.say('link this chat to the Batley cluster', { as: 'eclarke', chat: 'groupChat', conversationId: BATLEY_CHAT });
    expect(linked.text).toContain('Linked: this is now the Batley cluster chat.');
    expect(linked.text).toContain('Wednesday 25 November 2026 at 13:30');
    const [card] = cardsOf(linked.activities);
    expect(cardProblems(card!)).toEqual([]);
    expect(buttonTitles(card!)).toEqual(['Attending', "Can't make it", 'Maybe', 'Add an agenda item', 'Ask Experts at Hand']);
    expect(card!.refresh).toEqual({ action: { type: 'Action.Execute', verb: 'meeting.refresh', data: { meetingId: batleyMeetingId } } });
    const ref = await bot.store.db.conversationRef.findUniqueOrThrow({ where: { conversationId: BATLEY_CHAT }, include: { cluster: true } });
    expect(ref.cluster?.code).toBe('BS1');

    // One chat per cluster: an admin linking another chat moves the link.
    const other = await bot.say('link this chat to Batley', { as: 'amorgan', chat: 'groupChat', conversationId: '19:other@thread.v2' });
    expect(other.text).toMatch(/replaces the previous Batley chat/);
    expect(await bot.store.db.conversationRef.count({ where: { cluster: { code: 'BS1' } } })).toBe(1);
    await bot.say('link this chat to the Batley cluster', { as: 'eclarke', chat: 'groupChat', conversationId: BATLEY_CHAT });
    expect((await bot.store.db.conversationRef.findUniqueOrThrow({ where: { conversationId: BATLEY_CHAT } })).clusterId).not.toBeNull();
  });

  it('counts 30 concurrent RSVP clicks without losing one, and a person counts once', async () => {
    const people = Array.from({ length: 30 }, (_, i) => ({ key: `senco${i}`, name: `Test SENCO ${i}`, roles: ['senco'], aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    await bot.store.db.person.createMany({ data: people });
    const responses = ['attending', 'not_attending', 'maybe'] as const;
    const started = performance.now();
    const results = await Promise.all(people.map((p, i) => invoke(bot, {
      as: p.key, chat: 'groupChat', conversationId: BATLEY_CHAT, verb: 'meeting.rsvp', data: { meetingId: batleyMeetingId, response: responses[i % 3] },
    })));
    const ms = Math.round(performance.now() - started);
    expect(results.every((r) => r.status === 200 && r.card)).toBe(true);
    expect(results[0]!.text).toMatch(/Thanks, Test SENCO 0: you're down as attending/);
    const rows = await bot.store.db.meetingResponse.groupBy({ by: ['response'], where: { meetingId: batleyMeetingId }, _count: { _all: true } });
    expect(Object.fromEntries(rows.map((r) => [r.response, r._count._all]))).toEqual({ attending: 10, not_attending: 10, maybe: 10 });

    // The same person clicking 10 times at once, changing their mind: one row, the last word kept.
    await Promise.all(Array.from({ length: 10 }, (_, i) => invoke(bot, { as: 'jwalker', chat: 'groupChat', conversationId: BATLEY_CHAT, verb: 'meeting.rsvp', data: { meetingId: batleyMeetingId, response: responses[i % 3] } })));
    const mine = await bot.store.db.meetingResponse.findMany({ where: { meetingId: batleyMeetingId, person: { key: 'jwalker' } } });
    expect(mine).toHaveLength(1);

    const refreshed = await invoke(bot, { as: 'senco3', chat: 'groupChat', conversationId: BATLEY_CHAT, verb: 'meeting.refresh', data: { meetingId: batleyMeetingId }, trigger: 'automatic' });
    const counts = Object.fromEntries(rows.map((r) => [r.response, r._count._all]));
    counts[mine[0]!.response] = (counts[mine[0]!.response] ?? 0) + 1;
    expect(refreshed.text).toContain(`Attending: ${counts.attending} · Can't make it: ${counts.not_attending} · Maybe: ${counts.maybe}`);
    expect(refreshed.text).toContain('Your reply: attending.');
    expect(buttonTitles(refreshed.card!)).toContain('✓ Attending');
    console.info(`[rsvp] 30 concurrent clicks through /api/messages (${kind}): ${ms} ms, ${rows.reduce((n, r) => n + r._count._all, 0)} replies stored`);
  });

  it('updates the shared card on a click, but answers an automatic refresh only in the invoke response', async () => {
    const before = bot.connector.for(BATLEY_CHAT).length;
    await invoke(bot, { as: 'eclarke', chat: 'groupChat', conversationId: BATLEY_CHAT, verb: 'meeting.rsvp', data: { meetingId: batleyMeetingId, response: 'attending' }, replyToId: 'meeting-card-7' });
    const updates = bot.connector.for(BATLEY_CHAT).slice(before);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.method).toBe('PUT');
    expect(updates[0]!.path).toContain('/activities/meeting-card-7');
    const shared = cardsOf([updates[0]!.body])[0]!;
    expect(cardProblems(shared)).toEqual([]);
    expect(JSON.stringify(shared)).not.toContain('Your reply');

    const quiet = bot.connector.for(BATLEY_CHAT).length;
    const auto = await invoke(bot, { as: 'eclarke', chat: 'groupChat', conversationId: BATLEY_CHAT, verb: 'meeting.refresh', data: { meetingId: batleyMeetingId }, trigger: 'automatic' });
    expect(auto.card).not.toBeNull();
    expect(bot.connector.for(BATLEY_CHAT).length).toBe(quiet);
  });

  it('takes agenda items from the cluster SENCOs, refusing text that could identify a child', async () => {
    const outsider = await invoke(bot, { as: 'akhan', verb: 'meeting.agenda.add', data: { meetingId: batleyMeetingId, version: 1, agendaItem: 'Attendance data sharing' } });
    expect(outsider.text).toContain('Only SENCOs of Batley settings, the cluster chair or an admin can add to the agenda.');
    expect(buttonTitles(outsider.card!)).not.toContain('Add an agenda item');

    const secret = 'Case discussion: Jayden Smith (born 03/04/2018) at 14 Acacia Avenue';
    const refused = await invoke(bot, { as: 'eclarke', verb: 'meeting.agenda.add', data: { meetingId: batleyMeetingId, version: 1, agendaItem: secret } });
    expect(refused.text).toContain("I haven't saved this, so that no child can be identified.");
    expect(inputValue(refused.card!, 'agendaItem')).toBe(secret);
    const stored = await bot.store.db.clusterMeeting.findUniqueOrThrow({ where: { id: batleyMeetingId } });
    expect(JSON.stringify(stored)).not.toMatch(/Jayden|Acacia/);
    expect(JSON.stringify(await bot.store.db.outboxMessage.findMany())).not.toMatch(/Jayden|Acacia/);

    const added = await invoke(bot, { as: 'eclarke', verb: 'meeting.agenda.add', data: { meetingId: batleyMeetingId, version: 1, agendaItem: 'Sensory audit: results from two settings' } });
    expect(added.text).toContain('Added to the agenda as item 4.');
    expect(added.text).toContain('4. Sensory audit: results from two settings');
    expect(cardProblems(added.card!)).toEqual([]);
  });

  it('lets the chair write notes and follow-ups once the meeting has started, with version checks', async () => {
    const early = await invoke(bot, { as: 'eclarke', verb: 'meeting.notes.save', data: { meetingId: batleyMeetingId, version: 2, notes: 'Agreed actions.' } });
    expect(early.text).toContain('Notes and follow-ups can be added once the meeting has started.');
    clock.set('2026-11-25T15:10:00Z');
    try {
      const senco = await invoke(bot, { as: 'jwalker', verb: 'meeting.notes.save', data: { meetingId: batleyMeetingId, version: 2, notes: 'Agreed actions.' } });
      expect(senco.text).toContain('Only the Batley cluster chair or an admin can write the meeting notes.');
      const version = (await bot.store.db.clusterMeeting.findUniqueOrThrow({ where: { id: batleyMeetingId } })).version;
      const refused = await invoke(bot, { as: 'eclarke', verb: 'meeting.notes.save', data: { meetingId: batleyMeetingId, version, notes: 'Discussed Jayden Smith, NHS 943 476 5919.', followUps: 'Call parent' } });
      expect(refused.text).toMatch(/haven't saved this/);
      expect(inputValue(refused.card!, 'notes')).toBe('Discussed Jayden Smith, NHS 943 476 5919.');
      const saved = await invoke(bot, { as: 'eclarke', verb: 'meeting.notes.save', data: { meetingId: batleyMeetingId, version, notes: 'Agreed to pilot now/next boards in two settings.', followUps: 'Share audit dates\nBook SALT triage slots' } });
      expect(saved.text).toContain('Notes and follow-ups saved.');
      expect(saved.text).toContain('2. Book SALT triage slots');
      expect(cardProblems(saved.card!)).toEqual([]);
      const stale = await invoke(bot, { as: 'amorgan', verb: 'meeting.notes.save', data: { meetingId: batleyMeetingId, version, notes: 'Older notes' } });
      expect(stale.text).toMatch(/Someone changed the notes while you were writing/);
      expect(inputValue(stale.card!, 'notes')).toBe('Older notes');
      const row = await bot.store.db.clusterMeeting.findUniqueOrThrow({ where: { id: batleyMeetingId } });
      expect(row.notes).toBe('Agreed to pilot now/next boards in two settings.');
      const followUps = await bot.store.db.meetingFollowUp.findMany({ where: { meetingId: batleyMeetingId }, orderBy: { position: 'asc' }, include: { owner: true } });
      // Owned by the chair, due the day before Batley's next meeting (or 14 days on).
      expect(followUps.map((f) => [f.text, f.owner?.key])).toEqual([['Share audit dates', 'eclarke'], ['Book SALT triage slots', 'eclarke']]);
      const late = await invoke(bot, { as: 'jwalker', verb: 'meeting.rsvp', data: { meetingId: batleyMeetingId, response: 'maybe' } });
      expect(late.text).toContain('This meeting has already started, so replies are closed.');
    } finally {
      clock.set(DEMO_NOW);
    }
  });

  describe('scheduling', () => {
    it('offers the form to chairs and admins only', async () => {
      const senco = await bot.say('schedule a cluster meeting', { as: 'akhan' });
      expect(senco.text).toContain('Dewsbury North'); // akhan chairs Dewsbury North
      const nobody = await bot.say('schedule a cluster meeting', { as: 'mreid' });
      expect(nobody.text).toBe('Only cluster chairs and admins can schedule cluster meetings.');
      const form = await bot.say('schedule a cluster meeting', { as: 'eclarke', chat: 'groupChat', conversationId: BATLEY_CHAT });
      const card = cardsOf(form.activities)[0]!;
      expect(cardProblems(card)).toEqual([]);
      expect(inputValue(card, 'clusterId')).toBe(String((await bot.store.db.cluster.findUniqueOrThrow({ where: { code: 'BS1' } })).id));
    });

    it('refuses an agenda that names a child and stores nothing; then schedules and queues the card to the linked chat', async () => {
      const bs1 = await bot.store.db.cluster.findUniqueOrThrow({ where: { code: 'BS1' } });
      const form = { clusterId: String(bs1.id), date: '2026-12-09', time: '15:45', durationMinutes: '75', location: 'Teams', agenda: 'Spring term planning\nCase discussion: Jayden Smith in Year 4' };
      const before = await bot.store.db.clusterMeeting.count();
      const refused = await invoke(bot, { as: 'eclarke', verb: 'meeting.schedule', data: form });
      expect(refused.text).toMatch(/Agenda item 2: It looks like this includes someone's name/);
      expect(inputValue(refused.card!, 'agenda')).toBe(form.agenda);
      expect(inputValue(refused.card!, 'date')).toBe('2026-12-09');
      expect(await bot.store.db.clusterMeeting.count()).toBe(before);

      const notMine = await invoke(bot, { as: 'akhan', verb: 'meeting.schedule', data: { ...form, agenda: 'Spring term planning' } });
      expect(notMine.text).toContain('Choose a cluster you chair.');

      const ok = await invoke(bot, { as: 'eclarke', verb: 'meeting.schedule', data: { ...form, agenda: 'Spring term planning\nCase discussion (anonymised)' } });
      expect(ok.text).toContain("Batley cluster SENCO meeting scheduled for Wednesday 9 December 2026 at 15:45. I've posted the card in the Batley cluster chat.");
      expect(cardProblems(ok.card!)).toEqual([]);
      const queued = await bot.store.db.outboxMessage.findMany({ where: { job: 'cluster-meetings', conversationId: BATLEY_CHAT } });
      expect(queued).toHaveLength(1);
      const payload = queued[0]!.payload as { cards: Array<Record<string, unknown>> };
      expect(cardProblems(payload.cards[0]!)).toEqual([]);
      expect(JSON.stringify(payload)).toContain('Spring term planning');

      const twice = await invoke(bot, { as: 'eclarke', verb: 'meeting.schedule', data: { ...form, agenda: 'Spring term planning' } });
      expect(twice.text).toContain('That cluster already has a meeting starting at that time.');
    });

    it('schedules a series from the Repeat box, in term time only, and says back what it could not read', async () => {
      const bs1 = await bot.store.db.cluster.findUniqueOrThrow({ where: { code: 'BS1' } });
      const form = { clusterId: String(bs1.id), date: '2027-01-13', time: '09:15', durationMinutes: '60', location: 'Teams', agenda: '' };
      const before = await bot.store.db.clusterMeeting.count();
      const unread = await invoke(bot, { as: 'eclarke', verb: 'meeting.schedule', data: { ...form, repeat: 'every now and then' } });
      expect(unread.text).toMatch(/Say how often/);
      expect(inputValue(unread.card!, 'repeat')).toBe('every now and then');
      expect(await bot.store.db.clusterMeeting.count()).toBe(before);

      const ok = await invoke(bot, { as: 'eclarke', verb: 'meeting.schedule', data: { ...form, repeat: 'Every second Wednesday of the month, this term' } });
      expect(ok.text).toContain('Batley cluster SENCO meeting scheduled for Wednesday 13 January 2027 at 09:15.');
      expect(ok.text).toContain('Also scheduled, at the same time and place: Wednesday 10 February 2027, Wednesday 10 March 2027.');
      expect(cardProblems(ok.card!)).toEqual([]);
      const series = await bot.store.db.clusterMeeting.findMany({ where: { clusterId: bs1.id, location: 'Teams', durationMinutes: 60 }, orderBy: { startsAt: 'asc' } });
      expect(series.map((m) => m.startsAt.toISOString())).toEqual(['2027-01-13T09:15:00.000Z', '2027-02-10T09:15:00.000Z', '2027-03-10T09:15:00.000Z']);
      // Only the first meeting's card goes to the chat now; the others come with their reminders.
      expect(await bot.store.db.outboxMessage.count({ where: { job: 'cluster-meetings', payload: { path: ['text'], string_contains: 'New Batley' } } })).toBeGreaterThan(0);
    });

    it('in the linked chat, turns the form into the meeting card for everyone', async () => {
      const bs1 = await bot.store.db.cluster.findUniqueOrThrow({ where: { code: 'BS1' } });
      const before = bot.connector.for(BATLEY_CHAT).length;
      const ok = await invoke(bot, {
        as: 'eclarke', chat: 'groupChat', conversationId: BATLEY_CHAT, verb: 'meeting.schedule', replyToId: 'form-message-1',
        data: { clusterId: String(bs1.id), date: '2027-01-13', time: '13:30', durationMinutes: '90', location: 'Oakfield Primary School', agenda: '' },
      });
      expect(ok.text).toContain('Everyone here can reply from the card.');
      const update = bot.connector.for(BATLEY_CHAT).slice(before);
      expect(update.map((u) => u.method)).toEqual(['PUT']);
      expect(await bot.store.db.outboxMessage.count({ where: { job: 'cluster-meetings', payload: { path: ['text'], string_contains: 'January' } } })).toBe(0);
    });
  });
});

describe('cluster meeting cards without a linked chat', () => {
  it('says how to link one', async () => {
    const store = await createTestStore('embedded');
    const bot = await startTestBot(store, { env: { DEMO_DATA: '1' } });
    try {
      const kr2 = await store.db.cluster.findUniqueOrThrow({ where: { code: 'KR2' } });
      const ok = await invoke(bot, { as: 'btaylor', verb: 'meeting.schedule', data: { clusterId: String(kr2.id), date: '2026-12-10', time: '09:30', durationMinutes: '60', location: 'Teams', agenda: 'Transition' } });
      expect(ok.text).toContain('Holme Valley has no linked chat yet');
      expect(await store.db.outboxMessage.count()).toBe(0);
    } finally {
      await bot.close();
    }
  });
});
