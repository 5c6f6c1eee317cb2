// The pure rules of updating actions: who may, what is valid, when the lead hears, what people read.
import { describe, expect, it } from 'vitest';
import {
  canChangeAction, canRatePillar, changeRight, historyNote, lastUpdateText, leadAlertReasons, leadAlertText, maturityTrend,
  maturityWord, parseCardRef, parseManyRefs, parseRatingRefs, pillarViews, ratablePillars, refusal, shouldAlertLead, staleNotice,
  statusLine, dueLine, trendWords, validateChange, validateRatings, whoMayChange, isTouched, inputsFor, cleanFreeText,
} from '../../src/domain/actions/index.js';
import type { Person } from '../../src/domain/plan/types.js';

const person = (id: number, roles: Person['roles'] = [], active = true) => ({ id, roles, active });
const action = { ownerId: 10, workstreamId: 1 };
const ws = { id: 1, leadId: 2 };

describe('who may change an action', () => {
  it('owner, workstream lead and admin may; anyone else, inactive people and strangers may not', () => {
    expect(changeRight(person(10), action, ws)).toBe('owner');
    expect(changeRight(person(2, ['lead']), action, ws)).toBe('lead');
    expect(changeRight(person(3, ['admin']), action, ws)).toBe('admin');
    expect(canChangeAction(person(4, ['lead', 'owner']), action, ws)).toBe(false);
    expect(canChangeAction(person(10, [], false), action, ws)).toBe(false);
    expect(canChangeAction(null, action, ws)).toBe(false);
    // A lead of another workstream is not this workstream's lead.
    expect(canChangeAction(person(2), { ownerId: 10, workstreamId: 9 }, ws)).toBe(false);
    expect(canChangeAction(person(10), { ownerId: null, workstreamId: 1 }, { id: 1, leadId: null })).toBe(false);
  });

  it('says who may, by name', () => {
    expect(whoMayChange('COM-06', 'Owen Price', 'Priya Shah')).toBe('Only Owen Price (the owner), Priya Shah (the workstream lead) or an admin can change COM-06.');
    expect(whoMayChange('COM-05', 'Priya Shah', 'Priya Shah')).toBe('Only Priya Shah (the owner and workstream lead) or an admin can change COM-05.');
    expect(whoMayChange('X-1', null, null)).toBe('Only an admin can change X-1.');
    expect(refusal('COM-06', 'Owen Price', null)).toBe("Sorry, you can't change COM-06, so nothing was changed. Only Owen Price (the owner) or an admin can change COM-06.");
  });

  it('maturity: leads rate their pillar views (pillar 5 as 5a/5b/5c), admins any', () => {
    const workstreams = [{ pillar: '1', leadId: 2 }, { pillar: '5', leadId: 7 }];
    expect(pillarViews('5')).toEqual(['5a', '5b', '5c']);
    expect(ratablePillars(person(2), workstreams)).toEqual(['1']);
    expect(ratablePillars(person(7), workstreams)).toEqual(['5a', '5b', '5c']);
    expect(ratablePillars(person(99, ['admin']), workstreams)).toEqual(['1', '5a', '5b', '5c']);
    expect(canRatePillar(person(2), '5a', workstreams)).toBe(false);
    expect(canRatePillar(null, '1', workstreams)).toBe(false);
  });
});

describe('validating an update', () => {
  const current = { status: 'on_track' as const, dueDate: '2026-11-30' };

  it('accepts a status change with a note, and a moved date with a reason', () => {
    const r = validateChange({ status: 'at_risk', note: '  Venue fell through \r\n', dueDate: '2026-11-30', reason: '' }, current);
    expect(r).toMatchObject({ ok: true, change: { status: 'at_risk', note: 'Venue fell through', statusChanged: true, dueChanged: false, reason: null } });
    const moved = validateChange({ status: 'on_track', dueDate: '2027-01-31', reason: 'Board moved' }, current);
    expect(moved).toMatchObject({ ok: true, change: { dueChanged: true, dueMovedDays: 62, reason: 'Board moved' } });
  });

  it('an untouched form is a check-in: nothing changed but it is valid', () => {
    expect(validateChange({ status: 'on_track', dueDate: '2026-11-30' }, current)).toMatchObject({ ok: true, change: { statusChanged: false, dueChanged: false, note: null } });
    expect(validateChange({}, current)).toMatchObject({ ok: true });
  });

  it('reports every problem at once, one kind sentence per field', () => {
    const r = validateChange({ status: 'done', dueDate: '2027-02-29', note: 'n'.repeat(2001), reason: 'r'.repeat(501) }, current);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.status).toMatch(/Please choose a status/);
    expect(r.errors.dueDate).toMatch(/real date/);
    expect(r.errors.note).toBe('Please keep what changed to 2,000 characters or fewer (this has 2,001).');
    expect(r.errors.reason).toMatch(/500 characters or fewer/);
  });

  it('counts characters as people do (an emoji is one) and strips NUL and control characters', () => {
    expect(validateChange({ status: 'on_track', dueDate: '2026-11-30', note: '🙂'.repeat(2000) }, current).ok).toBe(true);
    expect(validateChange({ status: 'on_track', dueDate: '2026-11-30', note: '🙂'.repeat(2001) }, current).ok).toBe(false);
    expect(cleanFreeText('a\u0000b\u0007c\nd')).toBe('abc\nd');
  });

  it('needs a reason when the date moves, and a real date in range', () => {
    const r = validateChange({ status: 'on_track', dueDate: '2026-12-01' }, current);
    expect(r).toMatchObject({ ok: false, errors: { reason: 'You moved the due date: please say why.' } });
    for (const d of ['2026-13-01', '30/11/2026', 'tomorrow', '', '2026-11-31', '1999-12-31', '2100-01-01']) {
      expect(validateChange({ status: 'on_track', dueDate: d, reason: 'x' }, current).ok, d).toBe(false);
    }
  });

  it('refuses text that could identify a child, but not the names of staff', () => {
    // One screen for notes and requests: staff are named as adults (a title, or in the directory).
    const directory = { adultNames: ['Owen Price'] };
    expect(validateChange({ status: 'on_track', dueDate: '2026-11-30', note: 'Owen Price booked the venue' }, current, directory).ok).toBe(true);
    expect(validateChange({ status: 'on_track', dueDate: '2026-11-30', note: 'Mr Price booked the venue' }, current).ok).toBe(true);
    expect(validateChange({ status: 'on_track', dueDate: '2026-11-30', note: 'my son Jack Smith in year 4 came to the event.' }, current, directory).ok).toBe(false);
    expect(validateChange({ status: 'on_track', dueDate: '2026-11-30', note: 'NHS ９４３ ４７６ ５９１９' }, current, directory).ok).toBe(false);
    const r = validateChange({ status: 'on_track', dueDate: '2026-11-30', note: 'Child born 03/04/2015 needs a place' }, current);
    expect(r.ok).toBe(false);
  });

  it('reads card references strictly: whole positive numbers only', () => {
    expect(parseCardRef({ actionId: 12, version: 3 })).toEqual({ ok: true, value: { actionId: 12, version: 3 } });
    expect(parseCardRef({ actionId: '12', version: '3' })).toEqual({ ok: true, value: { actionId: 12, version: 3 } });
    for (const bad of [{}, { actionId: 1.5, version: 1 }, { actionId: -1, version: 1 }, { actionId: 1, version: 0 }, { actionId: '1 OR 1=1', version: 1 }, { actionId: 1e12, version: 1 }, null, 'x']) {
      expect(parseCardRef(bad).ok, JSON.stringify(bad)).toBe(false);
    }
    expect(parseManyRefs({ items: [{ actionId: 1, version: 1 }, { actionId: 1, version: 2 }] }).ok).toBe(false);
    expect(parseRatingRefs({ ratings: [{ pillar: '5a', latestId: 0 }] })).toEqual([{ pillar: '5a', latestId: 0 }]);
    expect(parseRatingRefs({ ratings: [{ pillar: "1'; --", latestId: 0 }] })).toBeNull();
  });

  it('a row of a multi-action card counts only when touched', () => {
    const data = { status_5: 'on_track', dueDate_5: '2026-11-30', note_5: '', reason_5: '', status_6: 'at_risk' };
    expect(isTouched(inputsFor(data, 5), current)).toBe(false);
    expect(isTouched(inputsFor(data, 6), current)).toBe(true);
  });
});

describe('telling the lead', () => {
  const before = { status: 'at_risk' as const, dueDate: '2026-11-14' };
  it('off track, or a due date moved by more than four weeks either way', () => {
    expect(leadAlertReasons(before, { status: 'off_track', dueDate: '2026-11-14' })).toEqual(['off_track']);
    expect(leadAlertReasons(before, { status: 'at_risk', dueDate: '2026-12-12' })).toEqual([]); // 28 days
    expect(leadAlertReasons(before, { status: 'at_risk', dueDate: '2026-12-13' })).toEqual(['due_moved']); // 29 days
    expect(leadAlertReasons(before, { status: 'at_risk', dueDate: '2026-10-16' })).toEqual(['due_moved']); // 29 days earlier
    expect(leadAlertReasons({ status: 'off_track', dueDate: '2026-11-14' }, { status: 'off_track', dueDate: '2026-11-14' })).toEqual([]);
    expect(shouldAlertLead(before, { status: 'off_track', dueDate: '2026-11-14' }, 2, 2)).toBe(false); // the lead did it
    expect(shouldAlertLead(before, { status: 'off_track', dueDate: '2026-11-14' }, null, 3)).toBe(false); // no lead
    expect(shouldAlertLead(before, { status: 'off_track', dueDate: '2026-11-14' }, 2, 3)).toBe(true);
  });

  it('writes the alert in plain words', () => {
    const text = leadAlertText({ ref: 'COM-06', title: 'Hold events', actorName: 'Owen Price', before, after: { status: 'off_track', dueDate: '2027-01-30' }, note: 'Venue lost', reason: 'New venue needed' });
    expect(text).toContain('Owen Price marked COM-06 "Hold events" as off track (it was at risk).');
    expect(text).toContain('The due date also moved from 14 November 2026 to 30 January 2027, 11 weeks later.');
    expect(text).toContain('Why the date moved: New venue needed');
    expect(text).toContain('What changed: Venue lost');
  });
});

describe('wording', () => {
  it('the stale notice names the person and the London time, and the day when not today', () => {
    const now = new Date('2026-11-22T15:00:00Z');
    expect(staleNotice({ actorName: 'Owen Price', at: new Date('2026-11-22T10:42:00Z'), via: 'card' }, now)).toBe('Owen Price changed this at 10:42; here is the latest.');
    expect(staleNotice({ actorName: 'Owen Price', at: new Date('2026-06-30T23:30:00Z'), via: 'card' }, now)).toBe('Owen Price changed this on 1 July 2026 at 00:30; here is the latest.');
    expect(staleNotice({ actorName: null, at: new Date('2026-11-22T09:00:00Z'), via: 'import' }, now)).toBe('The plan import changed this at 09:00; here is the latest.');
  });

  it('history lines, notes and last updates', () => {
    expect(statusLine({ statusFrom: 'at_risk', statusTo: 'off_track' })).toBe('Status: at risk → off track');
    expect(statusLine({ statusFrom: 'on_track', statusTo: 'on_track' })).toBe('Status: confirmed on track');
    expect(statusLine({ statusFrom: null, statusTo: null })).toBeNull();
    expect(dueLine({ dueFrom: '2026-11-14', dueTo: '2027-01-30' })).toBe('Due date: 14 November 2026 → 30 January 2027');
    expect(historyNote('Venue lost', 'New venue')).toBe('Venue lost\n\nWhy the due date moved: New venue');
    expect(historyNote(null, null)).toBeNull();
    expect(lastUpdateText(null, 'New venue', '2027-01-30', true)).toBe('Due date moved to 30 January 2027: New venue');
    expect(lastUpdateText(null, null, '2027-01-30', false)).toBeNull();
  });

  it('maturity words and trend', () => {
    expect([0, 1, 2, 3].map(maturityWord)).toEqual(['not yet emerging', 'emerging', 'developing', 'maturing']);
    expect(maturityTrend({ score: 2 }, { score: 1 })).toBe('up');
    expect(maturityTrend({ score: 1 }, { score: 2 })).toBe('down');
    expect(maturityTrend({ score: 2 }, { score: 2 })).toBe('steady');
    expect(maturityTrend({ score: 2 }, null)).toBe('new');
    expect(maturityTrend(null, null)).toBe('none');
    expect(trendWords('up', { score: 1 })).toBe('up from emerging');
    expect(validateRatings({ score_1: '2', note_1: 'ok' }, ['1'])).toMatchObject({ ok: true, changes: [{ pillar: '1', score: 2, note: 'ok' }] });
    expect(validateRatings({ score_1: '7' }, ['1']).ok).toBe(false);
    expect(validateRatings({}, ['1']).ok).toBe(false);
  });
});
