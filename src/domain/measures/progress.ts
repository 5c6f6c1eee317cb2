// How a measure is doing: its latest reading, the trend, and whether it is on course for its
// target. The rule is deliberately simple enough to say in one sentence on a public page:
//
//   Draw a straight line from the baseline through the latest reading and carry it on to the
//   target date. If the line reaches the target by then, the measure is on course; if not, it
//   is off course.
//
// Before that: a latest reading that already meets the target is "target met"; a target date
// that has passed without the target met is "target missed"; with no reading yet, or a reading
// dated on the baseline day itself, there is no line to draw, so nothing is claimed.
import { diffDays, type IsoDate } from '../time/dates.js';
import type { Measure, MeasureDirection, Point, Reading } from './types.js';

/** The newest reading by date (the later recorded on a tie), or undefined. */
export function latestReading<R extends Reading>(readings: readonly R[]): R | undefined {
  let best: R | undefined;
  for (const r of readings) {
    if (!best || r.date > best.date || (r.date === best.date && r.recordedAt >= best.recordedAt)) best = r;
  }
  return best;
}

/** Readings oldest first, one per date (the one recorded last counts). */
export function readingsInOrder<R extends Reading>(readings: readonly R[]): R[] {
  const byDate = new Map<IsoDate, R>();
  for (const r of readings) {
    const seen = byDate.get(r.date);
    if (!seen || r.recordedAt >= seen.recordedAt) byDate.set(r.date, r);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export type TrendKind = 'improving' | 'worsening' | 'steady' | 'none';
export interface Trend {
  kind: TrendKind;
  /** What the latest reading is compared with: the reading before it, else the baseline. */
  from?: Point;
  to?: Point;
}

/** Better is up for 'higher', down for 'lower'. */
function better(direction: MeasureDirection, a: number, b: number): boolean {
  return direction === 'higher' ? a > b : a < b;
}

/** The latest reading against the one before it (the baseline when it is the first). */
export function measureTrend(measure: Pick<Measure, 'direction' | 'baseline'>, readings: readonly Reading[]): Trend {
  const ordered = readingsInOrder(readings);
  const to = ordered.at(-1);
  if (!to) return { kind: 'none' };
  const before = ordered.at(-2);
  const from: Point = before ? { value: before.value, date: before.date } : measure.baseline;
  const kind: TrendKind = to.value === from.value ? 'steady' : better(measure.direction, to.value, from.value) ? 'improving' : 'worsening';
  return { kind, from, to: { value: to.value, date: to.date } };
}

export type CourseKind = 'met' | 'on_course' | 'off_course' | 'missed' | 'no_readings' | 'too_early';
export interface Course {
  kind: CourseKind;
  /** Where the line from the baseline through the latest reading reaches on the target date. */
  projected?: number;
  latest?: Point;
}

/** Whether a measure is on course for its target (the rule at the top of this file). */
export function measureCourse(measure: Pick<Measure, 'direction' | 'baseline' | 'target'>, readings: readonly Reading[], today: IsoDate): Course {
  const last = latestReading(readings);
  if (!last) return { kind: 'no_readings' };
  const latest: Point = { value: last.value, date: last.date };
  const { baseline, target, direction } = measure;
  const meets = (v: number) => v === target.value || better(direction, v, target.value);
  if (meets(latest.value)) return { kind: 'met', latest };
  if (today > target.date) return { kind: 'missed', latest };
  const span = diffDays(baseline.date, latest.date);
  if (span <= 0) return { kind: 'too_early', latest };
  const perDay = (latest.value - baseline.value) / span;
  const projected = roundTo2(latest.value + perDay * diffDays(latest.date, target.date));
  return { kind: meets(projected) ? 'on_course' : 'off_course', projected, latest };
}

function roundTo2(n: number): number {
  return Math.round(n * 100) / 100;
}
