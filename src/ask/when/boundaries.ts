// Windows with one end the question names: "by / before / until X" (from today to X), "after /
// from / since X" (open-ended), "between X and Y". X is read by chrono when it is a day, and by
// the domain's calendar when it is a month, the end of something, Christmas, Easter, a bank
// holiday or a school term.
import type { IsoDate } from '../../domain/plan/types.js';
import {
  addDays, daysInMonth, easterSunday, endOfMonth, endOfWeek, ENGLAND_AND_WALES_BANK_HOLIDAYS, financialQuarter, formatDate, parseIsoDate, toIsoDate,
} from '../../domain/time/index.js';
import { chronoDay, chronoDays } from './chrono-dates.js';
import { BEFORE_WORDS, MONTH_RE, MONTHS, WEEKDAY_RE, dayRange, find, monthName, resolveMonthYear, window, type Ctx, type Recogniser } from './period.js';
import { workingWeekStart } from './relative.js';
import { termEndPoint } from './terms.js';

/** 'end': "the end of November" (before = by); 'point': a day ("before" stops the day before); 'start': a month or a holiday that begins then. */
type EndPoint = { to: IsoDate; label: string; kind: 'end' | 'point' | 'start' };

function endOf(what: string, today: IsoDate): EndPoint {
  const t = parseIsoDate(today);
  switch (what) {
    // At a weekend the working week is over: "by the end of the week" means the week ahead.
    case 'week': return { to: endOfWeek(workingWeekStart(today)), label: 'the end of this week', kind: 'end' };
    case 'month': return { to: endOfMonth(today), label: `the end of ${monthName(t.month, t.year)}`, kind: 'end' };
    case 'quarter': { const q = financialQuarter(today); return { to: q.end, label: `the end of this quarter (${q.label})`, kind: 'end' }; }
    case 'financial year': return { to: toIsoDate(t.month >= 4 ? t.year + 1 : t.year, 3, 31), label: 'the end of the financial year', kind: 'end' };
    default: return { to: toIsoDate(t.year, 12, 31), label: `the end of ${t.year}`, kind: 'end' };
  }
}

/** The end of a financial quarter named by number, in this financial year (Q1 April–June … Q4 January–March). */
function quarterEnd(n: number, today: IsoDate): EndPoint {
  const t = parseIsoDate(today);
  const fyStart = t.month >= 4 ? t.year : t.year - 1;
  const q = financialQuarter(toIsoDate(n === 4 ? fyStart + 1 : fyStart, n === 4 ? 1 : 1 + n * 3, 1));
  return { to: q.end, label: `the end of ${q.label}`, kind: 'end' };
}

/** Christmas, Easter, the new year and bank holidays: named days of the calendar. */
function namedDay(p: string, today: IsoDate): EndPoint | null {
  const t = parseIsoDate(today);
  if (/^(?:the )?(?:new year|year end)$/.test(p)) return { to: toIsoDate(t.year, 12, 31), label: `the end of ${t.year}`, kind: 'end' };
  if (/^(?:christmas(?: day| holidays?)?|xmas)$/.test(p)) {
    const year = today > toIsoDate(t.year, 12, 25) ? t.year + 1 : t.year;
    return { to: toIsoDate(year, 12, 25), label: 'Christmas', kind: 'point' };
  }
  if (/^easter(?: sunday)?$/.test(p)) {
    const e = easterSunday(t.year) >= today ? easterSunday(t.year) : easterSunday(t.year + 1);
    return { to: e, label: `Easter (${formatDate(e)})`, kind: 'point' };
  }
  if (/^(?:the )?(?:next )?bank holiday$/.test(p)) {
    const b = ENGLAND_AND_WALES_BANK_HOLIDAYS.find((h) => h.date >= today);
    return b ? { to: b.date, label: `the bank holiday (${b.name}, ${formatDate(b.date)})`, kind: 'point' } : null;
  }
  return null;
}

function monthEnd(p: string, ctx: Ctx): EndPoint | null {
  const m = new RegExp(`^end of (?:the month of )?(${MONTH_RE})(?: (\\d{4}))?$`).exec(p) ?? new RegExp(`^(${MONTH_RE}) (?:month )?end$`).exec(p);
  if (m) {
    const month = MONTHS[m[1] ?? ''] ?? 1;
    const year = m[2] ? Number(m[2]) : resolveMonthYear(month, ctx.today, ctx.past);
    return { to: toIsoDate(year, month, daysInMonth(year, month)), label: `the end of ${monthName(month, year)}`, kind: 'end' };
  }
  const whole = new RegExp(`^(${MONTH_RE})(?: (\\d{4}))?$`).exec(p);
  if (!whole) return null;
  const month = MONTHS[whole[1] ?? ''] ?? 1;
  const year = whole[2] ? Number(whole[2]) : resolveMonthYear(month, ctx.today, ctx.past);
  return { to: addDays(toIsoDate(year, month, 1), -1), label: monthName(month, year), kind: 'start' };
}

/** "the 30th", "the 3rd": the next day of the month with that number, today included. */
function dayOfMonth(phrase: string, today: IsoDate): IsoDate | null {
  const m = /^(?:the )?(\d{1,2})(?:st|nd|rd|th)$/.exec(phrase) ?? /^the (\d{1,2})$/.exec(phrase);
  const day = Number(m?.[1] ?? 0);
  if (!m || day < 1 || day > 31) return null;
  const t = parseIsoDate(today);
  for (let k = 0; k < 3; k++) {
    const year = t.year + Math.floor((t.month - 1 + k) / 12);
    const month = ((t.month - 1 + k) % 12) + 1;
    if (day > daysInMonth(year, month)) continue;
    const d = toIsoDate(year, month, day);
    if (d >= today) return d;
  }
  return null;
}

function endPoint(phrase: string, ctx: Ctx): EndPoint | { missing: string; label: string } | null {
  const nth = dayOfMonth(phrase, ctx.today);
  if (nth) return { to: nth, label: formatDate(nth), kind: 'point' };
  const p = phrase.replace(/^the /, '');
  const end = /^end of (?:the |this )?(week|month|quarter|year|financial year|calendar year)$/.exec(p);
  if (end) return endOf(end[1] ?? 'year', ctx.today);
  const quarter = /^end of (?:q|quarter )([1-4])$/.exec(p);
  if (quarter) return quarterEnd(Number(quarter[1]), ctx.today);
  const found = termEndPoint(ctx, p) ?? namedDay(p, ctx.today) ?? monthEnd(p, ctx);
  if (found) return found;
  const day = chronoDay(p, ctx.today, ctx.past);
  return day ? { to: day, label: formatDate(day), kind: 'point' } : null;
}

const BEFORE_RE = new RegExp(`\\b${BEFORE_WORDS} ((?:the )?[a-z0-9/-]{1,12}(?: [a-z0-9/,-]{1,12}){0,4})`);

export const byOrBefore: Recogniser = (ctx) => {
  const hit = find(ctx.text, BEFORE_RE);
  if (!hit) return null;
  // The longest leading run of words that names an end point: "by friday for ws2" reads "friday".
  const words = (hit.m[1] ?? '').split(' ');
  for (let n = words.length; n > 0; n--) {
    const phrase = words.slice(0, n).join(' ').replace(/,$/, '');
    const end = endPoint(phrase, ctx);
    if (!end) continue;
    const span = { start: hit.span.start, end: hit.span.start + hit.m[0].length - (hit.m[1] ?? '').length + phrase.length };
    const before = /^(before|ahead of|prior to|this side of)\b/.test(hit.m[0]);
    const word = before ? 'before' : 'by';
    if ('missing' in end) return { ...span, label: `${word} ${end.label}`, past: false, fromToday: true, missing: end.missing, source: 'calendar' };
    const to = before && end.kind === 'point' ? addDays(end.to, -1) : end.to;
    if (to < ctx.today) return window(undefined, to, `${word} ${end.label}`, ctx.today, span);
    return window(ctx.today, to, `${word} ${end.label} (${dayRange(ctx.today, to)})`, ctx.today, span, true);
  }
  return null;
};

const BETWEEN_NAMED = new RegExp(`\\bbetween (?:now|today|christmas|xmas|easter|(?:the )?new year|(?:${MONTH_RE})(?: \\d{4})?) and (?:christmas|xmas|easter|(?:the )?new year|(?:${MONTH_RE})(?: \\d{4})?)\\b`);

/** One end of "between Christmas and New Year", "between January and March": its first or last day. */
function namedEnd(phrase: string, ctx: Ctx, side: 'from' | 'to', after?: IsoDate): IsoDate | null {
  const t = parseIsoDate(ctx.today);
  if (/^(?:now|today)$/.test(phrase)) return ctx.today;
  if (/^(?:the )?new year$/.test(phrase)) {
    const year = after && after >= toIsoDate(t.year + 1, 1, 1) ? t.year + 2 : t.year + 1;
    return toIsoDate(year, 1, 1);
  }
  const named = namedDay(phrase.replace(/^xmas$/, 'christmas'), ctx.today);
  if (named) return named.to;
  const m = new RegExp(`^(${MONTH_RE})(?: (\\d{4}))?$`).exec(phrase);
  if (!m) return null;
  const month = MONTHS[m[1] ?? ''] ?? 1;
  let year = m[2] ? Number(m[2]) : resolveMonthYear(month, ctx.today, ctx.past);
  // "between November and March": the end month falls after the start.
  if (!m[2] && after && toIsoDate(year, month, daysInMonth(year, month)) < after) year += 1;
  return side === 'from' ? toIsoDate(year, month, 1) : toIsoDate(year, month, daysInMonth(year, month));
}

export const between: Recogniser = (ctx) => {
  const named = find(ctx.text, BETWEEN_NAMED);
  if (named) {
    const [a = '', b = ''] = named.m[0].replace(/^between /, '').split(' and ');
    const start = namedEnd(a, ctx, 'from');
    const end = start ? namedEnd(b, ctx, 'to', start) : null;
    if (start && end && start <= end) return window(start, end, `between ${dayRange(start, end).replace(' to ', ' and ')}`, ctx.today, named.span);
  }
  const numeric = find(ctx.text, /\b(?:between|from) (\d{1,2}\/\d{1,2}(?:\/\d{2,4})?) (?:and|to|until|till|-) (\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)\b/);
  if (numeric) {
    // "between 1/12 and 11/12": British day-first dates at both ends.
    const start = chronoDay(numeric.m[1] ?? '', ctx.today, ctx.past);
    const end = chronoDay(numeric.m[2] ?? '', ctx.today, ctx.past);
    if (start && end && start <= end) return { ...window(start, end, `between ${dayRange(start, end).replace(' to ', ' and ')}`, ctx.today, numeric.span), source: 'chrono' };
  }
  const hit = find(ctx.text, /\bbetween (?:the )?(\d{1,2}(?:st|nd|rd|th)?(?: [a-z]{3,9})?(?: \d{4})?) and ((?:the )?\d{1,2}(?:st|nd|rd|th)?(?: of)? [a-z]{3,9}(?: \d{4})?)/);
  if (!hit) return null;
  const end = chronoDay(hit.m[2] ?? '', ctx.today, ctx.past);
  if (!end) return null;
  let startText = hit.m[1] ?? '';
  if (/^\d{1,2}(?:st|nd|rd|th)?$/.test(startText)) startText = `${parseInt(startText, 10)} ${hit.m[2]?.replace(/^(?:the )?\d{1,2}(?:st|nd|rd|th)?(?: of)? /, '')}`;
  const start = chronoDay(startText, ctx.today, ctx.past);
  if (!start || start > end) return null;
  return { ...window(start, end, `between ${dayRange(start, end).replace(' to ', ' and ')}`, ctx.today, hit.span), source: 'chrono' };
};

export const afterOrSince: Recogniser = (ctx) => {
  // "in the new year": from 1 January on.
  const newYear = find(ctx.text, /\b(?:in|into|early in) the new year\b/);
  if (newYear) {
    const from = toIsoDate(parseIsoDate(ctx.today).year + 1, 1, 1);
    return window(from, undefined, `in the new year (from ${formatDate(from)})`, ctx.today, newYear.span);
  }
  const hit = find(ctx.text, new RegExp(`\\b(after|from|since|starting|beginning) (?:the )?(?:start of |beginning of )?(christmas|xmas|easter|new year|(?:${MONTH_RE})(?: \\d{4})?\\b|[a-z0-9/-]{1,12}(?: [a-z0-9-]{1,12}){0,2})`));
  if (!hit) return null;
  const t = parseIsoDate(ctx.today);
  const after = hit.m[1] === 'after';
  // "since Monday" looks back: the Monday just gone, not the coming one.
  const past = ctx.past || hit.m[1] === 'since';
  const phrase = hit.m[2] ?? '';
  let from: IsoDate | undefined;
  const month = new RegExp(`^(${MONTH_RE})(?: (\\d{4}))?$`).exec(phrase);
  if (/^(christmas|xmas)$/.test(phrase)) from = toIsoDate(t.year, 12, 26);
  else if (phrase === 'easter') from = addDays(namedDay('easter', ctx.today)?.to ?? ctx.today, 1);
  else if (phrase === 'new year') from = toIsoDate(t.year + 1, 1, 1);
  else if (month) {
    const mm = MONTHS[month[1] ?? ''] ?? 1;
    const y = month[2] ? Number(month[2]) : resolveMonthYear(mm, ctx.today, past);
    from = after ? addDays(toIsoDate(y, mm, daysInMonth(y, mm)), 1) : toIsoDate(y, mm, 1);
  } else {
    const [d] = chronoDays(phrase, ctx.today, past);
    // chrono reads a bare weekday as the nearest one; "since Monday" is the one before today.
    if (d && d.start === 0 && hit.m[1] === 'since' && d.date > ctx.today && new RegExp(`^(?:${WEEKDAY_RE})$`).test(phrase)) from = addDays(d.date, -7);
    else if (d && d.start === 0) from = after ? addDays(d.date, 1) : d.date;
  }
  if (!from) return null;
  const label = phrase === 'christmas' || phrase === 'xmas' ? `after Christmas (from ${formatDate(from)})` : `from ${formatDate(from)}`;
  return window(from, undefined, label, ctx.today, hit.span);
};

/** "due on the 30th": one day, the next with that number. */
export const nthDay: Recogniser = (ctx) => {
  const hit = find(ctx.text, /\b(?:on|for) (the \d{1,2}(?:st|nd|rd|th)?)\b(?! (?:of )?[a-z]{3,9}\b)/);
  const day = hit ? dayOfMonth(hit.m[1] ?? '', ctx.today) : null;
  if (!hit || !day) return null;
  return window(day, day, `on ${formatDate(day)}`, ctx.today, hit.span);
};

/** "on Christmas Day", "Boxing Day", "New Year's Day": one named day, the next one. */
export const namedHoliday: Recogniser = (ctx) => {
  const hit = find(ctx.text, /\b(christmas day|xmas day|boxing day|new year'?s day|christmas eve|new year'?s eve)\b/);
  if (!hit) return null;
  const t = parseIsoDate(ctx.today);
  const name = hit.m[1] ?? '';
  const [month, day] = /boxing/.test(name) ? [12, 26] : /eve/.test(name) ? (/new/.test(name) ? [12, 31] : [12, 24]) : /new/.test(name) ? [1, 1] : [12, 25];
  let d = toIsoDate(t.year, month, day);
  if (d < ctx.today && !ctx.past) d = toIsoDate(t.year + 1, month, day);
  return window(d, d, `on ${formatDate(d)}`, ctx.today, hit.span);
};
