// A series of cluster meetings from what a chair writes in the schedule form's "Repeat" box:
//   "every second Wednesday of the month this term", "every two weeks until 17 July",
//   "weekly for 6 weeks", "monthly", "every last Thursday until the end of the school year".
// Dates are counted from the first meeting's date; a date in a school holiday or half term is left out (the
// terms come from the imported term dates), and a series holds at most MAX_SERIES meetings.
import * as chrono from 'chrono-node';
import { addDays, dayOfWeek, daysInMonth, parseIsoDate, toIsoDate, type IsoDate } from '../time/dates.js';
import { sortTerms, termOn, type SchoolTerm } from '../time/school-terms.js';

export const MAX_SERIES = 20;

export type Repeat =
  | { kind: 'weeks'; every: number }
  /** The nth weekday of each month (nth -1: the last), e.g. the second Wednesday. */
  | { kind: 'monthly'; nth: number; weekday?: number };

export type Until = { kind: 'term' } | { kind: 'year' } | { kind: 'date'; date: IsoDate } | { kind: 'count'; count: number } | { kind: 'weeks'; weeks: number };

export interface SeriesRule { repeat: Repeat; until: Until }

const NTH: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: -1 };
const WEEKDAYS: Record<string, number> = { monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7 };
const NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12 };
const num = (w: string): number => NUMBERS[w] ?? Number(w);

function readRepeat(t: string): Repeat | undefined {
  const monthly = /\b(?:every|each|on the) (first|1st|second|2nd|third|3rd|fourth|4th|last) (monday|tuesday|wednesday|thursday|friday)s?\b/.exec(t);
  if (monthly) return { kind: 'monthly', nth: NTH[monthly[1]!]!, weekday: WEEKDAYS[monthly[2]!]! };
  if (/\b(?:fortnightly|every (?:two|2|other) weeks?|every fortnight)\b/.test(t)) return { kind: 'weeks', every: 2 };
  const nWeeks = /\bevery (three|four|3|4) weeks\b/.exec(t);
  if (nWeeks) return { kind: 'weeks', every: num(nWeeks[1]!) };
  if (/\b(?:weekly|every week|each week)\b/.test(t) || /\bevery (?:monday|tuesday|wednesday|thursday|friday)\b/.test(t)) return { kind: 'weeks', every: 1 };
  if (/\b(?:monthly|every month|each month|once a month)\b/.test(t)) return { kind: 'monthly', nth: 0 };
  return undefined;
}

function readUntil(t: string, today: IsoDate): Until | { error: string } {
  const count = /\bfor (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve) (meetings|times|sessions)\b/.exec(t);
  if (count) return { kind: 'count', count: num(count[1]!) };
  const weeks = /\bfor (\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve) weeks\b/.exec(t);
  if (weeks) return { kind: 'weeks', weeks: num(weeks[1]!) };
  if (/\b(?:school year|academic year|summer holidays?|end of the year)\b/.test(t)) return { kind: 'year' };
  const until = /\b(?:until|till|til|to|up to|through|ending|ends?) (.+)$/.exec(t);
  if (until && !/\b(?:end of )?(?:this |the )?term\b/.test(until[1]!)) {
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const found = chrono.en.GB.parseDate(until[1]!, { instant: new Date(Date.UTC(y, m - 1, d, 12)), timezone: 0 }, { forwardDate: true });
    if (!found) return { error: `I couldn't read "${until[1]}" as a date: say, for example, "until 17 July".` };
    return { kind: 'date', date: found.toISOString().slice(0, 10) as IsoDate };
  }
  return { kind: 'term' }; // "this term", or nothing said: a series runs to the end of the term
}

/** The rule a chair wrote, or an error to show them; undefined for an empty box (one meeting). */
export function readSeries(typed: string, today: IsoDate): SeriesRule | { error: string } | undefined {
  const t = typed.toLowerCase().replace(/[’']/g, "'").replace(/[.,;!?]+/g, ' ').replace(/\s+/g, ' ').trim();
  if (!t || /^(?:no|none|once|just (?:this )?once|does not repeat|doesn't repeat|never)$/.test(t)) return undefined;
  const repeat = readRepeat(t);
  if (!repeat) return { error: 'Say how often, for example "every second Wednesday of the month this term", "every two weeks until 17 July" or "weekly for 6 weeks".' };
  const until = readUntil(t, today);
  return 'error' in until ? until : { repeat, until };
}

/** The nth weekday of a month (nth -1: the last); null when the month has no such day (a fifth). */
function nthWeekday(year: number, month: number, weekday: number, nth: number): IsoDate | null {
  if (nth === -1) {
    const last = toIsoDate(year, month, daysInMonth(year, month));
    return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
  }
  const first = toIsoDate(year, month, 1);
  const day = 1 + ((weekday - dayOfWeek(first) + 7) % 7) + (nth - 1) * 7;
  return day <= daysInMonth(year, month) ? toIsoDate(year, month, day) : null;
}

/** The last day a series may reach: the end of the first date's term or school year, a date, or none. */
function lastDay(rule: SeriesRule, first: IsoDate, terms: readonly SchoolTerm[]): IsoDate | { error: string } {
  const u = rule.until;
  if (u.kind === 'date') return u.date < first ? { error: 'The series would end before its first meeting: choose a later end.' } : u.date;
  if (u.kind === 'count') return addDays(first, 400);
  if (u.kind === 'weeks') return addDays(first, u.weeks * 7 - 1);
  const term = termOn(terms, first) ?? sortTerms(terms).find((x) => x.startsOn > first) ?? null;
  if (!term) return { error: 'I have no school term dates for that time, so I cannot tell when the term ends: say "until" and a date instead.' };
  if (u.kind === 'term') return term.endsOn;
  const summer = sortTerms(terms).filter((x) => x.academicYear === term.academicYear).pop()!;
  return summer.endsOn;
}

/** Every meeting date of a series from its first date; holidays left out; at most MAX_SERIES. */
export function seriesDates(rule: SeriesRule, first: IsoDate, terms: readonly SchoolTerm[]): IsoDate[] | { error: string } {
  const end = lastDay(rule, first, terms);
  if (typeof end !== 'string') return end;
  const maxCount = rule.until.kind === 'count' ? Math.min(rule.until.count, MAX_SERIES) : MAX_SERIES;
  // In a term and not in its half term; with no term dates known, every date counts.
  const inTerm = (d: IsoDate) => {
    if (terms.length === 0) return true;
    const t = termOn(terms, d);
    return t !== null && !(t.halfTermStartsOn && t.halfTermEndsOn && t.halfTermStartsOn <= d && d <= t.halfTermEndsOn);
  };
  const dates: IsoDate[] = [first];
  const r = rule.repeat;
  if (r.kind === 'weeks') {
    for (let d = addDays(first, 7 * r.every); d <= end && dates.length < maxCount; d = addDays(d, 7 * r.every)) if (inTerm(d)) dates.push(d);
  } else {
    const f = parseIsoDate(first);
    const weekday = r.weekday ?? dayOfWeek(first);
    // "monthly" alone: the same weekday in the same week of the month as the first meeting.
    const nth = r.nth || Math.ceil(f.day / 7);
    for (let i = 1; i < 24 && dates.length < maxCount; i++) {
      const month = ((f.month - 1 + i) % 12) + 1;
      const year = f.year + Math.floor((f.month - 1 + i) / 12);
      const d = nthWeekday(year, month, weekday, nth);
      if (!d) continue;
      if (d > end) break;
      if (inTerm(d)) dates.push(d);
    }
  }
  return dates;
}
