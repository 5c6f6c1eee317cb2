// England and Wales bank holidays and working-day arithmetic (response targets, reminders).
// A shipped table, not a rule engine: one-off holidays (coronations, jubilees) are announced by
// proclamation, so a table plus the extraHolidays hook is what stays correct. Extend the table
// from https://www.gov.uk/bank-holidays before the end of the last covered year.
import type { IsoDate } from './dates.js';
import { addDays, isIsoDate, isWeekend } from './dates.js';

export interface BankHoliday {
  date: IsoDate;
  name: string;
  /** True when the day stands in for a holiday that fell at a weekend. */
  substitute: boolean;
}

const holiday = (date: IsoDate, name: string, substitute = false): BankHoliday => ({ date, name, substitute });

export const BANK_HOLIDAYS_FIRST_YEAR = 2025;
export const BANK_HOLIDAYS_LAST_YEAR = 2028;

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly BankHoliday[] = Object.freeze([
  // 2025: Easter Sunday 20 April.
  holiday('2025-01-01', 'New Year’s Day'),
  holiday('2025-04-18', 'Good Friday'),
  holiday('2025-04-21', 'Easter Monday'),
  holiday('2025-05-05', 'Early May bank holiday'),
  holiday('2025-05-26', 'Spring bank holiday'),
  holiday('2025-08-25', 'Summer bank holiday'),
  holiday('2025-12-25', 'Christmas Day'),
  holiday('2025-12-26', 'Boxing Day'),
  // 2026: Easter Sunday 5 April; Boxing Day is a Saturday, so Monday 28 December stands in.
  holiday('2026-01-01', 'New Year’s Day'),
  holiday('2026-04-03', 'Good Friday'),
  holiday('2026-04-06', 'Easter Monday'),
  holiday('2026-05-04', 'Early May bank holiday'),
  holiday('2026-05-25', 'Spring bank holiday'),
  holiday('2026-08-31', 'Summer bank holiday'),
  holiday('2026-12-25', 'Christmas Day'),
  holiday('2026-12-28', 'Boxing Day', true),
  // 2027: Easter Sunday 28 March; Christmas is a Saturday and Boxing Day a Sunday, so Monday 27
  // and Tuesday 28 December stand in.
  holiday('2027-01-01', 'New Year’s Day'),
  holiday('2027-03-26', 'Good Friday'),
  holiday('2027-03-29', 'Easter Monday'),
  holiday('2027-05-03', 'Early May bank holiday'),
  holiday('2027-05-31', 'Spring bank holiday'),
  holiday('2027-08-30', 'Summer bank holiday'),
  holiday('2027-12-27', 'Christmas Day', true),
  holiday('2027-12-28', 'Boxing Day', true),
  // 2028: New Year's Day is a Saturday, so Monday 3 January stands in; Easter Sunday 16 April.
  holiday('2028-01-03', 'New Year’s Day', true),
  holiday('2028-04-14', 'Good Friday'),
  holiday('2028-04-17', 'Easter Monday'),
  holiday('2028-05-01', 'Early May bank holiday'),
  holiday('2028-05-29', 'Spring bank holiday'),
  holiday('2028-08-28', 'Summer bank holiday'),
  holiday('2028-12-25', 'Christmas Day'),
  holiday('2028-12-26', 'Boxing Day'),
]);

export interface WorkingCalendar {
  isBankHoliday(d: IsoDate): boolean;
  /** Monday to Friday and not a bank holiday (or configured extra holiday). */
  isWorkingDay(d: IsoDate): boolean;
  /** d itself when it is a working day, otherwise the next one. */
  nextWorkingDay(d: IsoDate): IsoDate;
  /** Steps n working days forward (n > 0) or back (n < 0); every step lands on a working day. n = 0 returns d. */
  addWorkingDays(d: IsoDate, n: number): IsoDate;
  /**
   * Working days after a up to and including b; negative when b is before a (antisymmetric).
   * When a and b are working days, addWorkingDays(a, workingDaysBetween(a, b)) === b.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number;
  /** The date n working days before end (n ≥ 0), e.g. when to send a reminder. */
  workingDaysBefore(end: IsoDate, n: number): IsoDate;
}

function assertDate(d: IsoDate): void {
  if (!isIsoDate(d)) throw new RangeError(`Not a valid date (expected YYYY-MM-DD): ${JSON.stringify(d)}`);
}

/** A calendar of England and Wales working days; extraHolidays adds local closures from config. */
export function createWorkingCalendar(extraHolidays: IsoDate[] = []): WorkingCalendar {
  extraHolidays.forEach(assertDate);
  const holidays = new Set<IsoDate>([...ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => h.date), ...extraHolidays]);

  const isBankHoliday = (d: IsoDate): boolean => {
    assertDate(d);
    return holidays.has(d);
  };
  const isWorkingDay = (d: IsoDate): boolean => !isWeekend(d) && !isBankHoliday(d);

  const addWorkingDays = (d: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, got ${n}`);
    assertDate(d);
    const step = n < 0 ? -1 : 1;
    let at = d;
    for (let left = Math.abs(n); left > 0; ) {
      at = addDays(at, step);
      if (isWorkingDay(at)) left--;
    }
    return at;
  };

  return {
    isBankHoliday,
    isWorkingDay,
    nextWorkingDay(d) {
      let at = d;
      while (!isWorkingDay(at)) at = addDays(at, 1);
      return at;
    },
    addWorkingDays,
    workingDaysBetween(a, b) {
      assertDate(a);
      assertDate(b);
      if (a === b) return 0;
      const [from, to, sign] = a < b ? [a, b, 1] : [b, a, -1]; // ISO dates sort as strings
      let count = 0;
      for (let at = addDays(from, 1); at <= to; at = addDays(at, 1)) {
        if (isWorkingDay(at)) count++;
      }
      return sign * count;
    },
    workingDaysBefore(end, n) {
      if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days before must be a whole number ≥ 0, got ${n}`);
      return addWorkingDays(end, -n);
    },
  };
}
