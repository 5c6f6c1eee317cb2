// The update card's place for a new figure of the action's outcome measures: one number box per
// measure, with its unit and latest reading, so an owner records "52%" where they write the update.
import { formatValue } from '../../domain/measures/words.js';
import type { Measure, Reading } from '../../domain/measures/types.js';
import { formatDate } from '../../domain/time/format.js';
import { fieldError, subtle, type Element } from './common.js';

/** A measure as the card shows it: what it is, and its latest reading. */
export interface MeasureInputModel {
  measure: Pick<Measure, 'id' | 'name' | 'unit'>;
  latest: Pick<Reading, 'value' | 'date'> | null;
}

/** The input's id for a measure: the save reads the figure back by it. */
export const readingInputId = (measureId: number): string => `reading_${measureId}`;

const UNIT_WORDS = { '%': 'per cent', weeks: 'weeks', days: 'days', count: 'a number' } as const;

/** One number box per measure, under a line that says figures are public. */
export function measureInputs(measures: readonly MeasureInputModel[], values: Readonly<Record<string, string>>, errors: Readonly<Record<string, string>>): Element[] {
  if (!measures.length) return [];
  const out: Element[] = [subtle('New figures for the outcome measures, if you have them. Figures are public.', { spacing: 'Medium' })];
  for (const { measure: m, latest } of measures) {
    const id = readingInputId(m.id);
    const was = latest ? ` Latest: ${formatValue(latest.value, m.unit)} on ${formatDate(latest.date)}.` : '';
    out.push({
      type: 'Input.Number', id, label: `${m.name} (${UNIT_WORDS[m.unit]})`, min: 0, ...(m.unit === '%' ? { max: 100 } : {}),
      placeholder: `Leave empty if there is no new figure.${was}`, ...(values[id] ? { value: Number(values[id]) } : {}),
    });
    out.push(...fieldError(errors[id]));
  }
  return out;
}
