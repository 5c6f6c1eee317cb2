// New figures for an action's outcome measures, typed on its update card: read by type, checked
// (a number, within the unit, by someone who answers for the measure) before anything is saved,
// and recorded once the update itself is saved.
import { z } from 'zod';
import { readingInputId, type MeasureInputModel } from '../../cards/action-update/index.js';
import { formatValue, mayRecordReading, readingProblems, whoMayRecord } from '../../domain/measures/index.js';
import type { Person } from '../../domain/plan/types.js';
import type { MeasureEntry } from '../../store/measures.js';
import type { ActionFlowDeps } from './types.js';

/** A figure as a card sends it: a number, or the text of one (clients differ). */
const FIGURE = z.union([z.number().finite(), z.string().trim().max(20).regex(/^-?\d{1,9}(?:\.\d{1,6})?$/).transform(Number)]);
const EMPTY = z.union([z.undefined(), z.null(), z.literal(''), z.string().trim().max(0)]);

export interface CardReadings {
  /** The measures' boxes for the form; absent when the card sent no figure (nothing was read). */
  inputs?: MeasureInputModel[];
  /** What was typed, by input id, to show again. */
  values: Record<string, string>;
  errors: Record<string, string>;
  figures: { entry: MeasureEntry; value: number }[];
}

export function readingInputs(entries: readonly MeasureEntry[]): MeasureInputModel[] {
  return entries.map((e) => ({ measure: e.measure, latest: e.readings.at(-1) ?? null }));
}

/** The figures typed on the card for the action's measures; ids of other measures are not read. */
export async function readCardReadings(deps: ActionFlowDeps, person: Person, actionId: number, data: Record<string, unknown>, today: string): Promise<CardReadings> {
  // Most saves carry no figure: then the measures are not read at all (a card save stays one read).
  if (!deps.measures || !Object.keys(data).some((k) => k.startsWith('reading_'))) return { values: {}, errors: {}, figures: [] };
  const entries = await deps.measures.forAction(actionId);
  const out: CardReadings = { inputs: readingInputs(entries), values: {}, errors: {}, figures: [] };
  for (const entry of entries) {
    const id = readingInputId(entry.measure.id);
    const raw = data[id];
    if (EMPTY.safeParse(raw).success) continue;
    const parsed = FIGURE.safeParse(raw);
    if (typeof raw === 'string' || typeof raw === 'number') out.values[id] = String(raw).slice(0, 20);
    if (!parsed.success) { out.errors[id] = 'Please give a number, such as 52.'; continue; }
    if (!mayRecordReading(person, entry)) { out.errors[id] = `Only ${whoMayRecord(entry.measure)} can record figures for this measure.`; continue; }
    const problems = readingProblems({ value: parsed.data, date: today, source: null }, entry.measure, today);
    if (problems.length) { out.errors[id] = `Please check this figure: ${problems.join('; ')}.`; continue; }
    out.figures.push({ entry, value: parsed.data });
  }
  return out;
}

/** Records the checked figures for today; says what was recorded. */
export async function recordCardReadings(deps: ActionFlowDeps, person: Person, figures: CardReadings['figures'], today: string, now: Date, via: 'card' | 'chat'): Promise<string> {
  if (!deps.measures || !figures.length) return '';
  for (const f of figures) {
    await deps.measures.recordReading({ measureId: f.entry.measure.id, value: f.value, date: today, source: null, recordedById: person.id, via, recordedAt: now });
  }
  return ` Recorded ${figures.map((f) => `${formatValue(f.value, f.entry.measure.unit)} for ${f.entry.measure.name}`).join(' and ')}.`;
}
