import { describe, expect, it } from 'vitest';
import {
  addDays, dayOfWeek, daysInMonth, diffDays, endOfMonth, endOfWeek, isIsoDate, isLeapYear, isWeekend,
  parseIsoDate, startOfMonth, startOfWeek, toIsoDate,
} from '../../../src/domain/time/dates.js';

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '2026-04-30'])('accepts %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  it.each([
    '2026-02-30', '2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-1',
    '26-01-01', '2026-01-01T00:00:00Z', ' 2026-01-01', '2026/01/01', '0000-01-01', '', 'tomorrow',
  ])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it('rejects things that are not strings', () => {
    expect(isIsoDate(undefined)).toBe(false);
    expect(isIsoDate(20260101)).toBe(false);
    expect(isIsoDate(new Date())).toBe(false);
  });
});

describe('parseIsoDate and toIsoDate', () => {
  it('splits a date into numbers', () => {
    expect(parseIsoDate('2026-11-14')).toEqual({ year: 2026, month: 11, day: 14 });
  });

  it('throws a RangeError for an impossible date', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
    expect(() => toIsoDate(2026, 2, 30)).toThrow(RangeError);
  });

  it('pads numbers', () => {
    expect(toIsoDate(2026, 3, 5)).toBe('2026-03-05');
  });
});

describe('leap years', () => {
  it('follows the Gregorian rules', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
  });

  it('steps over 29 February only in leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(diffDays('2028-01-01', '2029-01-01')).toBe(366);
    expect(diffDays('2027-01-01', '2028-01-01')).toBe(365);
  });
});

describe('addDays and diffDays', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-15', 0)).toBe('2026-03-15');
    expect(addDays('2026-01-31', 30)).toBe('2026-03-02');
  });

  it('is not thrown by the clocks changing (dates have no time)', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(diffDays('2026-03-01', '2026-04-01')).toBe(31);
    expect(diffDays('2026-10-01', '2026-11-01')).toBe(31);
  });

  it('measures b − a', () => {
    expect(diffDays('2026-01-01', '2026-01-03')).toBe(2);
    expect(diffDays('2026-01-03', '2026-01-01')).toBe(-2);
    expect(diffDays('2026-05-05', '2026-05-05')).toBe(0);
  });

  it('refuses fractions of a day and bad dates', () => {
    expect(() => addDays('2026-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => diffDays('2026-01-01', 'soon')).toThrow(RangeError);
  });
});

describe('weeks', () => {
  it('numbers days Monday = 1 to Sunday = 7', () => {
    expect(dayOfWeek('2026-11-09')).toBe(1); // Monday
    expect(dayOfWeek('2026-11-13')).toBe(5); // Friday
    expect(dayOfWeek('2026-11-14')).toBe(6); // Saturday
    expect(dayOfWeek('2026-11-15')).toBe(7); // Sunday
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('1969-12-29')).toBe(1); // before the epoch
  });

  it('knows weekends', () => {
    expect(isWeekend('2026-11-14')).toBe(true);
    expect(isWeekend('2026-11-15')).toBe(true);
    expect(isWeekend('2026-11-16')).toBe(false);
  });

  it('runs weeks Monday to Sunday', () => {
    expect(startOfWeek('2026-11-11')).toBe('2026-11-09');
    expect(endOfWeek('2026-11-11')).toBe('2026-11-15');
    expect(startOfWeek('2026-11-09')).toBe('2026-11-09');
    expect(endOfWeek('2026-11-15')).toBe('2026-11-15');
    expect(startOfWeek('2026-11-15')).toBe('2026-11-09');
    // A week that straddles the new year.
    expect(startOfWeek('2027-01-01')).toBe('2026-12-28');
    expect(endOfWeek('2026-12-30')).toBe('2027-01-03');
  });
});

describe('months', () => {
  it('finds the first and last day', () => {
    expect(startOfMonth('2026-11-14')).toBe('2026-11-01');
    expect(endOfMonth('2026-11-14')).toBe('2026-11-30');
    expect(endOfMonth('2026-12-01')).toBe('2026-12-31');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(endOfMonth('2027-02-10')).toBe('2027-02-28');
  });
});
