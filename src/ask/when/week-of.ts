// Weeks named by their place in a month or by a day in them: "the first week of December", "the
// last week of January", "the week of 7 December", "week beginning 7/12", "w/c 7 Dec". A week is
// Monday to Sunday, as elsewhere; the first week of a month is the one holding its first weekday
// (Monday to Friday), because a question about "the first week of March" means the first working
// week, not a Sunday left over from February.
import { MONTH_NAMES, addDays, endOfMonth, endOfWeek, isWeekend, startOfWeek, toIsoDate } from '../../domain/time/index.js';
import type { IsoDate } from '../../domain/plan/types.js';
import { chronoDays } from './chrono-dates.js';
import { MONTH_RE, MONTHS, PAST_TENSE, dayRange, find, nextOrLastMonthYear, resolveMonthYear, window, type Recogniser } from './period.js';

const ORDINALS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, last: -1, final: -1 };
const NTH_WEEK = new RegExp(`\\b(first|1st|second|2nd|third|3rd|fourth|4th|last|final) week (?:of|in) (next |this )?(${MONTH_RE})(?: (\\d{4}))?\\b`);
const WEEK_OF = /\b(?:(?:the )?week (?:of|beginning|commencing|starting)|w\/c|wc|w\.c\.)\s+(.{3,30})/;

function firstWorkingDay(year: number, month: number): IsoDate {
  let d = toIsoDate(year, month, 1);
  while (isWeekend(d)) d = addDays(d, 1);
  return d;
}

function lastWorkingDay(year: number, month: number): IsoDate {
  let d = endOfMonth(toIsoDate(year, month, 1));
  while (isWeekend(d)) d = addDays(d, -1);
  return d;
}

const ORDINAL_WORDS: Record<number, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', [-1]: 'last' };

export const weekOf: Recogniser = ({ text, today, past }) => {
  const nth = find(text, NTH_WEEK);
  if (nth) {
    const n = ORDINALS[nth.m[1] ?? ''] ?? 1;
    const month = MONTHS[nth.m[3] ?? ''] ?? 1;
    const which = nth.m[2]?.trim();
    // "last" in "the last week of January" is not the past tense.
    const pastTense = past && PAST_TENSE.test(text.replace(nth.m[0], ''));
    const year = nth.m[4] ? Number(nth.m[4]) : which === 'next' ? nextOrLastMonthYear(month, today, 'next') : resolveMonthYear(month, today, pastTense);
    const from = n > 0 ? addDays(startOfWeek(firstWorkingDay(year, month)), 7 * (n - 1)) : startOfWeek(lastWorkingDay(year, month));
    const to = endOfWeek(from);
    const name = `${ORDINAL_WORDS[n]} week of ${MONTH_NAMES[month - 1] ?? ''} ${year}`;
    return window(from, to, `in the ${name} (${dayRange(from, to)})`, today, nth.span);
  }
  const of = find(text, WEEK_OF);
  if (!of) return null;
  const offset = of.span.start + of.m[0].length - (of.m[1]?.length ?? 0);
  const [day] = chronoDays(of.m[1] ?? '', today, past);
  if (!day || day.start > 2) return null;
  const from = startOfWeek(day.date);
  const to = endOfWeek(from);
  return window(from, to, `in the week of ${dayRange(from, to)}`, today, { start: of.span.start, end: offset + day.end });
};
