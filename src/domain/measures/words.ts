// Measures in plain words, for chat, cards and the public page. Short sentences: young people and
// parents read these. The measure's name is the partnership's text: callers escape it for their
// medium (Teams Markdown, HTML); the words here add no markup.
import { formatDate } from '../time/format.js';
import type { Course, Trend } from './progress.js';
import type { Measure, MeasureUnit, Point } from './types.js';

const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** 62 → '62%', 18 → '18 weeks', 1 → '1 week', 1234 → '1,234'. */
export function formatValue(value: number, unit: MeasureUnit): string {
  const n = WHOLE.format(value);
  if (unit === '%') return `${n}%`;
  if (unit === 'count') return n;
  const one = value === 1;
  return `${n} ${unit === 'weeks' ? (one ? 'week' : 'weeks') : one ? 'day' : 'days'}`;
}

/** A projection stays within what the unit can be (no share above 100, nothing below 0). */
function clampToUnit(value: number, unit: MeasureUnit): number {
  return Math.max(0, unit === '%' ? Math.min(100, value) : value);
}

const at = (p: Point, unit: MeasureUnit) => `${formatValue(p.value, unit)} on ${formatDate(p.date)}`;

/** 'the target of 80% by 31 March 2027' */
export function targetWords(m: Pick<Measure, 'target' | 'unit'>): string {
  return `the target of ${formatValue(m.target.value, m.unit)} by ${formatDate(m.target.date)}`;
}

/** 'Getting better: 62% on 30 September 2026, up from 55% on 30 June 2026.' */
export function trendWords(m: Pick<Measure, 'unit'>, trend: Trend): string {
  if (trend.kind === 'none' || !trend.to || !trend.from) return 'No readings yet.';
  const was = trend.from.value;
  const now = trend.to.value;
  const move = now > was ? 'up' : 'down';
  const head = trend.kind === 'improving' ? 'Getting better' : trend.kind === 'worsening' ? 'Getting worse' : 'No change';
  if (trend.kind === 'steady') return `${head}: ${at(trend.to, m.unit)}, the same as on ${formatDate(trend.from.date)}.`;
  return `${head}: ${at(trend.to, m.unit)}, ${move} from ${at(trend.from, m.unit)}.`;
}

/** One word or two for a table cell: 'on course', 'off course', 'target met'… */
export function courseLabel(course: Course): string {
  switch (course.kind) {
    case 'met': return 'target met';
    case 'on_course': return 'on course';
    case 'off_course': return 'off course';
    case 'missed': return 'target missed';
    default: return 'too early to say';
  }
}

/** 'On course for the target of 80% by 31 March 2027.' and the like, as one or two sentences. */
export function courseWords(m: Pick<Measure, 'target' | 'unit'>, course: Course): string {
  const target = targetWords(m);
  switch (course.kind) {
    case 'met': return `Target met: ${target}.`;
    case 'on_course': return `On course for ${target}.`;
    case 'off_course': {
      // A projection is a rough guide: a whole number says so better than decimals would.
      const would = formatValue(Math.round(clampToUnit(course.projected ?? 0, m.unit)), m.unit);
      return `Off course for ${target}. At this rate it would be about ${would} by then.`;
    }
    case 'missed': return `Target missed: ${target} was not reached.`;
    case 'no_readings': return `No readings yet, so it is too early to say if it is on course for ${target}.`;
    default: return `Too early to say if it is on course for ${target}.`;
  }
}

/** The rule behind 'on course', in words for the page that shows it. */
export const COURSE_RULE =
  'On course means: a straight line from the starting figure through the latest figure reaches the target by the target date.';
