// Imports a folder of plan CSV files (people, workstreams, actions, clusters, settings, meetings,
// expert requests, term dates; each optional) and of their history (action_history, maturity_ratings,
// expert_request_events; each optional, written by export). Every row of every file is checked
// first, including references across files and to the database; any error means nothing is
// written. Otherwise everything is applied in one transaction, upserting by natural keys. Rows are
// compared in memory with what is stored and only real changes are written, so importing the same
// files twice changes nothing. Built for big plans: existing rows are loaded once and compared in
// Maps; new and changed rows are written a few thousand at a time, one INSERT or UPDATE per chunk.
//
// History is append-only and restored, never rewritten:
// - An action history row is identified by (action ref, version): a row already stored is skipped,
//   one stored with other details is an error (the folder comes from another database). Rows
//   without a version, maturity ratings and request events are identified by their whole content
//   and counted: the file's copies beyond those stored are added, so a re-import adds nothing.
// - The importer writes its own 'import' history row only for a change the history file does not
//   explain. The history file explains an action up to H, the highest version it lists for it:
//   a new action with H ≥ 1 is created at version H with no row of the importer's own (its
//   history is the file's); an action stored at version S < H takes the file's state at version
//   H, again with no row of its own. Otherwise (no history for it, or H ≤ S: the usual export →
//   edit → import) a change moves it to S + 1 with an 'import' row, as always. So a restore gives
//   each action exactly its old history and version, and an edit after an export is still recorded.
// - A restored action's last_update_at is the time of its newest history row that set it (a card
//   or chat change, or a row with a note); see lastUpdateAtOf.
// - A new Experts at Hand request gets the importer's 'created' event only when the events file
//   has none for it; a changed request still gets a 'noted' event (events carry no version).
import fs from 'node:fs';
import path from 'node:path';
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../store/database.js';
import { vacuumAnalyse } from '../store/maintenance.js';
import { parseCsv } from './csv.js';
import { screenImportRows } from './privacy-pass.js';
import {
  COLUMNS, IMPORT_FILES, PLAN_FILES, formatDate, formatTimestamp, parseRow,
  type ActionHistoryRow, type ActionRow, type ClusterRow, type ExpertRequestEventRow, type ExpertRequestRow, type MaturityRatingRow,
  type HistoryFileName, type ImportFileName, type MeetingRow, type PersonRow, type PlanFileName, type RowOf, type SettingRow, type TermDateRow, type WorkstreamRow,
} from './rows.js';
import { applyTermDates, checkTermDates, termDateKey, termDatePairs, termDateSelect, type DbTermDate } from './term-dates.js';

type Client = Prisma.TransactionClient;

export interface ImportOptions {
  /** Check everything and compute the report, but write nothing. */
  dryRun?: boolean;
  /** The clock's now: history rows, createdAt/updatedAt and lastUpdateAt of imported rows. */
  now: Date;
  /** The person running the import, recorded on history rows (null: nobody in particular). */
  actorId?: number | null;
}

export interface FileReport {
  added: number;
  changed: number;
  unchanged: number;
  /** Natural keys (refs, codes, names) of the rows added and changed, in file order. */
  addedKeys: string[];
  changedKeys: string[];
}

export interface ImportReport {
  folder: string;
  dryRun: boolean;
  /** One entry per file found in the folder. History files report rows added and already there. */
  files: { [F in PlanFileName]?: FileReport };
  /** Action history rows written (or that would be written): the importer's own and restored ones. */
  historyRows: number;
  ms: number;
}

export interface ImportIssue {
  file: string;
  /** Physical line in the file (header = 1); absent for problems with the folder itself. */
  line?: number;
  reason: string;
}

export function formatIssue(issue: ImportIssue): string {
  return issue.line === undefined ? `${issue.file}: ${issue.reason}` : `${issue.file}:${issue.line}: ${issue.reason}`;
}

/** The files did not pass the checks; nothing was written. `errors` reads `file.csv:LINE: reason`. */
export class ImportError extends Error {
  readonly issues: readonly ImportIssue[];
  readonly errors: readonly string[];
  constructor(issues: ImportIssue[]) {
    const errors = issues.map(formatIssue);
    const shown = errors.slice(0, 20).join('\n') + (errors.length > 20 ? `\n… and ${errors.length - 20} more` : '');
    super(`The import found ${issues.length} ${issues.length === 1 ? 'error' : 'errors'}; nothing was imported.\n${shown}`);
    this.name = 'ImportError';
    this.issues = issues;
    this.errors = errors;
  }
}

/** Someone changed a row between the import reading it and writing it; nothing was imported. */
export class ImportConflictError extends Error {
  constructor(what: string) {
    super(`Some ${what} changed while the import was running; nothing was imported. Run it again.`);
    this.name = 'ImportConflictError';
  }
}

export async function importFolder(db: Db, folder: string, opts: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const input = readFolder(folder);
  const run = async (client: Client, write: boolean): Promise<ImportReport> => {
    const snapshot = await loadSnapshot(client, input);
    const plan = planImport(input, snapshot);
    const adults = [...(input.files['people.csv'] ?? []).map((p) => p.row.name), ...[...snapshot.people.values()].map((p) => p.name)];
    const issues = [...plan.issues, ...screenImportRows(input.files, adults)];
    if (issues.length > 0) throw new ImportError(sortIssues(issues));
    const historyRows = write ? await applyPlan(client, plan, snapshot, opts) : countHistory(plan);
    return { folder, dryRun: !write, files: plan.report, historyRows, ms: Math.round(performance.now() - started) };
  };
  if (input.fatal) throw new ImportError(input.issues);
  if (opts.dryRun) return run(db, false);
  const report = await db.$transaction((tx) => run(tx, true), { timeout: 120_000, maxWait: 30_000 });
  // Statistics and the visibility map for what was just written: without them counts read the
  // table instead of the indexes until a vacuum comes (never, in the embedded database).
  await vacuumAnalyse(db);
  return report;
}

/** Folder problems first, then by file (in PLAN_FILES order) and line. */
function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  const rank = (file: string): number => (PLAN_FILES as readonly string[]).indexOf(file); // -1: the folder
  return [...issues].sort((a, b) => rank(a.file) - rank(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

// ---- reading -----------------------------------------------------------------------------

interface Parsed<R> {
  line: number;
  row: R;
}
type ParsedFiles = { [F in PlanFileName]?: Parsed<RowOf<F>>[] };

interface FolderInput {
  files: ParsedFiles;
  issues: ImportIssue[];
  /** The folder itself is unusable: nothing more to check. */
  fatal: boolean;
}

function readFolder(folder: string): FolderInput {
  const issues: ImportIssue[] = [];
  let entries: string[];
  try {
    if (!fs.statSync(folder).isDirectory()) return { files: {}, issues: [{ file: folder, reason: 'is not a folder' }], fatal: true };
    entries = fs.readdirSync(folder);
  } catch {
    return { files: {}, issues: [{ file: folder, reason: 'no such folder' }], fatal: true };
  }
  const found = new Map<PlanFileName, string>();
  for (const name of entries.sort()) {
    if (!name.toLowerCase().endsWith('.csv')) continue;
    const known = PLAN_FILES.find((f) => f === name.toLowerCase());
    if (known) found.set(known, name);
    else issues.push({ file: name, reason: `is not one of the plan's files (${PLAN_FILES.join(', ')})` });
  }
  if (found.size === 0 && issues.length === 0) {
    return { files: {}, issues: [{ file: folder, reason: `has none of the plan's files (${PLAN_FILES.join(', ')})` }], fatal: true };
  }
  const files: ParsedFiles = {};
  for (const file of PLAN_FILES) {
    const name = found.get(file);
    if (name === undefined) continue;
    // Each file type is read by its own schema; the cast only re-attaches the key's row type.
    (files as Record<PlanFileName, unknown>)[file] = readFile(file, path.join(folder, name), issues);
  }
  return { files, issues, fatal: false };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readFile<F extends PlanFileName>(file: F, fullPath: string, issues: ImportIssue[]): Parsed<RowOf<F>>[] {
  let text: string;
  try {
    text = utf8.decode(fs.readFileSync(fullPath));
  } catch {
    issues.push({ file, line: 1, reason: 'is not UTF-8 text (save it as "CSV UTF-8")' });
    return [];
  }
  const { records, issues: syntax } = parseCsv(text);
  for (const s of syntax) issues.push({ file, line: s.line, reason: s.reason });
  const columns: readonly string[] = COLUMNS[file];
  const header = records[0];
  if (!header) {
    issues.push({ file, line: 1, reason: `the file is empty (the first line must be the header: ${columns.join(',')})` });
    return [];
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) issues.push({ file, line: header.line, reason: `column ${JSON.stringify(n)} appears twice in the header` });
    seen.add(n);
  }
  const missing = columns.filter((c) => !seen.has(c));
  const unknown = names.filter((n) => !(columns as readonly string[]).includes(n));
  if (missing.length > 0) {
    issues.push({ file, line: header.line, reason: `missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} (the header must be: ${columns.join(',')})` });
  }
  if (unknown.length > 0) {
    issues.push({ file, line: header.line, reason: `unknown ${unknown.length === 1 ? 'column' : 'columns'} ${unknown.map((u) => JSON.stringify(u)).join(', ')} (the header must be: ${columns.join(',')})` });
  }
  if (missing.length > 0) return [];
  const index = columns.map((c) => names.indexOf(c));
  const out: Parsed<RowOf<F>>[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.fields.length !== names.length) {
      issues.push({ file, line: record.line, reason: `has ${record.fields.length} ${record.fields.length === 1 ? 'field' : 'fields'} but the header has ${names.length} (a missing comma, or a comma in a field that is not quoted?)` });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((c, i) => { values[c] = record.fields[index[i]!]!; });
    // The database cannot store a NUL character in text, whatever the column.
    const nul = columns.filter((c) => values[c]!.includes('\u0000'));
    if (nul.length > 0) {
      for (const c of nul) issues.push({ file, line: record.line, reason: `${c} contains a NUL character (\\0), which cannot be stored: remove it` });
      continue;
    }
    const parsed = parseRow(file, values);
    if (parsed.ok) out.push({ line: record.line, row: parsed.row });
    else for (const reason of parsed.reasons) issues.push({ file, line: record.line, reason });
  }
  return out;
}

// ---- what is stored ----------------------------------------------------------------------

const personSelect = { id: true, key: true, name: true, email: true, jobTitle: true, aadObjectId: true, roles: true, specialism: true } satisfies Prisma.PersonSelect;
const workstreamSelect = { id: true, code: true, name: true, pillar: true, leadId: true } satisfies Prisma.WorkstreamSelect;
const clusterSelect = { id: true, code: true, name: true, area: true, chairId: true } satisfies Prisma.ClusterSelect;
const settingSelect = { id: true, name: true, phase: true, clusterId: true, sencoId: true } satisfies Prisma.SettingSelect;
const actionSelect = {
  id: true, ref: true, title: true, workstreamId: true, area: true, ownerId: true, dueDate: true, status: true,
  lastUpdate: true, lastUpdateAt: true, source: true, version: true,
} satisfies Prisma.ActionSelect;
const meetingSelect = { id: true, clusterId: true, startsAt: true, durationMinutes: true, location: true, agenda: true, version: true } satisfies Prisma.ClusterMeetingSelect;
const requestSelect = {
  id: true, ref: true, requesterId: true, settingId: true, specialism: true, kind: true, summary: true, status: true,
  assigneeId: true, createdAt: true, firstResponseAt: true, closedAt: true, outcome: true, version: true,
} satisfies Prisma.ExpertRequestSelect;

type DbPerson = Prisma.PersonGetPayload<{ select: typeof personSelect }>;
type DbWorkstream = Prisma.WorkstreamGetPayload<{ select: typeof workstreamSelect }>;
type DbCluster = Prisma.ClusterGetPayload<{ select: typeof clusterSelect }>;
type DbSetting = Prisma.SettingGetPayload<{ select: typeof settingSelect }>;
type DbAction = Prisma.ActionGetPayload<{ select: typeof actionSelect }>;
type DbMeeting = Prisma.ClusterMeetingGetPayload<{ select: typeof meetingSelect }>;
type DbRequest = Prisma.ExpertRequestGetPayload<{ select: typeof requestSelect }>;

const historySelect = {
  actionId: true, actorId: true, at: true, via: true, statusFrom: true, statusTo: true, dueFrom: true, dueTo: true, note: true, version: true,
} satisfies Prisma.ActionHistorySelect;
type DbHistory = Prisma.ActionHistoryGetPayload<{ select: typeof historySelect }>;

interface Snapshot {
  people: Map<string, DbPerson>;
  workstreams: Map<string, DbWorkstream>;
  clusters: Map<string, DbCluster>;
  settings: Map<string, DbSetting>;
  actions: Map<string, DbAction>;
  /** By `${clusterId}|${startsAt ms}`. */
  meetings: Map<string, DbMeeting>;
  requests: Map<string, DbRequest>;
  /** By `${academicYear} ${term}`. */
  termDates: Map<string, DbTermDate>;
  personKey: Map<number, string>;
  workstreamCode: Map<number, string>;
  clusterCode: Map<number, string>;
  settingName: Map<number, string>;
  /** Stored action history (only when action_history.csv is imported). */
  history: DbHistory[];
  /** Stored maturity ratings and request events, by content key (only when their file is imported). */
  ratingKeys: string[];
  eventKeys: string[];
  /** Per stored request (by ref), its 'closed' events: closing writes the outcome as the event's note. */
  closedEvents: Map<string, { at: Date; note: string | null }[]>;
}

async function loadSnapshot(client: Client, input: FolderInput): Promise<Snapshot> {
  const has = (f: PlanFileName): boolean => input.files[f] !== undefined;
  // Sequential on purpose: an interactive transaction runs one query at a time anyway.
  const people = await client.person.findMany({ select: personSelect });
  const workstreams = await client.workstream.findMany({ select: workstreamSelect });
  const clusters = await client.cluster.findMany({ select: clusterSelect });
  const settings = await client.setting.findMany({ select: settingSelect });
  const actions = has('actions.csv') || has('action_history.csv') ? await client.action.findMany({ select: actionSelect }) : [];
  const meetings = has('meetings.csv') ? await client.clusterMeeting.findMany({ select: meetingSelect }) : [];
  const requests = has('expert_requests.csv') || has('expert_request_events.csv') ? await client.expertRequest.findMany({ select: requestSelect }) : [];
  const termDates = has('term_dates.csv') ? await client.termDate.findMany({ select: termDateSelect }) : [];
  const history = has('action_history.csv') ? await client.actionHistory.findMany({ select: historySelect, orderBy: { id: 'asc' } }) : [];
  const ratings = has('maturity_ratings.csv') ? await client.maturityRating.findMany({ select: { pillar: true, score: true, note: true, ratedById: true, ratedAt: true } }) : [];
  const events = has('expert_request_events.csv') ? await client.expertRequestEvent.findMany({ select: { requestId: true, actorId: true, at: true, kind: true, note: true } }) : [];
  const personKey = new Map(people.map((p) => [p.id, p.key]));
  const requestRef = new Map(requests.map((r) => [r.id, r.ref]));
  const keyOf = (id: number | null): string | null => (id === null ? null : personKey.get(id) ?? `#${id}`);
  return {
    history,
    ratingKeys: ratings.map((r) => ratingKey({ pillar: r.pillar, score: r.score, note: r.note, rated_by: keyOf(r.ratedById), rated_at: r.ratedAt })),
    eventKeys: events.map((e) => eventKey({ ref: requestRef.get(e.requestId) ?? `#${e.requestId}`, at: e.at, actor: keyOf(e.actorId), kind: e.kind, note: e.note })),
    closedEvents: events.filter((e) => e.kind === 'closed').reduce((m, e) => {
      const r = requestRef.get(e.requestId) ?? `#${e.requestId}`;
      m.set(r, [...(m.get(r) ?? []), { at: e.at, note: e.note }]);
      return m;
    }, new Map<string, { at: Date; note: string | null }[]>()),
    people: new Map(people.map((p) => [p.key, p])),
    workstreams: new Map(workstreams.map((w) => [w.code, w])),
    clusters: new Map(clusters.map((c) => [c.code, c])),
    settings: new Map(settings.map((s) => [s.name, s])),
    actions: new Map(actions.map((a) => [a.ref, a])),
    meetings: new Map(meetings.map((m) => [meetingKey(m.clusterId, m.startsAt), m])),
    requests: new Map(requests.map((r) => [r.ref, r])),
    termDates: new Map(termDates.map((t) => [termDateKey(t.academicYear, t.term), t])),
    personKey,
    workstreamCode: new Map(workstreams.map((w) => [w.id, w.code])),
    clusterCode: new Map(clusters.map((c) => [c.id, c.code])),
    settingName: new Map(settings.map((s) => [s.id, s.name])),
  };
}

const meetingKey = (cluster: number | string, startsAt: Date): string => `${cluster}|${startsAt.getTime()}`;

// Content keys of append-only rows: two rows with the same key are the same event.
const text = (v: string | null): string => JSON.stringify(!v || v.trim() === '' ? '' : v.replace(/\r\n?/g, '\n'));
const day = (d: string | Date | null): string => (d === null ? '' : typeof d === 'string' ? d : formatDate(d));
function historyKey(r: Pick<ActionHistoryRow, 'ref' | 'at' | 'actor' | 'via' | 'status_from' | 'status_to' | 'due_from' | 'due_to' | 'note'>): string {
  return [r.ref, r.at.getTime(), r.actor ?? '', r.via, r.status_from ?? '', r.status_to ?? '', day(r.due_from), day(r.due_to), text(r.note)].join('|');
}
function ratingKey(r: Pick<MaturityRatingRow, 'pillar' | 'score' | 'note' | 'rated_by' | 'rated_at'>): string {
  return [r.pillar, r.score, r.rated_by ?? '', r.rated_at.getTime(), text(r.note)].join('|');
}
function eventKey(r: Pick<ExpertRequestEventRow, 'ref' | 'at' | 'actor' | 'kind' | 'note'>): string {
  return [r.ref, r.at.getTime(), r.actor ?? '', r.kind, text(r.note)].join('|');
}

/** The file's rows whose content key is stored fewer times than the file lists it (a multiset difference). */
function missingByContent<R>(rows: Parsed<R>[], keyOf: (r: R) => string, storedKeys: Iterable<string>): { missing: Parsed<R>[]; present: number } {
  const stored = new Map<string, number>();
  for (const k of storedKeys) stored.set(k, (stored.get(k) ?? 0) + 1);
  const missing: Parsed<R>[] = [];
  let present = 0;
  for (const p of rows) {
    const k = keyOf(p.row);
    const left = stored.get(k) ?? 0;
    if (left > 0) { stored.set(k, left - 1); present++; } else missing.push(p);
  }
  return { missing, present };
}

// ---- planning ----------------------------------------------------------------------------

interface Create<R> { line: number; key: string; row: R }
interface Update<E, R> { line: number; key: string; row: R; existing: E; fields: string[] }
interface EntityPlan<E, R> { creates: Create<R>[]; updates: Update<E, R>[]; unchanged: number }

interface Plan {
  issues: ImportIssue[];
  report: { [F in PlanFileName]?: FileReport };
  people: EntityPlan<DbPerson, PersonRow>;
  workstreams: EntityPlan<DbWorkstream, WorkstreamRow>;
  clusters: EntityPlan<DbCluster, ClusterRow>;
  settings: EntityPlan<DbSetting, SettingRow>;
  actions: EntityPlan<DbAction, ActionRow>;
  meetings: EntityPlan<DbMeeting, MeetingRow>;
  requests: EntityPlan<DbRequest, ExpertRequestRow>;
  termDates: EntityPlan<DbTermDate, TermDateRow>;
  history: HistoryPlan;
}

/** What the history files add, and how they decide versions (see the top of this file). */
interface HistoryPlan {
  /** Action history rows to add, in file order (the order they were first written). */
  actionRows: Parsed<ActionHistoryRow>[];
  /** Actions whose state comes from the history file: ref → version, and its last_update_at. */
  restored: Map<string, { version: number; lastUpdateAt: Date | null }>;
  ratings: Parsed<MaturityRatingRow>[];
  events: Parsed<ExpertRequestEventRow>[];
  /** Requests the events file has events for: their 'created' event comes from the file. */
  eventRefs: Set<string>;
  /** Requests whose outcome the events give: the note of the newest 'closed' event (file or stored). */
  outcomes: Map<string, string | null>;
}

type Pairs = [field: string, stored: unknown, wanted: unknown][];
const norm = (v: unknown): unknown => (v instanceof Date ? v.getTime() : Array.isArray(v) ? JSON.stringify(v) : v ?? null);
const changedFields = (pairs: Pairs): string[] => pairs.filter(([, a, b]) => norm(a) !== norm(b)).map(([f]) => f);

function planImport(input: FolderInput, snap: Snapshot): Plan {
  const issues = [...input.issues];
  const f = input.files;
  const problem = (file: PlanFileName, line: number, reason: string): void => { issues.push({ file, line, reason }); };

  /** Keeps the first row per key; later ones are errors. */
  function unique<R>(file: PlanFileName, rows: Parsed<R>[] | undefined, keyOf: (r: R) => string, label: string,
    shown: (r: R) => string = keyOf): Map<string, Parsed<R>> {
    const out = new Map<string, Parsed<R>>();
    for (const p of rows ?? []) {
      const k = keyOf(p.row);
      const first = out.get(k);
      if (first) problem(file, p.line, `${label} ${JSON.stringify(shown(p.row))} appears twice (first on line ${first.line})`);
      else out.set(k, p);
    }
    return out;
  }
  const people = unique('people.csv', f['people.csv'], (r) => r.key, 'key');
  const workstreams = unique('workstreams.csv', f['workstreams.csv'], (r) => r.code, 'code');
  const clusters = unique('clusters.csv', f['clusters.csv'], (r) => r.code, 'code');
  const settings = unique('settings.csv', f['settings.csv'], (r) => r.name, 'name');
  const actions = unique('actions.csv', f['actions.csv'], (r) => r.ref, 'ref');
  const meetingLabel = (r: MeetingRow): string => `${r.cluster} ${formatTimestamp(r.starts_at)}`;
  const meetings = unique('meetings.csv', f['meetings.csv'], (r) => meetingKey(r.cluster, r.starts_at), 'meeting', meetingLabel);
  const termDates = unique('term_dates.csv', f['term_dates.csv'], (r) => termDateKey(r.academic_year, r.term), 'term');
  checkTermDates(termDates.values(), (line, reason) => problem('term_dates.csv', line, reason));
  const requests = unique('expert_requests.csv', f['expert_requests.csv'], (r) => r.ref, 'ref');

  // References: to a row in the other file or to one already stored.
  const known = {
    person: (k: string) => people.has(k) || snap.people.has(k),
    workstream: (k: string) => workstreams.has(k) || snap.workstreams.has(k),
    cluster: (k: string) => clusters.has(k) || snap.clusters.has(k),
    setting: (k: string) => settings.has(k) || snap.settings.has(k),
    action: (k: string) => actions.has(k) || snap.actions.has(k),
    request: (k: string) => requests.has(k) || snap.requests.has(k),
  };
  const where = {
    person: 'people.csv', workstream: 'workstreams.csv', cluster: 'clusters.csv', setting: 'settings.csv', action: 'actions.csv', request: 'expert_requests.csv',
  } as const;
  function ref(file: PlanFileName, line: number, column: string, kind: keyof typeof known, value: string | null): void {
    if (value !== null && !known[kind](value)) problem(file, line, `${column} ${JSON.stringify(value)} is in neither ${where[kind]} nor the database`);
  }
  for (const p of workstreams.values()) ref('workstreams.csv', p.line, 'lead', 'person', p.row.lead);
  for (const p of clusters.values()) ref('clusters.csv', p.line, 'chair', 'person', p.row.chair);
  for (const p of settings.values()) {
    ref('settings.csv', p.line, 'cluster', 'cluster', p.row.cluster);
    ref('settings.csv', p.line, 'senco', 'person', p.row.senco);
  }
  for (const p of actions.values()) {
    ref('actions.csv', p.line, 'workstream', 'workstream', p.row.workstream);
    ref('actions.csv', p.line, 'owner', 'person', p.row.owner);
  }
  for (const p of meetings.values()) ref('meetings.csv', p.line, 'cluster', 'cluster', p.row.cluster);
  for (const p of requests.values()) {
    ref('expert_requests.csv', p.line, 'requested_by', 'person', p.row.requested_by);
    ref('expert_requests.csv', p.line, 'setting', 'setting', p.row.setting);
    ref('expert_requests.csv', p.line, 'assigned_to', 'person', p.row.assigned_to);
  }

  // Unique columns other than the key, checked on the state after the import.
  function uniqueAfter<R, E>(file: PlanFileName, column: string, rows: Map<string, Parsed<R>>, valueOf: (r: R) => string | null,
    stored: Map<string, E>, storedValue: (e: E) => string | null): void {
    const taken = new Map<string, { key: string; line?: number }>();
    for (const [key, e] of stored) {
      const v = storedValue(e);
      if (v !== null && !rows.has(key)) taken.set(v.toLowerCase(), { key });
    }
    for (const [key, p] of rows) {
      const v = valueOf(p.row);
      if (v === null) continue;
      const holder = taken.get(v.toLowerCase());
      if (holder) {
        problem(file, p.line, `${column} ${JSON.stringify(v)} is already used by ${JSON.stringify(holder.key)} ${holder.line === undefined ? 'in the database' : `on line ${holder.line}`}`);
      } else taken.set(v.toLowerCase(), { key, line: p.line });
    }
  }
  uniqueAfter('people.csv', 'email', people, (r) => r.email, snap.people, (e) => e.email);
  uniqueAfter('people.csv', 'teams_aad_object_id', people, (r) => r.teams_aad_object_id, snap.people, (e) => e.aadObjectId);
  uniqueAfter('clusters.csv', 'name', clusters, (r) => r.name, snap.clusters, (e) => e.name);

  const history = planHistory(f, snap, actions, problem, ref);

  const key = (m: Map<number, string>, id: number | null): string | null => (id === null ? null : m.get(id) ?? null);
  function plan<E, R>(rows: Map<string, Parsed<R>>, find: (k: string, r: R) => E | undefined, label: (k: string, r: R) => string,
    diff: (e: E, r: R) => Pairs): EntityPlan<E, R> {
    const out: EntityPlan<E, R> = { creates: [], updates: [], unchanged: 0 };
    for (const [k, p] of rows) {
      const existing = find(k, p.row);
      if (existing === undefined) { out.creates.push({ line: p.line, key: label(k, p.row), row: p.row }); continue; }
      const fields = changedFields(diff(existing, p.row));
      if (fields.length > 0) out.updates.push({ line: p.line, key: label(k, p.row), row: p.row, existing, fields });
      else out.unchanged++;
    }
    return out;
  }
  const byKey = <E>(m: Map<string, E>) => (k: string): E | undefined => m.get(k);
  const asIs = (k: string): string => k;

  const result: Plan = {
    issues,
    report: {},
    people: plan(people, byKey(snap.people), asIs, (e, r) => [
      ['name', e.name, r.name], ['email', e.email, r.email], ['roles', e.roles, r.roles], ['specialism', e.specialism, r.specialism],
      ['job_title', e.jobTitle, r.job_title], ['teams_aad_object_id', e.aadObjectId, r.teams_aad_object_id],
    ]),
    workstreams: plan(workstreams, byKey(snap.workstreams), asIs, (e, r) => [
      ['name', e.name, r.name], ['maturity_pillar', e.pillar, r.maturity_pillar], ['lead', key(snap.personKey, e.leadId), r.lead],
    ]),
    clusters: plan(clusters, byKey(snap.clusters), asIs, (e, r) => [
      ['name', e.name, r.name], ['area', e.area, r.area], ['chair', key(snap.personKey, e.chairId), r.chair],
    ]),
    settings: plan(settings, byKey(snap.settings), asIs, (e, r) => [
      ['phase', e.phase, r.phase], ['cluster', key(snap.clusterCode, e.clusterId), r.cluster], ['senco', key(snap.personKey, e.sencoId), r.senco],
    ]),
    actions: plan(actions, byKey(snap.actions), asIs, (e, r) => [
      ['title', e.title, r.title], ['workstream', key(snap.workstreamCode, e.workstreamId), r.workstream],
      ['area_for_improvement', e.area, r.area_for_improvement], ['owner', key(snap.personKey, e.ownerId), r.owner],
      ['due', formatDate(e.dueDate), r.due], ['status', e.status, r.status], ['last_update', e.lastUpdate, r.last_update],
      ['source', e.source, r.source],
    ]),
    meetings: plan(meetings, (_k, r) => {
      const cluster = snap.clusters.get(r.cluster);
      return cluster ? snap.meetings.get(meetingKey(cluster.id, r.starts_at)) : undefined;
    }, (_k, r) => meetingLabel(r), (e, r) => [
      ['duration_minutes', e.durationMinutes, r.duration_minutes], ['location', e.location, r.location], ['agenda', e.agenda, r.agenda],
    ]),
    history,
    termDates: plan(termDates, byKey(snap.termDates), asIs, termDatePairs),
    requests: plan(requests, byKey(snap.requests), asIs, (e, r) => [
      ['requested_by', key(snap.personKey, e.requesterId), r.requested_by], ['setting', key(snap.settingName, e.settingId), r.setting],
      ['specialism', e.specialism, r.specialism], ['kind', e.kind, r.kind], ['summary', e.summary, r.summary], ['status', e.status, r.status],
      ['assigned_to', key(snap.personKey, e.assigneeId), r.assigned_to], ['created_at', e.createdAt, r.created_at],
      ['first_response_at', e.firstResponseAt, r.first_response_at], ['closed_at', e.closedAt, r.closed_at],
      ...(history.outcomes.has(r.ref) ? [['outcome', e.outcome, history.outcomes.get(r.ref)] as Pairs[number]] : []),
    ]),
  };
  // An action the history file takes past its stored version changes even if its fields do not.
  const updated = new Set(result.actions.updates.map((u) => u.key));
  for (const [k, p] of actions) {
    const existing = snap.actions.get(k);
    const restored = history.restored.get(k);
    if (!existing || !restored || updated.has(k) || restored.version <= existing.version) continue;
    result.actions.updates.push({ line: p.line, key: k, row: p.row, existing, fields: ['version'] });
    result.actions.unchanged--;
  }
  result.actions.updates.sort((a, b) => a.line - b.line);

  const entityOf: { [F in ImportFileName]: EntityPlan<unknown, unknown> } = {
    'people.csv': result.people, 'workstreams.csv': result.workstreams, 'actions.csv': result.actions, 'clusters.csv': result.clusters,
    'settings.csv': result.settings, 'meetings.csv': result.meetings, 'expert_requests.csv': result.requests,
    'term_dates.csv': result.termDates,
  };
  for (const file of IMPORT_FILES) {
    if (f[file] === undefined) continue;
    const e = entityOf[file];
    result.report[file] = {
      added: e.creates.length, changed: e.updates.length, unchanged: e.unchanged,
      addedKeys: e.creates.map((c) => c.key), changedKeys: e.updates.map((u) => u.key),
    };
  }
  const historyReport = <R>(file: HistoryFileName, added: Parsed<R>[], label: (r: R) => string): void => {
    const rows = f[file];
    if (rows === undefined) return;
    result.report[file] = { added: added.length, changed: 0, unchanged: rows.length - added.length, addedKeys: added.map((p) => label(p.row)), changedKeys: [] };
  };
  historyReport('action_history.csv', history.actionRows, (r) => (r.version === null ? `${r.ref} ${formatTimestamp(r.at)}` : `${r.ref} v${r.version}`));
  historyReport('maturity_ratings.csv', history.ratings, (r) => `${r.pillar} ${formatTimestamp(r.rated_at)}`);
  historyReport('expert_request_events.csv', history.events, (r) => `${r.ref} ${r.kind} ${formatTimestamp(r.at)}`);
  return result;
}

/** The importer's own history rows: one per created or changed action the history file does not explain. */
function generatedHistory(plan: Plan): { creates: number; updates: number } {
  const own = (ref: string): boolean => !plan.history.restored.has(ref);
  return { creates: plan.actions.creates.filter((c) => own(c.row.ref)).length, updates: plan.actions.updates.filter((u) => own(u.row.ref)).length };
}

/** Action history rows written: the importer's own and those restored from the file. */
function countHistory(plan: Plan): number {
  const own = generatedHistory(plan);
  return own.creates + own.updates + plan.history.actionRows.length;
}

/**
 * When an action's state comes from its history, last_update_at is the time of its newest row
 * (highest version, then latest) that set it: a card or chat change always does; an import or
 * system change does when it wrote a note (its "last update" text). None: null.
 * (An import that emptied the last update text cannot be told apart from one that left it alone;
 * such an action keeps the time of the note before.)
 */
function lastUpdateAtOf(rows: readonly { version: number | null; at: Date; via: string; note: string | null }[]): Date | null {
  let best: { version: number; at: Date } | null = null;
  for (const r of rows) {
    if (!(r.via === 'card' || r.via === 'chat' || r.note !== null)) continue;
    const v = r.version ?? 0;
    if (!best || v > best.version || (v === best.version && r.at.getTime() > best.at.getTime())) best = { version: v, at: r.at };
  }
  return best ? best.at : null;
}

type RefCheck = (file: PlanFileName, line: number, column: string, kind: 'person' | 'action' | 'request', value: string | null) => void;

/** Checks the history files and works out what they add (see the top of this file for the rules). */
function planHistory(f: ParsedFiles, snap: Snapshot, actions: Map<string, Parsed<ActionRow>>,
  problem: (file: PlanFileName, line: number, reason: string) => void, ref: RefCheck): HistoryPlan {
  const out: HistoryPlan = { actionRows: [], restored: new Map(), ratings: [], events: [], eventRefs: new Set(), outcomes: new Map() };

  const historyRows = f['action_history.csv'];
  if (historyRows) {
    const actionRef = new Map([...snap.actions.values()].map((a) => [a.id, a.ref]));
    const storedByVersion = new Map<string, DbHistory>();
    const storedOf = new Map<string, DbHistory[]>();
    const unversioned: string[] = [];
    for (const h of snap.history) {
      const r = actionRef.get(h.actionId);
      if (r === undefined) continue;
      if (!storedOf.has(r)) storedOf.set(r, []);
      storedOf.get(r)!.push(h);
      if (h.version !== null) { if (!storedByVersion.has(`${r}|${h.version}`)) storedByVersion.set(`${r}|${h.version}`, h); }
      else unversioned.push(historyKey(storedAsRow(h, r, snap.personKey)));
    }
    const seen = new Map<string, number>();
    const maxVersion = new Map<string, { version: number; line: number }>();
    const versioned: Parsed<ActionHistoryRow>[] = [];
    const plain: Parsed<ActionHistoryRow>[] = [];
    for (const p of historyRows) {
      const r = p.row;
      ref('action_history.csv', p.line, 'ref', 'action', r.ref);
      ref('action_history.csv', p.line, 'actor', 'person', r.actor);
      if (r.version === null) { plain.push(p); continue; }
      const k = `${r.ref}|${r.version}`;
      const first = seen.get(k);
      if (first !== undefined) { problem('action_history.csv', p.line, `${r.ref} version ${r.version} appears twice (first on line ${first})`); continue; }
      seen.set(k, p.line);
      const top = maxVersion.get(r.ref);
      if (!top || r.version > top.version) maxVersion.set(r.ref, { version: r.version, line: p.line });
      const stored = storedByVersion.get(k);
      if (!stored) { versioned.push(p); continue; }
      const mine = historyKey(r);
      const theirs = historyKey(storedAsRow(stored, r.ref, snap.personKey));
      if (mine !== theirs) {
        problem('action_history.csv', p.line, `${r.ref} version ${r.version} is already in the database with other details (is this folder from another database? Without action_history.csv the plan imports without its history)`);
      }
    }
    const { missing } = missingByContent(plain, historyKey, unversioned);
    // In file order: the order the rows were first written.
    const adding = new Set([...versioned, ...missing]);
    out.actionRows = historyRows.filter((p) => adding.has(p));

    const fileOf = new Map<string, ActionHistoryRow[]>();
    for (const p of historyRows) {
      if (!fileOf.has(p.row.ref)) fileOf.set(p.row.ref, []);
      fileOf.get(p.row.ref)!.push(p.row);
    }
    for (const [r, top] of maxVersion) {
      const stored = snap.actions.get(r);
      if (stored && top.version <= stored.version) continue; // the usual case: history up to what is stored
      if (!actions.has(r)) {
        if (stored) problem('action_history.csv', top.line, `${r} version ${top.version} is newer than the database's version ${stored.version}, and actions.csv does not give ${r} as it was then`);
        continue; // (an unknown ref is reported above)
      }
      const rows = [...(fileOf.get(r) ?? []), ...(storedOf.get(r) ?? []).map((h) => ({ version: h.version, at: h.at, via: h.via, note: h.note }))];
      out.restored.set(r, { version: top.version, lastUpdateAt: lastUpdateAtOf(rows) });
    }
  }

  const ratings = f['maturity_ratings.csv'];
  if (ratings) {
    for (const p of ratings) ref('maturity_ratings.csv', p.line, 'rated_by', 'person', p.row.rated_by);
    out.ratings = missingByContent(ratings, ratingKey, snap.ratingKeys).missing;
  }

  const events = f['expert_request_events.csv'];
  if (events) {
    for (const p of events) {
      ref('expert_request_events.csv', p.line, 'ref', 'request', p.row.ref);
      ref('expert_request_events.csv', p.line, 'actor', 'person', p.row.actor);
      out.eventRefs.add(p.row.ref);
    }
    out.events = missingByContent(events, eventKey, snap.eventKeys).missing;
    // The outcome is not a column of expert_requests.csv; closing a request writes it as the note
    // of its 'closed' event, so the events give it back.
    const closedInFile = new Map<string, { at: Date; note: string | null }[]>();
    for (const p of events) {
      if (p.row.kind !== 'closed') continue;
      if (!closedInFile.has(p.row.ref)) closedInFile.set(p.row.ref, []);
      closedInFile.get(p.row.ref)!.push({ at: p.row.at, note: p.row.note });
    }
    for (const r of out.eventRefs) {
      const closed = [...(closedInFile.get(r) ?? []), ...(snap.closedEvents.get(r) ?? [])];
      if (closed.length === 0) continue;
      out.outcomes.set(r, closed.reduce((a, b) => (b.at.getTime() > a.at.getTime() ? b : a)).note);
    }
  }
  return out;
}

/** A stored history row in the file's terms, for comparing. */
function storedAsRow(h: DbHistory, ref: string, personKey: Map<number, string>): ActionHistoryRow {
  return {
    ref, at: h.at, actor: h.actorId === null ? null : personKey.get(h.actorId) ?? `#${h.actorId}`, via: h.via,
    status_from: h.statusFrom, status_to: h.statusTo, due_from: h.dueFrom ? formatDate(h.dueFrom) : null, due_to: h.dueTo ? formatDate(h.dueTo) : null,
    note: h.note, version: h.version,
  };
}

// ---- writing -----------------------------------------------------------------------------
// Rows travel as one JSON parameter per chunk, unpacked by json_to_recordset: one statement per
// few thousand rows, and several times faster than createMany through a driver adapter.

const CHUNK = 5_000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function must<K, V>(map: Map<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Import: ${what} ${String(key)} was not resolved`);
  return v;
}

/** A column and its SQL type: text, int, date, timestamptz, text[], or an enum type such as "ActionStatus". */
type Columns = Record<string, string>;
type Values = Record<string, unknown>;

const ident = (name: string): Prisma.Sql => Prisma.raw(`"${name.replace(/"/g, '""')}"`);
const recordset = (columns: Columns): Prisma.Sql =>
  Prisma.join(Object.entries(columns).map(([name, type]) => Prisma.sql`${ident(name)} ${Prisma.raw(type)}`));
const json = (rows: Values[]): string => JSON.stringify(rows);

/** INSERT … SELECT FROM json_to_recordset, in chunks; returns the `returning` columns of every row. */
async function insertRows<R extends Values = Values>(client: Client, table: string, columns: Columns, rows: Values[], returning: string[] = []): Promise<R[]> {
  const out: R[] = [];
  const names = Prisma.join(Object.keys(columns).map(ident));
  for (const chunk of chunks(rows)) {
    const sql = Prisma.sql`INSERT INTO ${ident(table)} (${names})
      SELECT ${names} FROM json_to_recordset(${json(chunk)}::json) AS x(${recordset(columns)})`;
    if (returning.length === 0) await client.$executeRaw(sql);
    else out.push(...await client.$queryRaw<R[]>(Prisma.sql`${sql} RETURNING ${Prisma.join(returning.map(ident))}`));
  }
  return out;
}

/**
 * UPDATE … FROM json_to_recordset by id, in chunks. With `versioned`, each row must still be at
 * `expected_version` (as read earlier) and moves to `new_version` (one more, or the version a
 * restored history names); `now` also sets updated_at.
 */
async function updateRows(client: Client, table: string, columns: Columns, rows: Values[], opts: { versioned?: boolean; now?: Date } = {}): Promise<void> {
  const sets = Object.keys(columns).map((c) => Prisma.sql`${ident(c)} = x.${ident(c)}`);
  if (opts.versioned) sets.push(Prisma.sql`"version" = x."new_version"`);
  if (opts.now) sets.push(Prisma.sql`"updated_at" = ${opts.now.toISOString()}::timestamptz`);
  const shape: Columns = { id: 'int', ...(opts.versioned ? { expected_version: 'int', new_version: 'int' } : {}), ...columns };
  for (const chunk of chunks(rows)) {
    const count = await client.$executeRaw`UPDATE ${ident(table)} AS t SET ${Prisma.join(sets)}
      FROM json_to_recordset(${json(chunk)}::json) AS x(${recordset(shape)})
      WHERE t."id" = x."id"${opts.versioned ? Prisma.sql` AND t."version" = x."expected_version"` : Prisma.empty}`;
    if (count !== chunk.length) throw new ImportConflictError(table.replace(/_/g, ' '));
  }
}

async function applyPlan(client: Client, plan: Plan, snap: Snapshot, opts: ImportOptions): Promise<number> {
  const now = opts.now;
  const actorId = opts.actorId ?? null;

  // People first: everything else points at them.
  const personId = new Map<string, number>([...snap.people].map(([k, p]) => [k, p.id]));
  const people: Columns = {
    name: 'text', email: 'text', job_title: 'text', aad_object_id: 'text', roles: 'text[]', specialism: '"Specialism"',
  };
  const personValues = (r: PersonRow): Values => ({
    name: r.name, email: r.email, job_title: r.job_title, aad_object_id: r.teams_aad_object_id, roles: r.roles, specialism: r.specialism,
  });
  // E-mails and Teams ids that move between people are freed before anyone takes them.
  await updateRows(client, 'people', { email: 'text', aad_object_id: 'text' }, plan.people.updates
    .filter((u) => u.fields.includes('email') || u.fields.includes('teams_aad_object_id'))
    .map((u) => ({ id: u.existing.id, email: null, aad_object_id: null })));
  const newPeople = await insertRows<{ id: number; key: string }>(client, 'people',
    { key: 'text', ...people, created_at: 'timestamptz', updated_at: 'timestamptz' },
    plan.people.creates.map(({ row: r }) => ({ key: r.key, ...personValues(r), created_at: now, updated_at: now })), ['id', 'key']);
  for (const p of newPeople) personId.set(p.key, p.id);
  await updateRows(client, 'people', people, plan.people.updates.map(({ existing, row }) => ({ id: existing.id, ...personValues(row) })), { now });
  const person = (k: string | null): number | null => (k === null ? null : must(personId, k, 'person'));

  // Workstreams.
  const workstreamId = new Map<string, number>([...snap.workstreams].map(([k, w]) => [k, w.id]));
  const workstreams: Columns = { name: 'text', pillar: 'text', lead_id: 'int' };
  const workstreamValues = (r: WorkstreamRow): Values => ({ name: r.name, pillar: r.maturity_pillar, lead_id: person(r.lead) });
  const newWorkstreams = await insertRows<{ id: number; code: string }>(client, 'workstreams', { code: 'text', ...workstreams },
    plan.workstreams.creates.map(({ row: r }) => ({ code: r.code, ...workstreamValues(r) })), ['id', 'code']);
  for (const w of newWorkstreams) workstreamId.set(w.code, w.id);
  await updateRows(client, 'workstreams', workstreams, plan.workstreams.updates.map(({ existing, row }) => ({ id: existing.id, ...workstreamValues(row) })));

  // Clusters (names are unique too: renamed ones step aside first).
  const clusterId = new Map<string, number>([...snap.clusters].map(([k, c]) => [k, c.id]));
  const clusters: Columns = { name: 'text', area: 'text', chair_id: 'int' };
  const clusterValues = (r: ClusterRow): Values => ({ name: r.name, area: r.area, chair_id: person(r.chair) });
  await updateRows(client, 'clusters', { name: 'text' }, plan.clusters.updates
    .filter((u) => u.fields.includes('name'))
    .map(({ existing: e }) => ({ id: e.id, name: `(renaming ${e.id}) ${e.name}` })));
  const newClusters = await insertRows<{ id: number; code: string }>(client, 'clusters', { code: 'text', ...clusters },
    plan.clusters.creates.map(({ row: r }) => ({ code: r.code, ...clusterValues(r) })), ['id', 'code']);
  for (const c of newClusters) clusterId.set(c.code, c.id);
  await updateRows(client, 'clusters', clusters, plan.clusters.updates.map(({ existing, row }) => ({ id: existing.id, ...clusterValues(row) })));

  // Settings.
  const settingId = new Map<string, number>([...snap.settings].map(([k, s]) => [k, s.id]));
  const settings: Columns = { phase: '"Phase"', cluster_id: 'int', senco_id: 'int' };
  const settingValues = (r: SettingRow): Values => ({ phase: r.phase, cluster_id: must(clusterId, r.cluster, 'cluster'), senco_id: person(r.senco) });
  const newSettings = await insertRows<{ id: number; name: string }>(client, 'settings', { name: 'text', ...settings },
    plan.settings.creates.map(({ row: r }) => ({ name: r.name, ...settingValues(r) })), ['id', 'name']);
  for (const s of newSettings) settingId.set(s.name, s.id);
  await updateRows(client, 'settings', settings, plan.settings.updates.map(({ existing, row }) => ({ id: existing.id, ...settingValues(row) })));

  // Actions: every creation and change gets its history row: the importer's own, or the rows the
  // history file restores (see the top of this file).
  const actions: Columns = {
    title: 'text', workstream_id: 'int', area: '"AreaForImprovement"', owner_id: 'int', due_date: 'date', status: '"ActionStatus"',
    last_update: 'text', last_update_at: 'timestamptz', source: 'text',
  };
  const actionValues = (r: ActionRow, lastUpdateAt: Date | null): Values => ({
    title: r.title, workstream_id: must(workstreamId, r.workstream, 'workstream'), area: r.area_for_improvement, owner_id: person(r.owner),
    due_date: r.due, status: r.status, last_update: r.last_update, last_update_at: lastUpdateAt, source: r.source,
  });
  const restored = plan.history.restored;
  const history: Values[] = [];
  const newActions = await insertRows<{ id: number; ref: string }>(client, 'actions',
    { ref: 'text', ...actions, version: 'int', created_at: 'timestamptz', updated_at: 'timestamptz' },
    plan.actions.creates.map(({ row: r }) => {
      const from = restored.get(r.ref);
      return { ref: r.ref, ...actionValues(r, from ? from.lastUpdateAt : r.last_update ? now : null), version: from?.version ?? 1, created_at: now, updated_at: now };
    }),
    ['id', 'ref']);
  const actionId = new Map<string, number>([...snap.actions].map(([k, a]) => [k, a.id]));
  for (const a of newActions) actionId.set(a.ref, a.id);
  const createdRows = new Map(plan.actions.creates.map((c) => [c.row.ref, c.row]));
  for (const a of newActions) {
    if (restored.has(a.ref)) continue;
    const r = must(createdRows, a.ref, 'action');
    history.push({ action_id: a.id, status_from: null, status_to: r.status, due_from: null, due_to: r.due, note: r.last_update, version: 1 });
  }
  await updateRows(client, 'actions', actions, plan.actions.updates.map(({ existing: e, row: r, fields }) => {
    const from = restored.get(r.ref);
    if (from) return { id: e.id, expected_version: e.version, new_version: from.version, ...actionValues(r, from.lastUpdateAt) };
    const status = fields.includes('status');
    const due = fields.includes('due');
    const update = fields.includes('last_update');
    history.push({
      action_id: e.id, status_from: status ? e.status : null, status_to: status ? r.status : null,
      due_from: due ? formatDate(e.dueDate) : null, due_to: due ? r.due : null, note: update ? r.last_update : null, version: e.version + 1,
    });
    return { id: e.id, expected_version: e.version, new_version: e.version + 1, ...actionValues(r, update ? (r.last_update ? now : null) : e.lastUpdateAt) };
  }), { versioned: true, now });
  const historyColumns: Columns = {
    action_id: 'int', actor_id: 'int', at: 'timestamptz', via: '"ChangeChannel"', status_from: '"ActionStatus"', status_to: '"ActionStatus"',
    due_from: 'date', due_to: 'date', note: 'text', version: 'int',
  };
  // Restored rows first, in the file's order: an action's newest row is the one written last.
  await insertRows(client, 'action_history', historyColumns, plan.history.actionRows.map(({ row: h }) => ({
    action_id: must(actionId, h.ref, 'action'), actor_id: person(h.actor), at: h.at, via: h.via, status_from: h.status_from, status_to: h.status_to,
    due_from: h.due_from, due_to: h.due_to, note: h.note, version: h.version,
  })));
  await insertRows(client, 'action_history', historyColumns, history.map((h) => ({ ...h, actor_id: actorId, at: now, via: 'import' })));

  // Maturity ratings: append-only, restored as they were.
  await insertRows(client, 'maturity_ratings', { pillar: 'text', score: 'int', note: 'text', rated_by_id: 'int', rated_at: 'timestamptz' },
    plan.history.ratings.map(({ row: r }) => ({ pillar: r.pillar, score: r.score, note: r.note, rated_by_id: person(r.rated_by), rated_at: r.rated_at })));

  // Cluster meetings.
  const meetings: Columns = { duration_minutes: 'int', location: 'text', agenda: 'text[]' };
  const meetingValues = (r: MeetingRow): Values => ({ duration_minutes: r.duration_minutes, location: r.location, agenda: r.agenda });
  await insertRows(client, 'cluster_meetings',
    { cluster_id: 'int', starts_at: 'timestamptz', ...meetings, follow_ups: 'text[]', created_at: 'timestamptz', updated_at: 'timestamptz' },
    plan.meetings.creates.map(({ row: r }) => ({
      cluster_id: must(clusterId, r.cluster, 'cluster'), starts_at: r.starts_at, ...meetingValues(r), follow_ups: [], created_at: now, updated_at: now,
    })));
  await updateRows(client, 'cluster_meetings', meetings, plan.meetings.updates.map(({ existing: e, row }) => ({
    id: e.id, expected_version: e.version, new_version: e.version + 1, ...meetingValues(row),
  })), { versioned: true, now });

  // Experts at Hand requests: each new one with its 'created' event, each change with a note.
  const requests: Columns = {
    requester_id: 'int', setting_id: 'int', specialism: '"Specialism"', kind: '"SupportKind"', summary: 'text', status: '"RequestStatus"',
    assignee_id: 'int', created_at: 'timestamptz', first_response_at: 'timestamptz', closed_at: 'timestamptz', outcome: 'text',
  };
  const outcomes = plan.history.outcomes;
  const requestValues = (r: ExpertRequestRow, stored: string | null): Values => ({
    requester_id: must(personId, r.requested_by, 'person'), setting_id: must(settingId, r.setting, 'setting'), specialism: r.specialism,
    kind: r.kind, summary: r.summary, status: r.status, assignee_id: person(r.assigned_to), created_at: r.created_at,
    first_response_at: r.first_response_at, closed_at: r.closed_at, outcome: outcomes.has(r.ref) ? outcomes.get(r.ref) : stored,
  });
  const events: Values[] = [];
  const newRequests = await insertRows<{ id: number; ref: string; requester_id: number; created_at: Date }>(client, 'expert_requests', { ref: 'text', ...requests },
    plan.requests.creates.map(({ row: r }) => ({ ref: r.ref, ...requestValues(r, null) })), ['id', 'ref', 'requester_id', 'created_at']);
  const requestId = new Map<string, number>([...snap.requests].map(([k, q]) => [k, q.id]));
  for (const q of newRequests) requestId.set(q.ref, q.id);
  // A request whose events the file restores gets its 'created' event from there.
  for (const q of newRequests) {
    if (!plan.history.eventRefs.has(q.ref)) events.push({ request_id: q.id, actor_id: q.requester_id, at: q.created_at, kind: 'created', note: 'Imported' });
  }
  await updateRows(client, 'expert_requests', requests, plan.requests.updates.map(({ existing: e, row, fields }) => {
    events.push({ request_id: e.id, actor_id: actorId, at: now, kind: 'noted', note: `Changed by import: ${fields.join(', ')}` });
    return { id: e.id, expected_version: e.version, new_version: e.version + 1, ...requestValues(row, e.outcome) };
  }), { versioned: true });
  const eventColumns: Columns = { request_id: 'int', actor_id: 'int', at: 'timestamptz', kind: '"RequestEventKind"', note: 'text' };
  await insertRows(client, 'expert_request_events', eventColumns, plan.history.events.map(({ row: e }) => ({
    request_id: must(requestId, e.ref, 'request'), actor_id: person(e.actor), at: e.at, kind: e.kind, note: e.note,
  })));
  await insertRows(client, 'expert_request_events', eventColumns, events);

  await applyTermDates(client, plan.termDates.creates, plan.termDates.updates);
  return history.length + plan.history.actionRows.length;
}
