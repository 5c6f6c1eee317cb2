// Windows relative to today: rolling ("the next two weeks", "soon", "in 10 days"), calendar weeks
// (Monday to Sunday), months, UK financial quarters and years. chrono reads these as single points
// ("next month" is a day a month from now); a question means the whole window, so they are ours.
import {
  addDays, endOfMonth, endOfWeek, financialQuarter, isWeekend, nextQuarter, parseIsoDate, previousQuarter, startOfMonth, startOfWeek, toIsoDate,
} from '../../domain/time/index.js';
import type { IsoDate } from '../../domain/plan/types.js';
import { NUMBER_WORD_PATTERN, parseCount } from '../normalise.js';
import { MONTH_RE, addMonthsClamped, dayRange, find, monthName, numberWord, window, type Ctx, type Period, type Recogniser } from './period.js';

const ROLLING = new RegExp(`\\b(?:in |within |over |during |for )?(?:the )?(next|coming|following|upcoming|in) (${NUMBER_WORD_PATTERN})? ?(day|week|fortnight|month)s?\\b`);

export const rolling: Recogniser = ({ text, today }) => {
  const t = parseIsoDate(today);
  const hit = find(text, ROLLING);
  if (!hit || (hit.m[1] === 'in' && !hit.m[2])) return null;
  const n = parseCount(hit.m[2]?.replace(/ of$/, '')) ?? 1;
  const unit = hit.m[3];
  const explicitNumber = Boolean(hit.m[2]);
  const whole = hit.m[0];
  if (unit === 'month' && !explicitNumber && !/\b(the|within|over|during) (?:the )?next month/.test(whole) && !/\b(in|within|over) the next/.test(whole)) {
    const start = toIsoDate(t.month === 12 ? t.year + 1 : t.year, t.month === 12 ? 1 : t.month + 1, 1);
    const p = parseIsoDate(start);
    return window(start, endOfMonth(start), `next month (${monthName(p.month, p.year)})`, today, hit.span);
  }
  if (unit === 'week' && !explicitNumber && !/\b(the|within|over|during) (?:the )?next week\b/.test(whole)) {
    const start = addDays(endOfWeek(today), 1);
    return window(start, endOfWeek(start), `next week (${dayRange(start, endOfWeek(start))})`, today, hit.span);
  }
  const to = unit === 'month' ? addMonthsClamped(today, n) : addDays(today, unit === 'day' ? n : unit === 'fortnight' ? 14 * n : 7 * n);
  const words = unit === 'fortnight' ? (n === 1 ? 'two weeks' : `${n * 2} weeks`) : n === 1 ? `${unit}` : `${n} ${unit}s`;
  const said = n === 1 && unit !== 'fortnight' ? `the next ${words}` : `the next ${words.replace(/^(\d+)/, (d) => numberWord(Number(d)))}`;
  return window(today, to, `in ${said} (${dayRange(today, to)})`, today, hit.span, true);
};

const ROLLING_BACK = new RegExp(`\\b(?:in |within |over |during |for )?(?:the )?(?:last|past|previous) (${NUMBER_WORD_PATTERN})? ?(day|week|fortnight|month)s?\\b`);

/** "the last 7 days", "past three weeks", "over the previous fortnight": back from today, today included. */
export const rollingBack: Recogniser = ({ text, today }) => {
  const hit = find(text, ROLLING_BACK);
  // "last week" and "last month" alone are calendar ones (weeks, months below).
  if (!hit || (!hit.m[1] && hit.m[2] !== 'fortnight')) return null;
  const n = parseCount(hit.m[1]?.replace(/ of$/, '')) ?? 1;
  const unit = hit.m[2];
  const from = unit === 'month' ? addMonthsClamped(today, -n) : addDays(today, -(unit === 'day' ? n : unit === 'fortnight' ? 14 * n : 7 * n));
  const words = unit === 'fortnight' ? (n === 1 ? 'two weeks' : `${n * 2} weeks`) : n === 1 ? unit : `${numberWord(n)} ${unit}s`;
  return window(from, today, `in the last ${words} (${dayRange(from, today)})`, today, hit.span);
};

export const soon: Recogniser = ({ text, today }) => {
  const hit = find(text, /\b(?:(?:due |coming )?soon|coming up|upcoming|imminent|approaching|on the horizon|(?:this|the) (?:coming )?fortnight|(?:next|coming) fortnight)\b/);
  if (!hit) return null;
  const to = addDays(today, 14);
  return window(today, to, `in the next two weeks (${dayRange(today, to)})`, today, hit.span, true);
};

// Words of what has happened: "what changed this week" looks back whatever the day.
const LOOKS_BACK = /\b(?:chang|updat|happen|complet|clos|mov|finish|submitt|record|add)ed\b|\bbeen\b|\bwent\b/;

/** The Monday of the working week ahead: this week's on a weekday, next week's at a weekend (the working week is over). */
export function workingWeekStart(today: IsoDate): IsoDate {
  return addDays(startOfWeek(today), isWeekend(today) ? 7 : 0);
}

/**
 * The Monday "this week" starts on: a question about what is coming ("what's due this week?" on a
 * Sunday) means the working week ahead; one that looks back keeps the calendar week.
 */
function thisWeekStart(ctx: Ctx): IsoDate {
  return ctx.past || LOOKS_BACK.test(ctx.text) ? startOfWeek(ctx.today) : workingWeekStart(ctx.today);
}

/**
 * "by the end of this month", "by the end of Q3": a window from today to that end, read by
 * byOrBefore, not the whole week, month or quarter.
 */
function endOfBefore(text: string, at: number): boolean {
  return /\b(?:by|before|until|till) (?:the )?end of (?:the )?$/.test(text.slice(Math.max(0, at - 30), at));
}

export const weeks: Recogniser = (ctx) => {
  const { text, today } = ctx;
  const after = find(text, /\b(?:the )?week after next\b/);
  if (after) {
    const from = addDays(startOfWeek(today), 14);
    return window(from, endOfWeek(from), `the week after next (${dayRange(from, endOfWeek(from))})`, today, after.span);
  }
  const hit = find(text, /\b(this|next|last|previous|the past|the last) (?:calendar )?week\b/);
  if (!hit || (hit.m[1] === 'this' && endOfBefore(text, hit.span.start))) return null;
  const which = hit.m[1];
  if (which === 'the past' || which === 'the last') {
    const from = addDays(today, -7);
    return window(from, today, `in the last week (${dayRange(from, today)})`, today, hit.span);
  }
  const from = which === 'this' ? thisWeekStart(ctx) : addDays(startOfWeek(today), which === 'next' ? 7 : -7);
  const to = endOfWeek(from);
  return window(from, to, `${which === 'previous' ? 'last' : which} week (${dayRange(from, to)})`, today, hit.span);
};

export const months: Recogniser = ({ text, today }) => {
  const hit = find(text, /\b(this|last|previous|the current) (?:calendar )?month\b/);
  if (!hit || (hit.m[1] !== 'last' && hit.m[1] !== 'previous' && endOfBefore(text, hit.span.start))) return null;
  const last = hit.m[1] === 'last' || hit.m[1] === 'previous';
  const from = last ? startOfMonth(addDays(startOfMonth(today), -1)) : startOfMonth(today);
  const p = parseIsoDate(from);
  return window(from, endOfMonth(from), `${last ? 'last month' : 'this month'} (${monthName(p.month, p.year)})`, today, hit.span);
};

const ORDINAL_QUARTER: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4 };

/** "the first quarter of next financial year", "Q3 of this financial year": a quarter of a named financial year. */
function quarterOfYear(text: string, today: IsoDate): Period | null {
  const hit = find(text, /\b(?:(first|1st|second|2nd|third|3rd|fourth|4th|final|last) quarter|q([1-4])) of (?:the )?(this|next|last|current) financial year\b/);
  if (!hit) return null;
  const t = parseIsoDate(today);
  const n = hit.m[2] ? Number(hit.m[2]) : ORDINAL_QUARTER[hit.m[1] ?? ''] ?? 1;
  const shift = hit.m[3] === 'next' ? 1 : hit.m[3] === 'last' ? -1 : 0;
  const fyStart = (t.month >= 4 ? t.year : t.year - 1) + shift;
  const q = financialQuarter(toIsoDate(n === 4 ? fyStart + 1 : fyStart, n === 4 ? 1 : 1 + n * 3, 1));
  return window(q.start, q.end, `in ${q.label} (${dayRange(q.start, q.end)})`, today, hit.span);
}

export const quarters: Recogniser = ({ text, today }) => {
  const ofYear = quarterOfYear(text, today);
  if (ofYear) return ofYear;
  const t = parseIsoDate(today);
  const hit = find(text, /\b(this|next|last|previous|the current) (?:financial )?quarter\b|\bq([1-4])\b(?: (\d{4})(?:[-/](\d{2,4}))?)?/);
  if (!hit) return null;
  if (endOfBefore(text, hit.span.start)) return null;
  let q = financialQuarter(today);
  if (hit.m[1] === 'next') q = nextQuarter(q);
  else if (hit.m[1] === 'last' || hit.m[1] === 'previous') q = previousQuarter(q);
  else if (hit.m[2]) {
    const want = Number(hit.m[2]);
    const fyStart = hit.m[3] ? Number(hit.m[3]) : (t.month >= 4 ? t.year : t.year - 1);
    q = financialQuarter(toIsoDate(want === 4 ? fyStart + 1 : fyStart, want === 4 ? 1 : 1 + want * 3, 1));
  }
  const which = hit.m[1] === 'previous' ? 'last' : hit.m[1] === 'the current' ? 'this' : hit.m[1];
  const word = which ? `${which} quarter (${q.label}, ` : `in ${q.label} (`;
  return window(q.start, q.end, `${word}${dayRange(q.start, q.end)})`, today, hit.span);
};

export const years: Recogniser = ({ text, today }: Ctx): Period | null => {
  const t = parseIsoDate(today);
  const hit = find(text, /\b(this|next|last) (financial |calendar )?year\b/);
  if (!hit) return bareYear(text, today);
  // "April next year" is a month, read by wholeMonth; "the summer term next year" a term, read by termWindows.
  const before = text.slice(Math.max(0, hit.span.start - 24), hit.span.start);
  if (new RegExp(`\\b(?:${MONTH_RE}) $`).test(before) || /\b(?:autumn|spring|summer) (?:term|half[- ]?term|holidays?) $/.test(before)) return null;
  if (hit.m[1] === 'this' && endOfBefore(text, hit.span.start)) return null;
  const shift = hit.m[1] === 'next' ? 1 : hit.m[1] === 'last' ? -1 : 0;
  if (hit.m[2] === 'financial ') {
    const fy = (t.month >= 4 ? t.year : t.year - 1) + shift;
    const from = toIsoDate(fy, 4, 1); const to = toIsoDate(fy + 1, 3, 31);
    return window(from, to, `${hit.m[1]} financial year (${dayRange(from, to)})`, today, hit.span);
  }
  const y = t.year + shift;
  return window(toIsoDate(y, 1, 1), toIsoDate(y, 12, 31), `in ${y}`, today, hit.span);
};

/** "due in 2027", "during 2026": the calendar year, said with a preposition so numbers stay numbers. */
function bareYear(text: string, today: string): Period | null {
  const hit = find(text, /\b(?:in|during|for|throughout|across|over) (?:the year )?(20\d\d)\b(?! ?[-/])/);
  if (!hit) return null;
  const y = Number(hit.m[1]);
  return window(toIsoDate(y, 1, 1), toIsoDate(y, 12, 31), `in ${y}`, today, hit.span);
}
