// Recording a measure's reading in chat: "record 62% for EHC plans in 20 weeks", "record 23 weeks
// for wheelchair waits on 2026-10-31 from the wheelchair service report". Only whoever answers
// for the measure (its action's owner or workstream lead, its workstream's lead) or an admin may;
// who is asking comes from the Teams account, never from the message.
import { UNKNOWN_PERSON } from '../domain/actions/phrasing.js';
import {
  courseWords, formatValue, matchMeasures, mayRecordReading, whoMayRecord, measureCourse, measureTrend, parseUnit, readingProblems, trendWords,
} from '../domain/measures/index.js';
import type { Person } from '../domain/plan/types.js';
import type { Clock } from '../domain/time/clock.js';
import { isIsoDate, type IsoDate } from '../domain/time/dates.js';
import { formatDate, MONTH_NAMES } from '../domain/time/format.js';
import { londonDate } from '../domain/time/london.js';
import type { MeasureStore } from '../store/measures.js';
import type { PeopleRepository } from '../store/people.js';

export interface RecordCommand {
  value: number;
  /** The unit typed after the figure, if any ('%', 'weeks'). */
  unit: string | null;
  /** The words that name the measure. */
  what: string;
  /** The date the figure is for, as typed ('2026-10-31', '31 October 2026'); today when absent. */
  date: string | null;
  source: string | null;
}

// Bounded on every side: a message may be long.
const RECORD = /^record\s+(\d{1,8}(?:\.\d{1,6})?)\s?(%|per ?cent|percent|weeks?|days?)?\s+(?:for|against|on|as)\s+(.{1,200}?)(?:\s+(?:on|for|dated|at)\s+(\d{4}-\d{2}-\d{2}|\d{1,2} [a-z]{3,9} \d{4}))?(?:\s*,?\s+(?:from|source:?)\s+(.{1,200}?))?\s*\.?$/i;

/** "record 62% for EHC plans in 20 weeks" and its longer forms, or null. */
export function parseRecordCommand(text: string): RecordCommand | null {
  const m = RECORD.exec(text.trim().replace(/\s+/g, ' '));
  if (!m) return null;
  return { value: Number(m[1]), unit: m[2] ?? null, what: m[3]!, date: m[4] ?? null, source: m[5]?.trim() || null };
}

/** '31 October 2026' or '2026-10-31' → IsoDate, or undefined. */
function readDate(text: string): IsoDate | undefined {
  if (isIsoDate(text)) return text;
  const m = /^(\d{1,2}) ([a-z]+) (\d{4})$/i.exec(text);
  if (!m) return undefined;
  const month = MONTH_NAMES.findIndex((n) => n.toLowerCase().startsWith(m[2]!.toLowerCase().slice(0, 3))) + 1;
  const iso = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return month > 0 && isIsoDate(iso) ? iso : undefined;
}

export interface MeasureFlowDeps {
  clock: Clock;
  measures: Pick<MeasureStore, 'all' | 'recordReading' | 'byId'>;
  people: Pick<PeopleRepository, 'screenDirectory'>;
}

export interface RecordResult {
  outcome: 'recorded' | 'unknown-person' | 'no-measure' | 'ambiguous' | 'refused' | 'invalid';
  text: string;
}

export class MeasureFlows {
  constructor(private readonly deps: MeasureFlowDeps) {}

  async record(person: Person | null, cmd: RecordCommand): Promise<RecordResult> {
    if (!person) return { outcome: 'unknown-person', text: UNKNOWN_PERSON };
    const all = await this.deps.measures.all();
    const found = matchMeasures(cmd.what, all.map((e) => ({ ...e, ref: e.measure.ref, name: e.measure.name })));
    if (found.length === 0) {
      const names = all.map((e) => e.measure.name).join('; ');
      return { outcome: 'no-measure', text: all.length ? `I can't find a measure like that. The measures are: ${names}.` : 'The plan has no outcome measures yet.' };
    }
    if (found.length > 1) {
      const options = found.map((e) => `${e.measure.name} (${e.measure.ref})`).join(' or ');
      return { outcome: 'ambiguous', text: `That could be ${options}. Please say which, for example “record ${cmd.value} for ${found[0]!.measure.ref}”.` };
    }
    const entry = found[0]!;
    const { measure } = entry;
    if (!mayRecordReading(person, entry)) {
      return { outcome: 'refused', text: `Only ${whoMayRecord(measure)} can record figures for ${measure.name}.` };
    }
    const typedUnit = cmd.unit ? parseUnit(cmd.unit.replace(/\s+/g, ' ')) : undefined;
    if (typedUnit && typedUnit !== measure.unit) {
      return { outcome: 'invalid', text: `${measure.name} is counted in ${measure.unit === 'count' ? 'a number' : measure.unit}, not ${typedUnit}. Nothing was recorded.` };
    }
    const today = londonDate(this.deps.clock.now());
    const date = cmd.date === null ? today : readDate(cmd.date);
    if (!date) return { outcome: 'invalid', text: 'I could not read that date: please write it like 31 October 2026. Nothing was recorded.' };
    const problems = readingProblems({ value: cmd.value, date, source: cmd.source }, measure, today, await this.deps.people.screenDirectory());
    if (problems.length) return { outcome: 'invalid', text: `Nothing was recorded: ${problems.join('; ')}.` };
    await this.deps.measures.recordReading({
      measureId: measure.id, value: cmd.value, date, source: cmd.source, recordedById: person.id, via: 'chat', recordedAt: this.deps.clock.now(),
    });
    const after = (await this.deps.measures.byId(measure.id)) ?? entry;
    const trend = trendWords(measure, measureTrend(measure, after.readings));
    const course = courseWords(measure, measureCourse(measure, after.readings, today));
    return { outcome: 'recorded', text: `Recorded ${formatValue(cmd.value, measure.unit)} for ${measure.name} on ${formatDate(date)}. ${trend} ${course}` };
  }
}
