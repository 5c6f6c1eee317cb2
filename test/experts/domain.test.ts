// Experts at Hand rules: the life cycle and who may take each step, references, service levels in
// working days, school terms, numbers for the term, the programme lead rule and the forms.
import { describe, expect, it } from 'vitest';
import {
  allowedSteps, checkAnswer, checkOutcome, checkRequestForm, decideClaim, decideClose, decideAnswer, describeTerm, formatDuration,
  formatRequestRef, median, nextStatus, parseRequestRef, parseSpecialism, programmeLeads, schoolTerm, serviceLevel, stepsForStatus,
  summariseRequests, type RequestFacts,
} from '../../src/domain/experts/index.js';
import type { Person } from '../../src/domain/plan/types.js';
import { createWorkingCalendar } from '../../src/domain/time/bank-holidays.js';

const person = (id: number, roles: Person['roles'], specialism: Person['specialism'] = null, name = `Person ${id}`): Person => ({
  id, key: `p${id}`, name, email: null, jobTitle: null, organisation: null, aadObjectId: null, roles, specialism, active: true,
});
const senco = person(1, ['senco'], null, 'Emma Clarke');
const salt = person(2, ['expert'], 'speech_and_language', 'Marcus Reid');
const salt2 = person(5, ['expert'], 'speech_and_language', 'Sam Jones');
const ep = person(3, ['expert'], 'educational_psychology', 'Chloe Barnes');
const admin = person(4, ['lead', 'admin'], null, 'Alex Morgan');
const fresh: RequestFacts = { ref: 'EAH-R-0004', status: 'new', specialism: 'speech_and_language', requesterId: 1, assigneeId: null, assigneeName: null };
const claimed: RequestFacts = { ...fresh, status: 'assigned', assigneeId: 2, assigneeName: 'Marcus Reid' };

describe('request life cycle', () => {
  it('moves new → assigned → answered → closed, and nothing leaves closed', () => {
    expect(nextStatus('new', 'claim')).toBe('assigned');
    expect(nextStatus('assigned', 'answer')).toBe('answered');
    expect(nextStatus('answered', 'answer')).toBe('answered');
    expect(nextStatus('answered', 'close')).toBe('closed');
    expect(nextStatus('new', 'close')).toBe('closed');
    expect(nextStatus('new', 'answer')).toBeNull();
    expect(nextStatus('assigned', 'claim')).toBeNull();
    for (const step of ['claim', 'answer', 'close'] as const) expect(nextStatus('closed', step)).toBeNull();
    expect(stepsForStatus('new')).toEqual(['claim', 'close']);
    expect(stepsForStatus('closed')).toEqual([]);
  });

  it('lets only experts of the specialism claim, once', () => {
    expect(decideClaim(salt, fresh).ok).toBe(true);
    expect(decideClaim(ep, fresh)).toMatchObject({ ok: false, code: 'wrong_specialism', message: expect.stringMatching(/speech and language therapist/) });
    expect(decideClaim(senco, fresh)).toMatchObject({ ok: false, code: 'not_expert' });
    expect(decideClaim(admin, fresh)).toMatchObject({ ok: false, code: 'not_expert' });
    expect(decideClaim(null, fresh)).toMatchObject({ ok: false, code: 'unknown_person' });
    expect(decideClaim(salt2, claimed)).toMatchObject({ ok: false, code: 'taken', message: 'Marcus Reid has already picked up EAH-R-0004.' });
    expect(decideClaim({ ...salt, active: false }, fresh).ok).toBe(false);
  });

  it('lets only the expert who has it answer', () => {
    expect(decideAnswer(salt, claimed).ok).toBe(true);
    expect(decideAnswer(salt2, claimed)).toMatchObject({ ok: false, code: 'taken' });
    expect(decideAnswer(salt, fresh)).toMatchObject({ ok: false, code: 'wrong_status' });
    expect(decideAnswer(senco, claimed).ok).toBe(false);
  });

  it('lets the requester or the assignee close, with nobody else', () => {
    expect(decideClose(senco, fresh).ok).toBe(true);
    expect(decideClose(salt, claimed).ok).toBe(true);
    expect(decideClose(salt2, claimed)).toMatchObject({ ok: false, code: 'not_party' });
    expect(decideClose(admin, claimed).ok).toBe(false);
    expect(decideClose(senco, { ...claimed, status: 'closed' })).toMatchObject({ ok: false, code: 'closed' });
    expect(allowedSteps(senco, claimed)).toEqual(['close']);
    expect(allowedSteps(salt, claimed)).toEqual(['answer', 'close']);
    expect(allowedSteps(salt2, fresh)).toEqual(['claim']);
    expect(allowedSteps(ep, fresh)).toEqual([]);
  });
});

describe('references', () => {
  it('numbers requests EAH-R-0004 style', () => {
    expect(formatRequestRef(4)).toBe('EAH-R-0004');
    expect(formatRequestRef(12345)).toBe('EAH-R-12345');
    expect(parseRequestRef('eah-r-0004')).toBe(4);
    expect(parseRequestRef('EAH-0004')).toBeNull();
    expect(() => formatRequestRef(0)).toThrow(RangeError);
  });
});

describe('service levels in working days', () => {
  const calendar = createWorkingCalendar();
  const opened = new Date('2026-11-21T16:20:00Z'); // Saturday, as EAH-R-0003 in the demo data

  it('is due three working days after the London day it was opened', () => {
    expect(serviceLevel(opened, new Date('2026-11-24T10:00:00Z'), 3, calendar)).toEqual({ stage: 'within', workingDaysWaiting: 2, dueDate: '2026-11-25' });
    expect(serviceLevel(opened, new Date('2026-11-25T10:00:00Z'), 3, calendar).stage).toBe('remind_pool');
    expect(serviceLevel(opened, new Date('2026-11-26T10:00:00Z'), 3, calendar).stage).toBe('tell_lead');
  });

  it('skips bank holidays and configured closures', () => {
    const christmas = new Date('2026-12-23T12:00:00Z'); // Wed; 25 and 28 December are bank holidays
    expect(serviceLevel(christmas, new Date('2026-12-29T10:00:00Z'), 3, calendar)).toMatchObject({ stage: 'within', workingDaysWaiting: 2, dueDate: '2026-12-30' });
    const closed = createWorkingCalendar(['2026-11-24']);
    expect(serviceLevel(opened, new Date('2026-11-25T10:00:00Z'), 3, closed)).toMatchObject({ stage: 'within', dueDate: '2026-11-26' });
  });

  it('reads the London day, not UTC: 23:30 UTC in summer is the next day', () => {
    expect(serviceLevel(new Date('2026-06-30T23:30:00Z'), new Date('2026-07-03T09:00:00Z'), 3, calendar)).toMatchObject({ dueDate: '2026-07-06', workingDaysWaiting: 2 });
  });
});

describe('school terms', () => {
  it('splits the year into autumn (Sept–Dec), spring (Jan–Mar) and summer (Apr–Aug)', () => {
    expect(schoolTerm('2026-11-22')).toEqual({ name: 'autumn', label: 'autumn term 2026', start: '2026-09-01', end: '2026-12-31' });
    expect(schoolTerm('2027-03-31').name).toBe('spring');
    expect(schoolTerm('2027-04-01').name).toBe('summer');
    expect(schoolTerm('2027-08-20')).toMatchObject({ name: 'summer', end: '2027-08-31' });
    expect(describeTerm(schoolTerm('2026-11-22'))).toBe('autumn term 2026 (1 September to 31 December 2026)');
  });
});

describe('numbers for the term', () => {
  it('counts by cluster, specialism and kind, and takes the median first response', () => {
    const at = (s: string) => new Date(s);
    const stats = summariseRequests([
      { clusterName: 'Batley', specialism: 'speech_and_language', kind: 'tailored_guidance', status: 'answered', createdAt: at('2026-11-10T09:12:00Z'), firstResponseAt: at('2026-11-11T14:05:00Z') },
      { clusterName: 'Dewsbury North', specialism: 'educational_psychology', kind: 'strategic_advice', status: 'assigned', createdAt: at('2026-11-17T11:40:00Z'), firstResponseAt: at('2026-11-18T08:55:00Z') },
      { clusterName: 'Holme Valley', specialism: 'occupational_therapy', kind: 'whole_setting_support', status: 'new', createdAt: at('2026-11-21T16:20:00Z'), firstResponseAt: null },
      { clusterName: 'Batley', specialism: 'speech_and_language', kind: 'strategic_advice', status: 'new', createdAt: at('2026-11-21T16:20:00Z'), firstResponseAt: null },
    ]);
    expect(stats.total).toBe(4);
    expect(stats.byCluster[0]).toEqual({ key: 'Batley', count: 2 });
    expect(stats.bySpecialism[0]).toEqual({ key: 'speech_and_language', count: 2 });
    expect(stats.byKind.find((k) => k.key === 'strategic_advice')?.count).toBe(2);
    expect(stats.responded).toBe(2);
    // 28 h 53 min and 21 h 15 min: the median is 25 h 4 min.
    expect(formatDuration(stats.medianFirstResponseMs!)).toBe('1 day 1 hour');
    expect(stats.medianFirstResponseMs).toBe(((28 * 60 + 53) + (21 * 60 + 15)) / 2 * 60_000);
  });

  it('has no median without responses, and words durations plainly', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(formatDuration(35 * 60_000)).toBe('35 minutes');
    expect(formatDuration(5 * 3_600_000)).toBe('5 hours');
    expect(formatDuration(3_660_000)).toBe('1 hour 1 minute');
    expect(formatDuration(2 * 86_400_000)).toBe('2 days');
  });
});

describe('programme lead', () => {
  it('is the lead of the Expert Support workstream, or else the admins', () => {
    const dev = person(9, ['lead', 'owner'], null, 'Dev Patel');
    const ws = [{ name: 'Inclusive Universal Offer (Mainstream First)', lead: admin }, { name: 'Earlier Specialist Advice and Intervention (Expert Support)', lead: dev }];
    expect(programmeLeads(ws, [admin]).map((p) => p.name)).toEqual(['Dev Patel']);
    expect(programmeLeads([{ name: 'Experts at Hand', lead: { ...dev, active: false } }], [admin]).map((p) => p.name)).toEqual(['Alex Morgan']);
    expect(programmeLeads([], [admin, { ...admin, id: 10, roles: ['lead'] }]).map((p) => p.id)).toEqual([4]);
  });
});

describe('what people type', () => {
  it('recognises specialisms however they are named', () => {
    expect(parseSpecialism('a speech and language therapist')).toBe('speech_and_language');
    expect(parseSpecialism('SALT')).toBe('speech_and_language');
    expect(parseSpecialism('an occupational therapist')).toBe('occupational_therapy');
    expect(parseSpecialism('OT')).toBe('occupational_therapy');
    expect(parseSpecialism('educational psychology')).toBe('educational_psychology');
    expect(parseSpecialism('an EP')).toBe('educational_psychology');
    expect(parseSpecialism('a plumber')).toBeNull();
  });

  it('checks the request form, refusing a summary that names a child', () => {
    const base = { settingId: '7', specialism: 'speech_and_language', kind: 'tailored_guidance' };
    expect(checkRequestForm({ ...base, summary: 'Year 2 class with limited expressive vocabulary; whole-class strategies wanted.' }, [7])).toMatchObject({ ok: true, value: { settingId: 7 } });
    expect(checkRequestForm({ ...base, summary: 'Year 2 class with limited expressive vocabulary; whole-class strategies wanted.' }, [8])).toMatchObject({ ok: false, privacy: false });
    expect(checkRequestForm({ ...base, summary: 'too short' }, [7])).toMatchObject({ ok: false, privacy: false });
    expect(checkRequestForm({ ...base, specialism: 'astrology', summary: 'Year 2 class with limited expressive vocabulary.' }, [7])).toMatchObject({ ok: false });
    const named = checkRequestForm({ ...base, summary: 'A pupil called Jayden Smith in Year 2 has very limited speech; we need advice.' }, [7]);
    expect(named).toMatchObject({ ok: false, privacy: true });
    if (!named.ok) expect(named.message).not.toMatch(/Jayden|Smith/);
    const nhs = checkRequestForm({ ...base, summary: 'Child with NHS number 943 476 5919 needs an assessment of speech.' }, [7]);
    expect(nhs).toMatchObject({ ok: false, privacy: true });
  });

  it('checks answers (advice, or a visit or call on a date that has not passed) and outcomes', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(checkAnswer({ answerKind: 'advice', answerText: 'Try a visual timetable and now/next boards.' }, now)).toMatchObject({ ok: true, value: { note: 'Try a visual timetable and now/next boards.' } });
    expect(checkAnswer({ answerKind: 'visit', answerDate: '2026-11-30', answerTime: '10:00', answerText: 'Bring the floor plan.' }, now))
      .toMatchObject({ ok: true, value: { note: 'Visit offered: Monday 30 November 2026 at 10:00. Bring the floor plan.' } });
    expect(checkAnswer({ answerKind: 'call', answerDate: '2026-11-20' }, now)).toMatchObject({ ok: false });
    expect(checkAnswer({ answerKind: 'advice', answerText: '' }, now)).toMatchObject({ ok: false });
    expect(checkOutcome({ outcome: 'Strategies in place; review at spring term meeting.' })).toMatchObject({ ok: true });
    expect(checkOutcome({ outcome: '' })).toMatchObject({ ok: false });
    expect(checkOutcome({ outcome: 'Visited the family at 14 Acacia Avenue, Batley WF17 5QT.' })).toMatchObject({ ok: false, privacy: true });
  });
});
