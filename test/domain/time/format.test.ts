import { describe, expect, it } from 'vitest';
import {
  formatDate, formatDays, formatLongDate, formatRelativeDue, formatShortDate, formatWhen,
} from '../../../src/domain/time/format.js';

describe('date wording', () => {
  it('writes dates the British way', () => {
    expect(formatDate('2026-11-14')).toBe('14 November 2026');
    expect(formatDate('2026-03-01')).toBe('1 March 2026');
    expect(formatLongDate('2026-11-13')).toBe('Friday 13 November 2026');
    expect(formatLongDate('2026-11-14')).toBe('Saturday 14 November 2026');
    expect(formatLongDate('2028-02-29')).toBe('Tuesday 29 February 2028');
    expect(formatShortDate('2026-11-14')).toBe('14 Nov 2026');
    expect(formatShortDate('2026-06-02')).toBe('2 Jun 2026');
    expect(formatShortDate('2026-09-30')).toBe('30 Sept 2026');
  });

  it('refuses an impossible date', () => {
    expect(() => formatDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('formatWhen', () => {
  it('shows London time in winter', () => {
    expect(formatWhen(new Date('2026-11-25T13:30:00Z'))).toBe('Wednesday 25 November 2026 at 13:30');
  });

  it('shows London time in summer, including the day rolling over', () => {
    expect(formatWhen(new Date('2026-07-15T08:00:00Z'))).toBe('Wednesday 15 July 2026 at 09:00');
    expect(formatWhen(new Date('2026-06-30T23:30:00Z'))).toBe('Wednesday 1 July 2026 at 00:30');
  });

  it('shows the wall clock on the change days', () => {
    expect(formatWhen(new Date('2026-03-29T09:00:00Z'))).toBe('Sunday 29 March 2026 at 10:00');
    expect(formatWhen(new Date('2026-10-25T09:00:00Z'))).toBe('Sunday 25 October 2026 at 09:00');
  });
});

describe('formatDays', () => {
  it('uses the singular only for one', () => {
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(37)).toBe('37 days');
    expect(formatDays(0)).toBe('0 days');
    expect(formatDays(-1)).toBe('-1 day');
  });
});

describe('formatRelativeDue', () => {
  it.each([
    ['2026-11-14', '2026-11-14', 'due today'],
    ['2026-11-15', '2026-11-14', 'due tomorrow'],
    ['2026-11-19', '2026-11-14', 'due in 5 days'],
    ['2026-11-13', '2026-11-14', '1 day late'],
    ['2026-11-06', '2026-11-14', '8 days late'],
    ['2027-01-01', '2026-12-31', 'due tomorrow'],
    ['2028-03-01', '2028-02-28', 'due in 2 days'],
  ])('due %s seen on %s reads %j', (due, today, expected) => {
    expect(formatRelativeDue(due, today)).toBe(expected);
  });
});
