// Calendar arithmetic on plain ISO dates ('YYYY-MM-DD'). A date without a time has no time zone,
// so all of this runs on UTC day numbers: no DST, no host time zone, no surprises.
/** A date without a time, 'YYYY-MM-DD' (due dates, London days). */
export type IsoDate = string;

export interface IsoDateParts {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function partsOf(s: string): IsoDateParts | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  // Year 0000 is not a real year in our world; months and days are checked against the calendar.
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Strict: exactly 'YYYY-MM-DD' and a real calendar day (rejects 2026-02-30, 2025-02-29). */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && partsOf(s) !== null;
}

/** Splits a valid ISO date into numbers; throws RangeError for anything else. */
export function parseIsoDate(s: string): IsoDateParts {
  const parts = partsOf(s);
  if (!parts) throw new RangeError(`Not a valid date (expected YYYY-MM-DD): ${JSON.stringify(s)}`);
  return parts;
}

/** Builds an ISO date from numbers; throws RangeError if the day does not exist. */
export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  parseIsoDate(s); // validates
  return s;
}

// Days since 1970-01-01. setUTCFullYear avoids Date.UTC's 0-99 => 1900s quirk.
function dayNumber(d: IsoDate): number {
  const { year, month, day } = parseIsoDate(d);
  const at = new Date(0);
  at.setUTCFullYear(year, month - 1, day);
  return Math.round(at.getTime() / MS_PER_DAY);
}

function fromDayNumber(n: number): IsoDate {
  const at = new Date(n * MS_PER_DAY);
  return toIsoDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

function assertWholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  assertWholeNumber(n, 'Days');
  return fromDayNumber(dayNumber(d) + n);
}

/** Whole days from a to b (b − a): diffDays('2026-01-01', '2026-01-03') === 2. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function dayOfWeek(d: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(d) + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(d: IsoDate): boolean {
  return dayOfWeek(d) >= 6;
}

/** The Monday of d's week (UK weeks run Monday to Sunday). */
export function startOfWeek(d: IsoDate): IsoDate {
  return addDays(d, 1 - dayOfWeek(d));
}

/** The Sunday of d's week. */
export function endOfWeek(d: IsoDate): IsoDate {
  return addDays(d, 7 - dayOfWeek(d));
}

export function startOfMonth(d: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(d);
  return toIsoDate(year, month, 1);
}

export function endOfMonth(d: IsoDate): IsoDate {
  const { year, month } = parseIsoDate(d);
  return toIsoDate(year, month, daysInMonth(year, month));
}
