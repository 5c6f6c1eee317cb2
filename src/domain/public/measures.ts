// Outcome measures as the public page shows them: each one's latest figure, trend and course in
// plain words, and the points of its small chart (the baseline, then the readings, oldest first).
import {
  courseLabel, courseWords, formatValue, measureCourse, measureTrend, readingsInOrder, trendWords,
  type MeasureDirection, type MeasureUnit, type MeasureWithReadings, type Point,
} from '../measures/index.js';
import type { IsoDate } from '../time/dates.js';
import { formatDate } from '../time/format.js';

export interface MeasureLine {
  ref: string;
  name: string;
  unit: MeasureUnit;
  direction: MeasureDirection;
  /** 'on course', 'off course', 'target met', 'target missed', 'too early to say'. */
  course: string;
  /** The sentences: trend, then course. */
  trendText: string;
  courseText: string;
  /** The baseline first, then one point per reading date. */
  points: Point[];
  target: Point;
  /** The chart in words, for people who cannot see it. */
  alternative: string;
}

export function measureLines(measures: readonly MeasureWithReadings[], today: IsoDate): MeasureLine[] {
  return [...measures].sort((a, b) => a.measure.name.localeCompare(b.measure.name, 'en')).map(({ measure: m, readings }) => {
    const ordered = readingsInOrder(readings);
    const points: Point[] = [m.baseline, ...ordered.map((r) => ({ value: r.value, date: r.date }))];
    const course = measureCourse(m, readings, today);
    const said = (p: Point) => `${formatValue(p.value, m.unit)} on ${formatDate(p.date)}`;
    const alternative = `${m.name}. ${m.direction === 'higher' ? 'Higher' : 'Lower'} is better. Start: ${said(m.baseline)}. `
      + (ordered.length ? `Readings: ${ordered.map(said).join(', ')}. ` : 'No readings yet. ')
      + `Target: ${formatValue(m.target.value, m.unit)} by ${formatDate(m.target.date)}.`;
    return {
      ref: m.ref, name: m.name, unit: m.unit, direction: m.direction, course: courseLabel(course),
      trendText: trendWords(m, measureTrend(m, readings)), courseText: courseWords(m, course), points, target: m.target, alternative,
    };
  });
}
