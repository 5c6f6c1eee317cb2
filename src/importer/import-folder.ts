// Imports a folder of plan CSV files (people, workstreams, actions, clusters, settings, meetings,
// expert requests; each optional). Every row of every file is checked first, including references
// across files and to the database; any error means nothing is written. Otherwise everything is
// applied in one transaction, upserting by natural keys. Rows are compared in memory with what is
// stored and only real changes are written, so importing the same files twice changes nothing.
// Built for big plans: existing rows are loaded once and compared in Maps; new and changed rows
// are written a few thousand at a time, one INSERT or UPDATE per chunk (see "writing" below).
import fs from 'node:fs';
import path from 'node:path';
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../store/database.js';
import { parseCsv } from './csv.js';
import {
  COLUMNS, IMPORT_FILES, formatDate, formatTimestamp, parseRow,
  type ActionRow, type ClusterRow, type ExpertRequestRow, type ImportFileName, type MeetingRow, type PersonRow,
  type RowOf, type SettingRow, type WorkstreamRow,
} from './rows.js';

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
  /** One entry per file found in the folder. */
  files: { [F in ImportFileName]?: FileReport };
  /** Action history rows written (or that would be written). */
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
    if (plan.issues.length > 0) throw new ImportError(sortIssues(plan.issues));
    const historyRows = write ? await applyPlan(client, plan, snapshot, opts) : countHistory(plan);
    return { folder, dryRun: !write, files: plan.report, historyRows, ms: Math.round(performance.now() - started) };
  };
  if (input.fatal) throw new ImportError(input.issues);
  if (opts.dryRun) return run(db, false);
  return db.$transaction((tx) => run(tx, true), { timeout: 120_000, maxWait: 30_000 });
}

/** Folder problems first, then by file (in IMPORT_FILES order) and line. */
function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  const rank = (file: string): number => (IMPORT_FILES as readonly string[]).indexOf(file); // -1: the folder
  return [...issues].sort((a, b) => rank(a.file) - rank(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

// ---- reading -----------------------------------------------------------------------------

interface Parsed<R> {
  line: number;
  row: R;
}
type ParsedFiles = { [F in ImportFileName]?: Parsed<RowOf<F>>[] };

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
  const found = new Map<ImportFileName, string>();
  for (const name of entries.sort()) {
    if (!name.toLowerCase().endsWith('.csv')) continue;
    const known = IMPORT_FILES.find((f) => f === name.toLowerCase());
    if (known) found.set(known, name);
    else issues.push({ file: name, reason: `is not one of the plan's files (${IMPORT_FILES.join(', ')})` });
  }
  if (found.size === 0 && issues.length === 0) {
    return { files: {}, issues: [{ file: folder, reason: `has none of the plan's files (${IMPORT_FILES.join(', ')})` }], fatal: true };
  }
  const files: ParsedFiles = {};
  for (const file of IMPORT_FILES) {
    const name = found.get(file);
    if (name === undefined) continue;
    // Each file type is read by its own schema; the cast only re-attaches the key's row type.
    (files as Record<ImportFileName, unknown>)[file] = readFile(file, path.join(folder, name), issues);
  }
  return { files, issues, fatal: false };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readFile<F extends ImportFileName>(file: F, fullPath: string, issues: ImportIssue[]): Parsed<RowOf<F>>[] {
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
  assigneeId: true, createdAt: true, firstResponseAt: true, closedAt: true, version: true,
} satisfies Prisma.ExpertRequestSelect;

type DbPerson = Prisma.PersonGetPayload<{ select: typeof personSelect }>;
type DbWorkstream = Prisma.WorkstreamGetPayload<{ select: typeof workstreamSelect }>;
type DbCluster = Prisma.ClusterGetPayload<{ select: typeof clusterSelect }>;
type DbSetting = Prisma.SettingGetPayload<{ select: typeof settingSelect }>;
type DbAction = Prisma.ActionGetPayload<{ select: typeof actionSelect }>;
type DbMeeting = Prisma.ClusterMeetingGetPayload<{ select: typeof meetingSelect }>;
type DbRequest = Prisma.ExpertRequestGetPayload<{ select: typeof requestSelect }>;

interface Snapshot {
  people: Map<string, DbPerson>;
  workstreams: Map<string, DbWorkstream>;
  clusters: Map<string, DbCluster>;
  settings: Map<string, DbSetting>;
  actions: Map<string, DbAction>;
  /** By `${clusterId}|${startsAt ms}`. */
  meetings: Map<string, DbMeeting>;
  requests: Map<string, DbRequest>;
  personKey: Map<number, string>;
  workstreamCode: Map<number, string>;
  clusterCode: Map<number, string>;
  settingName: Map<number, string>;
}

async function loadSnapshot(client: Client, input: FolderInput): Promise<Snapshot> {
  const has = (f: ImportFileName): boolean => input.files[f] !== undefined;
  // Sequential on purpose: an interactive transaction runs one query at a time anyway.
  const people = await client.person.findMany({ select: personSelect });
  const workstreams = await client.workstream.findMany({ select: workstreamSelect });
  const clusters = await client.cluster.findMany({ select: clusterSelect });
  const settings = await client.setting.findMany({ select: settingSelect });
  const actions = has('actions.csv') ? await client.action.findMany({ select: actionSelect }) : [];
  const meetings = has('meetings.csv') ? await client.clusterMeeting.findMany({ select: meetingSelect }) : [];
  const requests = has('expert_requests.csv') ? await client.expertRequest.findMany({ select: requestSelect }) : [];
  return {
    people: new Map(people.map((p) => [p.key, p])),
    workstreams: new Map(workstreams.map((w) => [w.code, w])),
    clusters: new Map(clusters.map((c) => [c.code, c])),
    settings: new Map(settings.map((s) => [s.name, s])),
    actions: new Map(actions.map((a) => [a.ref, a])),
    meetings: new Map(meetings.map((m) => [meetingKey(m.clusterId, m.startsAt), m])),
    requests: new Map(requests.map((r) => [r.ref, r])),
    personKey: new Map(people.map((p) => [p.id, p.key])),
    workstreamCode: new Map(workstreams.map((w) => [w.id, w.code])),
    clusterCode: new Map(clusters.map((c) => [c.id, c.code])),
    settingName: new Map(settings.map((s) => [s.id, s.name])),
  };
}

const meetingKey = (cluster: number | string, startsAt: Date): string => `${cluster}|${startsAt.getTime()}`;

// ---- planning ----------------------------------------------------------------------------

interface Create<R> { line: number; key: string; row: R }
interface Update<E, R> { line: number; key: string; row: R; existing: E; fields: string[] }
interface EntityPlan<E, R> { creates: Create<R>[]; updates: Update<E, R>[]; unchanged: number }

interface Plan {
  issues: ImportIssue[];
  report: { [F in ImportFileName]?: FileReport };
  people: EntityPlan<DbPerson, PersonRow>;
  workstreams: EntityPlan<DbWorkstream, WorkstreamRow>;
  clusters: EntityPlan<DbCluster, ClusterRow>;
  settings: EntityPlan<DbSetting, SettingRow>;
  actions: EntityPlan<DbAction, ActionRow>;
  meetings: EntityPlan<DbMeeting, MeetingRow>;
  requests: EntityPlan<DbRequest, ExpertRequestRow>;
}

type Pairs = [field: string, stored: unknown, wanted: unknown][];
const norm = (v: unknown): unknown => (v instanceof Date ? v.getTime() : Array.isArray(v) ? JSON.stringify(v) : v ?? null);
const changedFields = (pairs: Pairs): string[] => pairs.filter(([, a, b]) => norm(a) !== norm(b)).map(([f]) => f);

function planImport(input: FolderInput, snap: Snapshot): Plan {
  const issues = [...input.issues];
  const f = input.files;
  const problem = (file: ImportFileName, line: number, reason: string): void => { issues.push({ file, line, reason }); };

  /** Keeps the first row per key; later ones are errors. */
  function unique<R>(file: ImportFileName, rows: Parsed<R>[] | undefined, keyOf: (r: R) => string, label: string,
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
  const requests = unique('expert_requests.csv', f['expert_requests.csv'], (r) => r.ref, 'ref');

  // References: to a row in the other file or to one already stored.
  const known = {
    person: (k: string) => people.has(k) || snap.people.has(k),
    workstream: (k: string) => workstreams.has(k) || snap.workstreams.has(k),
    cluster: (k: string) => clusters.has(k) || snap.clusters.has(k),
    setting: (k: string) => settings.has(k) || snap.settings.has(k),
  };
  const where = { person: 'people.csv', workstream: 'workstreams.csv', cluster: 'clusters.csv', setting: 'settings.csv' } as const;
  function ref(file: ImportFileName, line: number, column: string, kind: keyof typeof known, value: string | null): void {
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
  function uniqueAfter<R, E>(file: ImportFileName, column: string, rows: Map<string, Parsed<R>>, valueOf: (r: R) => string | null,
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
    requests: plan(requests, byKey(snap.requests), asIs, (e, r) => [
      ['requested_by', key(snap.personKey, e.requesterId), r.requested_by], ['setting', key(snap.settingName, e.settingId), r.setting],
      ['specialism', e.specialism, r.specialism], ['kind', e.kind, r.kind], ['summary', e.summary, r.summary], ['status', e.status, r.status],
      ['assigned_to', key(snap.personKey, e.assigneeId), r.assigned_to], ['created_at', e.createdAt, r.created_at],
      ['first_response_at', e.firstResponseAt, r.first_response_at], ['closed_at', e.closedAt, r.closed_at],
    ]),
  };
  const entityOf: { [F in ImportFileName]: EntityPlan<unknown, unknown> } = {
    'people.csv': result.people, 'workstreams.csv': result.workstreams, 'actions.csv': result.actions, 'clusters.csv': result.clusters,
    'settings.csv': result.settings, 'meetings.csv': result.meetings, 'expert_requests.csv': result.requests,
  };
  for (const file of IMPORT_FILES) {
    if (f[file] === undefined) continue;
    const e = entityOf[file];
    result.report[file] = {
      added: e.creates.length, changed: e.updates.length, unchanged: e.unchanged,
      addedKeys: e.creates.map((c) => c.key), changedKeys: e.updates.map((u) => u.key),
    };
  }
  return result;
}

/** Every created or changed action gets one history row. */
function countHistory(plan: Plan): number {
  return plan.actions.creates.length + plan.actions.updates.length;
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
 * `expected_version` (as read earlier) and is bumped by one; `now` also sets updated_at.
 */
async function updateRows(client: Client, table: string, columns: Columns, rows: Values[], opts: { versioned?: boolean; now?: Date } = {}): Promise<void> {
  const sets = Object.keys(columns).map((c) => Prisma.sql`${ident(c)} = x.${ident(c)}`);
  if (opts.versioned) sets.push(Prisma.sql`"version" = t."version" + 1`);
  if (opts.now) sets.push(Prisma.sql`"updated_at" = ${opts.now.toISOString()}::timestamptz`);
  const shape: Columns = { id: 'int', ...(opts.versioned ? { expected_version: 'int' } : {}), ...columns };
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

  // Actions: every creation and change gets its history row.
  const actions: Columns = {
    title: 'text', workstream_id: 'int', area: '"AreaForImprovement"', owner_id: 'int', due_date: 'date', status: '"ActionStatus"',
    last_update: 'text', last_update_at: 'timestamptz', source: 'text',
  };
  const actionValues = (r: ActionRow, lastUpdateAt: Date | null): Values => ({
    title: r.title, workstream_id: must(workstreamId, r.workstream, 'workstream'), area: r.area_for_improvement, owner_id: person(r.owner),
    due_date: r.due, status: r.status, last_update: r.last_update, last_update_at: lastUpdateAt, source: r.source,
  });
  const history: Values[] = [];
  const newActions = await insertRows<{ id: number; ref: string }>(client, 'actions',
    { ref: 'text', ...actions, version: 'int', created_at: 'timestamptz', updated_at: 'timestamptz' },
    plan.actions.creates.map(({ row: r }) => ({ ref: r.ref, ...actionValues(r, r.last_update ? now : null), version: 1, created_at: now, updated_at: now })),
    ['id', 'ref']);
  const createdRows = new Map(plan.actions.creates.map((c) => [c.row.ref, c.row]));
  for (const a of newActions) {
    const r = must(createdRows, a.ref, 'action');
    history.push({ action_id: a.id, status_from: null, status_to: r.status, due_from: null, due_to: r.due, note: r.last_update, version: 1 });
  }
  await updateRows(client, 'actions', actions, plan.actions.updates.map(({ existing: e, row: r, fields }) => {
    const status = fields.includes('status');
    const due = fields.includes('due');
    const update = fields.includes('last_update');
    history.push({
      action_id: e.id, status_from: status ? e.status : null, status_to: status ? r.status : null,
      due_from: due ? formatDate(e.dueDate) : null, due_to: due ? r.due : null, note: update ? r.last_update : null, version: e.version + 1,
    });
    return { id: e.id, expected_version: e.version, ...actionValues(r, update ? (r.last_update ? now : null) : e.lastUpdateAt) };
  }), { versioned: true, now });
  await insertRows(client, 'action_history', {
    action_id: 'int', actor_id: 'int', at: 'timestamptz', via: '"ChangeChannel"', status_from: '"ActionStatus"', status_to: '"ActionStatus"',
    due_from: 'date', due_to: 'date', note: 'text', version: 'int',
  }, history.map((h) => ({ ...h, actor_id: actorId, at: now, via: 'import' })));

  // Cluster meetings.
  const meetings: Columns = { duration_minutes: 'int', location: 'text', agenda: 'text[]' };
  const meetingValues = (r: MeetingRow): Values => ({ duration_minutes: r.duration_minutes, location: r.location, agenda: r.agenda });
  await insertRows(client, 'cluster_meetings',
    { cluster_id: 'int', starts_at: 'timestamptz', ...meetings, follow_ups: 'text[]', created_at: 'timestamptz', updated_at: 'timestamptz' },
    plan.meetings.creates.map(({ row: r }) => ({
      cluster_id: must(clusterId, r.cluster, 'cluster'), starts_at: r.starts_at, ...meetingValues(r), follow_ups: [], created_at: now, updated_at: now,
    })));
  await updateRows(client, 'cluster_meetings', meetings, plan.meetings.updates.map(({ existing: e, row }) => ({
    id: e.id, expected_version: e.version, ...meetingValues(row),
  })), { versioned: true, now });

  // Experts at Hand requests: each new one with its 'created' event, each change with a note.
  const requests: Columns = {
    requester_id: 'int', setting_id: 'int', specialism: '"Specialism"', kind: '"SupportKind"', summary: 'text', status: '"RequestStatus"',
    assignee_id: 'int', created_at: 'timestamptz', first_response_at: 'timestamptz', closed_at: 'timestamptz',
  };
  const requestValues = (r: ExpertRequestRow): Values => ({
    requester_id: must(personId, r.requested_by, 'person'), setting_id: must(settingId, r.setting, 'setting'), specialism: r.specialism,
    kind: r.kind, summary: r.summary, status: r.status, assignee_id: person(r.assigned_to), created_at: r.created_at,
    first_response_at: r.first_response_at, closed_at: r.closed_at,
  });
  const events: Values[] = [];
  const newRequests = await insertRows<{ id: number; requester_id: number; created_at: Date }>(client, 'expert_requests', { ref: 'text', ...requests },
    plan.requests.creates.map(({ row: r }) => ({ ref: r.ref, ...requestValues(r) })), ['id', 'requester_id', 'created_at']);
  for (const q of newRequests) events.push({ request_id: q.id, actor_id: q.requester_id, at: q.created_at, kind: 'created', note: 'Imported' });
  await updateRows(client, 'expert_requests', requests, plan.requests.updates.map(({ existing: e, row, fields }) => {
    events.push({ request_id: e.id, actor_id: actorId, at: now, kind: 'noted', note: `Changed by import: ${fields.join(', ')}` });
    return { id: e.id, expected_version: e.version, ...requestValues(row) };
  }), { versioned: true });
  await insertRows(client, 'expert_request_events', {
    request_id: 'int', actor_id: 'int', at: 'timestamptz', kind: '"RequestEventKind"', note: 'text',
  }, events);

  return history.length;
}
