import { describe, expect, it } from 'vitest';
import { comingHalfTerm, currentOrComingTerm, summerHolidays, termAfter, termBefore, termNamed, termOn, type SchoolTerm } from '../../../src/domain/time/index.js';

const TERMS: SchoolTerm[] = [
  { academicYear: '2026-27', name: 'summer', startsOn: '2027-04-12', endsOn: '2027-07-21', halfTermStartsOn: '2027-05-31', halfTermEndsOn: '2027-06-04' },
  { academicYear: '2026-27', name: 'autumn', startsOn: '2026-09-03', endsOn: '2026-12-18', halfTermStartsOn: '2026-10-26', halfTermEndsOn: '2026-10-30' },
  { academicYear: '2026-27', name: 'spring', startsOn: '2027-01-04', endsOn: '2027-03-26' },
];

describe('school terms', () => {
  it('finds the term on a day, including its first and last days, and none in a holiday', () => {
    expect(termOn(TERMS, '2026-09-03')?.name).toBe('autumn');
    expect(termOn(TERMS, '2026-12-18')?.name).toBe('autumn');
    expect(termOn(TERMS, '2026-12-19')).toBeNull();
    expect(currentOrComingTerm(TERMS, '2026-12-19')?.name).toBe('spring');
  });
  it('next, last and named terms', () => {
    expect(termAfter(TERMS, '2026-11-22')?.name).toBe('spring');
    // In a holiday people mean the coming term by both "this term" and "next term".
    expect(termAfter(TERMS, '2026-12-25')?.name).toBe('spring');
    expect(termBefore(TERMS, '2027-01-10')?.name).toBe('autumn');
    expect(termNamed(TERMS, 'summer', '2026-11-22', false)?.startsOn).toBe('2027-04-12');
    expect(termNamed(TERMS, 'summer', '2026-11-22', true)).toBeNull();
    expect(termAfter(TERMS, '2027-05-01')).toBeNull();
  });
  it('half terms skip a term without one', () => {
    expect(comingHalfTerm(TERMS, '2026-11-22')).toMatchObject({ from: '2027-05-31', to: '2027-06-04' });
    expect(comingHalfTerm(TERMS, '2026-10-28')).toMatchObject({ from: '2026-10-26' });
  });
  it('summer holidays say when an end is not in the data', () => {
    expect(summerHolidays(TERMS, '2026-08-10')).toEqual({ from: '2026-08-01', to: '2026-09-02', known: false });
    expect(summerHolidays(TERMS, '2027-05-01')).toEqual({ from: '2027-07-22', to: '2027-08-31', known: false });
    expect(summerHolidays([], '2027-05-01')).toBeNull();
  });
});
