// Meeting follow-ups end to end: saved from the notes form, given an owner and a due date by the
// chair, marked done, made a plan action, handed to Experts at Hand, and nudged about; card
// actions through /api/messages with the real adapter, on the demo data, on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { runOwnerNudges } from '../../src/jobs/owner-nudges.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { depsFor } from '../jobs/support.js';
import { cardProblems, invoke, inputValue } from './helpers.js';

const AFTER_MEETING = '2026-11-25T15:10:00Z';

describeEachStore('meeting follow-ups over /api/messages', (kind) => {
  let bot: TestBot;
  const clock = manualClock(AFTER_MEETING);
  let meetingId = 0;
  const ids: Record<string, number> = {};
  const person = async (key: string) => (await bot.store.db.person.findUniqueOrThrow({ where: { key } })).id;
  const rows = () => bot.store.db.meetingFollowUp.findMany({ where: { meetingId }, orderBy: { position: 'asc' }, include: { owner: true } });

  beforeAll(async () => {
    const store = await createTestStore(kind);
    bot = await startTestBot(store, { env: { DEMO_DATA: '1' }, clock });
    meetingId = (await store.db.clusterMeeting.findFirstOrThrow({ where: { cluster: { code: 'BS1' } } })).id;
  });
  afterAll(async () => { await bot?.close(); });

  it('refuses a follow-up that could identify a child and stores nothing', async () => {
    const secret = "Call Jayden Smith's mum about his EHCP (NHS 943 476 5919)";
    const refused = await invoke(bot, { as: 'eclarke', verb: 'meeting.notes.save', data: { meetingId, version: 1, notes: 'Agreed next steps.', followUps: `Share audit dates\n${secret}` } });
    expect(refused.text).toMatch(/haven't saved this/);
    expect(inputValue(refused.card!, 'followUps')).toBe(`Share audit dates\n${secret}`);
    expect(await rows()).toEqual([]);
    expect(JSON.stringify(await bot.store.db.clusterMeeting.findUniqueOrThrow({ where: { id: meetingId } }))).not.toMatch(/Jayden|943/);
  });

  it('saves follow-ups owned by the chair, due 14 days after the meeting, and keeps them when the notes change', async () => {
    const saved = await invoke(bot, {
      as: 'eclarke', verb: 'meeting.notes.save',
      data: { meetingId, version: 1, notes: 'Agreed to pilot now/next boards.', followUps: 'Share audit dates\nBook SALT triage slots\nAsk for whole-class vocabulary strategies for Year 2' },
    });
    expect(saved.text).toContain('Notes and follow-ups saved.');
    expect(saved.text).toContain('Emma Clarke · due 9 December 2026 (due in 14 days)');
    expect(cardProblems(saved.card!)).toEqual([]);
    const made = await rows();
    expect(made.map((f) => [f.position, f.text, f.owner?.key, f.dueDate?.toISOString().slice(0, 10), f.doneAt])).toEqual([
      [1, 'Share audit dates', 'eclarke', '2026-12-09', null],
      [2, 'Book SALT triage slots', 'eclarke', '2026-12-09', null],
      [3, 'Ask for whole-class vocabulary strategies for Year 2', 'eclarke', '2026-12-09', null],
    ]);
    for (const [key, f] of [['audit', made[0]], ['salt', made[1]], ['vocab', made[2]]] as const) ids[key] = f!.id;
  });

  it('lets the chair set an owner from the directory and a due date', async () => {
    const jwalker = await person('jwalker');
    const ok = await invoke(bot, { as: 'eclarke', verb: 'meeting.followup.set', data: { meetingId, followUpId: String(ids.audit), ownerId: String(jwalker), dueDate: '2026-12-01' } });
    expect(ok.text).toContain("Follow-up 1: James Walker owns it, due Tuesday 1 December 2026. I'll remind them when it is due.");
    expect(cardProblems(ok.card!)).toEqual([]);
    const row = (await rows())[0]!;
    expect([row.owner?.key, row.dueDate?.toISOString().slice(0, 10)]).toEqual(['jwalker', '2026-12-01']);
  });

  it('refuses owners and dates from someone who is not the chair or an admin', async () => {
    const refused = await invoke(bot, { as: 'jwalker', verb: 'meeting.followup.set', data: { meetingId, followUpId: String(ids.salt), ownerId: String(await person('jwalker')), dueDate: '2026-12-02' } });
    expect(refused.text).toContain('Only the Batley cluster chair or an admin can set who owns a follow-up and when it is due.');
    expect((await rows())[1]!.owner?.key).toBe('eclarke');
  });

  it('refuses a due date in the past, a malformed one, and an owner who is not in the directory, keeping the form', async () => {
    const owner = String(await person('akhan'));
    const past = await invoke(bot, { as: 'eclarke', verb: 'meeting.followup.set', data: { meetingId, followUpId: String(ids.salt), ownerId: owner, dueDate: '2026-11-20' } });
    expect(past.text).toContain('That date has passed: choose today or a later day.');
    expect(inputValue(past.card!, 'dueDate')).toBe('2026-11-20');
    const malformed = await invoke(bot, { as: 'eclarke', verb: 'meeting.followup.set', data: { meetingId, followUpId: String(ids.salt), ownerId: owner, dueDate: '31/12/2026' } });
    expect(malformed.text).toContain('Choose the due date from the calendar');
    const notADate = await invoke(bot, { as: 'eclarke', verb: 'meeting.followup.set', data: { meetingId, followUpId: String(ids.salt), ownerId: owner, dueDate: { year: 2026 } } });
    expect(notADate.text).toContain("Part of this form came back in a form I can't read");
    const nobody = await invoke(bot, { as: 'eclarke', verb: 'meeting.followup.set', data: { meetingId, followUpId: String(ids.salt), ownerId: '999999', dueDate: '2026-12-02' } });
    expect(nobody.text).toContain('Choose the owner from the list of people.');
    const farAway = await invoke(bot, { as: 'eclarke', verb: 'meeting.followup.set', data: { meetingId, followUpId: String(ids.salt), ownerId: owner, dueDate: '2028-01-01' } });
    expect(farAway.text).toContain('Choose a date within a year.');
    expect((await rows())[1]!.dueDate?.toISOString().slice(0, 10)).toBe('2026-12-09');
  });

  it('lets the owner mark a follow-up done, and refuses someone else', async () => {
    const other = await invoke(bot, { as: 'akhan', verb: 'meeting.followup.done', data: { meetingId, followUpId: ids.audit } });
    expect(other.text).toContain("Only the follow-up's owner, the Batley cluster chair or an admin can mark this follow-up done.");
    const done = await invoke(bot, { as: 'jwalker', verb: 'meeting.followup.done', data: { meetingId, followUpId: ids.audit } });
    expect(done.text).toContain('Follow-up 1 is done. Thank you.');
    expect(done.text).toContain('James Walker · done');
    expect((await rows())[0]!.doneAt).not.toBeNull();
  });

  it('makes a follow-up a plan action for a workstream lead, and refuses anyone else', async () => {
    const senco = await invoke(bot, { as: 'jwalker', verb: 'meeting.followup.plan', data: { meetingId, followUpId: ids.salt } });
    expect(senco.text).toContain('Only a workstream lead or an admin can make a follow-up a plan action.');
    const form = await invoke(bot, { as: 'dpatel', verb: 'meeting.followup.plan', data: { meetingId, followUpId: ids.salt } });
    expect(cardProblems(form.card!)).toEqual([]);
    expect(form.text).toContain('Book SALT triage slots');
    const ws5 = await bot.store.db.workstream.findUniqueOrThrow({ where: { code: 'WS5' } });
    const ws1 = await bot.store.db.workstream.findUniqueOrThrow({ where: { code: 'WS1' } });
    expect(inputValue(form.card!, 'workstreamId')).toBe(String(ws5.id));
    const notTheirs = await invoke(bot, { as: 'dpatel', verb: 'meeting.followup.plan.save', data: { meetingId, followUpId: ids.salt, workstreamId: String(ws1.id) } });
    expect(notTheirs.text).toContain('Choose a workstream you lead.');
    expect(await bot.store.db.action.count({ where: { title: 'Book SALT triage slots' } })).toBe(0);

    const made = await invoke(bot, { as: 'dpatel', verb: 'meeting.followup.plan.save', data: { meetingId, followUpId: ids.salt, workstreamId: String(ws5.id) } });
    expect(made.text).toContain('Follow-up 2 is now plan action EAH-07 in WS5.');
    const action = await bot.store.db.action.findUniqueOrThrow({ where: { ref: 'EAH-07' }, include: { owner: true, history: true } });
    expect([action.title, action.owner?.key, action.dueDate.toISOString().slice(0, 10), action.status, action.workstreamId]).toEqual(['Book SALT triage slots', 'eclarke', '2026-12-09', 'not_started', ws5.id]);
    expect(action.history).toHaveLength(1);
    expect((await rows())[1]!.actionRef).toBe('EAH-07');
    const twice = await invoke(bot, { as: 'amorgan', verb: 'meeting.followup.plan.save', data: { meetingId, followUpId: ids.salt, workstreamId: String(ws5.id) } });
    expect(twice.text).toContain('That follow-up is already plan action EAH-07.');
    // The plan answers about it like any other action.
    const asked = await bot.say('who owns EAH-07?', { as: 'eclarke' });
    expect(asked.text).toContain('Emma Clarke');
  });

  it('opens the Experts at Hand form with the follow-up as its summary, and notes the request on it', async () => {
    const outsider = await invoke(bot, { as: 'akhan', verb: 'meeting.followup.experts', data: { meetingId, followUpId: ids.vocab } });
    expect(outsider.text).toContain("Only the follow-up's owner, the Batley cluster chair or an admin can ask Experts at Hand for this follow-up.");
    const form = await invoke(bot, { as: 'eclarke', verb: 'meeting.followup.experts', data: { meetingId, followUpId: ids.vocab } });
    expect(cardProblems(form.card!)).toEqual([]);
    expect(inputValue(form.card!, 'summary')).toBe('Ask for whole-class vocabulary strategies for Year 2');
    const setting = await bot.store.db.setting.findUniqueOrThrow({ where: { name: 'Oakfield Primary School' } });
    const sent = await invoke(bot, {
      as: 'eclarke', verb: 'expert.open',
      data: { meetingId, followUpId: ids.vocab, settingId: String(setting.id), specialism: 'speech_and_language', kind: 'tailored_guidance', summary: 'Ask for whole-class vocabulary strategies for Year 2' },
    });
    expect(sent.text).toMatch(/Sent: EAH-R-\d+ has gone to .*I've noted it against the meeting follow-up\./);
    const row = (await rows())[2]!;
    expect(row.requestRef).toMatch(/^EAH-R-\d+$/);
    const meeting = await invoke(bot, { as: 'eclarke', verb: 'meeting.refresh', data: { meetingId } });
    expect(meeting.text).toContain(`Experts at Hand: ${row.requestRef}`);
  });

  it('answers "my follow-ups" with the open ones, earliest due first', async () => {
    const none = await bot.say('my follow-ups', { as: 'jwalker' });
    expect(none.text).toBe('You have no open follow-ups from cluster meetings.');
    const mine = await bot.say('What follow-ups do I have?', { as: 'eclarke' });
    expect(mine.text).toContain('You have 1 open follow-up from cluster meetings:');
    expect(mine.text).toMatch(/1\. Ask for whole-class vocabulary strategies for Year 2 \(Batley cluster meeting of 25 November 2026; due 9 December 2026, due in 14 days; Experts at Hand: EAH-R-\d+\)/);
    const stranger = await bot.say('my follow-ups', { as: null });
    expect(stranger.text).toContain("I don't recognise you");
  });

  it('nudges the owner about an open follow-up due soon, unless they snoozed reminders', async () => {
    const run = { now: new Date('2026-12-07T09:00:00Z'), period: '2026-12-07' };
    await runOwnerNudges(run, depsFor(bot.store));
    const mine = await bot.store.db.outboxMessage.findMany({ where: { job: 'owner-nudges', recipientKey: { contains: 'eclarke' } } });
    expect(mine).toHaveLength(1);
    const payload = JSON.stringify(mine[0]!.payload);
    expect(payload).toContain('Good morning Emma: you have 1 due in the next 7 days and 1 meeting follow-up to finish.');
    expect(payload).toContain('Meeting follow-ups (1)');
    expect(payload).toContain('Ask for whole-class vocabulary strategies for Year 2 (due 9 December 2026, due in 2 days)');
    expect(payload).not.toContain('Share audit dates'); // done
    expect(payload).toContain('**EAH-07** Book SALT triage slots'); // a plan action now, nudged as one

    await bot.store.db.reminderSnooze.create({ data: { personId: await person('eclarke'), until: new Date('2026-12-20T00:00:00Z') } });
    await runOwnerNudges({ now: new Date('2026-12-08T09:00:00Z'), period: '2026-12-08' }, depsFor(bot.store));
    expect(await bot.store.db.outboxMessage.count({ where: { job: 'owner-nudges', period: '2026-12-08', recipientKey: { contains: 'eclarke' } } })).toBe(0);
  });
});

describe('follow-ups written before they had owners', () => {
  it('are rows with no owner and no due date, shown on the card', async () => {
    const store = await createTestStore('embedded');
    const bot = await startTestBot(store, { env: { DEMO_DATA: '1' }, clock: manualClock(AFTER_MEETING) });
    try {
      const meetingId = (await store.db.clusterMeeting.findFirstOrThrow({ where: { cluster: { code: 'BS1' } } })).id;
      await store.db.meetingFollowUp.create({ data: { meetingId, position: 1, text: 'Share audit dates' } });
      const card = await invoke(bot, { as: 'eclarke', verb: 'meeting.refresh', data: { meetingId } });
      expect(card.text).toContain('No owner yet · no due date');
    } finally {
      await bot.close();
    }
  });
});
