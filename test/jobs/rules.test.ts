// The pure rules: who is nudged about what, snoozes and mutes, lead copies, early warnings,
// digest contents and ordering, "until Monday" words, and card sizes.
import { describe, expect, it } from 'vitest';
import type { Action, ActionChange, Person, Workstream } from '../../src/domain/plan/types.js';
import { planOwnerNudges, planStaleAsks, type Snooze } from '../../src/domain/nudges/rules.js';
import { parseResumeDate } from '../../src/domain/nudges/snooze-words.js';
import { buildDigests, describeChange } from '../../src/domain/digest/build.js';
import { workstreamDigestMessage, planDigestMessage } from '../../src/cards/digest/cards.js';
import { ownerNudgeMessage, leadCopyMessage } from '../../src/cards/nudges/cards.js';
import { parseJobCommand } from '../../src/flows/jobs-commands/parse.js';

const person = (id: number, key: string, roles: Person['roles'] = ['owner'], active = true): Person => ({
  id, key, name: `${key[0]!.toUpperCase()}${key.slice(1)} Person`, email: null, jobTitle: null, organisation: null, aadObjectId: null, roles, specialism: null, active,
});
const people = new Map<number, Person>([
  [1, person(1, 'lead', ['lead'])], [2, person(2, 'owen')], [3, person(3, 'nadia')], [4, person(4, 'gone', ['owner'], false)],
]);
const workstreams: Workstream[] = [{ id: 10, code: 'WS1', name: 'Voice', pillar: '1', leadId: 1 }, { id: 20, code: 'WS6', name: 'PfA', pillar: '5', leadId: null }];
let nextId = 100;
const action = (o: Partial<Action> & Pick<Action, 'ref' | 'dueDate' | 'status'>): Action => ({
  id: nextId++, title: `Title of ${o.ref}`, workstreamId: 10, area: null, ownerId: 2, lastUpdate: null,
  lastUpdateAt: new Date('2026-11-20T10:00:00Z'), successMeasure: null, source: null, version: 3,
  createdAt: new Date('2026-01-01T00:00:00Z'), updatedAt: new Date('2026-11-20T10:00:00Z'), ...o,
});

const TODAY = '2026-11-23';
const rules = { today: TODAY, dueSoonDays: 7, leadCopyAfterDays: 14 };
const actions = [
  action({ ref: 'COM-06', dueDate: '2026-11-14', status: 'off_track' }), // 9 days late
  action({ ref: 'DAT-02', dueDate: '2026-10-30', status: 'off_track' }), // 24 days late: lead copy
  action({ ref: 'COM-03', dueDate: '2026-11-30', status: 'on_track' }), // due in 7 days
  action({ ref: 'COM-02', dueDate: '2026-12-01', status: 'not_started' }), // 8 days: not yet
  action({ ref: 'COM-01', dueDate: '2026-10-01', status: 'complete' }),
  action({ ref: 'EHC-01', dueDate: '2026-11-13', status: 'off_track', ownerId: 3 }),
  action({ ref: 'OLD-01', dueDate: '2026-11-13', status: 'off_track', ownerId: 4 }),
  action({ ref: 'LED-01', dueDate: '2026-10-01', status: 'at_risk', ownerId: 1 }), // the lead's own: no copy to themself
];
const leads = new Map(workstreams.map((w) => [w.id, w.leadId]));

describe('owner nudges', () => {
  it('lists each owner’s overdue and due-soon actions once, most urgent first, with lead copies after 14 days', () => {
    const plan = planOwnerNudges({ actions, people, leads, snoozes: [], rules });
    expect(plan.owners.map((o) => o.owner.key)).toEqual(['lead', 'nadia', 'owen']);
    const owen = plan.owners.find((o) => o.owner.key === 'owen')!;
    expect(owen.overdue.map((i) => i.action.ref)).toEqual(['DAT-02', 'COM-06']);
    expect(owen.dueSoon.map((i) => i.action.ref)).toEqual(['COM-03']);
    expect(plan.leadCopies).toHaveLength(1);
    expect(plan.leadCopies[0]!.items.map((i) => i.action.ref)).toEqual(['DAT-02']);
  });

  it('honours a snooze until Monday (over on the day), and a mute of one action', () => {
    const snoozes: Snooze[] = [{ personId: 2, actionId: null, until: '2026-11-30' }, { personId: 3, actionId: actions[5]!.id, until: '2026-12-01' }];
    const plan = planOwnerNudges({ actions, people, leads, snoozes, rules });
    expect(plan.owners.map((o) => o.owner.key)).toEqual(['lead']);
    // The lead still gets the copy: an owner's snooze is theirs alone.
    expect(plan.leadCopies[0]!.items.map((i) => i.action.ref)).toEqual(['DAT-02']);
    const monday = planOwnerNudges({ actions, people, leads, snoozes, rules: { ...rules, today: '2026-11-30' } });
    expect(monday.owners.map((o) => o.owner.key)).toContain('owen');
    const leadMuted = planOwnerNudges({ actions, people, leads, snoozes: [{ personId: 1, actionId: actions[1]!.id, until: '2026-12-25' }], rules });
    expect(leadMuted.leadCopies).toEqual([]);
  });

  it('builds one card with an Update button per action', () => {
    const plan = planOwnerNudges({ actions, people, leads, snoozes: [], rules });
    const msg = ownerNudgeMessage(plan.owners.find((o) => o.owner.key === 'owen')!, TODAY, 7);
    expect(msg.text).toMatch(/2 actions overdue and 1 due in the next 7 days/);
    const json = JSON.stringify(msg.cards[0]);
    expect(json.match(/"verb":"action.edit"/g)?.length).toBe(6); // 3 buttons, each with its Action.Submit fallback
    expect(msg.cards[0]).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(json).toContain('"data":{"actionId":' + actions[1]!.id + ',"version":3}');
    expect(json).toMatch(/24 days late \(due 30 October 2026\)/);
    const copy = leadCopyMessage(plan.leadCopies[0]!, TODAY, 14);
    expect(copy.text).toMatch(/more than 14 days overdue/);
  });

  it('keeps a huge nudge under the 24 KB card budget', () => {
    const many = Array.from({ length: 300 }, (_, i) => action({ ref: `BIG-${i}`, dueDate: '2026-11-01', status: 'off_track', title: 'x'.repeat(200) }));
    const plan = planOwnerNudges({ actions: many, people, leads, snoozes: [], rules });
    const msg = ownerNudgeMessage(plan.owners[0]!, TODAY, 7);
    expect(Buffer.byteLength(JSON.stringify(msg.cards[0]))).toBeLessThan(24 * 1024);
    expect(JSON.stringify(msg.cards[0])).toMatch(/and 285 more actions/);
  });
});

describe('early warning', () => {
  it('asks owners about open actions with no update for six weeks, quietest first', () => {
    const stale = [
      action({ ref: 'Q-1', dueDate: '2027-06-01', status: 'on_track', lastUpdateAt: new Date('2026-10-12T08:00:00Z') }), // 6 weeks before 23 Nov: not stale
      action({ ref: 'Q-2', dueDate: '2027-06-01', status: 'on_track', lastUpdateAt: new Date('2026-10-11T22:00:00Z') }), // stale
      action({ ref: 'Q-3', dueDate: '2027-06-01', status: 'not_started', lastUpdateAt: null, createdAt: new Date('2026-01-01T00:00:00Z') }),
      action({ ref: 'Q-4', dueDate: '2027-06-01', status: 'complete', lastUpdateAt: null }),
    ];
    const asks = planStaleAsks({ actions: stale, people, snoozes: [], today: TODAY, weeks: 6, now: new Date('2026-11-23T08:30:00Z') });
    expect(asks).toHaveLength(1);
    expect(asks[0]!.items.map((i) => i.action.ref)).toEqual(['Q-3', 'Q-2']);
  });
});

describe('weekly digest', () => {
  it('orders overdue most overdue first, separates at risk and off track, lists changes, due soon and ratings', () => {
    const changes: ActionChange[] = [
      { actionId: actions[2]!.id, actorId: 2, at: new Date('2026-11-20T10:00:00Z'), via: 'card', statusFrom: 'at_risk', statusTo: 'on_track', dueFrom: null, dueTo: null, note: 'Back on track', version: 3 },
      { actionId: actions[0]!.id, actorId: 2, at: new Date('2026-11-19T10:00:00Z'), via: 'card', statusFrom: null, statusTo: null, dueFrom: '2026-11-07', dueTo: '2026-11-14', note: null, version: 2 },
    ];
    const ratings = [
      { pillar: '1', score: 1, note: null, ratedAt: new Date('2026-06-01T00:00:00Z') },
      { pillar: '1', score: 2, note: null, ratedAt: new Date('2026-10-01T00:00:00Z') },
      { pillar: '5b', score: 3, note: null, ratedAt: new Date('2026-10-01T00:00:00Z') },
      { pillar: '5a', score: 0, note: null, ratedAt: new Date('2026-10-01T00:00:00Z') },
    ];
    const plan = buildDigests({ workstreams, actions, changes, ratings, people, today: TODAY, now: new Date('2026-11-23T08:30:00Z'), staleWeeks: 6 });
    const ws1 = plan.workstreams[0]!;
    expect(ws1.overdue.map((i) => i.ref)).toEqual(['LED-01', 'DAT-02', 'EHC-01', 'OLD-01', 'COM-06']);
    expect(ws1.dueNext.map((i) => i.ref)).toEqual(['COM-03', 'COM-02']);
    expect(ws1.changed.map((c) => [c.ref, c.what])).toEqual([['COM-03', ['at risk → on track']], ['COM-06', ['due date moved from 7 November 2026 to 14 November 2026']]]);
    expect(ws1.ratings.map((r) => r.score)).toEqual([2]);
    expect(plan.workstreams[1]!.ratings.map((r) => r.pillar)).toEqual(['5a', '5b']);
    const card = workstreamDigestMessage(ws1, TODAY, 6);
    expect(card.text).toMatch(/5 actions overdue/);
    expect(JSON.stringify(card.cards[0])).toMatch(/Pillar 1: developing/);
    const admin = planDigestMessage(plan, TODAY, 6);
    expect(admin.text).toMatch(/whole plan/);
  });

  it('describes history rows in words', () => {
    expect(describeChange({ statusFrom: null, statusTo: 'on_track', dueFrom: null, dueTo: '2026-12-01', version: 1 })).toEqual(['added to the plan (on track)']);
    expect(describeChange({ statusFrom: 'at_risk', statusTo: 'complete', dueFrom: null, dueTo: null, version: 4 })).toEqual(['completed']);
  });
});

describe('words for snoozing', () => {
  const today = '2026-11-23'; // a Monday
  it.each([
    ['until monday', '2026-11-30'],
    ['till friday', '2026-11-27'],
    ['until tomorrow', '2026-11-24'],
    ['until next week', '2026-11-30'],
    ['until 1 december', '2026-12-01'],
    ['until december 1st', '2026-12-01'],
    ['until 3 january', '2027-01-03'],
    ['until 1 november', '2027-11-01'],
    ['until 2026-12-07', '2026-12-07'],
    ['until 7/12/2026', '2026-12-07'],
    ['for two weeks', '2026-12-07'],
    ['for 3 days', '2026-11-26'],
  ])('%s → %s', (words, expected) => {
    expect(parseResumeDate(words, today)).toBe(expected);
  });
  it('refuses nonsense and past dates', () => {
    expect(parseResumeDate('until the cows come home', today)).toBeNull();
    expect(parseResumeDate('until 2025-01-01', today)).toBeNull();
    expect(parseResumeDate('until 31 february 2027', today)).toBeNull();
  });
});

describe('chat command parsing', () => {
  // The words of the period are kept with their "until" or "for": the resume date reads them.
  it.each([
    ['snooze reminders until Monday', { kind: 'snooze', when: 'until monday' }],
    ['Snooze my reminders for two weeks.', { kind: 'snooze', when: 'for two weeks' }],
    ['snooze', { kind: 'snooze', when: null }],
    ['mute COM-06 until 1 December', { kind: 'mute', typed: 'COM-06', when: 'until 1 december' }],
    ['mute com 6 until 1 dec', { kind: 'mute', typed: 'COM-06', when: 'until 1 dec' }],
    ['unsnooze', { kind: 'unsnooze' }],
    ['resume reminders', { kind: 'unsnooze' }],
    ['unmute COM-06', { kind: 'unmute', typed: 'COM-06' }],
    ["who can't I reach?", { kind: 'unreachable' }],
    ['Who can’t you reach', { kind: 'unreachable' }],
    ['who cannot I reach', { kind: 'unreachable' }],
    ['quarterly report', { kind: 'report' }],
    ['show me the quarterly progress report', { kind: 'report' }],
    ["who hasn't updated?", { kind: 'missing' }],
    ['who has not updated yet', { kind: 'missing' }],
    ['who still needs to update', { kind: 'missing' }],
  ])('%s', (text, expected) => {
    expect(parseJobCommand(text)).toMatchObject(expected);
  });
  it('leaves questions alone', () => {
    for (const q of ['what is overdue?', 'who owns COM-06', 'update COM-06', 'report on COM-06', 'what did the quarterly report say about health']) {
      expect(parseJobCommand(q)).toBeNull();
    }
  });
});
