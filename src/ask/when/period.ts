// The Period value and the small helpers every recogniser in this folder shares.
import type { IsoDate } from '../../domain/plan/types.js';
import type { SchoolTerm } from '../../domain/time/index.js';
import { daysInMonth, formatDate, parseIsoDate, toIsoDate, MONTH_NAMES } from '../../domain/time/index.js';
import type { Span } from '../references.js';

export interface Period extends Span {
  from?: IsoDate;
  to?: IsoDate;
  /** How to say it: 'this week (16 to 22 November 2026)', 'in December 2026'. */
  label: string;
  /** The whole window is before today. */
  past: boolean;
  /** The window starts today because the question said "by/before/until" or "next N days". */
  fromToday: boolean;
  /** Typing slips read as period words, to say back: [{ typed: 'nxt', read: 'next' }]. */
  corrections?: { typed: string; read: string }[];
  /**
   * A time phrase was recognised but cannot be resolved (no from/to), e.g. "this term" with no
   * term dates imported: the sentence to show instead of an answer for a wrong window.
   */
  missing?: string;
  /** Which part of the parser resolved it: 'chrono' for chrono-node, 'calendar' for the domain's. */
  source?: 'chrono' | 'calendar';
}

export interface PeriodOptions {
  /** The local authority's school terms (term_dates.csv); absent or empty: not known. */
  terms?: readonly SchoolTerm[];
}

export interface Ctx {
  text: string;
  today: IsoDate;
  past: boolean;
  terms: readonly SchoolTerm[] | undefined;
}

export type Recogniser = (ctx: Ctx) => Period | null;

/** Words that put a question in the past tense ("were due", "last March"). */
export const PAST_TENSE = /\b(was|were|did|had|should have|should of|last|previous|previously|ago)\b/;

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
export const MONTH_RE = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
export const WEEKDAY_RE = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu|fri|sat|sun';
export const BEFORE_WORDS = '(?:by|before|this side of|until|till|til|up to|upto|ahead of|prior to|no later than|in time for|between now and|between today and|from now (?:until|till|to)|from today (?:until|till|to)|(?:now|today) (?:until|till|to))';

export function dayRange(from: IsoDate, to: IsoDate): string {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (from === to) return formatDate(from);
  if (a.year === b.year && a.month === b.month) return `${a.day} to ${formatDate(to)}`;
  if (a.year === b.year) return `${a.day} ${MONTH_NAMES[a.month - 1]} to ${formatDate(to)}`;
  return `${formatDate(from)} to ${formatDate(to)}`;
}

export function monthName(month: number, year: number): string {
  return `${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

/**
 * A month named without a year. In the past tense, the last one. Otherwise the coming one (this
 * month included), because a plan's questions look ahead: in November, "what's due in July" is next
 * July. Only the two months just gone stay in the past ("what's due in October" asked in November).
 */
export function resolveMonthYear(month: number, today: IsoDate, past: boolean): number {
  const t = parseIsoDate(today);
  if (past) return month <= t.month ? t.year : t.year - 1;
  const monthsAgo = (t.month - month + 12) % 12;
  if (monthsAgo === 0) return t.year;
  if (monthsAgo <= 2) return month < t.month ? t.year : t.year - 1;
  return month > t.month ? t.year : t.year + 1;
}

/** "next March" is the first March after this month; "last March" the one before it. */
export function nextOrLastMonthYear(month: number, today: IsoDate, which: 'next' | 'last'): number {
  const t = parseIsoDate(today);
  if (which === 'next') return month > t.month ? t.year : t.year + 1;
  return month < t.month ? t.year : t.year - 1;
}

export function addMonthsClamped(d: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIsoDate(d);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return toIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function window(from: IsoDate | undefined, to: IsoDate | undefined, label: string, today: IsoDate, span: Span, fromToday = false): Period {
  return { ...span, from, to, label, past: to !== undefined && to < today, fromToday };
}

/** The first match of a bounded pattern, with its span. */
export function find(text: string, re: RegExp): { m: RegExpExecArray; span: Span } | null {
  const m = re.exec(text);
  return m ? { m, span: { start: m.index, end: m.index + m[0].length } } : null;
}

export function numberWord(n: number): string {
  return ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n);
}
