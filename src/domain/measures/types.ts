// Outcome measures: what the plan is judged on (EHC plans issued within 20 weeks, waiting times),
// as opposed to what it does. A measure has a baseline, a target and readings over time; it
// belongs to one action, one workstream or one area for improvement. Plain data, no database.
import type { Area } from '../plan/types.js';
import type { IsoDate } from '../time/dates.js';

/** '%' is a share of 0–100; weeks and days are waiting times; count is a number of things. */
export const MEASURE_UNITS = ['%', 'weeks', 'days', 'count'] as const;
export type MeasureUnit = (typeof MEASURE_UNITS)[number];

/** Whether a rise is good news (EHC plans on time) or bad news (weeks waiting). */
export const MEASURE_DIRECTIONS = ['higher', 'lower'] as const;
export type MeasureDirection = (typeof MEASURE_DIRECTIONS)[number];

/** What the measure belongs to: an action by ref, a workstream by code, or an area for improvement. */
export type MeasureOwner =
  | { kind: 'action'; ref: string }
  | { kind: 'workstream'; code: string }
  | { kind: 'area'; area: Area };

export interface Point {
  value: number;
  date: IsoDate;
}

export interface Measure {
  id: number;
  /** Short and stable, for files and chat: 'EHC-20WK'. */
  ref: string;
  name: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  baseline: Point;
  target: Point;
  owner: MeasureOwner;
}

export interface Reading extends Point {
  id: number;
  measureId: number;
  /** Where the figure comes from: 'SEN2 return', 'ICB waiting list report'. */
  source: string | null;
  recordedById: number | null;
  recordedAt: Date;
}

/** A measure with its readings, oldest first: what every rule below reads. */
export interface MeasureWithReadings {
  measure: Measure;
  readings: readonly Reading[];
}
