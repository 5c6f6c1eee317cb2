// Time windows in everyday words, resolved against today's London date.
//
// Definitions (all inclusive, London calendar days):
// - "this week" is Monday to Sunday of the current week; "next week" the one after; "last week" the one before.
// - "the next N days/weeks", "the next fortnight", "soon", "coming up": from today to today + N days
//   (two weeks for "soon"). "in the next month" is today to the same day next month.
// - "this month", "next month", "last month", "in December", "December 2026": whole calendar months.
//   A month named without a year is the nearest one to today (ties go forward), or the most recent
//   one when the question is in the past tense ("were due in October").
// - "this quarter", "next quarter", "Q3": UK financial quarters (Q1 April–June … Q4 January–March).
// - "this year": the calendar year; "this financial year": April to March.
// - "by / before / until X" (a date, a month, "the end of November", "Christmas", "the end of the
//   year"): from today to X ("before" stops the day before a date; "by Christmas" is up to 25 December,
//   "before Christmas" up to 24 December). Actions already overdue are not in such windows.
// - "after / from / since X": from X (the day after, for "after") with no end.
// - "today", "tomorrow", "yesterday", "on 30 November", "on Friday": one day.
import type { IsoDate } from '../domain/plan/types.js';
import {
  addDays, daysInMonth, dayOfWeek, endOfMonth, endOfWeek, financialQuarter, formatDate, isIsoDate, nextQuarter,
  parseIsoDate, previousQuarter, startOfMonth, startOfWeek, toIsoDate, MONTH_NAMES,
} from '../domain/time/index.js';
import { NUMBER_WORD_PATTERN, parseCount } from './normalise.js';
import type { Span } from './references.js';

export interface Period extends Span {
  from?: IsoDate;
  to?: IsoDate;
  /** How to say it: 'this week (16 to 22 November 2026)', 'in December 2026'. */
  label: string;
  /** The whole window is before today. */
  past: boolean;
  /** The window starts today because the question said "by/before/until" or "next N days". */
  fromToday: boolean;
}

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const MONTH_RE = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
/** Month words that are also ordinary words need a preposition or a year to count as months. */
const RISKY_MONTHS = new Set(['may', 'march', 'mar', 'jan', 'dec', 'sep', 'aug', 'jun', 'jul', 'oct', 'nov', 'feb', 'apr']);
const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
const WEEKDAY_RE = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thu|fri|sat|sun';

const PAST_TENSE = /\b(was|were|did|had|should have|should of|last|previous|previously|ago)\b/;
const BEFORE_WORDS = '(?:by|before|until|till|til|up to|upto|ahead of|prior to|no later than|in time for|between now and|between today and|from now (?:until|till|to)|from today (?:until|till|to)|(?:now|today) (?:until|till|to))';

function dayRange(from: IsoDate, to: IsoDate): string {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (from === to) return formatDate(from);
  if (a.year === b.year && a.month === b.month) return `${a.day} to ${formatDate(to)}`;
  if (a.year === b.year) return `${a.day} ${MONTH_NAMES[a.month - 1]} to ${formatDate(to)}`;
  return `${formatDate(from)} to ${formatDate(to)}`;
}

function monthName(month: number, year: number): string {
  return `${MONTH_NAMES[month - 1] ?? ''} ${year}`;
}

function resolveMonthYear(month: number, today: IsoDate, past: boolean): number {
  const t = parseIsoDate(today);
  if (past) return month <= t.month ? t.year : t.year - 1;
  // Nearest occurrence; a tie goes forward.
  const here = (t.year * 12 + t.month) - (t.year * 12 + month);
  const thisYearDistance = Math.abs(here);
  const nextYearDistance = Math.abs((t.year * 12 + t.month) - ((t.year + 1) * 12 + month));
  const lastYearDistance = Math.abs((t.year * 12 + t.month) - ((t.year - 1) * 12 + month));
  const best = Math.min(thisYearDistance, nextYearDistance, lastYearDistance);
  if (nextYearDistance === best && thisYearDistance >= nextYearDistance) return t.year + 1;
  if (thisYearDistance === best) return t.year;
  return t.year - 1;
}

function addMonthsClamped(d: IsoDate, n: number): IsoDate {
  const { year, month, day } = parseIsoDate(d);
  const total = year * 12 + (month - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return toIsoDate(y, m, Math.min(day, daysInMonth(y, m)));
}

function window(from: IsoDate | undefined, to: IsoDate | undefined, label: string, today: IsoDate, span: Span, fromToday = false): Period {
  return { ...span, from, to, label, past: to !== undefined && to < today, fromToday };
}

interface DateHit { date: IsoDate; explicitYear: boolean }

/** A calendar date written in a phrase: "30 november", "30th of nov 2026", "november 30", "30/11", "2026-11-30". */
function parseDateWords(s: string, today: IsoDate, past: boolean): DateHit | null {
  let m = new RegExp(`^(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (${MONTH_RE})(?: (\\d{4}))?$`).exec(s)
    ?? new RegExp(`^(?:the )?(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (${MONTH_RE})(?: (\\d{4}))?$`).exec(s);
  let day: number | undefined; let month: number | undefined; let year: number | undefined;
  if (m) { day = Number(m[1]); month = MONTHS[m[2] ?? '']; year = m[3] ? Number(m[3]) : undefined; }
  if (!m) {
    m = new RegExp(`^(${MONTH_RE}) (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?$`).exec(s);
    if (m) { month = MONTHS[m[1] ?? '']; day = Number(m[2]); year = m[3] ? Number(m[3]) : undefined; }
  }
  if (!m) {
    m = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(s);
    if (m) { day = Number(m[1]); month = Number(m[2]); year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : undefined; }
  }
  if (!m) {
    m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (m && isIsoDate(m[0])) return { date: m[0], explicitYear: true };
    return null;
  }
  if (!day || !month || month > 12) return null;
  const y = year ?? resolveMonthYear(month, today, past);
  if (day > daysInMonth(y, month)) return null;
  return { date: toIsoDate(y, month, day), explicitYear: year !== undefined };
}

const DATE_RE = `(?:the )?\\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTH_RE})(?: \\d{4})?|(?:${MONTH_RE}) \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?|\\d{1,2}\\/\\d{1,2}(?:\\/(?:\\d{4}|\\d{2}))?|\\d{4}-\\d{2}-\\d{2}`;

function nextWeekday(today: IsoDate, weekday: number): IsoDate {
  const diff = (weekday - dayOfWeek(today) + 7) % 7;
  return addDays(today, diff);
}

/** An "end point" phrase after by/before/until: a date, a month, the end of something, Christmas. */
/**
 * kind 'end': "the end of November" (before and by mean the same); 'point': a day, where "before"
 * stops the day before; 'start': a month, where "by/before December" stops at the end of November.
 */
function parseEndPoint(phrase: string, today: IsoDate, past: boolean): { to: IsoDate; label: string; kind: 'end' | 'point' | 'start' } | null {
  const p = phrase.replace(/^the /, '');
  const t = parseIsoDate(today);
  let m = /^end of (?:the |this )?(week|month|quarter|year|financial year|calendar year|term)$/.exec(p);
  if (m) {
    switch (m[1]) {
      case 'week': return { to: endOfWeek(today), label: 'the end of this week', kind: 'end' };
      case 'month': return { to: endOfMonth(today), label: `the end of ${monthName(t.month, t.year)}`, kind: 'end' };
      case 'quarter': { const q = financialQuarter(today); return { to: q.end, label: `the end of this quarter (${q.label})`, kind: 'end' }; }
      case 'financial year': { const y = t.month >= 4 ? t.year + 1 : t.year; return { to: toIsoDate(y, 3, 31), label: 'the end of the financial year', kind: 'end' }; }
      case 'term': return null;
      default: return { to: toIsoDate(t.year, 12, 31), label: `the end of ${t.year}`, kind: 'end' };
    }
  }
  m = new RegExp(`^(?:the )?end of (?:the month of )?(${MONTH_RE})(?: (\\d{4}))?$`).exec(p)
    ?? new RegExp(`^(?:the )?(${MONTH_RE}) (?:month )?end$`).exec(p);
  if (m) {
    const month = MONTHS[m[1] ?? ''] ?? 1;
    const year = m[2] ? Number(m[2]) : resolveMonthYear(month, today, past);
    return { to: toIsoDate(year, month, daysInMonth(year, month)), label: `the end of ${monthName(month, year)}`, kind: 'end' };
  }
  m = /^(christmas(?: day)?|xmas|christmas holidays?|new year|the new year|year end|half term|easter)$/.exec(p);
  if (m) {
    const word = m[1] ?? '';
    if (word.startsWith('new year') || word === 'the new year' || word === 'year end') {
      return { to: toIsoDate(t.year, 12, 31), label: `the end of ${t.year}`, kind: 'end' };
    }
    if (word.startsWith('christmas') || word === 'xmas') {
      const year = today > toIsoDate(t.year, 12, 25) ? t.year + 1 : t.year;
      return { to: toIsoDate(year, 12, 25), label: 'Christmas', kind: 'point' };
    }
    return null;
  }
  m = new RegExp(`^(${MONTH_RE})(?: (\\d{4}))?$`).exec(p);
  if (m) {
    const month = MONTHS[m[1] ?? ''] ?? 1;
    const year = m[2] ? Number(m[2]) : resolveMonthYear(month, today, past);
    return { to: addDays(toIsoDate(year, month, 1), -1), label: monthName(month, year), kind: 'start' };
  }
  m = new RegExp(`^(?:next )?(${WEEKDAY_RE})$`).exec(p);
  if (m) {
    const wd = WEEKDAYS[m[1] ?? ''] ?? 5;
    const d = nextWeekday(today, wd);
    return { to: d, label: formatDate(d), kind: 'point' };
  }
  if (p === 'today' || p === 'tonight') return { to: today, label: 'today', kind: 'point' };
  if (p === 'tomorrow') return { to: addDays(today, 1), label: 'tomorrow', kind: 'point' };
  const hit = parseDateWords(p, today, past);
  if (hit) return { to: hit.date, label: formatDate(hit.date), kind: 'point' };
  return null;
}

/**
 * The first time window in a lower-case question, or null. `today` is London's date.
 */
export function parsePeriod(lower: string, today: IsoDate): Period | null {
  const past = PAST_TENSE.test(lower);
  const t = parseIsoDate(today);
  const find = (re: RegExp) => { const m = re.exec(lower); return m ? { m, span: { start: m.index, end: m.index + m[0].length } } : null; };
  let hit: ReturnType<typeof find>;

  // Rolling windows from today.
  hit = find(new RegExp(`\\b(?:in |within |over |during |for )?(?:the )?(?:next|coming|following|upcoming) (${NUMBER_WORD_PATTERN})? ?(day|week|fortnight|month)s?\\b`));
  if (hit) {
    const n = parseCount(hit.m[1]?.replace(/ of$/, '')) ?? 1;
    const unit = hit.m[2];
    const explicitNumber = Boolean(hit.m[1]);
    if (unit === 'month' && !explicitNumber && !/\b(the|within|over|during) (?:the )?next month/.test(hit.m[0]) && !/\b(in|within|over) the next/.test(hit.m[0])) {
      // "next month" alone: the calendar month.
      const start = toIsoDate(t.month === 12 ? t.year + 1 : t.year, t.month === 12 ? 1 : t.month + 1, 1);
      const p = parseIsoDate(start);
      return window(start, endOfMonth(start), `next month (${monthName(p.month, p.year)})`, today, hit.span);
    }
    if (unit === 'week' && !explicitNumber && !/\b(the|within|over|during) (?:the )?next week\b/.test(hit.m[0])) {
      const start = addDays(endOfWeek(today), 1);
      return window(start, endOfWeek(start), `next week (${dayRange(start, endOfWeek(start))})`, today, hit.span);
    }
    const to = unit === 'month' ? addMonthsClamped(today, n) : addDays(today, unit === 'day' ? n : unit === 'fortnight' ? 14 * n : 7 * n);
    const words = unit === 'fortnight' ? (n === 1 ? 'two weeks' : `${n * 2} weeks`) : `${n === 1 ? (unit === 'day' ? 'day' : `${unit}`) : `${n} ${unit}s`}`;
    const said = n === 1 && unit !== 'fortnight' ? `the next ${words}` : `the next ${words.replace(/^(\d+)/, (d) => numberWord(Number(d)))}`;
    return window(today, to, `in ${said} (${dayRange(today, to)})`, today, hit.span, true);
  }
  hit = find(/\b(?:(?:due |coming )?soon|coming up|upcoming|imminent|approaching|on the horizon|(?:this|the) (?:coming )?fortnight|(?:next|coming) fortnight)\b/);
  if (hit) {
    const to = addDays(today, 14);
    return window(today, to, `in the next two weeks (${dayRange(today, to)})`, today, hit.span, true);
  }
  hit = find(/\b(this|next|last|previous|the past|the last) (?:calendar )?week\b/);
  if (hit) {
    const which = hit.m[1];
    if (which === 'the past' || which === 'the last') {
      const from = addDays(today, -7);
      return window(from, today, `in the last week (${dayRange(from, today)})`, today, hit.span);
    }
    const offset = which === 'this' ? 0 : which === 'next' ? 7 : -7;
    const from = addDays(startOfWeek(today), offset);
    const to = endOfWeek(from);
    return window(from, to, `${which === 'previous' ? 'last' : which} week (${dayRange(from, to)})`, today, hit.span);
  }
  hit = find(/\b(this|last|previous|the current) (?:calendar )?month\b/);
  if (hit) {
    const from = hit.m[1] === 'last' || hit.m[1] === 'previous' ? startOfMonth(addDays(startOfMonth(today), -1)) : startOfMonth(today);
    const p = parseIsoDate(from);
    const word = hit.m[1] === 'last' || hit.m[1] === 'previous' ? 'last month' : 'this month';
    return window(from, endOfMonth(from), `${word} (${monthName(p.month, p.year)})`, today, hit.span);
  }
  hit = find(/\b(this|next|last|previous|the current) (?:financial )?quarter\b|\bq([1-4])\b(?: (\d{4})(?:[-/](\d{2,4}))?)?/);
  if (hit) {
    let q = financialQuarter(today);
    if (hit.m[1] === 'next') q = nextQuarter(q);
    else if (hit.m[1] === 'last' || hit.m[1] === 'previous') q = previousQuarter(q);
    else if (hit.m[2]) {
      const want = Number(hit.m[2]);
      const fyStart = hit.m[3] ? Number(hit.m[3]) : (t.month >= 4 ? t.year : t.year - 1);
      const month = want === 4 ? 1 : 1 + want * 3;
      q = financialQuarter(toIsoDate(want === 4 ? fyStart + 1 : fyStart, month, 1));
    }
    const word = hit.m[1] ? `${hit.m[1] === 'previous' ? 'last' : hit.m[1] === 'the current' ? 'this' : hit.m[1]} quarter (${q.label}, ` : `in ${q.label} (`;
    return window(q.start, q.end, `${word}${dayRange(q.start, q.end)})`, today, hit.span);
  }
  hit = find(/\b(this|next|last) (financial |calendar )?year\b/);
  if (hit) {
    const shift = hit.m[1] === 'next' ? 1 : hit.m[1] === 'last' ? -1 : 0;
    if (hit.m[2] === 'financial ') {
      const fy = (t.month >= 4 ? t.year : t.year - 1) + shift;
      const from = toIsoDate(fy, 4, 1); const to = toIsoDate(fy + 1, 3, 31);
      return window(from, to, `${hit.m[1]} financial year (${dayRange(from, to)})`, today, hit.span);
    }
    const y = t.year + shift;
    return window(toIsoDate(y, 1, 1), toIsoDate(y, 12, 31), `in ${y}`, today, hit.span);
  }
  // between two dates: "between 1 and 15 December", "between 1 December and 15 January".
  hit = find(new RegExp(`\\bbetween (?:the )?(\\d{1,2}(?:st|nd|rd|th)?(?: (?:${MONTH_RE}))?(?: \\d{4})?) and (?:the )?(${DATE_RE})\\b`));
  if (hit) {
    const end = parseDateWords((hit.m[2] ?? '').replace(/^the /, ''), today, past);
    let startText = hit.m[1] ?? '';
    if (end && /^\d{1,2}(?:st|nd|rd|th)?$/.test(startText)) {
      const e = parseIsoDate(end.date);
      startText = `${parseInt(startText, 10)} ${MONTH_NAMES[e.month - 1]?.toLowerCase() ?? ''} ${e.year}`;
    }
    const start = parseDateWords(startText, today, past);
    if (start && end && start.date <= end.date) return window(start.date, end.date, `between ${dayRange(start.date, end.date).replace(' to ', ' and ')}`, today, hit.span);
  }
  // by / before / until an end point.
  hit = find(new RegExp(`\\b${BEFORE_WORDS} (?:the )?((?:end of (?:the )?(?:month of )?)?(?:${MONTH_RE}|week|month|quarter|year|financial year|calendar year)(?: \\d{4})?|(?:${MONTH_RE}) (?:month )?end|christmas(?: day| holidays?)?|xmas|new year|the new year|year end|today|tonight|tomorrow|(?:next )?(?:${WEEKDAY_RE})|${DATE_RE})\\b`));
  if (hit) {
    const end = parseEndPoint(hit.m[1] ?? '', today, past);
    if (end) {
      const before = /^(before|ahead of|prior to)\b/.test(hit.m[0]);
      const to = before && end.kind === 'point' ? addDays(end.to, -1) : end.to;
      const word = before ? 'before' : 'by';
      if (to < today) return window(undefined, to, `${word} ${end.label}`, today, hit.span);
      return window(today, to, `${word} ${end.label} (${dayRange(today, to)})`, today, hit.span, true);
    }
  }
  // after / from / since a point.
  hit = find(new RegExp(`\\b(after|from|since|starting|beginning) (?:the )?(?:start of |beginning of )?(christmas|xmas|new year|(?:${MONTH_RE})(?: \\d{4})?|${DATE_RE})\\b`));
  if (hit) {
    const phrase = hit.m[2] ?? '';
    let from: IsoDate | undefined;
    let label = '';
    const month = new RegExp(`^(${MONTH_RE})(?: (\\d{4}))?$`).exec(phrase);
    if (/^(christmas|xmas)$/.test(phrase)) { from = toIsoDate(t.year, 12, 26); label = `after Christmas (from ${formatDate(from)})`; }
    else if (phrase === 'new year') { from = toIsoDate(t.year + 1, 1, 1); label = `from ${formatDate(from)}`; }
    else if (month) {
      const mm = MONTHS[month[1] ?? ''] ?? 1;
      const y = month[2] ? Number(month[2]) : resolveMonthYear(mm, today, past);
      from = hit.m[1] === 'after' ? addDays(toIsoDate(y, mm, daysInMonth(y, mm)), 1) : toIsoDate(y, mm, 1);
      label = `from ${formatDate(from)}`;
    } else {
      const d = parseDateWords(phrase, today, past);
      if (d) { from = hit.m[1] === 'after' ? addDays(d.date, 1) : d.date; label = `from ${formatDate(from)}`; }
    }
    if (from) return window(from, undefined, label, today, hit.span);
  }
  // Single days.
  hit = find(/\b(today|tomorrow|yesterday|tonight)\b/);
  if (hit) {
    const d = hit.m[1] === 'tomorrow' ? addDays(today, 1) : hit.m[1] === 'yesterday' ? addDays(today, -1) : today;
    return window(d, d, `${hit.m[1] === 'tonight' ? 'today' : hit.m[1]} (${formatDate(d)})`, today, hit.span);
  }
  hit = find(new RegExp(`\\b(?:on |for )?(?:the )?(${DATE_RE})\\b`));
  if (hit) {
    const d = parseDateWords((hit.m[1] ?? '').replace(/^the /, ''), today, past);
    if (d) return window(d.date, d.date, `on ${formatDate(d.date)}`, today, hit.span);
  }
  hit = find(new RegExp(`\\b(?:on|this|next|by) (${WEEKDAY_RE})\\b`));
  if (hit) {
    const base = nextWeekday(today, WEEKDAYS[hit.m[1] ?? ''] ?? 5);
    const d = /^next /.test(hit.m[0]) && base < addDays(endOfWeek(today), 1) ? addDays(base, 7) : base;
    return window(d, d, `on ${formatDate(d)}`, today, hit.span);
  }
  // Whole months: "in December", "December 2026", "were due in October".
  hit = find(new RegExp(`\\b(in|during|for|throughout|across|over|of|due|within)? ?(?:the month of )?(${MONTH_RE})(?: (\\d{4}))?\\b`));
  while (hit) {
    const word = hit.m[2] ?? '';
    const hasYear = Boolean(hit.m[3]);
    const ok = !RISKY_MONTHS.has(word) || hit.m[1] || hasYear;
    if (ok) {
      const month = MONTHS[word] ?? 1;
      const year = hasYear ? Number(hit.m[3]) : resolveMonthYear(month, today, past);
      const from = toIsoDate(year, month, 1);
      const span = { start: hit.m.index + (hit.m[0].length - hit.m[0].trimStart().length), end: hit.span.end };
      return window(from, endOfMonth(from), `in ${monthName(month, year)}`, today, span);
    }
    const rest = lower.slice(hit.span.end);
    const again = new RegExp(`\\b(in|during|for|throughout|across|over|of|due|within)? ?(?:the month of )?(${MONTH_RE})(?: (\\d{4}))?\\b`).exec(rest);
    hit = again ? { m: Object.assign(again, { index: again.index + hit.span.end }), span: { start: again.index + hit.span.end, end: again.index + hit.span.end + again[0].length } } : null;
  }
  return null;
}

function numberWord(n: number): string {
  return ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'][n] ?? String(n);
}
