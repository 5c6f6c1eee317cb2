// UK financial-year quarters, which public-sector plans report against: the year runs April to
// March, so Q1 is April–June and Q4 is January–March of the following calendar year.
import type { IsoDate } from './dates.js';
import { addDays, daysInMonth, parseIsoDate, toIsoDate } from './dates.js';

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface FinancialQuarter {
  /** Financial year label, e.g. '2026-27' (April 2026 to March 2027). */
  year: string;
  quarter: QuarterNumber;
  /** 'Q3 2026-27'. */
  label: string;
  start: IsoDate;
  end: IsoDate;
}

/** '2026-27' for the financial year that starts in April 2026. */
export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

// January..December -> quarter, and each quarter's first calendar month.
const QUARTER_OF_MONTH: readonly QuarterNumber[] = [4, 4, 4, 1, 1, 1, 2, 2, 2, 3, 3, 3];
const FIRST_MONTH_OF_QUARTER: Record<QuarterNumber, number> = { 1: 4, 2: 7, 3: 10, 4: 1 };

/** The financial quarter a date falls in. */
export function financialQuarter(d: IsoDate): FinancialQuarter {
  const { year, month } = parseIsoDate(d);
  // Shift so April is month 0 of the financial year; January–March belong to the year before.
  const fyStartYear = month >= 4 ? year : year - 1;
  const quarter = QUARTER_OF_MONTH[month - 1] ?? 1;
  const firstMonth = FIRST_MONTH_OF_QUARTER[quarter];
  const lastMonth = firstMonth + 2;
  const calendarYear = quarter === 4 ? fyStartYear + 1 : fyStartYear;
  const fyLabel = financialYearLabel(fyStartYear);
  return {
    year: fyLabel,
    quarter,
    label: `Q${quarter} ${fyLabel}`,
    start: toIsoDate(calendarYear, firstMonth, 1),
    end: toIsoDate(calendarYear, lastMonth, daysInMonth(calendarYear, lastMonth)),
  };
}

/** Quarter `quarter` of the financial year that starts in April of `startYear`. */
export function quarterOfYear(startYear: number, quarter: QuarterNumber): FinancialQuarter {
  const first = FIRST_MONTH_OF_QUARTER[quarter];
  return financialQuarter(toIsoDate(quarter === 4 ? startYear + 1 : startYear, first, 1));
}

export function nextQuarter(q: FinancialQuarter): FinancialQuarter {
  return financialQuarter(addDays(q.end, 1));
}

export function previousQuarter(q: FinancialQuarter): FinancialQuarter {
  return financialQuarter(addDays(q.start, -1));
}
