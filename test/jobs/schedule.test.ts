// Schedule computation: London wall-clock times across the clock changes, weekends, bank holidays
// (runs move to the next working day and keep their period), quarter ends.
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../../src/domain/time/bank-holidays.js';
import { cycleDates, stageOn, type CycleState } from '../../src/domain/quarterly/cycle.js';
import { financialQuarter } from '../../src/domain/time/quarters.js';
import {
  dueOccurrence, isoWeek, nextOccurrence, occurrencesRunningOn, parseCron, periodAt, type ScheduleOptions,
} from '../../src/jobs/schedule.js';

const calendar = createWorkingCalendar();
const day: ScheduleOptions = { period: 'day', workingDaysOnly: true, calendar };
const week: ScheduleOptions = { period: 'week', workingDaysOnly: true, calendar };
const NUDGE = '0 9 * * 1-5';
const DIGEST = '30 8 * * 1';

describe('cron parsing', () => {
  it('reads weekdays as ISO (Sunday is 7) and keeps day-of-month/day-of-week OR semantics', () => {
    expect([...parseCron('0 9 * * 0').weekdays]).toEqual([7]);
    expect(parseCron('0 9 * * 1-5').dayOr).toBe(false);
    expect(parseCron('0 9 1 * 1').dayOr).toBe(true);
    expect(parseCron('*/15 8-9 * * *').minutes).toEqual([0, 15, 30, 45]);
    expect(() => parseCron('not a cron')).toThrow(/cron/);
  });
});

describe('London time and the clock changes', () => {
  it('runs at 09:00 London in winter (09:00Z) and in summer (08:00Z)', () => {
    expect(dueOccurrence(NUDGE, new Date('2026-11-23T09:00:00Z'), day)?.runAt.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(dueOccurrence(NUDGE, new Date('2026-06-15T08:00:00Z'), day)?.runAt.toISOString()).toBe('2026-06-15T08:00:00.000Z');
    // 08:59 London in summer is 07:59Z: not yet.
    expect(dueOccurrence(NUDGE, new Date('2026-06-15T07:59:00Z'), day)).toBeNull();
  });

  it('handles the Monday after the spring change (clocks went forward on Sunday 29 March 2026)', () => {
    const occ = occurrencesRunningOn(NUDGE, '2026-03-30', day);
    expect(occ.map((o) => o.runAt.toISOString())).toEqual(['2026-03-30T08:00:00.000Z']);
    expect(occurrencesRunningOn(NUDGE, '2026-03-27', day)[0]!.runAt.toISOString()).toBe('2026-03-27T09:00:00.000Z');
  });

  it('handles the Monday after the autumn change (clocks went back on Sunday 25 October 2026)', () => {
    expect(occurrencesRunningOn(NUDGE, '2026-10-23', day)[0]!.runAt.toISOString()).toBe('2026-10-23T08:00:00.000Z');
    expect(occurrencesRunningOn(NUDGE, '2026-10-26', day)[0]!.runAt.toISOString()).toBe('2026-10-26T09:00:00.000Z');
  });

  it('a job at 01:30 on the autumn change day runs once (the first 01:30), and in the spring gap moves to 02:30 BST', () => {
    const every = { ...day, workingDaysOnly: false };
    expect(occurrencesRunningOn('30 1 * * *', '2026-10-25', every).map((o) => o.runAt.toISOString())).toEqual(['2026-10-25T00:30:00.000Z']);
    expect(occurrencesRunningOn('30 1 * * *', '2026-03-29', every).map((o) => o.runAt.toISOString())).toEqual(['2026-03-29T01:30:00.000Z']);
  });
});

describe('weekends and bank holidays', () => {
  it('sends nothing at weekends', () => {
    expect(occurrencesRunningOn(NUDGE, '2026-11-21', day)).toEqual([]);
    expect(dueOccurrence(NUDGE, new Date('2026-11-22T12:00:00Z'), day)).toBeNull();
  });

  it('moves a Monday digest on a bank holiday to Tuesday, keeping the week it belongs to', () => {
    // Spring bank holiday: Monday 25 May 2026.
    expect(occurrencesRunningOn(DIGEST, '2026-05-25', week)).toEqual([]);
    const moved = occurrencesRunningOn(DIGEST, '2026-05-26', week);
    expect(moved).toHaveLength(1);
    expect(moved[0]).toMatchObject({ scheduledDate: '2026-05-25', runDate: '2026-05-26', moved: true, period: '2026-W22' });
    expect(moved[0]!.runAt.toISOString()).toBe('2026-05-26T07:30:00.000Z'); // 08:30 BST
    expect(dueOccurrence(DIGEST, new Date('2026-05-26T07:29:00Z'), week)).toBeNull();
    expect(dueOccurrence(DIGEST, new Date('2026-05-26T12:00:00Z'), week)?.period).toBe('2026-W22');
  });

  it('merges a moved daily run with the next working day’s own run (one period, so one nudge)', () => {
    const tuesday = occurrencesRunningOn(NUDGE, '2026-05-26', day);
    // Monday's run (moved) and Tuesday's own: the same period.
    expect(tuesday.map((o) => o.scheduledDate)).toEqual(['2026-05-25', '2026-05-26']);
    expect(new Set(tuesday.map((o) => o.period))).toEqual(new Set(['2026-05-26']));
  });

  it('moves a Friday job over Easter (Good Friday and Easter Monday) to Tuesday, still last week’s period', () => {
    const friday = '0 10 * * 5';
    expect(occurrencesRunningOn(friday, '2026-04-03', week)).toEqual([]);
    expect(occurrencesRunningOn(friday, '2026-04-06', week)).toEqual([]);
    const tue = occurrencesRunningOn(friday, '2026-04-07', week);
    expect(tue.map((o) => [o.scheduledDate, o.period])).toEqual([['2026-04-03', '2026-W14']]);
    expect(isoWeek('2026-04-07')).toBe('2026-W15');
  });

  it('moves the Monday digest over Christmas 2026 (Boxing Day substitute on Monday 28) and 2027 (27 and 28)', () => {
    expect(nextOccurrence(DIGEST, new Date('2026-12-24T12:00:00Z'), week)).toMatchObject({ scheduledDate: '2026-12-28', runDate: '2026-12-29', period: '2026-W53' });
    expect(nextOccurrence(DIGEST, new Date('2027-12-24T12:00:00Z'), week)).toMatchObject({ scheduledDate: '2027-12-27', runDate: '2027-12-29', period: '2027-W52' });
  });

  it('honours EXTRA_BANK_HOLIDAYS from config', () => {
    const local = { ...day, calendar: createWorkingCalendar(['2026-11-23']) };
    expect(occurrencesRunningOn(NUDGE, '2026-11-23', local)).toEqual([]);
    expect(occurrencesRunningOn(NUDGE, '2026-11-24', local).map((o) => o.scheduledDate)).toEqual(['2026-11-23', '2026-11-24']);
  });

  it('finds the next run from a Friday evening (Monday morning) and from Christmas Eve (Tuesday 29 December)', () => {
    expect(nextOccurrence(NUDGE, new Date('2026-11-20T18:00:00Z'), day)?.runAt.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(nextOccurrence(NUDGE, new Date('2026-12-24T10:00:00Z'), day)).toMatchObject({ runDate: '2026-12-29', period: '2026-12-29' });
  });

  it('jobs that may run any day (working days off) keep their own day', () => {
    const any = { ...day, workingDaysOnly: false, period: 'occurrence' as const };
    expect(occurrencesRunningOn('*/5 * * * *', '2026-11-22', any)).toHaveLength(288);
    expect(dueOccurrence('*/5 * * * *', new Date('2026-11-22T10:07:00Z'), any)?.period).toBe('2026-11-22T10:05');
  });
});

describe('periods', () => {
  it('labels ISO weeks, including week 53 of 2026', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2026-12-31')).toBe('2026-W53');
    expect(isoWeek('2027-01-03')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
  });

  it('gives a run by hand the period of today’s scheduled run, or today’s own period', () => {
    expect(periodAt(NUDGE, new Date('2026-11-23T10:00:00Z'), day)).toBe('2026-11-23');
    expect(periodAt(NUDGE, new Date('2026-11-22T09:00:00Z'), day)).toBe('2026-11-22'); // the demo's Sunday
    expect(periodAt(DIGEST, new Date('2026-11-22T09:00:00Z'), week)).toBe('2026-W47');
    expect(periodAt(DIGEST, new Date('2026-05-26T12:00:00Z'), week)).toBe('2026-W22');
  });

  it('catches up a run missed earlier the same day, never a previous day', () => {
    expect(dueOccurrence(NUDGE, new Date('2026-11-23T16:00:00Z'), day)?.period).toBe('2026-11-23');
    expect(dueOccurrence(NUDGE, new Date('2026-11-24T08:59:00Z'), day)).toBeNull();
  });
});

describe('quarter ends (financial quarters)', () => {
  const never = (_key: string): CycleState => ({ opened: false, closed: false });

  it('Q3 2026-27: opens 10 working days before 31 December (skipping Christmas and Boxing Day), reminders at 5 and 2', () => {
    const c = cycleDates(financialQuarter('2026-11-01'), calendar);
    expect(c.key).toBe('2026-27 Q3');
    expect(c.opens).toBe('2026-12-15');
    expect(c.reminders.map((r) => r.on)).toEqual(['2026-12-22', '2026-12-29']);
    expect(c.closes).toBe('2026-12-31');
  });

  it('Q4 2026-27 ends on Wednesday 31 March 2027 with Easter just before it', () => {
    const c = cycleDates(financialQuarter('2027-02-01'), calendar);
    expect(c.key).toBe('2026-27 Q4');
    expect(c.opens).toBe('2027-03-15');
    expect(c.reminders.map((r) => r.on)).toEqual(['2027-03-22', '2027-03-25']);
    expect(c.closes).toBe('2027-03-31');
  });

  it('a quarter ending on a Saturday closes on the next working day, in the next quarter', () => {
    const c = cycleDates(financialQuarter('2028-08-01'), calendar); // Q2 2028-29 ends Saturday 30 September 2028
    expect(c.opens).toBe('2028-09-18');
    expect(c.reminders.map((r) => r.on)).toEqual(['2028-09-25', '2028-09-28']);
    expect(c.closes).toBe('2028-10-02');
    const opened = (k: string): CycleState => ({ opened: k === '2028-29 Q2', closed: false });
    expect(stageOn('2028-10-02', calendar, opened)).toMatchObject({ kind: 'close', cycle: { key: '2028-29 Q2' } });
    expect(stageOn('2028-09-29', calendar, opened)).toMatchObject({ kind: 'reminder', workingDaysBefore: 2 });
  });

  it('walks the stages of Q3 2026-27 day by day', () => {
    const stage = (d: string, s: (key: string) => CycleState = never) => {
      const st = stageOn(d, calendar, s);
      return st.kind === 'reminder' ? `reminder-${st.workingDaysBefore}` : st.kind;
    };
    expect(stage('2026-12-14')).toBe('idle');
    expect(stage('2026-12-15')).toBe('open');
    expect(stage('2026-12-21')).toBe('open');
    expect(stage('2026-12-22')).toBe('reminder-5');
    expect(stage('2026-12-24')).toBe('reminder-5');
    expect(stage('2026-12-29')).toBe('reminder-2');
    expect(stage('2026-12-31')).toBe('close');
    expect(stage('2026-12-31', (k) => ({ opened: true, closed: k === '2026-27 Q3' }))).toBe('idle');
    // A quarter the bot never opened is still reported just after it ends, but not weeks later.
    expect(stage('2027-01-04')).toBe('close');
    expect(stage('2027-02-01')).toBe('idle');
  });
});
