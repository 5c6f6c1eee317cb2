// Planning an import: every row of the plan files checked (keys unique, references resolved,
// unique columns free) and compared with what is stored, giving what to create, what to change
// and the report. Nothing here writes.
import type { FileReport, ImportIssue } from './import-types.js';
import {
  meetingKey, type DbAction, type DbCluster, type DbMeeting, type DbPerson, type DbRequest, type DbSetting, type DbWorkstream, type Snapshot,
} from './import-snapshot.js';
import { planHistory, type HistoryPlan, type Problem } from './plan-history.js';
import type { FolderInput, Parsed, ParsedFiles } from './read-folder.js';
import {
  IMPORT_FILES, formatDate, formatTimestamp,
  type ActionRow, type ClusterRow, type ExpertRequestRow, type HistoryFileName, type ImportFileName, type MeetingRow, type PersonRow,
  type PlanFileName, type SettingRow, type TermDateRow, type WorkstreamRow,
} from './rows.js';
import { checkTermDates, termDateKey, termDatePairs, type DbTermDate } from './term-dates.js';

interface Create<R> { line: number; key: string; row: R }
interface Update<E, R> { line: number; key: string; row: R; existing: E; fields: string[] }
export interface EntityPlan<E, R> { creates: Create<R>[]; updates: Update<E, R>[]; unchanged: number }

export interface Plan {
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

type Pairs = [field: string, stored: unknown, wanted: unknown][];
const norm = (v: unknown): unknown => (v instanceof Date ? v.getTime() : Array.isArray(v) ? JSON.stringify(v) : v ?? null);
const changedFields = (pairs: Pairs): string[] => pairs.filter(([, a, b]) => norm(a) !== norm(b)).map(([f]) => f);
const meetingLabel = (r: MeetingRow): string => `${r.cluster} ${formatTimestamp(r.starts_at)}`;

/** Keeps the first row per key; later ones are errors. */
function unique<R>(problem: Problem, file: PlanFileName, rows: Parsed<R>[] | undefined, keyOf: (r: R) => string, label: string,
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

/** The rows of each plan file by natural key (the first of each key). */
function keyedRows(f: ParsedFiles, problem: Problem) {
  const people = unique(problem, 'people.csv', f['people.csv'], (r) => r.key, 'key');
  const workstreams = unique(problem, 'workstreams.csv', f['workstreams.csv'], (r) => r.code, 'code');
  const clusters = unique(problem, 'clusters.csv', f['clusters.csv'], (r) => r.code, 'code');
  const settings = unique(problem, 'settings.csv', f['settings.csv'], (r) => r.name, 'name');
  const actions = unique(problem, 'actions.csv', f['actions.csv'], (r) => r.ref, 'ref');
  const meetings = unique(problem, 'meetings.csv', f['meetings.csv'], (r) => meetingKey(r.cluster, r.starts_at), 'meeting', meetingLabel);
  const termDates = unique(problem, 'term_dates.csv', f['term_dates.csv'], (r) => termDateKey(r.academic_year, r.term), 'term');
  checkTermDates(termDates.values(), (line, reason) => problem('term_dates.csv', line, reason));
  const requests = unique(problem, 'expert_requests.csv', f['expert_requests.csv'], (r) => r.ref, 'ref');
  return { people, workstreams, clusters, settings, actions, meetings, termDates, requests };
}
type Keyed = ReturnType<typeof keyedRows>;

const WHERE = {
  person: 'people.csv', workstream: 'workstreams.csv', cluster: 'clusters.csv', setting: 'settings.csv', action: 'actions.csv', request: 'expert_requests.csv',
} as const;
type RefKind = keyof typeof WHERE;
type Ref = (file: PlanFileName, line: number, column: string, kind: RefKind, value: string | null) => void;

/** References: to a row in the other file or to one already stored. */
function refChecker(rows: Keyed, snap: Snapshot, problem: Problem): Ref {
  const known: Record<RefKind, (k: string) => boolean> = {
    person: (k) => rows.people.has(k) || snap.people.has(k),
    workstream: (k) => rows.workstreams.has(k) || snap.workstreams.has(k),
    cluster: (k) => rows.clusters.has(k) || snap.clusters.has(k),
    setting: (k) => rows.settings.has(k) || snap.settings.has(k),
    action: (k) => rows.actions.has(k) || snap.actions.has(k),
    request: (k) => rows.requests.has(k) || snap.requests.has(k),
  };
  return (file, line, column, kind, value) => {
    if (value !== null && !known[kind](value)) problem(file, line, `${column} ${JSON.stringify(value)} is in neither ${WHERE[kind]} nor the database`);
  };
}

function checkRefs(rows: Keyed, ref: Ref): void {
  for (const p of rows.workstreams.values()) ref('workstreams.csv', p.line, 'lead', 'person', p.row.lead);
  for (const p of rows.clusters.values()) ref('clusters.csv', p.line, 'chair', 'person', p.row.chair);
  for (const p of rows.settings.values()) {
    ref('settings.csv', p.line, 'cluster', 'cluster', p.row.cluster);
    ref('settings.csv', p.line, 'senco', 'person', p.row.senco);
  }
  for (const p of rows.actions.values()) {
    ref('actions.csv', p.line, 'workstream', 'workstream', p.row.workstream);
    ref('actions.csv', p.line, 'owner', 'person', p.row.owner);
  }
  for (const p of rows.meetings.values()) ref('meetings.csv', p.line, 'cluster', 'cluster', p.row.cluster);
  for (const p of rows.requests.values()) {
    ref('expert_requests.csv', p.line, 'requested_by', 'person', p.row.requested_by);
    ref('expert_requests.csv', p.line, 'setting', 'setting', p.row.setting);
    ref('expert_requests.csv', p.line, 'assigned_to', 'person', p.row.assigned_to);
  }
}

/** A unique column other than the key, checked on the state after the import. */
function uniqueAfter<R, E>(problem: Problem, file: PlanFileName, column: string, rows: Map<string, Parsed<R>>, valueOf: (r: R) => string | null,
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

function entityPlan<E, R>(rows: Map<string, Parsed<R>>, find: (k: string, r: R) => E | undefined, label: (k: string, r: R) => string,
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
const keyOf = (m: Map<number, string>, id: number | null): string | null => (id === null ? null : m.get(id) ?? null);

/** The people, workstreams, clusters and settings: compared field by field with what is stored. */
function planDirectory(rows: Keyed, snap: Snapshot) {
  return {
    people: entityPlan(rows.people, byKey(snap.people), asIs, (e, r) => [
      ['name', e.name, r.name], ['email', e.email, r.email], ['roles', e.roles, r.roles], ['specialism', e.specialism, r.specialism],
      ['job_title', e.jobTitle, r.job_title],
      ...(r.organisation === undefined ? [] : [['organisation', e.organisation, r.organisation] as Pairs[number]]), ['teams_aad_object_id', e.aadObjectId, r.teams_aad_object_id],
    ]),
    workstreams: entityPlan(rows.workstreams, byKey(snap.workstreams), asIs, (e, r) => [
      ['name', e.name, r.name], ['maturity_pillar', e.pillar, r.maturity_pillar], ['lead', keyOf(snap.personKey, e.leadId), r.lead],
    ]),
    clusters: entityPlan(rows.clusters, byKey(snap.clusters), asIs, (e, r) => [
      ['name', e.name, r.name], ['area', e.area, r.area], ['chair', keyOf(snap.personKey, e.chairId), r.chair],
    ]),
    settings: entityPlan(rows.settings, byKey(snap.settings), asIs, (e, r) => [
      ['phase', e.phase, r.phase], ['cluster', keyOf(snap.clusterCode, e.clusterId), r.cluster], ['senco', keyOf(snap.personKey, e.sencoId), r.senco],
    ]),
  };
}

/** Actions, meetings, term dates and requests: compared field by field with what is stored. */
function planWork(rows: Keyed, snap: Snapshot, history: HistoryPlan) {
  return {
    actions: entityPlan(rows.actions, byKey(snap.actions), asIs, (e, r) => [
      ['title', e.title, r.title], ['workstream', keyOf(snap.workstreamCode, e.workstreamId), r.workstream],
      ['area_for_improvement', e.area, r.area_for_improvement], ['owner', keyOf(snap.personKey, e.ownerId), r.owner],
      ['due', formatDate(e.dueDate), r.due], ['status', e.status, r.status], ['last_update', e.lastUpdate, r.last_update],
      ['source', e.source, r.source],
    ]),
    meetings: entityPlan(rows.meetings, (_k, r) => {
      const cluster = snap.clusters.get(r.cluster);
      return cluster ? snap.meetings.get(meetingKey(cluster.id, r.starts_at)) : undefined;
    }, (_k, r) => meetingLabel(r), (e, r) => [
      ['duration_minutes', e.durationMinutes, r.duration_minutes], ['location', e.location, r.location], ['agenda', e.agenda, r.agenda],
    ]),
    termDates: entityPlan(rows.termDates, byKey(snap.termDates), asIs, termDatePairs),
    requests: entityPlan(rows.requests, byKey(snap.requests), asIs, (e, r) => [
      ['requested_by', keyOf(snap.personKey, e.requesterId), r.requested_by], ['setting', keyOf(snap.settingName, e.settingId), r.setting],
      ['specialism', e.specialism, r.specialism], ['kind', e.kind, r.kind], ['summary', e.summary, r.summary], ['status', e.status, r.status],
      ['assigned_to', keyOf(snap.personKey, e.assigneeId), r.assigned_to], ['created_at', e.createdAt, r.created_at],
      ['first_response_at', e.firstResponseAt, r.first_response_at], ['closed_at', e.closedAt, r.closed_at],
      ...(history.outcomes.has(r.ref) ? [['outcome', e.outcome, history.outcomes.get(r.ref)] as Pairs[number]] : []),
    ]),
  };
}

/** An action the history file takes past its stored version changes even if its fields do not. */
function addRestoredVersions(plan: EntityPlan<DbAction, ActionRow>, actions: Map<string, Parsed<ActionRow>>, snap: Snapshot, history: HistoryPlan): void {
  const updated = new Set(plan.updates.map((u) => u.key));
  for (const [k, p] of actions) {
    const existing = snap.actions.get(k);
    const restored = history.restored.get(k);
    if (!existing || !restored || updated.has(k) || restored.version <= existing.version) continue;
    plan.updates.push({ line: p.line, key: k, row: p.row, existing, fields: ['version'] });
    plan.unchanged--;
  }
  plan.updates.sort((a, b) => a.line - b.line);
}

/** One entry per file found in the folder. */
function buildReport(f: ParsedFiles, plan: Plan): void {
  const entityOf: { [F in ImportFileName]: EntityPlan<unknown, unknown> } = {
    'people.csv': plan.people, 'workstreams.csv': plan.workstreams, 'actions.csv': plan.actions, 'clusters.csv': plan.clusters,
    'settings.csv': plan.settings, 'meetings.csv': plan.meetings, 'expert_requests.csv': plan.requests, 'term_dates.csv': plan.termDates,
  };
  for (const file of IMPORT_FILES) {
    if (f[file] === undefined) continue;
    const e = entityOf[file];
    plan.report[file] = {
      added: e.creates.length, changed: e.updates.length, unchanged: e.unchanged,
      addedKeys: e.creates.map((c) => c.key), changedKeys: e.updates.map((u) => u.key),
    };
  }
  const historyReport = <R>(file: HistoryFileName, added: Parsed<R>[], label: (r: R) => string): void => {
    const rows = f[file];
    if (rows === undefined) return;
    plan.report[file] = { added: added.length, changed: 0, unchanged: rows.length - added.length, addedKeys: added.map((p) => label(p.row)), changedKeys: [] };
  };
  const { history } = plan;
  historyReport('action_history.csv', history.actionRows, (r) => (r.version === null ? `${r.ref} ${formatTimestamp(r.at)}` : `${r.ref} v${r.version}`));
  historyReport('maturity_ratings.csv', history.ratings, (r) => `${r.pillar} ${formatTimestamp(r.rated_at)}`);
  historyReport('expert_request_events.csv', history.events, (r) => `${r.ref} ${r.kind} ${formatTimestamp(r.at)}`);
}

export function planImport(input: FolderInput, snap: Snapshot): Plan {
  const issues = [...input.issues];
  const f = input.files;
  const problem: Problem = (file, line, reason) => { issues.push({ file, line, reason }); };
  const rows = keyedRows(f, problem);
  const ref = refChecker(rows, snap, problem);
  checkRefs(rows, ref);
  uniqueAfter(problem, 'people.csv', 'email', rows.people, (r) => r.email, snap.people, (e) => e.email);
  uniqueAfter(problem, 'people.csv', 'teams_aad_object_id', rows.people, (r) => r.teams_aad_object_id, snap.people, (e) => e.aadObjectId);
  uniqueAfter(problem, 'clusters.csv', 'name', rows.clusters, (r) => r.name, snap.clusters, (e) => e.name);
  const history = planHistory(f, snap, rows.actions, problem, ref);
  const plan: Plan = { issues, report: {}, ...planDirectory(rows, snap), ...planWork(rows, snap, history), history };
  addRestoredVersions(plan.actions, rows.actions, snap, history);
  buildReport(f, plan);
  return plan;
}

/** Action history rows written (or that would be): the importer's own, one per created or changed action the history file does not explain, and those restored from the file. */
export function countHistory(plan: Plan): number {
  const own = (ref: string): boolean => !plan.history.restored.has(ref);
  return plan.actions.creates.filter((c) => own(c.row.ref)).length + plan.actions.updates.filter((u) => own(u.row.ref)).length + plan.history.actionRows.length;
}
