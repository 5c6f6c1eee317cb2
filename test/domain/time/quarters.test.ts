import { describe, expect, it } from 'vitest';
import { financialQuarter, financialYearLabel, nextQuarter, previousQuarter } from '../../../src/domain/time/quarters.js';

describe('financialQuarter', () => {
  it('describes a quarter in full', () => {
    expect(financialQuarter('2026-11-14')).toEqual({
      year: '2026-27', quarter: 3, label: 'Q3 2026-27', start: '2026-10-01', end: '2026-12-31',
    });
  });

  it.each([
    ['2026-04-01', 'Q1 2026-27', '2026-04-01', '2026-06-30'],
    ['2026-06-30', 'Q1 2026-27', '2026-04-01', '2026-06-30'],
    ['2026-07-01', 'Q2 2026-27', '2026-07-01', '2026-09-30'],
    ['2026-09-30', 'Q2 2026-27', '2026-07-01', '2026-09-30'],
    ['2026-10-01', 'Q3 2026-27', '2026-10-01', '2026-12-31'],
    ['2026-12-31', 'Q3 2026-27', '2026-10-01', '2026-12-31'],
    ['2027-01-01', 'Q4 2026-27', '2027-01-01', '2027-03-31'],
    ['2027-03-31', 'Q4 2026-27', '2027-01-01', '2027-03-31'],
    ['2027-04-01', 'Q1 2027-28', '2027-04-01', '2027-06-30'],
    ['2026-03-31', 'Q4 2025-26', '2026-01-01', '2026-03-31'],
    ['2028-02-29', 'Q4 2027-28', '2028-01-01', '2028-03-31'],
    ['2099-05-05', 'Q1 2099-00', '2099-04-01', '2099-06-30'],
  ])('%s is in %s (%s to %s)', (d, label, start, end) => {
    const q = financialQuarter(d);
    expect(q.label).toBe(label);
    expect(q.start).toBe(start);
    expect(q.end).toBe(end);
  });

  it('labels the financial year by its start', () => {
    expect(financialYearLabel(2026)).toBe('2026-27');
    expect(financialYearLabel(2009)).toBe('2009-10');
    expect(financialQuarter('2027-02-01').year).toBe('2026-27');
  });
});

describe('nextQuarter and previousQuarter', () => {
  it('crosses the financial year end (31 March / 1 April)', () => {
    const q4 = financialQuarter('2027-03-31');
    expect(nextQuarter(q4).label).toBe('Q1 2027-28');
    expect(previousQuarter(nextQuarter(q4))).toEqual(q4);
  });

  it('crosses the calendar year end inside a financial year', () => {
    const q3 = financialQuarter('2026-12-31');
    expect(nextQuarter(q3)).toEqual({ year: '2026-27', quarter: 4, label: 'Q4 2026-27', start: '2027-01-01', end: '2027-03-31' });
    expect(previousQuarter(financialQuarter('2026-04-01')).label).toBe('Q4 2025-26');
  });

  it('walks a whole year round', () => {
    let q = financialQuarter('2026-04-01');
    const labels = [q.label];
    for (let i = 0; i < 4; i++) {
      q = nextQuarter(q);
      labels.push(q.label);
    }
    expect(labels).toEqual(['Q1 2026-27', 'Q2 2026-27', 'Q3 2026-27', 'Q4 2026-27', 'Q1 2027-28']);
  });
});
