// Writing a checked plan, inside the import's transaction: natural keys resolved to ids as the
// rows are created, in the order the foreign keys need (people first). Every creation and change
// of an action gets its history row: the importer's own, or the rows the history file restores
// (see the top of import-folder.ts).
import type { Prisma } from '../generated/prisma/client.js';
import type { Stager } from '../store/bulk-copy.js';
import { isBulkLoad, withIndexesDeferred } from '../store/bulk-load.js';
import { oweIndexes } from '../store/owed-indexes.js';
import { insertRows, lazily, updateRows, type Columns, type Values } from '../store/bulk-writes.js';
import type { ImportOptions } from './import-types.js';
import type { Snapshot } from './import-snapshot.js';
import { everyRowNew, moveStaged, type StagedActions } from './stage-actions.js';
import type { Plan } from './plan-import.js';
import {
  formatDate, type ActionRow, type ClusterRow, type ExpertRequestRow, type MeetingRow, type PersonRow, type SettingRow, type WorkstreamRow,
} from './rows.js';
import { applyTermDates } from './term-dates.js';

type Client = Prisma.TransactionClient;

function must<K, V>(map: Map<K, V>, key: K, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Import: ${what} ${String(key)} was not resolved`);
  return v;
}

/** One import's writing: the transaction, the plan, and the ids of rows by natural key as they become known. */
interface Apply {
  client: Client;
  plan: Plan;
  now: Date;
  actorId: number | null;
  personId: Map<string, number>;
  workstreamId: Map<string, number>;
  clusterId: Map<string, number>;
  settingId: Map<string, number>;
  actionId: Map<string, number>;
  requestId: Map<string, number>;
  /** On PostgreSQL: actions and their history are copied in through staging tables. */
  stager: Stager | undefined;
  /** actions.csv's rows, staged while the file was read (a first import on PostgreSQL). */
  staged: StagedActions | undefined;
}

const idsOf = <E extends { id: number }>(m: Map<string, E>): Map<string, number> => new Map([...m].map(([k, e]) => [k, e.id]));
const person = (a: Apply, k: string | null): number | null => (k === null ? null : must(a.personId, k, 'person'));

const PEOPLE: Columns = { name: 'text', email: 'text', job_title: 'text', organisation: 'text', aad_object_id: 'text', roles: 'text[]', specialism: '"Specialism"' };
// A file without the organisation column keeps the organisation stored (`kept`).
const personValues = (r: PersonRow, kept: string | null = null): Values => ({
  name: r.name, email: r.email, job_title: r.job_title, organisation: r.organisation === undefined ? kept : r.organisation, aad_object_id: r.teams_aad_object_id, roles: r.roles, specialism: r.specialism,
});

/** People first: everything else points at them. */
async function applyPeople(a: Apply): Promise<void> {
  const { client, plan, now } = a;
  // E-mails and Teams ids that move between people are freed before anyone takes them.
  await updateRows(client, 'people', { email: 'text', aad_object_id: 'text' }, plan.people.updates
    .filter((u) => u.fields.includes('email') || u.fields.includes('teams_aad_object_id'))
    .map((u) => ({ id: u.existing.id, email: null, aad_object_id: null })));
  const created = await insertRows<{ id: number; key: string }>(client, 'people',
    { key: 'text', ...PEOPLE, created_at: 'timestamptz', updated_at: 'timestamptz' },
    plan.people.creates.map(({ row: r }) => ({ key: r.key, ...personValues(r), created_at: now, updated_at: now })), ['id', 'key']);
  for (const p of created) a.personId.set(p.key, p.id);
  await updateRows(client, 'people', PEOPLE, plan.people.updates.map(({ existing, row }) => ({ id: existing.id, ...personValues(row, existing.organisation) })), { now });
}

async function applyWorkstreams(a: Apply): Promise<void> {
  const columns: Columns = { name: 'text', pillar: 'text', lead_id: 'int' };
  const values = (r: WorkstreamRow): Values => ({ name: r.name, pillar: r.maturity_pillar, lead_id: person(a, r.lead) });
  const created = await insertRows<{ id: number; code: string }>(a.client, 'workstreams', { code: 'text', ...columns },
    a.plan.workstreams.creates.map(({ row: r }) => ({ code: r.code, ...values(r) })), ['id', 'code']);
  for (const w of created) a.workstreamId.set(w.code, w.id);
  await updateRows(a.client, 'workstreams', columns, a.plan.workstreams.updates.map(({ existing, row }) => ({ id: existing.id, ...values(row) })));
}

/** Clusters (names are unique too: renamed ones step aside first). */
async function applyClusters(a: Apply): Promise<void> {
  const columns: Columns = { name: 'text', area: 'text', chair_id: 'int' };
  const values = (r: ClusterRow): Values => ({ name: r.name, area: r.area, chair_id: person(a, r.chair) });
  await updateRows(a.client, 'clusters', { name: 'text' }, a.plan.clusters.updates
    .filter((u) => u.fields.includes('name'))
    .map(({ existing: e }) => ({ id: e.id, name: `(renaming ${e.id}) ${e.name}` })));
  const created = await insertRows<{ id: number; code: string }>(a.client, 'clusters', { code: 'text', ...columns },
    a.plan.clusters.creates.map(({ row: r }) => ({ code: r.code, ...values(r) })), ['id', 'code']);
  for (const c of created) a.clusterId.set(c.code, c.id);
  await updateRows(a.client, 'clusters', columns, a.plan.clusters.updates.map(({ existing, row }) => ({ id: existing.id, ...values(row) })));
}

async function applySettings(a: Apply): Promise<void> {
  const columns: Columns = { phase: '"Phase"', cluster_id: 'int', senco_id: 'int' };
  const values = (r: SettingRow): Values => ({ phase: r.phase, cluster_id: must(a.clusterId, r.cluster, 'cluster'), senco_id: person(a, r.senco) });
  const created = await insertRows<{ id: number; name: string }>(a.client, 'settings', { name: 'text', ...columns },
    a.plan.settings.creates.map(({ row: r }) => ({ name: r.name, ...values(r) })), ['id', 'name']);
  for (const s of created) a.settingId.set(s.name, s.id);
  await updateRows(a.client, 'settings', columns, a.plan.settings.updates.map(({ existing, row }) => ({ id: existing.id, ...values(row) })));
}

const ACTIONS: Columns = {
  title: 'text', workstream_id: 'int', area: '"AreaForImprovement"', owner_id: 'int', due_date: 'date', status: '"ActionStatus"',
  last_update: 'text', last_update_at: 'timestamptz', source: 'text',
};
const HISTORY: Columns = {
  action_id: 'int', actor_id: 'int', at: 'timestamptz', via: '"ChangeChannel"', status_from: '"ActionStatus"', status_to: '"ActionStatus"',
  due_from: 'date', due_to: 'date', note: 'text', version: 'int',
};
const actionValues = (a: Apply, r: ActionRow, lastUpdateAt: Date | null): Values => ({
  title: r.title, workstream_id: must(a.workstreamId, r.workstream, 'workstream'), area: r.area_for_improvement, owner_id: person(a, r.owner),
  due_date: r.due, status: r.status, last_update: r.last_update, last_update_at: lastUpdateAt, source: r.source,
});

const NEW_ACTIONS: Columns = { ref: 'text', ...ACTIONS, version: 'int', created_at: 'timestamptz', updated_at: 'timestamptz' };
/** History rows name their action by ref until they are written. */
const HISTORY_BY_REF: Columns = Object.fromEntries([['ref', 'text'], ...Object.entries(HISTORY).filter(([n]) => n !== 'action_id')]);
const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * New actions. Staged: moved in with one statement, and the staging table is returned (with
 * `own_history`: whether the importer writes the action's first history row). Otherwise their ids
 * are noted by ref as each chunk is written (no list of a million results is kept).
 */
async function createActions(a: Apply): Promise<string | undefined> {
  const { plan, now } = a;
  const restored = plan.history.restored;
  if (a.staged && everyRowNew(plan, a.staged)) return moveStaged(a.client, a.staged, now);
  const rows = lazily(plan.actions.creates, ({ row: r }) => {
    const from = restored.get(r.ref);
    return {
      ref: r.ref, ...actionValues(a, r, from ? from.lastUpdateAt : r.last_update ? now : null), version: from?.version ?? 1, created_at: now, updated_at: now,
      own_history: !from,
    };
  });
  if (a.stager) {
    const stage = await a.stager.stage({ ...NEW_ACTIONS, own_history: 'boolean' }, rows);
    const names = Object.keys(NEW_ACTIONS).map(quoted).join(', ');
    await a.client.$executeRawUnsafe(`INSERT INTO actions (${names}) SELECT ${names} FROM ${stage} ORDER BY seq`);
    return stage;
  }
  await insertRows<{ id: number; ref: string }>(a.client, 'actions', NEW_ACTIONS, rows, ['id', 'ref'], (c) => { a.actionId.set(c.ref, c.id); });
  return undefined;
}

/**
 * The importer's first history row of each staged new action the history file does not restore,
 * made by the database from the staged rows (what createdHistory makes otherwise).
 */
async function createdHistoryFrom(a: Apply, stage: string): Promise<number> {
  return a.client.$executeRawUnsafe(`INSERT INTO action_history (action_id, actor_id, at, via, status_from, status_to, due_from, due_to, note, version)
    SELECT a.id, $1::int, $2::timestamptz, 'import', NULL, s.status, NULL, s.due_date, s.last_update, 1
    FROM ${stage} s JOIN actions a ON a.ref = s.ref WHERE s.own_history ORDER BY s.seq`, a.actorId, a.now.toISOString());
}

/** The importer's own history rows for the new actions the history file does not restore, made as they are written. */
function* createdHistory(a: Apply): Generator<Values> {
  const restored = a.plan.history.restored;
  for (const { row: r } of a.plan.actions.creates) {
    if (restored.has(r.ref)) continue;
    yield { ref: r.ref, status_from: null, status_to: r.status, due_from: null, due_to: r.due, note: r.last_update, version: 1 };
  }
}

/** Changed actions; their own history rows are added to `history`. */
async function updateActions(a: Apply, history: Values[]): Promise<void> {
  const { plan, now } = a;
  const restored = plan.history.restored;
  await updateRows(a.client, 'actions', ACTIONS, lazily(plan.actions.updates, ({ existing: e, row: r, fields }) => {
    const from = restored.get(r.ref);
    if (from) return { id: e.id, expected_version: e.version, new_version: from.version, ...actionValues(a, r, from.lastUpdateAt) };
    const status = fields.includes('status');
    const due = fields.includes('due');
    const update = fields.includes('last_update');
    history.push({
      ref: r.ref, status_from: status ? e.status : null, status_to: status ? r.status : null,
      due_from: due ? formatDate(e.dueDate) : null, due_to: due ? r.due : null, note: update ? r.last_update : null, version: e.version + 1,
    });
    return { id: e.id, expected_version: e.version, new_version: e.version + 1, ...actionValues(a, r, update ? (r.last_update ? now : null) : e.lastUpdateAt) };
  }), { versioned: true, now });
}

/** Actions and their history; returns the number of history rows written. */
async function applyActions(a: Apply): Promise<number> {
  // A first import or a restore writes most of the table: its indexes are built once, after.
  const creates = a.plan.actions.creates.length;
  const deferred = [
    ...(await isBulkLoad(a.client, 'actions', creates) ? ['actions'] : []),
    ...(await isBulkLoad(a.client, 'action_history', creates + a.plan.history.actionRows.length) ? ['action_history'] : []),
  ];
  // With a second connection (PostgreSQL) the indexes are built after the commit; PGlite builds them here.
  const owe = a.stager ? (indexes: { name: string; def: string }[]) => oweIndexes(a.client, indexes, a.now) : undefined;
  return withIndexesDeferred(a.client, deferred, () => writeActions(a), owe);
}

/** History rows by action ref: staged and joined to their actions in one statement, or resolved here and sent in chunks. */
async function insertHistory(a: Apply, rows: Iterable<Values>, count: number): Promise<void> {
  if (count === 0) return;
  if (!a.stager) {
    await insertRows(a.client, 'action_history', HISTORY, lazily(rows, ({ ref, ...h }) => ({ ...h, action_id: must(a.actionId, ref as string, 'action') })));
    return;
  }
  let staged = 0;
  const stage = await a.stager.stage(HISTORY_BY_REF, lazily(rows, (h) => { staged++; return h; }));
  const names = Object.keys(HISTORY_BY_REF).filter((n) => n !== 'ref').map(quoted);
  const written = await a.client.$executeRawUnsafe(`INSERT INTO action_history (action_id, ${names.join(', ')})
    SELECT a.id, ${names.map((n) => `h.${n}`).join(', ')} FROM ${stage} h JOIN actions a ON a.ref = h.ref ORDER BY h.seq`);
  if (written !== staged) throw new Error(`Import: ${staged - written} history rows name an action that was not resolved`);
}

function* concat<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}

async function writeActions(a: Apply): Promise<number> {
  const stage = await createActions(a);
  const history: Values[] = [];
  await updateActions(a, history);
  const own = (h: Values): Values => ({ ...h, actor_id: a.actorId, at: a.now, via: 'import' });
  // Restored rows first, in the file's order: an action's newest row is the one written last.
  const restored = lazily(a.plan.history.actionRows, ({ row: h }) => ({
    ref: h.ref, actor_id: person(a, h.actor), at: h.at, via: h.via, status_from: h.status_from, status_to: h.status_to,
    due_from: h.due_from, due_to: h.due_to, note: h.note, version: h.version,
  }));
  let created = 0;
  if (stage === undefined) {
    const all = concat(restored, lazily(createdHistory(a), (h) => { created++; return own(h); }), lazily(history, own));
    await insertHistory(a, all, a.plan.actions.creates.length + history.length + a.plan.history.actionRows.length);
  } else {
    await insertHistory(a, restored, a.plan.history.actionRows.length);
    created = await createdHistoryFrom(a, stage);
    await insertHistory(a, lazily(history, own), history.length);
  }
  return created + history.length + a.plan.history.actionRows.length;
}

/** Maturity ratings (append-only, restored as they were) and cluster meetings. */
async function applyRatingsAndMeetings(a: Apply): Promise<void> {
  const { client, plan, now } = a;
  await insertRows(client, 'maturity_ratings', { pillar: 'text', score: 'int', note: 'text', rated_by_id: 'int', rated_at: 'timestamptz' },
    plan.history.ratings.map(({ row: r }) => ({ pillar: r.pillar, score: r.score, note: r.note, rated_by_id: person(a, r.rated_by), rated_at: r.rated_at })));
  const columns: Columns = { duration_minutes: 'int', location: 'text', agenda: 'text[]' };
  const values = (r: MeetingRow): Values => ({ duration_minutes: r.duration_minutes, location: r.location, agenda: r.agenda });
  await insertRows(client, 'cluster_meetings',
    { cluster_id: 'int', starts_at: 'timestamptz', ...columns, created_at: 'timestamptz', updated_at: 'timestamptz' },
    plan.meetings.creates.map(({ row: r }) => ({
      cluster_id: must(a.clusterId, r.cluster, 'cluster'), starts_at: r.starts_at, ...values(r), created_at: now, updated_at: now,
    })));
  await updateRows(client, 'cluster_meetings', columns, plan.meetings.updates.map(({ existing: e, row }) => ({
    id: e.id, expected_version: e.version, new_version: e.version + 1, ...values(row),
  })), { versioned: true, now });
}

const REQUESTS: Columns = {
  requester_id: 'int', setting_id: 'int', specialism: '"Specialism"', kind: '"SupportKind"', summary: 'text', status: '"RequestStatus"',
  assignee_id: 'int', created_at: 'timestamptz', first_response_at: 'timestamptz', closed_at: 'timestamptz', outcome: 'text',
};
const EVENTS: Columns = { request_id: 'int', actor_id: 'int', at: 'timestamptz', kind: '"RequestEventKind"', note: 'text' };

/** Experts at Hand requests: each new one with its 'created' event, each change with a note. */
async function applyRequests(a: Apply): Promise<void> {
  const { client, plan } = a;
  const outcomes = plan.history.outcomes;
  const values = (r: ExpertRequestRow, stored: string | null): Values => ({
    requester_id: must(a.personId, r.requested_by, 'person'), setting_id: must(a.settingId, r.setting, 'setting'), specialism: r.specialism,
    kind: r.kind, summary: r.summary, status: r.status, assignee_id: person(a, r.assigned_to), created_at: r.created_at,
    first_response_at: r.first_response_at, closed_at: r.closed_at, outcome: outcomes.has(r.ref) ? outcomes.get(r.ref) : stored,
  });
  const events: Values[] = [];
  const created = await insertRows<{ id: number; ref: string; requester_id: number; created_at: Date }>(client, 'expert_requests', { ref: 'text', ...REQUESTS },
    plan.requests.creates.map(({ row: r }) => ({ ref: r.ref, ...values(r, null) })), ['id', 'ref', 'requester_id', 'created_at']);
  for (const q of created) a.requestId.set(q.ref, q.id);
  // A request whose events the file restores gets its 'created' event from there.
  for (const q of created) {
    if (!plan.history.eventRefs.has(q.ref)) events.push({ request_id: q.id, actor_id: q.requester_id, at: q.created_at, kind: 'created', note: 'Imported' });
  }
  await updateRows(client, 'expert_requests', REQUESTS, plan.requests.updates.map(({ existing: e, row, fields }) => {
    events.push({ request_id: e.id, actor_id: a.actorId, at: a.now, kind: 'noted', note: `Changed by import: ${fields.join(', ')}` });
    return { id: e.id, expected_version: e.version, new_version: e.version + 1, ...values(row, e.outcome) };
  }), { versioned: true });
  await insertRows(client, 'expert_request_events', EVENTS, plan.history.events.map(({ row: e }) => ({
    request_id: must(a.requestId, e.ref, 'request'), actor_id: person(a, e.actor), at: e.at, kind: e.kind, note: e.note,
  })));
  await insertRows(client, 'expert_request_events', EVENTS, events);
}

/** Writes the plan; returns the number of action history rows written. */
export async function applyPlan(client: Client, plan: Plan, snap: Snapshot, opts: ImportOptions, stager?: Stager, staged?: StagedActions): Promise<number> {
  const a: Apply = {
    client, plan, now: opts.now, actorId: opts.actorId ?? null, stager, staged,
    personId: idsOf(snap.people), workstreamId: idsOf(snap.workstreams), clusterId: idsOf(snap.clusters),
    settingId: idsOf(snap.settings), actionId: idsOf(snap.actions), requestId: idsOf(snap.requests),
  };
  await applyPeople(a);
  await applyWorkstreams(a);
  await applyClusters(a);
  await applySettings(a);
  const historyRows = await applyActions(a);
  await applyRatingsAndMeetings(a);
  await applyRequests(a);
  await applyTermDates(client, plan.termDates.creates, plan.termDates.updates);
  return historyRows;
}
