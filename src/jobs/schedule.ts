// When a job is due, and which period a run belongs to. Cron expressions are read in London
// wall-clock time (so 09:00 stays 09:00 across the clock changes). With working days only, a
// scheduled time on a weekend or bank holiday moves to the same time on the next working day.
//
// Periods make moved runs dedup with the original:
// - 'day' periods are the London date the run happens on: a Monday run moved to Tuesday is the
//   same period as Tuesday's own run, so the owner gets one nudge on Tuesday, not two.
// - 'week' periods are the ISO week of the scheduled day: the Monday digest moved to Tuesday is
//   still that week's digest; a Friday job moved over Easter to Tuesday is still last week's.
// - 'occurrence' periods are the London wall time the run happens at.
import cron from 'node-cron';
import type { WorkingCalendar } from '../domain/time/bank-holidays.js';
import { addDays, dayOfWeek, diffDays, parseIsoDate, startOfWeek, toIsoDate } from '../domain/time/dates.js';
import { londonDate, londonDateTimeToInstant, londonTime } from '../domain/time/london.js';
import type { IsoDate } from '../domain/plan/types.js';
import type { PeriodKind } from './types.js';

export interface CronSpec {
  minutes: number[];
  hours: number[];
  daysOfMonth: Set<number>;
  months: Set<number>;
  /** 1 = Monday … 7 = Sunday (ISO). */
  weekdays: Set<number>;
  /** Vixie cron: when both day fields are restricted, either may match. */
  dayOr: boolean;
}

const cache = new Map<string, CronSpec>();

/** Parses a 5- or 6-field cron expression (seconds are ignored: jobs run on the minute). */
export function parseCron(expr: string): CronSpec {
  const hit = cache.get(expr);
  if (hit) return hit;
  if (!cron.validate(expr)) throw new RangeError(`Not a valid cron expression: ${JSON.stringify(expr)}`);
  const f = cron.parse(expr);
  const dom = f.dayOfMonth.map(Number);
  const dow = f.dayOfWeek.map(Number).map((d) => (d === 0 ? 7 : d));
  const spec: CronSpec = {
    minutes: [...new Set(f.minute)].sort((a, b) => a - b),
    hours: [...new Set(f.hour)].sort((a, b) => a - b),
    daysOfMonth: new Set(dom),
    months: new Set(f.month),
    weekdays: new Set(dow),
    dayOr: new Set(dom).size < 31 && new Set(dow).size < 7,
  };
  cache.set(expr, spec);
  return spec;
}

function dayMatches(spec: CronSpec, d: IsoDate): boolean {
  const { month, day } = parseIsoDate(d);
  if (!spec.months.has(month)) return false;
  const domOk = spec.daysOfMonth.has(day);
  const dowOk = spec.weekdays.has(dayOfWeek(d));
  return spec.dayOr ? domOk || dowOk : domOk && dowOk;
}

export interface Occurrence {
  /** The London date and time the cron expression names. */
  scheduledDate: IsoDate;
  time: string;
  /** Where it really runs: the same time on the next working day when the scheduled day is not one. */
  runDate: IsoDate;
  runAt: Date;
  moved: boolean;
  period: string;
}

export interface ScheduleOptions {
  period: PeriodKind;
  workingDaysOnly: boolean;
  calendar: WorkingCalendar;
}

function hhmm(h: number, m: number): string {
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** ISO 8601 week label, e.g. '2026-W48'. */
export function isoWeek(d: IsoDate): string {
  const thursday = addDays(startOfWeek(d), 3);
  const { year } = parseIsoDate(thursday);
  const week = Math.floor(diffDays(toIsoDate(year, 1, 1), thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function periodFor(kind: PeriodKind, scheduledDate: IsoDate, runDate: IsoDate, time: string): string {
  switch (kind) {
    case 'week': return isoWeek(scheduledDate);
    case 'occurrence': return `${runDate}T${time}`;
    default: return runDate;
  }
}

/** Every occurrence scheduled on London date d (before any move), in time order. */
function scheduledOn(spec: CronSpec, d: IsoDate): string[] {
  if (!dayMatches(spec, d)) return [];
  const out: string[] = [];
  for (const h of spec.hours) for (const m of spec.minutes) out.push(hhmm(h, m));
  return out;
}

function toOccurrence(scheduledDate: IsoDate, time: string, o: ScheduleOptions): Occurrence {
  const runDate = o.workingDaysOnly ? o.calendar.nextWorkingDay(scheduledDate) : scheduledDate;
  return {
    scheduledDate, time, runDate, runAt: londonDateTimeToInstant(runDate, time), moved: runDate !== scheduledDate,
    period: periodFor(o.period, scheduledDate, runDate, time),
  };
}

/** The occurrences that run on London date d (their own, plus those moved onto it), in run order. */
export function occurrencesRunningOn(expr: string, d: IsoDate, o: ScheduleOptions): Occurrence[] {
  const spec = parseCron(expr);
  if (o.workingDaysOnly && !o.calendar.isWorkingDay(d)) return [];
  const out: Occurrence[] = [];
  // A move can only come from the non-working days just before d (a long run of holidays is < 16 days).
  for (let back = 16; back >= 0; back--) {
    const day = addDays(d, -back);
    if (back > 0 && (!o.workingDaysOnly || o.calendar.isWorkingDay(day))) continue;
    for (const t of scheduledOn(spec, day)) {
      const occ = toOccurrence(day, t, o);
      if (occ.runDate === d) out.push(occ);
    }
  }
  return out.sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.scheduledDate.localeCompare(b.scheduledDate));
}

/**
 * The run due at `now`: the latest occurrence that runs today (London) at or before now. Runs
 * missed while the bot was down are caught up the same day only; yesterday's nudges are not sent.
 */
export function dueOccurrence(expr: string, now: Date, o: ScheduleOptions): Occurrence | null {
  const today = londonDate(now);
  const due = occurrencesRunningOn(expr, today, o).filter((occ) => occ.runAt.getTime() <= now.getTime());
  return due.at(-1) ?? null;
}

/** The next occurrence strictly after `now` (searching up to 400 days ahead). */
export function nextOccurrence(expr: string, now: Date, o: ScheduleOptions): Occurrence | null {
  const today = londonDate(now);
  for (let i = 0; i < 400; i++) {
    const d = addDays(today, i);
    const next = occurrencesRunningOn(expr, d, o).find((occ) => occ.runAt.getTime() > now.getTime());
    if (next) return next;
  }
  return null;
}

/**
 * The period a run at `now` belongs to when an operator runs the job by hand: the period of the
 * scheduled run due today if there is one, otherwise today's own period.
 */
export function periodAt(expr: string, now: Date, o: ScheduleOptions): string {
  const due = dueOccurrence(expr, now, o);
  if (due) return due.period;
  const today = londonDate(now);
  return periodFor(o.period, today, today, londonTime(now));
}
