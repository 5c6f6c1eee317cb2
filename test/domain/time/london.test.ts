import { describe, expect, it } from 'vitest';
import {
  londonDate, londonDateTimeToInstant, londonMidnight, londonOffsetMinutes, londonTime,
} from '../../../src/domain/time/london.js';

const at = (iso: string) => new Date(iso);

describe('londonDate', () => {
  it('uses BST in summer: 23:30 UTC on 30 June is already 1 July in London', () => {
    expect(londonDate(at('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDate(at('2026-06-30T22:59:59Z'))).toBe('2026-06-30');
    expect(londonDate(at('2026-06-30T23:00:00Z'))).toBe('2026-07-01');
  });

  it('uses GMT in winter: London and UTC agree', () => {
    expect(londonDate(at('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(londonDate(at('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });

  it('puts a late-evening UTC instant on the next London day after the spring change', () => {
    expect(londonDate(at('2027-03-31T23:15:00Z'))).toBe('2027-04-01');
  });

  it('handles the spring change (29 March 2026, 01:00 UTC)', () => {
    expect(londonDate(at('2026-03-28T23:30:00Z'))).toBe('2026-03-28'); // GMT still
    expect(londonDate(at('2026-03-29T22:30:00Z'))).toBe('2026-03-29'); // BST now
    expect(londonDate(at('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
  });

  it('handles the autumn change (25 October 2026, 01:00 UTC)', () => {
    expect(londonDate(at('2026-10-24T23:30:00Z'))).toBe('2026-10-25'); // BST still
    expect(londonDate(at('2026-10-25T23:30:00Z'))).toBe('2026-10-25'); // GMT now
  });

  it('refuses an invalid Date', () => {
    expect(() => londonDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('londonTime', () => {
  it('shows 24-hour London wall-clock time', () => {
    expect(londonTime(at('2026-11-25T13:30:00Z'))).toBe('13:30');
    expect(londonTime(at('2026-07-15T12:30:00Z'))).toBe('13:30');
    expect(londonTime(at('2026-06-30T23:05:00Z'))).toBe('00:05');
    expect(londonTime(at('2026-01-10T00:00:00Z'))).toBe('00:00');
  });

  it('follows the clocks through both changes', () => {
    expect(londonTime(at('2026-03-29T00:59:00Z'))).toBe('00:59');
    expect(londonTime(at('2026-03-29T01:00:00Z'))).toBe('02:00');
    expect(londonTime(at('2026-10-25T00:30:00Z'))).toBe('01:30'); // first 01:30 (BST)
    expect(londonTime(at('2026-10-25T01:30:00Z'))).toBe('01:30'); // second 01:30 (GMT)
  });
});

describe('londonOffsetMinutes', () => {
  it('is 60 in summer and 0 in winter', () => {
    expect(londonOffsetMinutes(at('2026-07-01T12:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2026-12-01T12:00:00Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2026-03-29T00:59:59.999Z'))).toBe(0);
    expect(londonOffsetMinutes(at('2026-03-29T01:00:00Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2026-10-25T00:59:59Z'))).toBe(60);
    expect(londonOffsetMinutes(at('2026-10-25T01:00:00Z'))).toBe(0);
  });
});

describe('londonMidnight', () => {
  it('is 23:00 UTC the day before in summer', () => {
    expect(londonMidnight('2026-07-01').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('is 00:00 UTC in winter', () => {
    expect(londonMidnight('2026-12-01').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('is right on both change days (the change happens after midnight)', () => {
    expect(londonMidnight('2026-03-29').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonMidnight('2026-03-30').toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(londonMidnight('2026-10-25').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonMidnight('2026-10-26').toISOString()).toBe('2026-10-26T00:00:00.000Z');
  });

  it('makes the change days 23 and 25 hours long', () => {
    const hours = (d: string, next: string) => (londonMidnight(next).getTime() - londonMidnight(d).getTime()) / 3_600_000;
    expect(hours('2026-03-29', '2026-03-30')).toBe(23);
    expect(hours('2026-10-25', '2026-10-26')).toBe(25);
    expect(hours('2026-06-15', '2026-06-16')).toBe(24);
  });

  it('round-trips through londonDate for every day of 2026 and leap day 2028', () => {
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 86_400_000) {
      const d = new Date(t).toISOString().slice(0, 10);
      expect(londonDate(londonMidnight(d))).toBe(d);
      expect(londonTime(londonMidnight(d))).toBe('00:00');
    }
    expect(londonDate(londonMidnight('2028-02-29'))).toBe('2028-02-29');
  });
});

describe('londonDateTimeToInstant', () => {
  it('reads London wall-clock time in summer and winter', () => {
    expect(londonDateTimeToInstant('2026-07-15', '13:30').toISOString()).toBe('2026-07-15T12:30:00.000Z');
    expect(londonDateTimeToInstant('2026-11-25', '13:30').toISOString()).toBe('2026-11-25T13:30:00.000Z');
    expect(londonDateTimeToInstant('2026-11-25', '9:05').toISOString()).toBe('2026-11-25T09:05:00.000Z');
    expect(londonDateTimeToInstant('2026-06-30', '23:59').toISOString()).toBe('2026-06-30T22:59:00.000Z');
  });

  it('moves a time in the spring gap forward an hour', () => {
    expect(londonDateTimeToInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonTime(londonDateTimeToInstant('2026-03-29', '01:30'))).toBe('02:30');
    expect(londonDateTimeToInstant('2026-03-29', '02:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(londonDateTimeToInstant('2026-03-29', '00:59').toISOString()).toBe('2026-03-29T00:59:00.000Z');
  });

  it('takes the first of a repeated autumn time', () => {
    expect(londonDateTimeToInstant('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(londonDateTimeToInstant('2026-10-25', '02:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
    expect(londonDateTimeToInstant('2026-10-25', '00:30').toISOString()).toBe('2026-10-24T23:30:00.000Z');
  });

  it('refuses bad input', () => {
    expect(() => londonDateTimeToInstant('2026-11-25', '24:00')).toThrow(RangeError);
    expect(() => londonDateTimeToInstant('2026-11-25', '13:60')).toThrow(RangeError);
    expect(() => londonDateTimeToInstant('2026-11-25', '1330')).toThrow(RangeError);
    expect(() => londonDateTimeToInstant('2026-02-30', '13:30')).toThrow(RangeError);
  });
});
