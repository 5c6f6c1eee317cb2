import { describe, expect, it } from 'vitest';
import {
  BANK_HOLIDAYS_FIRST_YEAR, BANK_HOLIDAYS_LAST_YEAR, ENGLAND_AND_WALES_BANK_HOLIDAYS, createWorkingCalendar,
} from '../../../src/domain/time/bank-holidays.js';
import { addDays, dayOfWeek, toIsoDate } from '../../../src/domain/time/dates.js';

const cal = createWorkingCalendar();

// Every date, spelled out by hand from the GOV.UK list (2025–2026) and the statutory rules (2027–2028).
const EXPECTED: Record<number, string[]> = {
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
  2028: ['2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26'],
};

// An independent check: Easter by the anonymous Gregorian algorithm plus the bank holiday rules.
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return toIsoDate(year, month, day);
}

function firstMonday(year: number, month: number): string {
  let d = toIsoDate(year, month, 1);
  while (dayOfWeek(d) !== 1) d = addDays(d, 1);
  return d;
}

function lastMonday(year: number, month: number): string {
  let d = addDays(toIsoDate(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1), -1);
  while (dayOfWeek(d) !== 1) d = addDays(d, -1);
  return d;
}

function byRule(year: number): string[] {
  const newYear = toIsoDate(year, 1, 1);
  const newYearObserved = dayOfWeek(newYear) === 6 ? addDays(newYear, 2) : dayOfWeek(newYear) === 7 ? addDays(newYear, 1) : newYear;
  const easter = easterSunday(year);
  const christmas = toIsoDate(year, 12, 25);
  const wd = dayOfWeek(christmas);
  // Saturday: Mon+Tue; Sunday: Mon (Boxing Day) + Tue; Friday: Fri + Mon; otherwise the 25th and 26th.
  const christmasPair =
    wd === 6 ? [addDays(christmas, 2), addDays(christmas, 3)]
      : wd === 7 ? [addDays(christmas, 1), addDays(christmas, 2)]
        : wd === 5 ? [christmas, addDays(christmas, 3)]
          : [christmas, addDays(christmas, 1)];
  return [
    newYearObserved, addDays(easter, -2), addDays(easter, 1), firstMonday(year, 5), lastMonday(year, 5),
    lastMonday(year, 8), ...christmasPair,
  ];
}

describe('the bank holiday table', () => {
  it('covers 2025 to 2028', () => {
    expect(BANK_HOLIDAYS_FIRST_YEAR).toBe(2025);
    expect(BANK_HOLIDAYS_LAST_YEAR).toBe(2028);
    expect(ENGLAND_AND_WALES_BANK_HOLIDAYS).toHaveLength(32);
  });

  it.each(Object.keys(EXPECTED).map(Number))('%i matches the hand list and the rules', (year) => {
    const dates = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);
    expect(dates).toEqual(EXPECTED[year]);
    expect(dates).toEqual(byRule(year));
  });

  it('has Easter on the right Sundays', () => {
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2028)).toBe('2028-04-16');
  });

  it.each(ENGLAND_AND_WALES_BANK_HOLIDAYS.map((h) => [h.date, h.name] as const))('%s (%s) is a weekday holiday, not a working day', (date) => {
    expect(dayOfWeek(date)).toBeLessThanOrEqual(5);
    expect(cal.isBankHoliday(date)).toBe(true);
    expect(cal.isWorkingDay(date)).toBe(false);
  });

  it('marks the substitute days', () => {
    const substitutes = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.substitute).map((h) => h.date);
    expect(substitutes).toEqual(['2026-12-28', '2027-12-27', '2027-12-28', '2028-01-03']);
  });

  it('does not treat the weekend days the substitutes replace as holidays', () => {
    expect(cal.isBankHoliday('2026-12-26')).toBe(false);
    expect(cal.isBankHoliday('2027-12-25')).toBe(false);
    expect(cal.isBankHoliday('2028-01-01')).toBe(false);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(ENGLAND_AND_WALES_BANK_HOLIDAYS)).toBe(true);
  });
});

describe('working days', () => {
  it('treats weekends as non-working', () => {
    expect(cal.isWorkingDay('2026-11-13')).toBe(true); // Friday
    expect(cal.isWorkingDay('2026-11-14')).toBe(false); // Saturday
    expect(cal.isWorkingDay('2026-11-15')).toBe(false); // Sunday
    expect(cal.isBankHoliday('2026-11-14')).toBe(false);
  });

  it('finds the next working day (the day itself when it is one)', () => {
    expect(cal.nextWorkingDay('2026-11-12')).toBe('2026-11-12');
    expect(cal.nextWorkingDay('2026-11-14')).toBe('2026-11-16');
    expect(cal.nextWorkingDay('2026-12-25')).toBe('2026-12-29'); // Fri, Sat, Sun, substitute Mon
    expect(cal.nextWorkingDay('2027-12-25')).toBe('2027-12-29');
    expect(cal.nextWorkingDay('2026-04-03')).toBe('2026-04-07'); // Good Friday to Tuesday
    expect(cal.nextWorkingDay('2027-12-31')).toBe('2027-12-31'); // a Friday
    expect(cal.nextWorkingDay('2028-01-01')).toBe('2028-01-04'); // Sat, Sun, substitute Mon
  });

  it('adds working days across Christmas', () => {
    expect(cal.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(cal.addWorkingDays('2026-12-23', 5)).toBe('2027-01-04'); // 24, 29, 30, 31, (1 Jan off), 4
    expect(cal.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29');
    expect(cal.addWorkingDays('2028-12-22', 1)).toBe('2028-12-27');
  });

  it('adds working days across Easter', () => {
    expect(cal.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(cal.addWorkingDays('2027-03-25', 2)).toBe('2027-03-31');
    expect(cal.addWorkingDays('2028-04-13', 1)).toBe('2028-04-18');
    expect(cal.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
  });

  it('goes backwards with a negative count', () => {
    expect(cal.addWorkingDays('2026-12-29', -1)).toBe('2026-12-24');
    expect(cal.addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
    expect(cal.addWorkingDays('2026-11-16', -1)).toBe('2026-11-13');
    expect(cal.addWorkingDays('2026-11-14', 0)).toBe('2026-11-14');
  });

  it('adds ordinary working days over weekends', () => {
    expect(cal.addWorkingDays('2026-11-13', 1)).toBe('2026-11-16');
    expect(cal.addWorkingDays('2026-11-14', 1)).toBe('2026-11-16');
    expect(cal.addWorkingDays('2026-11-09', 10)).toBe('2026-11-23');
  });

  it('counts working days between dates (after a, up to and including b)', () => {
    expect(cal.workingDaysBetween('2026-11-09', '2026-11-13')).toBe(4);
    expect(cal.workingDaysBetween('2026-11-13', '2026-11-16')).toBe(1);
    expect(cal.workingDaysBetween('2026-11-13', '2026-11-13')).toBe(0);
    expect(cal.workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1);
    expect(cal.workingDaysBetween('2026-12-18', '2027-01-08')).toBe(12); // three weeks less 3 holidays
    expect(cal.workingDaysBetween('2026-04-02', '2026-04-07')).toBe(1);
    expect(cal.workingDaysBetween('2026-11-16', '2026-11-13')).toBe(-1);
  });

  it('is consistent with addWorkingDays', () => {
    for (const [a, n] of [['2026-12-21', 7], ['2027-03-24', 5], ['2028-12-20', 9], ['2026-05-01', 3]] as const) {
      const b = cal.addWorkingDays(a, n);
      expect(cal.workingDaysBetween(a, b)).toBe(n);
      expect(cal.workingDaysBetween(b, a)).toBe(-n);
      expect(cal.addWorkingDays(b, -n)).toBe(a);
    }
  });

  it('finds the date n working days before a deadline', () => {
    expect(cal.workingDaysBefore('2027-01-04', 2)).toBe('2026-12-30');
    expect(cal.workingDaysBefore('2026-04-07', 1)).toBe('2026-04-02');
    expect(cal.workingDaysBefore('2026-11-15', 1)).toBe('2026-11-13'); // a Sunday deadline
    expect(cal.workingDaysBefore('2026-11-18', 0)).toBe('2026-11-18');
    expect(() => cal.workingDaysBefore('2026-11-18', -1)).toThrow(RangeError);
  });

  it('takes extra local holidays from configuration', () => {
    const kirklees = createWorkingCalendar(['2026-11-16']);
    expect(kirklees.isBankHoliday('2026-11-16')).toBe(true);
    expect(kirklees.isWorkingDay('2026-11-16')).toBe(false);
    expect(kirklees.addWorkingDays('2026-11-13', 1)).toBe('2026-11-17');
    expect(cal.isWorkingDay('2026-11-16')).toBe(true); // the default calendar is untouched
  });

  it('refuses bad input', () => {
    expect(() => createWorkingCalendar(['2026-02-30'])).toThrow(RangeError);
    expect(() => cal.isWorkingDay('26/12/2026')).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-11-13', 1.5)).toThrow(RangeError);
  });
});
