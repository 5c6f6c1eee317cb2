// Answers about outcome measures, in plain words: the latest figure, the trend, and whether it is
// on course for its target (the rules and words are the domain's).
import { factsCard } from '../cards/answers.js';
import {
  courseLabel, courseWords, formatValue, latestReading, measureCourse, measureTrend, trendWords, type MeasureWithReadings,
} from '../domain/measures/index.js';
import { escapeTeamsMarkdown } from '../domain/text/escape.js';
import { formatDate } from '../domain/time/format.js';
import type { IsoDate } from '../domain/time/dates.js';
import type { Answer } from './context.js';

export const NO_MEASURES = 'The plan has no outcome measures yet. An admin can add them with measures.csv in the plan folder.';

/** 'EHC plans issued within 20 weeks: 52% on 30 September 2026. Getting better: … Off course for …' */
export function measureSentence(e: MeasureWithReadings, today: IsoDate): string {
  const { measure } = e;
  const trend = measureTrend(measure, e.readings);
  const course = measureCourse(measure, e.readings, today);
  const latest = latestReading(e.readings);
  const start = `started at ${formatValue(measure.baseline.value, measure.unit)} on ${formatDate(measure.baseline.date)}`;
  if (!latest) return `${measure.name}: no readings yet (it ${start}). ${courseWords(measure, course)}`;
  return `${measure.name}: ${trendWords(measure, trend)} ${courseWords(measure, course)}`;
}

function counts(entries: readonly MeasureWithReadings[], today: IsoDate): string {
  const tally = new Map<string, number>();
  for (const e of entries) {
    const label = courseLabel(measureCourse(e.measure, e.readings, today));
    tally.set(label, (tally.get(label) ?? 0) + 1);
  }
  return [...tally].map(([label, n]) => `${n} ${label}`).join(', ');
}

/** Each measure's name beside the rest of its sentence, for a facts card. */
function factPairs(chosen: readonly MeasureWithReadings[], today: IsoDate): [string, string][] {
  return chosen.map((e) => [e.measure.name, measureSentence(e, today).slice(e.measure.name.length + 2)]);
}

const OFF_COURSE: readonly string[] = ['off_course', 'missed'];
const ON_COURSE: readonly string[] = ['on_course', 'met'];

/** Only the measures on (or off) course, for "which measures are off course?". */
function answerByCourse(all: readonly MeasureWithReadings[], course: 'on' | 'off', today: IsoDate): Answer {
  const kinds = course === 'off' ? OFF_COURSE : ON_COURSE;
  const chosen = all.filter((e) => kinds.includes(measureCourse(e.measure, e.readings, today).kind));
  const words = course === 'off' ? 'off course' : 'on course';
  if (!chosen.length) return { text: all.length === 1 ? `The plan's one measure is not ${words}.` : `None of the plan's ${all.length} measures is ${words}.`, cards: [] };
  const pairs = factPairs(chosen, today);
  const text = `${chosen.length} of the plan's ${all.length} measures ${chosen.length === 1 ? 'is' : 'are'} ${words}: ${chosen.map((e) => e.measure.name).join('; ')}.`;
  return { text: escapeTeamsMarkdown(text), cards: [factsCard(`Measures ${words}`, pairs)] };
}

export function answerMeasures(all: readonly MeasureWithReadings[], refs: readonly string[], today: IsoDate, course?: 'on' | 'off'): Answer {
  if (all.length === 0) return { text: NO_MEASURES, cards: [] };
  if (course && !refs.length) return answerByCourse(all, course, today);
  const chosen = refs.length ? all.filter((e) => refs.includes(e.measure.ref)) : all;
  const pairs = factPairs(chosen, today);
  if (refs.length === 1 && chosen[0]) {
    const { measure } = chosen[0];
    // Where it started, so "what was the baseline?" is answered as well as "how is it doing?".
    const baseline = chosen[0].readings.length ? ` It started at ${formatValue(measure.baseline.value, measure.unit)} on ${formatDate(measure.baseline.date)}.` : '';
    return { text: escapeTeamsMarkdown(`${measureSentence(chosen[0], today)}${baseline}`), cards: [factsCard(measure.name, pairs)] };
  }
  const n = chosen.length;
  const head = refs.length ? `${n} measures match: ${counts(chosen, today)}.` : `The plan has ${n} ${n === 1 ? 'measure' : 'measures'}: ${counts(chosen, today)}.`;
  // The ones that need attention by name: "which measures are off course?" is answered in the text.
  const off = chosen.filter((e) => measureCourse(e.measure, e.readings, today).kind === 'off_course').map((e) => e.measure.name);
  const offText = off.length ? ` Off course: ${off.join('; ')}.` : '';
  return { text: escapeTeamsMarkdown(`${head}${offText}`), cards: [factsCard('Outcome measures', pairs)] };
}
