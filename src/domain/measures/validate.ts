// Checking a measure and a reading before anything is stored, whether it came from a file, a
// card or chat. Problems are plain sentences; the text a person typed is never repeated in them
// (it may hold a child's name).
import { z } from 'zod';
import { screenText, type ScreenOptions } from '../privacy/index.js';
import { isIsoDate, type IsoDate } from '../time/dates.js';
import { MEASURE_UNITS, type Measure, type MeasureUnit } from './types.js';

export const MEASURE_NAME_MAX_CHARS = 120;
export const READING_SOURCE_MAX_CHARS = 200;
export const MEASURE_REF_PATTERN = /^[A-Z][A-Z0-9]{0,9}(?:-[A-Z0-9]{1,10}){0,3}$/;

/** The values a unit allows: a share stays within 0–100; nothing is negative; a count is whole. */
const RANGES: Record<MeasureUnit, { min: number; max: number; whole: boolean; words: string }> = {
  '%': { min: 0, max: 100, whole: false, words: 'a percentage from 0 to 100' },
  weeks: { min: 0, max: 520, whole: false, words: 'a number of weeks from 0 to 520' },
  days: { min: 0, max: 3_650, whole: false, words: 'a number of days from 0 to 3,650' },
  count: { min: 0, max: 10_000_000, whole: true, words: 'a whole number from 0 to 10,000,000' },
};

/** 'percent', 'per cent', '%', 'wks', 'week' → the unit; undefined when it is none of them. */
export function parseUnit(text: string): MeasureUnit | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '%' || t === 'percent' || t === 'per cent' || t === 'percentage') return '%';
  if (t === 'weeks' || t === 'week' || t === 'wks') return 'weeks';
  if (t === 'days' || t === 'day') return 'days';
  if (t === 'count' || t === 'number') return 'count';
  return undefined;
}

export const UNIT_MESSAGE = `The unit must be one of ${MEASURE_UNITS.join(', ')}.`;

/** What is wrong with a value in this unit, or undefined when nothing is. */
export function valueProblem(value: number, unit: MeasureUnit): string | undefined {
  const r = RANGES[unit];
  if (!Number.isFinite(value) || value < r.min || value > r.max || (r.whole && !Number.isInteger(value))) {
    return `must be ${r.words}`;
  }
  // Figures are reported to two decimal places at most; more is a slip, not precision.
  if (Math.abs(value * 100 - Math.round(value * 100)) > 1e-6) {
    return 'has more than two decimal places';
  }
  return undefined;
}

/** '62', '62%', '62.5 %', '18 weeks' → 62, 62, 62.5, 18; undefined when it is not a plain number. */
export function parseValue(text: string): number | undefined {
  const m = /^\s*(\d{1,8}(?:\.\d{1,6})?)\s*(?:%|per ?cent|weeks?|days?)?\s*$/i.exec(text);
  return m ? Number(m[1]) : undefined;
}

function textProblem(what: string, text: string, max: number, screen: ScreenOptions): string | undefined {
  if ([...text].length > max) return `${what} is longer than ${max} characters`;
  const screened = screenText(text, screen);
  if (!screened.ok) return `${what} looks like it holds a child's details: ${screened.reasons.map((r) => r.message).join(' ')}`;
  return undefined;
}

/** A measure as a file or a form gives it, before it has an id or an owner. */
export type MeasureDraft = Omit<Measure, 'id' | 'owner'>;

/** Every problem of a measure on its own, as sentences; empty when it may be stored. */
export function measureProblems(m: MeasureDraft, screen: ScreenOptions = {}): string[] {
  const out: string[] = [];
  if (!MEASURE_REF_PATTERN.test(m.ref)) out.push('the ref must be letters and numbers in up to four parts joined by hyphens, starting with a letter (EHC-20WK)');
  if (m.name.trim() === '') out.push('the name is empty');
  else {
    const p = textProblem('the name', m.name, MEASURE_NAME_MAX_CHARS, screen);
    if (p) out.push(p);
  }
  const b = valueProblem(m.baseline.value, m.unit);
  if (b) out.push(`the baseline ${b}`);
  const t = valueProblem(m.target.value, m.unit);
  if (t) out.push(`the target ${t}`);
  if (!isIsoDate(m.baseline.date)) out.push('the baseline date is not a date (YYYY-MM-DD)');
  if (!isIsoDate(m.target.date)) out.push('the target date is not a date (YYYY-MM-DD)');
  else if (isIsoDate(m.baseline.date) && m.target.date <= m.baseline.date) out.push('the target date must come after the baseline date');
  if (!b && !t) {
    const worse = m.direction === 'higher' ? m.target.value < m.baseline.value : m.target.value > m.baseline.value;
    if (worse) out.push(`the target is worse than the baseline for a measure where ${m.direction} is better`);
  }
  return out;
}

export interface ReadingDraft {
  value: number;
  date: IsoDate;
  source: string | null;
}

/** Every problem of a reading for its measure, as sentences; empty when it may be stored. */
export function readingProblems(r: ReadingDraft, m: Pick<MeasureDraft, 'unit' | 'baseline'>, today: IsoDate, screen: ScreenOptions = {}): string[] {
  const out: string[] = [];
  const v = valueProblem(r.value, m.unit);
  if (v) out.push(`the reading ${v}`);
  if (!isIsoDate(r.date)) out.push('the reading date is not a date (YYYY-MM-DD)');
  else if (r.date > today) out.push('the reading date is in the future');
  else if (r.date < m.baseline.date) out.push('the reading date is before the baseline date');
  if (r.source !== null && r.source.trim() !== '') {
    const p = textProblem('the source', r.source, READING_SOURCE_MAX_CHARS, screen);
    if (p) out.push(p);
  }
  return out;
}

/** A number typed in a card or a file: '62', '62.5'; a unit sign after it is allowed. */
export const valueTextSchema = z.string().transform((s, ctx) => {
  const v = parseValue(s);
  if (v === undefined) {
    ctx.addIssue({ code: 'custom', message: 'is not a number' });
    return z.NEVER;
  }
  return v;
});
