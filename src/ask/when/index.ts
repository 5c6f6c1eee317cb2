// Time windows in everyday words, resolved against today's London date. A drop-in for
// ../periods.ts (same parsePeriod and Period), built on chrono-node (en-GB) for days and on the
// domain's calendar for what chrono does not know.
//
// Definitions (all inclusive, London calendar days):
// - "this week" is Monday to Sunday of the current week; "next week" the one after; "last week" the one before.
//   At a weekend, "this week" in a question about what is coming is the week ahead (so, then, is
//   "next week": people say both); "what changed this week" keeps the calendar week.
// - "the next N days/weeks", "in N days/weeks", "the next fortnight", "soon", "coming up": from today
//   to today + N days (two weeks for "soon"). "in the next month" is today to the same day next month.
// - "this month", "next month", "last month", "in December", "December 2026": whole calendar months.
//   A month named without a year is the coming one (this month included; "next March" the first
//   after this month), except the two months just gone, or the most recent one when the question
//   is in the past tense ("were due in October", "last March").
// - "this quarter", "next quarter", "Q3": UK financial quarters (Q1 April–June … Q4 January–March).
// - "this year": the calendar year; "this financial year": April to March.
// - School terms come from the local authority's term dates (term_dates.csv), never guessed: "this
//   term" is the term on today, or in a holiday the coming one (so is "next term" then); "last term", "the spring
//   term", "half term" (the one on now or coming), "the summer/Christmas/Easter holidays" (between
//   terms). With no term dates the Period has no window and `missing` says so.
// - "by / before / until X" (a date, a month, "the end of November", "the end of term", "half term",
//   "Christmas", "Easter", "the bank holiday", "the end of the year"): from today to X ("before" stops
//   the day before a day; "by Christmas" is up to 25 December, "before Christmas" up to 24 December;
//   "before half term" and "by half term" stop the day before it starts). Easter is Easter Sunday
//   (Western, src/domain/time/easter.ts). Actions already overdue are not in such windows.
// - "by the 30th", "on the 3rd": the next day of the month with that number, today included.
// - "between Christmas and New Year", "between January and March", "between now and Easter": the
//   first day of the one to the last day of the other.
// - "over Christmas", "during Easter": the holidays; "in the spring", "this autumn": that term;
//   "after half term", "after the Christmas holidays": from the day after it ends; "Christmas Day",
//   "Boxing Day", "New Year's Day": that day; "the week after next"; "in the new year": from 1 January.
// - "after / from / since X": from X (the day after, for "after") with no end.
// - "today", "tomorrow", "yesterday", "on 30 November", "30/11" (day first), "on Friday", "next
//   Friday" (chrono's reading: the coming Friday): one day.
// - "the first/second/last week of December", "the week of 7 December", "w/c 7/12": that Monday-to-Sunday
//   week (the first week of a month holds its first working day).
// Typing slips in period words are read as meant and listed in `corrections`.
import type { IsoDate } from '../../domain/plan/types.js';
import { afterOrSince, between, byOrBefore, namedHoliday, nthDay } from './boundaries.js';
import { chronoDay, relativeDay, wholeMonth } from './days.js';
import { PAST_TENSE, type Ctx, type Period, type PeriodOptions, type Recogniser } from './period.js';
import { months, quarters, rolling, rollingBack, soon, weeks, years } from './relative.js';
import { correctSlips } from './slips.js';
import { termWindows } from './terms.js';
import { weekOf } from './week-of.js';

export type { Period, PeriodOptions } from './period.js';
export { NO_TERM_DATES } from './terms.js';

/** A question is short; only its start is read (every pattern is bounded, and so is the input). */
export const MAX_PERIOD_CHARS = 1_000;


/** In order of precedence: the first that finds something wins. */
const RECOGNISERS: readonly Recogniser[] = [
  rolling, rollingBack, weekOf, weeks, months, quarters, years, between, byOrBefore, namedHoliday, termWindows, afterOrSince, nthDay, relativeDay, chronoDay, wholeMonth,
  // Last: "coming up" and "soon" give way to a named window ("coming up in March").
  soon,
];

/** The first time window in a lower-case question, or null. `today` is London's date. */
export function parsePeriod(lower: string, today: IsoDate, options: PeriodOptions = {}): Period | null {
  const slips = correctSlips(lower.slice(0, MAX_PERIOD_CHARS));
  const ctx: Ctx = { text: slips.text, today, past: PAST_TENSE.test(slips.text), terms: options.terms };
  for (const recognise of RECOGNISERS) {
    const found = recognise(ctx);
    if (!found) continue;
    // Back to the positions of what was typed, and the slips inside the phrase to say back.
    const start = slips.origin[found.start] ?? found.start;
    const end = (slips.origin[Math.max(found.end - 1, found.start)] ?? found.end - 1) + 1;
    const corrections = slips.corrections.filter((c) => c.start < end && start < c.end).map(({ typed, read }) => ({ typed, read }));
    return { ...found, start, end, ...(corrections.length ? { corrections } : {}), source: found.source ?? 'calendar' };
  }
  return null;
}
