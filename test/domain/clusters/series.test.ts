// A series of cluster meetings from the words a chair types in the Repeat box.
import { describe, expect, it } from 'vitest';
import { MAX_SERIES, readSeries, seriesDates, type SeriesRule } from '../../../src/domain/clusters/series.js';
import type { SchoolTerm } from '../../../src/domain/time/school-terms.js';
import type { IsoDate } from '../../../src/domain/time/dates.js';

const TERMS: SchoolTerm[] = [
  { academicYear: '2026-27', name: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18', halfTermStartsOn: '2026-10-26', halfTermEndsOn: '2026-10-30' },
  { academicYear: '2026-27', name: 'spring', startsOn: '2027-01-05', endsOn: '2027-03-26', halfTermStartsOn: '2027-02-15', halfTermEndsOn: '2027-02-19' },
  { academicYear: '2026-27', name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21', halfTermStartsOn: '2027-05-31', halfTermEndsOn: '2027-06-04' },
];
const TODAY = '2026-11-22' as IsoDate;

function dates(typed: string, first: string, terms = TERMS): IsoDate[] | string {
  const rule = readSeries(typed, TODAY);
  if (!rule) return 'once';
  if ('error' in rule) return rule.error;
  const d = seriesDates(rule as SeriesRule, first as IsoDate, terms);
  return Array.isArray(d) ? d : d.error;
}

describe('a series of meetings from a chair\'s words', () => {
  it('reads "every second Wednesday of the month this term", leaving out the holidays', () => {
    expect(dates('every second Wednesday of the month this term', '2027-01-13')).toEqual(['2027-01-13', '2027-02-10', '2027-03-10']);
    expect(dates('Every 2nd Wednesday, this term.', '2027-01-13')).toEqual(['2027-01-13', '2027-02-10', '2027-03-10']);
  });

  it('reads weekly and fortnightly series to the end of the term, skipping half term', () => {
    expect(dates('every two weeks', '2026-10-07')).toEqual(['2026-10-07', '2026-10-21', '2026-11-04', '2026-11-18', '2026-12-02', '2026-12-16']);
    expect(dates('fortnightly until the end of term', '2026-10-07')).toEqual(['2026-10-07', '2026-10-21', '2026-11-04', '2026-11-18', '2026-12-02', '2026-12-16']);
    expect(dates('weekly', '2026-10-14')).toEqual(['2026-10-14', '2026-10-21', '2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25', '2026-12-02', '2026-12-09', '2026-12-16']);
  });

  it('stops at a date, after a number of meetings or weeks, or at the end of the school year', () => {
    expect(dates('every other week until 17 December', '2026-11-25')).toEqual(['2026-11-25', '2026-12-09']);
    expect(dates('every week for 3 meetings', '2027-01-06')).toEqual(['2027-01-06', '2027-01-13', '2027-01-20']);
    expect(dates('weekly for two weeks', '2027-01-06')).toEqual(['2027-01-06', '2027-01-13']);
    expect(dates('every last Thursday until the end of the school year', '2027-04-29')).toEqual(['2027-04-29', '2027-05-27', '2027-06-24']);
  });

  it('reads "monthly" as the same week and weekday each month', () => {
    // 18 November 2026 is the third Wednesday.
    expect(dates('monthly', '2026-11-18')).toEqual(['2026-11-18', '2026-12-16']);
  });

  it('keeps a series to twenty meetings', () => {
    const many = dates('every week until 31 July 2027', '2027-01-06');
    expect(Array.isArray(many) && many.length).toBe(MAX_SERIES);
  });

  it('treats an empty box or "just once" as one meeting', () => {
    for (const typed of ['', '  ', 'once', 'Just this once', 'no']) expect(dates(typed, '2027-01-06'), typed).toBe('once');
  });

  it('says what it could not read, kindly, instead of guessing', () => {
    expect(dates('every now and then', '2027-01-06')).toMatch(/^Say how often/);
    expect(dates('weekly until the twelfth of never', '2027-01-06')).toMatch(/couldn't read "the twelfth of never"/);
    expect(dates('weekly until 1 January', '2027-01-06')).toMatch(/would end before its first meeting/);
    expect(dates('weekly this term', '2027-08-01', [])).toMatch(/no school term dates/);
  });
});
