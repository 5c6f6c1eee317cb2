import { describe, expect, it } from 'vitest';
import { addDays, easterSunday, ENGLAND_AND_WALES_BANK_HOLIDAYS } from '../../../src/domain/time/index.js';

describe('easterSunday', () => {
  it('agrees with every Good Friday and Easter Monday in the shipped bank-holiday table', () => {
    const goodFridays = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.name === 'Good Friday');
    expect(goodFridays.length).toBeGreaterThan(3);
    for (const h of goodFridays) expect(addDays(easterSunday(Number(h.date.slice(0, 4))), -2)).toBe(h.date);
    for (const h of ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((x) => x.name === 'Easter Monday')) {
      expect(addDays(easterSunday(Number(h.date.slice(0, 4))), 1)).toBe(h.date);
    }
  });
  it('knows published dates at both ends of its range', () => {
    // Published Western Easter dates: the earliest possible (22 March) and latest (25 April) included.
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2000)).toBe('2000-04-23');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2285)).toBe('2285-03-22');
  });
});
