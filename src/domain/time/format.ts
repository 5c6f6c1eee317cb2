// British English date wording for cards and chat. Own tables rather than Intl so wording never
// shifts with the ICU build, and so every phrase is plain enough for young people to read.
import type { IsoDate } from './dates.js';
import { dayOfWeek, diffDays, parseIsoDate } from './dates.js';
import { londonDate, londonTime } from './london.js';

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '';
}

/** '14 November 2026' (no leading zero, no comma: GOV.UK style). */
export function formatDate(d: IsoDate): string {
  const { year, month, day } = parseIsoDate(d);
  return `${day} ${monthName(month)} ${year}`;
}

/** 'Saturday 14 November 2026'. */
export function formatLongDate(d: IsoDate): string {
  return `${WEEKDAY_NAMES[dayOfWeek(d) - 1] ?? ''} ${formatDate(d)}`;
}

/** '14 Nov 2026'; September is 'Sept', as British English (and en-GB in CLDR) abbreviates it. */
export function formatShortDate(d: IsoDate): string {
  const { year, month, day } = parseIsoDate(d);
  const name = monthName(month);
  return `${day} ${month === 9 ? 'Sept' : name.slice(0, 3)} ${year}`;
}

/** 'Wednesday 25 November 2026 at 13:30', in London time whatever the server's zone. */
export function formatWhen(instant: Date): string {
  return `${formatLongDate(londonDate(instant))} at ${londonTime(instant)}`;
}

/** '1 day', '37 days', '0 days'. */
export function formatDays(n: number): string {
  return `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`;
}

/** 'due today', 'due tomorrow', 'due in 5 days', '1 day late', '8 days late'. */
export function formatRelativeDue(due: IsoDate, today: IsoDate): string {
  const days = diffDays(today, due);
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  if (days > 1) return `due in ${formatDays(days)}`;
  return `${formatDays(-days)} late`;
}
