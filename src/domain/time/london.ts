// Europe/London wall-clock conversions. The partnership works in London time all year, so an
// instant's "day" is the London calendar day (BST in summer, GMT in winter), never the host's.
import type { IsoDate } from './dates.js';
import { parseIsoDate, toIsoDate } from './dates.js';

export const LONDON_TIME_ZONE = 'Europe/London';

// One formatter, built once: formatToParts gives numbers without locale punctuation games.
// hourCycle h23 stops some ICU builds printing midnight as "24".
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError(`Not a valid instant: ${String(instant)}`);
  }
}

function londonWallClock(instant: Date): WallClock {
  assertInstant(instant);
  const parts: Record<string, number> = {};
  for (const p of wallClock.formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: (parts.hour ?? NaN) % 24,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

/** The London calendar day of an instant: 2026-06-30T23:30Z is '2026-07-01'. */
export function londonDate(instant: Date): IsoDate {
  const w = londonWallClock(instant);
  return toIsoDate(w.year, w.month, w.day);
}

/** London wall-clock time as 'HH:MM' (24-hour), e.g. '13:30'. */
export function londonTime(instant: Date): string {
  const w = londonWallClock(instant);
  return `${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
}

/** Minutes London is ahead of UTC at an instant: 0 (GMT) or 60 (BST). */
export function londonOffsetMinutes(instant: Date): number {
  const w = londonWallClock(instant);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const whole = Math.floor(instant.getTime() / 1000) * 1000; // formatter drops milliseconds
  return Math.round((asUtc - whole) / 60_000);
}

const HHMM = /^(\d{1,2}):(\d{2})$/;

/**
 * The instant a London wall-clock time happens. Clock changes are resolved like calendar apps do:
 * a time skipped in spring (01:30 on the last Sunday of March) moves forward an hour (02:30 BST);
 * a time repeated in autumn (01:30 on the last Sunday of October) means the first one (BST).
 */
export function londonDateTimeToInstant(date: IsoDate, hhmm: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const m = HHMM.exec(hhmm);
  const hour = Number(m?.[1]);
  const minute = Number(m?.[2]);
  if (!m || hour > 23 || minute > 59) throw new RangeError(`Not a valid time (expected HH:MM): ${JSON.stringify(hhmm)}`);

  // Pretend the wall clock is UTC, then subtract each offset London uses around that day and keep
  // the candidates that really show this wall clock in London.
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = londonOffsetMinutes(new Date(wall - 86_400_000));
  const after = londonOffsetMinutes(new Date(wall + 86_400_000));
  const candidates = [...new Set([before, after])]
    .map((offset) => wall - offset * 60_000)
    .filter((t) => {
      const w = londonWallClock(new Date(t));
      return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) === wall;
    })
    .sort((a, b) => a - b);
  // No candidate: the time fell in the spring gap; using the pre-change offset moves it forward.
  return new Date(candidates[0] ?? wall - before * 60_000);
}

/** The instant the London day starts (00:00 London): 23:00Z the day before in summer. */
export function londonMidnight(date: IsoDate): Date {
  return londonDateTimeToInstant(date, '00:00');
}
