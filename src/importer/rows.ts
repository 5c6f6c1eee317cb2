// The plan's CSV format (see prisma/demo/kirklees/README.md; the files and their columns are in
// plan-files.ts, re-exported here): a zod schema per file that turns one row of text into typed
// values, with error messages a person editing the spreadsheet can act on. Also the formatters
// export uses, so the two directions cannot drift apart.
import { z } from 'zod';
import {
  ACTION_STATUSES, AREAS, CHANGE_CHANNELS, PHASES, REQUEST_STATUSES, ROLES, SPECIALISMS, SUPPORT_KINDS,
  type Area, type IsoDate, type Role,
} from '../domain/plan/types.js';
import { MEASURE_DIRECTIONS, MEASURE_UNITS, parseUnit, parseValue } from '../domain/measures/index.js';
import { TERM_NAMES } from '../domain/time/school-terms.js';

import { REQUEST_EVENT_KINDS, type PlanFileName } from './plan-files.js';

export {
  COLUMNS, OPTIONAL_COLUMNS, GLOSSARY_FILES, HISTORY_FILES, IMPORT_FILES, MEASURE_FILES, PLAN_FILES, REQUEST_EVENT_KINDS,
  type GlossaryFileName, type HistoryFileName, type ImportFileName, type MeasureFileName, type PlanFileName,
} from './plan-files.js';

/** The areas for improvement in the wording the plan (and the demo files) use. */
export const AREA_LABELS: Record<Area, string> = {
  preparing_for_adulthood: 'Preparing for Adulthood',
  health_waiting_times: 'Health waiting times',
  ehc_plans: 'EHC plans',
  communication: 'Communication',
};

// ---- cells -------------------------------------------------------------------------------

class Bad {
  constructor(readonly message: string) {}
}

/**
 * Longest cell text, by kind. Keys and names are indexed, and an index entry must stay under
 * about 2 700 bytes (PostgreSQL's btree limit; 200 characters are at most 800 bytes).
 */
export const CELL_LIMITS = { key: 100, name: 200, email: 254, text: 10_000 } as const;

/** A column whose trimmed text is parsed by `parse`; a Bad result becomes a row error. */
function cell<T>(parse: (raw: string) => T | Bad, max: number = CELL_LIMITS.text) {
  return z.string().transform((raw, ctx): T => {
    const trimmed = raw.trim();
    const out = trimmed.length > max ? new Bad(`is longer than ${max} characters (${trimmed.length})`) : parse(trimmed);
    if (out instanceof Bad) {
      ctx.addIssue({ code: 'custom', message: out.message });
      return z.NEVER;
    }
    return out;
  });
}

const show = (v: string): string => JSON.stringify(v);
const list = (values: readonly string[]): string => values.join(', ');

const required = cell((v) => (v ? v : new Bad('is required')));
const optional = cell((v) => (v ? v : null));
/** Names of people, workstreams, clusters, settings: required, and short enough to index. */
const name = cell((v) => (v ? v : new Bad('is required')), CELL_LIMITS.name);
const optionalName = cell((v) => (v ? v : null), CELL_LIMITS.name);

/** A key or reference: one word, no spaces. */
const KEY = /^[^\s;,]+$/;
const key = cell((v) => (!v ? new Bad('is required') : KEY.test(v) ? v : new Bad(`${show(v)} is not a valid key (no spaces, commas or semicolons)`)), CELL_LIMITS.key);
const optionalKey = cell((v) => (!v ? null : KEY.test(v) ? v : new Bad(`${show(v)} is not a valid key (no spaces, commas or semicolons)`)), CELL_LIMITS.key);

/** Lower case, with spaces and hyphens as underscores: "On track" and "on_track" both match. */
const normaliseEnum = (v: string): string => v.toLowerCase().replace(/[\s-]+/g, '_');

function oneOf<const T extends readonly string[]>(values: T) {
  return cell((v): T[number] | Bad => {
    if (!v) return new Bad(`is required (one of ${list(values)})`);
    const n = normaliseEnum(v);
    return (values as readonly string[]).includes(n) ? (n as T[number]) : new Bad(`${show(v)} is not one of ${list(values)}`);
  });
}
function optionalOneOf<const T extends readonly string[]>(values: T) {
  return cell((v): T[number] | null | Bad => {
    if (!v) return null;
    const n = normaliseEnum(v);
    return (values as readonly string[]).includes(n) ? (n as T[number]) : new Bad(`${show(v)} is not one of ${list(values)}`);
  });
}

const areaByText = new Map<string, Area>();
for (const area of AREAS) {
  areaByText.set(area.replace(/_/g, ' '), area);
  areaByText.set(AREA_LABELS[area].toLowerCase(), area);
}
/** 'EHC plans', 'ehc_plans', 'Preparing for Adulthood'…, case-insensitive; empty = none. */
export function parseArea(text: string): Area | null | undefined {
  const v = text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  if (!v) return null;
  return areaByText.get(v);
}
const area = cell((v) => {
  const a = parseArea(v);
  return a === undefined ? new Bad(`${show(v)} is not an area for improvement (expected ${list(Object.values(AREA_LABELS))}, or empty)`) : a;
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
/** Strict YYYY-MM-DD that is a real calendar date. */
export function parseIsoDate(v: string): IsoDate | undefined {
  const m = DATE.exec(v);
  if (!m) return undefined;
  return validDate(Number(m[1]), Number(m[2]), Number(m[3])) ? v : undefined;
}
const date = cell((v) => {
  if (!v) return new Bad('is required (YYYY-MM-DD)');
  if (!DATE.test(v)) return new Bad(`${show(v)} is not a date in the form YYYY-MM-DD`);
  return parseIsoDate(v) ?? new Bad(`${show(v)} is not a real date`);
});

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-](\d{2}):(\d{2}))$/;
/** An ISO date-time with an explicit offset (Z or ±hh:mm), e.g. 2026-11-25T13:30:00+00:00. */
export function parseTimestamp(v: string): Date | undefined {
  const m = TIMESTAMP.exec(v);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, , , oh, om] = m;
  if (!validDate(Number(y), Number(mo), Number(d))) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
  if (oh !== undefined && (Number(oh) > 14 || Number(om) > 59)) return undefined;
  const t = new Date(v);
  return Number.isNaN(t.getTime()) ? undefined : t;
}
const timestampHint = 'a date-time with an offset, such as 2026-11-25T13:30:00+00:00';
const timestamp = cell((v): Date | Bad => {
  if (!v) return new Bad(`is required (${timestampHint})`);
  return parseTimestamp(v) ?? new Bad(`${show(v)} is not ${timestampHint}`);
});
const optionalTimestamp = cell((v): Date | null | Bad => (!v ? null : parseTimestamp(v) ?? new Bad(`${show(v)} is not ${timestampHint}`)));

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const email = cell((v) => (!v ? null : EMAIL.test(v) ? v : new Bad(`${show(v)} is not an e-mail address`)), CELL_LIMITS.email);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const aadObjectId = cell((v) => (!v ? null : GUID.test(v) ? v.toLowerCase() : new Bad(`${show(v)} is not a Teams (Entra ID) object id such as 6f1c2a10-0001-4a6e-9c1a-000000000001`)));

const roles = cell((v): Role[] | Bad => {
  const out: Role[] = [];
  for (const part of v.split(';')) {
    const r = part.trim().toLowerCase();
    if (!r) continue;
    if (!(ROLES as readonly string[]).includes(r)) return new Bad(`${show(part.trim())} is not a role (roles are ${list(ROLES)}, separated by ';')`);
    if (!out.includes(r as Role)) out.push(r as Role);
  }
  return out;
});

const PILLAR = /^([1-7]|5[abc])$/;
const pillar = cell((v) => (!v ? new Bad('is required (1 to 7, or 5a, 5b, 5c)') : PILLAR.test(v.toLowerCase()) ? v.toLowerCase() : new Bad(`${show(v)} is not a maturity pillar (1 to 7, or 5a, 5b, 5c)`)));

const minutes = cell((v) => {
  if (!/^\d+$/.test(v)) return new Bad(v ? `${show(v)} is not a whole number of minutes` : 'is required (minutes)');
  const n = Number(v);
  return n >= 1 && n <= 1440 ? n : new Bad(`${show(v)} is not between 1 and 1440 minutes`);
});

const optionalDate = cell((v) => {
  if (!v) return null;
  if (!DATE.test(v)) return new Bad(`${show(v)} is not a date in the form YYYY-MM-DD`);
  return parseIsoDate(v) ?? new Bad(`${show(v)} is not a real date`);
});

/** A whole number from `min` to `max`; empty is null when `optional`. */
function wholeNumber(min: number, max: number, what: string, optional: boolean) {
  return cell((v): number | null | Bad => {
    if (!v) return optional ? null : new Bad(`is required (${what} from ${min} to ${max})`);
    if (!/^\d{1,9}$/.test(v)) return new Bad(`${show(v)} is not a whole number`);
    const n = Number(v);
    return n >= min && n <= max ? n : new Bad(`${show(v)} is not ${what} from ${min} to ${max}`);
  });
}

/**
 * Free text kept exactly as written (history is restored as it was, spaces and all); empty is
 * null. Limited so that one cell cannot fill the database.
 */
const FREE_TEXT_MAX = 20_000;
const freeText = z.string().transform((raw, ctx): string | null => {
  if (raw.length > FREE_TEXT_MAX) {
    ctx.addIssue({ code: 'custom', message: `is longer than ${FREE_TEXT_MAX} characters` });
    return z.NEVER;
  }
  return raw.trim() === '' ? null : raw;
});

/** Items separated by ';' (empty items dropped). */
const items = cell((v) => v.split(';').map((s) => s.trim()).filter((s) => s.length > 0));

// ---- rows --------------------------------------------------------------------------------

export const personRow = z.object({
  key, name, email, roles, specialism: optionalOneOf(SPECIALISMS), job_title: optionalName,
  /** Optional column: undefined when the file has none, which keeps what is stored. */
  organisation: optionalName.optional(), teams_aad_object_id: aadObjectId,
});
export const workstreamRow = z.object({ code: key, name, maturity_pillar: pillar, lead: optionalKey });
export const actionRow = z.object({
  ref: key, title: required,
  /** Optional column: the title in plain words for the public pages; undefined when the file has none. */
  plain_title: optional.optional(),
  workstream: key, area_for_improvement: area, owner: optionalKey, due: date,
  status: oneOf(ACTION_STATUSES), last_update: optional, source: optional,
});
export const clusterRow = z.object({ code: key, name, area: name, chair: optionalKey });
export const settingRow = z.object({ name, phase: oneOf(PHASES), cluster: key, senco: optionalKey });
export const meetingRow = z.object({
  cluster: key, starts_at: timestamp, duration_minutes: minutes, location: required, agenda: items,
});
export const expertRequestRow = z.object({
  ref: key, requested_by: key, setting: name, specialism: oneOf(SPECIALISMS), kind: oneOf(SUPPORT_KINDS),
  summary: required, status: oneOf(REQUEST_STATUSES), assigned_to: optionalKey,
  created_at: timestamp, first_response_at: optionalTimestamp, closed_at: optionalTimestamp,
});

/** '2026-27': two years that follow each other. */
const academicYear = cell((v) => {
  const m = /^(\d{4})-(\d{2})$/.exec(v);
  if (!m) return new Bad(v ? `${show(v)} is not an academic year such as 2026-27` : 'is required (such as 2026-27)');
  return (Number(m[1]) + 1) % 100 === Number(m[2]) ? v : new Bad(`${show(v)} is not an academic year: the second year must follow the first (such as 2026-27)`);
});
export const termDateRow = z.object({
  academic_year: academicYear, term: oneOf(TERM_NAMES), starts_on: date, ends_on: date,
  half_term_starts_on: optionalDate, half_term_ends_on: optionalDate,
});

export const actionHistoryRow = z.object({
  ref: key, at: timestamp, actor: optionalKey, via: oneOf(CHANGE_CHANNELS), status_from: optionalOneOf(ACTION_STATUSES),
  status_to: optionalOneOf(ACTION_STATUSES), due_from: optionalDate, due_to: optionalDate, note: freeText,
  version: wholeNumber(1, 1_000_000_000, 'a version', true),
});
/** Any pillar view the matrix may hold ('3', '5a', …): ratings are history, restored as they are. */
const ratingPillar = cell((v) => (!v ? new Bad('is required (such as 3 or 5a)') : /^\d{1,2}[a-z]?$/i.test(v) ? v : new Bad(`${show(v)} is not a maturity pillar (such as 3 or 5a)`)));

export const maturityRatingRow = z.object({
  pillar: ratingPillar, score: wholeNumber(0, 3, 'a score', false).transform((n) => n ?? 0), note: freeText, rated_by: optionalKey, rated_at: timestamp,
});
export const expertRequestEventRow = z.object({ ref: key, at: timestamp, actor: optionalKey, kind: oneOf(REQUEST_EVENT_KINDS), note: freeText });

const measureUnit = cell((v) => (!v ? new Bad(`is required (one of ${list(MEASURE_UNITS)})`) : parseUnit(v) ?? new Bad(`${show(v)} is not one of ${list(MEASURE_UNITS)}`)));
/** 'higher', 'Lower', 'higher is better'. */
const direction = cell((v) => {
  const d = v.toLowerCase().replace(/\s+is\s+better$/, '');
  return (MEASURE_DIRECTIONS as readonly string[]).includes(d) ? (d as (typeof MEASURE_DIRECTIONS)[number])
    : new Bad(v ? `${show(v)} is not one of ${list(MEASURE_DIRECTIONS)} (which is better)` : `is required (${list(MEASURE_DIRECTIONS)}: which is better)`);
});
/** A figure: 62, 62.5, 62% (the unit's range is checked with the measure). */
const figure = cell((v) => (!v ? new Bad('is required (a number)') : parseValue(v) ?? new Bad(`${show(v)} is not a number`)));

export const measureRow = z.object({
  ref: key, name, unit: measureUnit, direction, baseline_value: figure, baseline_date: date, target_value: figure, target_date: date,
  action: optionalKey, workstream: optionalKey, area_for_improvement: area,
});
export const measureReadingRow = z.object({ measure: key, date, value: figure, source: optionalName, recorded_by: optionalKey });

/** A glossary term: an acronym ("EHC") or a few words ("maturity pillar"), one line, and what it means. */
const TERM = /^[\p{L}\p{N}][\p{L}\p{N} '&/.-]*$/u;
const term = cell((v) => (!v ? new Bad('is required (an acronym such as EHC, or a few words)')
  : TERM.test(v) ? v : new Bad(`${show(v)} is not a term: letters, digits, spaces, hyphens, full stops, & and / only`)), 60);
const meaning = cell((v) => (v ? v : new Bad('is required (what the term means, in plain words)')), 300);
export const glossaryRow = z.object({ term, meaning });

export const ROW_SCHEMAS = {
  'people.csv': personRow,
  'workstreams.csv': workstreamRow,
  'actions.csv': actionRow,
  'clusters.csv': clusterRow,
  'settings.csv': settingRow,
  'meetings.csv': meetingRow,
  'expert_requests.csv': expertRequestRow,
  'term_dates.csv': termDateRow,
  'measures.csv': measureRow,
  'measure_readings.csv': measureReadingRow,
  'glossary.csv': glossaryRow,
  'action_history.csv': actionHistoryRow,
  'maturity_ratings.csv': maturityRatingRow,
  'expert_request_events.csv': expertRequestEventRow,
} as const satisfies Record<PlanFileName, z.ZodType>;

export type PersonRow = z.output<typeof personRow>;
export type WorkstreamRow = z.output<typeof workstreamRow>;
export type ActionRow = z.output<typeof actionRow>;
export type ClusterRow = z.output<typeof clusterRow>;
export type SettingRow = z.output<typeof settingRow>;
export type MeetingRow = z.output<typeof meetingRow>;
export type ExpertRequestRow = z.output<typeof expertRequestRow>;
export type TermDateRow = z.output<typeof termDateRow>;
export type MeasureRow = z.output<typeof measureRow>;
export type MeasureReadingRow = z.output<typeof measureReadingRow>;
export type GlossaryRow = z.output<typeof glossaryRow>;
export type ActionHistoryRow = z.output<typeof actionHistoryRow>;
export type MaturityRatingRow = z.output<typeof maturityRatingRow>;
export type ExpertRequestEventRow = z.output<typeof expertRequestEventRow>;
export type RowOf<F extends PlanFileName> = z.output<(typeof ROW_SCHEMAS)[F]>;

/** Parses one row (column name → text); the reasons read like `status "done" is not one of …`. */
export function parseRow<F extends PlanFileName>(file: F, values: Record<string, string>):
  { ok: true; row: RowOf<F> } | { ok: false; reasons: string[] } {
  const parsed = ROW_SCHEMAS[file].safeParse(values);
  if (parsed.success) return { ok: true, row: parsed.data as RowOf<F> };
  return { ok: false, reasons: parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`.trim()) };
}

// ---- formatting (export) -----------------------------------------------------------------

/** A due date (stored at midnight UTC) as YYYY-MM-DD. */
export function formatDate(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

/** An instant as in the demo files: 2026-11-25T13:30:00+00:00 (milliseconds only when set). */
export function formatTimestamp(d: Date): string {
  const iso = d.toISOString();
  return (iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1)) + '+00:00';
}

