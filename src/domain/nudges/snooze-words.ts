// "until Monday", "until 1 December", "for two weeks": the day reminders resume. Pure.
import type { IsoDate } from '../plan/types.js';
import { addDays, dayOfWeek, daysInMonth, isIsoDate, parseIsoDate, toIsoDate } from '../time/dates.js';

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const WEEKDAYS: Record<string, number> = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, fourteen: 14 };
const MONTH_RE = Object.keys(MONTHS).join('|');
const WEEKDAY_RE = Object.keys(WEEKDAYS).join('|');

/** A day and month without a year: the next time it comes round after today. */
function nextDayMonth(today: IsoDate, month: number, day: number): IsoDate | null {
  const { year } = parseIsoDate(today);
  for (const y of [year, year + 1]) {
    if (day > daysInMonth(y, month)) continue;
    const d = toIsoDate(y, month, day);
    if (d > today) return d;
  }
  return null;
}

/**
 * The day named after "until/till/to/for" in `text` (lower case), always after today; null when
 * there is none. A year-less date that has passed means next year; "until Monday" on a Monday is
 * a week today.
 */
export function parseResumeDate(text: string, today: IsoDate): IsoDate | null {
  const t = text.toLowerCase().replace(/[,.]/g, ' ').replace(/\s+/g, ' ').trim();
  let m: RegExpExecArray | null;

  if ((m = /\bfor (?:the next )?(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen) (day|days|week|weeks|fortnight)\b/.exec(t))) {
    const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : NUMBERS[m[1]!] ?? 1;
    const days = m[2]!.startsWith('week') ? n * 7 : m[2] === 'fortnight' ? n * 14 : n;
    return days > 0 && days <= 366 ? addDays(today, days) : null;
  }
  if (/\bfor a fortnight\b/.test(t)) return addDays(today, 14);
  if (/\btomorrow\b/.test(t)) return addDays(today, 1);
  if (/\bnext week\b/.test(t)) return addDays(today, 8 - dayOfWeek(today));
  if ((m = /\b(\d{4}-\d{2}-\d{2})\b/.exec(t))) return isIsoDate(m[1]) && m[1] > today ? m[1] : null;
  if ((m = /\b(\d{1,2})\/(\d{1,2})(?:\/(\d{2,4}))?\b/.exec(t))) {
    const day = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    if (m[3]) {
      const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
      if (day < 1 || day > daysInMonth(year, month)) return null;
      const d = toIsoDate(year, month, day);
      return d > today ? d : null;
    }
    return day >= 1 ? nextDayMonth(today, month, day) : null;
  }
  const monthFirst = new RegExp(`\\b(${MONTH_RE}) (\\d{1,2})(?:st|nd|rd|th)?(?: (\\d{4}))?\\b`).exec(t);
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(${MONTH_RE})(?: (\\d{4}))?\\b`).exec(t)
    ?? (monthFirst ? [monthFirst[0], monthFirst[2], monthFirst[1], monthFirst[3]] : null);
  if (dayMonth) {
    const day = Number(dayMonth[1]);
    const month = MONTHS[dayMonth[2]!]!;
    if (dayMonth[3]) {
      const year = Number(dayMonth[3]);
      if (day < 1 || day > daysInMonth(year, month)) return null;
      const d = toIsoDate(year, month, day);
      return d > today ? d : null;
    }
    return day >= 1 && day <= 31 ? nextDayMonth(today, month, day) : null;
  }
  if ((m = new RegExp(`\\b(?:next )?(${WEEKDAY_RE})\\b`).exec(t))) {
    const target = WEEKDAYS[m[1]!]!;
    const ahead = ((target - dayOfWeek(today) + 7) % 7) || 7;
    return addDays(today, ahead);
  }
  return null;
}
