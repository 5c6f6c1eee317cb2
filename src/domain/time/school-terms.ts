// School terms as data: the local authority publishes its term dates each year, so they are
// imported (term_dates.csv), never computed. A term may have a half term inside it. The helpers
// below answer "this term", "next term", "half term" and "the summer holidays" from whatever terms
// are known, and say when they cannot (no terms, or the year asked about is not in the data).
import type { IsoDate } from './dates.js';
import { addDays, parseIsoDate } from './dates.js';

export const TERM_NAMES = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof TERM_NAMES)[number];

export interface SchoolTerm {
  /** '2026-27': the academic year, September to August. */
  academicYear: string;
  name: TermName;
  startsOn: IsoDate;
  endsOn: IsoDate;
  halfTermStartsOn?: IsoDate;
  halfTermEndsOn?: IsoDate;
}

export interface DateWindow { from: IsoDate; to: IsoDate }

const byStart = (a: SchoolTerm, b: SchoolTerm) => (a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0);

/** The terms in date order (the importer has checked they do not overlap). */
export function sortTerms(terms: readonly SchoolTerm[]): SchoolTerm[] {
  return [...terms].sort(byStart);
}

/** The term a day falls in, or null in a holiday. */
export function termOn(terms: readonly SchoolTerm[], d: IsoDate): SchoolTerm | null {
  return terms.find((t) => t.startsOn <= d && d <= t.endsOn) ?? null;
}

/** The term a day falls in or, in a holiday, the one that comes next. */
export function currentOrComingTerm(terms: readonly SchoolTerm[], d: IsoDate): SchoolTerm | null {
  return termOn(terms, d) ?? sortTerms(terms).find((t) => t.startsOn > d) ?? null;
}

/** "next term": the one after today's term or, in a holiday, the coming one (as people say it then). */
export function termAfter(terms: readonly SchoolTerm[], d: IsoDate): SchoolTerm | null {
  const sorted = sortTerms(terms);
  const now = termOn(sorted, d);
  return now ? sorted.find((t) => t.startsOn > now.endsOn) ?? null : sorted.find((t) => t.startsOn > d) ?? null;
}

/** The last term that ended before today ("last term"). */
export function termBefore(terms: readonly SchoolTerm[], d: IsoDate): SchoolTerm | null {
  return sortTerms(terms).filter((t) => t.endsOn < d).pop() ?? null;
}

/** The term of that name not yet over (or, in the past tense, the latest one that has started). */
export function termNamed(terms: readonly SchoolTerm[], name: TermName, d: IsoDate, past: boolean): SchoolTerm | null {
  const named = sortTerms(terms).filter((t) => t.name === name);
  return past ? named.filter((t) => t.startsOn <= d).pop() ?? null : named.find((t) => t.endsOn >= d) ?? null;
}

/** The half term that is on now or comes next. */
export function comingHalfTerm(terms: readonly SchoolTerm[], d: IsoDate): (DateWindow & { term: SchoolTerm }) | null {
  for (const t of sortTerms(terms)) {
    if (t.halfTermStartsOn && t.halfTermEndsOn && t.halfTermEndsOn >= d) return { from: t.halfTermStartsOn, to: t.halfTermEndsOn, term: t };
  }
  return null;
}

/**
 * The summer holidays on now or coming next: the day after a summer term ends to the day before
 * the next autumn term starts. `known` is false when one end is not in the data and was filled
 * with 1 August or 31 August instead.
 */
export function summerHolidays(terms: readonly SchoolTerm[], d: IsoDate): (DateWindow & { known: boolean }) | null {
  const sorted = sortTerms(terms);
  const windows: (DateWindow & { known: boolean })[] = [];
  for (const s of sorted.filter((t) => t.name === 'summer')) {
    const autumn = sorted.find((t) => t.name === 'autumn' && t.startsOn > s.endsOn);
    const year = parseIsoDate(s.endsOn).year;
    windows.push({ from: addDays(s.endsOn, 1), to: autumn ? addDays(autumn.startsOn, -1) : `${year}-08-31`, known: Boolean(autumn) });
  }
  const first = sorted.find((t) => t.name === 'autumn');
  if (first && !sorted.some((t) => t.name === 'summer' && t.endsOn < first.startsOn)) {
    windows.unshift({ from: `${parseIsoDate(first.startsOn).year}-08-01`, to: addDays(first.startsOn, -1), known: false });
  }
  return windows.find((w) => w.to >= d) ?? null;
}
