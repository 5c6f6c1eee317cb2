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

export function answerMeasures(all: readonly MeasureWithReadings[], refs: readonly string[], today: IsoDate): Answer {
  if (all.length === 0) return { text: NO_MEASURES, cards: [] };
  const chosen = refs.length ? all.filter((e) => refs.includes(e.measure.ref)) : all;
  const pairs = chosen.map((e): [string, string] => [e.measure.name, measureSentence(e, today).slice(e.measure.name.length + 2)]);
  if (refs.length === 1 && chosen[0]) {
    return { text: escapeTeamsMarkdown(measureSentence(chosen[0], today)), cards: [factsCard(chosen[0].measure.name, pairs)] };
  }
  const n = chosen.length;
  const head = refs.length ? `${n} measures match: ${counts(chosen, today)}.` : `The plan has ${n} ${n === 1 ? 'measure' : 'measures'}: ${counts(chosen, today)}.`;
  return { text: head, cards: [factsCard('Outcome measures', pairs)] };
}
