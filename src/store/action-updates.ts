// Changing actions: load an action with what its cards need, and apply changes with optimistic
// concurrency. Each change is one statement: UPDATE … WHERE id AND version (0 rows: someone got
// there first, nothing is written) with its audit row inserted from what the UPDATE returned, so
// the two commit together. One change without a lead's alert is that statement alone (one round
// trip, committed and synced like any other); several changes, or an alert for the outbox, share
// one transaction.
import { Prisma } from '../generated/prisma/client.js';
import type { LastChange, HistoryEntry } from '../domain/actions/phrasing.js';
import type { ActionChange } from '../domain/actions/update.js';
import { OPEN_STATUSES } from '../domain/plan/status.js';
import type { Action, ActionStatus, ChangeChannel, IsoDate, Person, Workstream } from '../domain/plan/types.js';
import type { Db } from './database.js';
import { enqueueMessages, type OutboxPayload } from './outbox.js';
import { toPerson } from './people.js';
import { actionFromRow } from './action-row.js';
import { linkedChat } from './chat-links.js';
import { preparedFor } from './prepared.js';

/** An action with everything its cards and rules need. */
export interface ActionRecord {
  action: Action;
  workstream: Workstream;
  owner: Person | null;
  lead: Person | null;
  /** The latest history row (who changed it last, and when). */
  lastChange: LastChange | null;
}

/** One action's change, checked by the caller against `record` (permission and inputs). */
export interface PlannedChange {
  record: ActionRecord;
  /** The version the person's card showed. */
  expectedVersion: number;
  change: ActionChange;
  /** The workstream lead's alert, when the rule says so (built by the caller for version expectedVersion + 1). */
  alert: OutboxPayload | null;
  /** The same alert for the workstream's linked chat, posted there when it has one. */
  chatAlert?: OutboxPayload | null;
  /** What goes in the history row's note (what changed, and why the date moved). */
  historyNote: string | null;
  /** The action's new "last update" text; null keeps the current one. */
  lastUpdate: string | null;
}

export interface ChangeContext {
  /** The name goes into the returned record's "last changed by". */
  actor: Pick<Person, 'id' | 'name'>;
  via: Extract<ChangeChannel, 'card' | 'chat'>;
  now: Date;
}

/** One saved change, with the action as the database returned it (no second read needed). */
export interface SavedChange { actionId: number; version: number; alerted: boolean; record: ActionRecord }

export type ApplyOutcome =
  | { kind: 'saved'; saved: SavedChange[] }
  /** Someone changed (or removed) this action after the card was made; nothing was written. */
  | { kind: 'stale'; actionId: number };

export const LEAD_ALERT_JOB = 'lead-alert';
export const LEAD_ALERT_KIND = 'action-alert';

/** The outbox period of a lead alert: one per action version, so a retry never sends it twice. */
export function leadAlertPeriod(ref: string, version: number): string {
  return `${ref}@v${version}`;
}

class StaleSignal extends Error {
  constructor(readonly actionId: number) { super('stale'); }
}

// One round trip per read: the action, its workstream, owner, lead and newest history row (the
// newest written, not the latest `at`, so a clock moved back cannot hide a change) in one query.
const RECORD_SELECT = Prisma.sql`
  SELECT a.id, a.ref, a.title, a.workstream_id, a.area::text AS area, a.owner_id, to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
    a.status::text AS status, a.last_update, a.last_update_at, a.success_measure, a.source, a.version, a.created_at, a.updated_at, a.plain_title,
    w.code AS w_code, w.name AS w_name, w.pillar AS w_pillar, w.lead_id AS w_lead_id,
    o.id AS o_id, o.key AS o_key, o.name AS o_name, o.email AS o_email, o.job_title AS o_job_title, o.organisation AS o_organisation, o.aad_object_id AS o_aad,
    o.roles AS o_roles, o.specialism::text AS o_specialism, o.active AS o_active,
    l.id AS l_id, l.key AS l_key, l.name AS l_name, l.email AS l_email, l.job_title AS l_job_title, l.organisation AS l_organisation, l.aad_object_id AS l_aad,
    l.roles AS l_roles, l.specialism::text AS l_specialism, l.active AS l_active,
    h.at AS h_at, h.via::text AS h_via, ha.name AS h_actor
  FROM actions a
  JOIN workstreams w ON w.id = a.workstream_id
  LEFT JOIN people o ON o.id = a.owner_id
  LEFT JOIN people l ON l.id = w.lead_id
  LEFT JOIN LATERAL (SELECT x.at, x.via, x.actor_id FROM action_history x WHERE x.action_id = a.id ORDER BY x.id DESC LIMIT 1) h ON true
  LEFT JOIN people ha ON ha.id = h.actor_id`;

type Maybe<T> = T | null;
interface RecordRow {
  id: number; ref: string; title: string; workstream_id: number; area: Maybe<string>; owner_id: Maybe<number>; due_date: string;
  status: string; last_update: Maybe<string>; last_update_at: Maybe<Date | string>; success_measure: Maybe<string>; source: Maybe<string>;
  version: number; created_at: Date | string; updated_at: Date | string; plain_title?: Maybe<string>;
  w_code: string; w_name: string; w_pillar: string; w_lead_id: Maybe<number>;
  o_id: Maybe<number>; o_key: Maybe<string>; o_name: Maybe<string>; o_email: Maybe<string>; o_job_title: Maybe<string>; o_organisation: Maybe<string>; o_aad: Maybe<string>;
  o_roles: Maybe<string[]>; o_specialism: Maybe<string>; o_active: Maybe<boolean>;
  l_id: Maybe<number>; l_key: Maybe<string>; l_name: Maybe<string>; l_email: Maybe<string>; l_job_title: Maybe<string>; l_organisation: Maybe<string>; l_aad: Maybe<string>;
  l_roles: Maybe<string[]>; l_specialism: Maybe<string>; l_active: Maybe<boolean>;
  h_at: Maybe<Date | string>; h_via: Maybe<string>; h_actor: Maybe<string>;
  total?: bigint | number;
}

const instant = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

interface HistoryRow {
  at: Date | string; actor_name: Maybe<string>; via: string; status_from: Maybe<string>; status_to: Maybe<string>;
  due_from: Maybe<string>; due_to: Maybe<string>; note: Maybe<string>; version: number; total: bigint | number | string;
}

function personFrom(r: RecordRow, p: 'o' | 'l'): Person | null {
  const id = r[`${p}_id`];
  if (id === null || id === undefined) return null;
  return toPerson({
    id, key: r[`${p}_key`] ?? '', name: r[`${p}_name`] ?? '', email: r[`${p}_email`], jobTitle: r[`${p}_job_title`], organisation: r[`${p}_organisation`], aadObjectId: r[`${p}_aad`],
    roles: r[`${p}_roles`] ?? [], specialism: r[`${p}_specialism`], active: r[`${p}_active`] ?? false,
  });
}

function toRecord(r: RecordRow): ActionRecord {
  return {
    action: actionFromRow(r),
    workstream: { id: r.workstream_id, code: r.w_code, name: r.w_name, pillar: r.w_pillar, leadId: r.w_lead_id },
    owner: personFrom(r, 'o'),
    lead: personFrom(r, 'l'),
    lastChange: r.h_at === null ? null : { actorName: r.h_actor, at: instant(r.h_at), via: (r.h_via ?? 'system') as ChangeChannel },
  };
}

/** Interactive transactions wait at most this long for a connection (an invoke has 5 s in all). */
const TX_OPTIONS = { maxWait: 4_000, timeout: 10_000 } as const;

export class ActionUpdateStore {
  constructor(private readonly db: Db) {}

  async byId(id: number): Promise<ActionRecord | null> {
    const rows = await preparedFor(this.db).rows<RecordRow>(Prisma.sql`${RECORD_SELECT} WHERE a.id = ${id}::int`);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The first reference among the candidates that exists ('COM-06', 'COM-6', …). */
  async byRef(candidates: readonly string[]): Promise<ActionRecord | null> {
    if (candidates.length === 0) return null;
    // One array parameter, so that the statement's text is the same for any number of candidates.
    const rows = await preparedFor(this.db).rows<RecordRow>(Prisma.sql`${RECORD_SELECT} WHERE a.ref = ANY(${[...candidates]}::text[])`);
    for (const ref of candidates) {
      const row = rows.find((r) => r.ref === ref);
      if (row) return toRecord(row);
    }
    return null;
  }

  /** These actions, in the order asked; missing ones are left out. */
  async byIds(ids: readonly number[]): Promise<ActionRecord[]> {
    if (ids.length === 0) return [];
    const rows = await preparedFor(this.db).rows<RecordRow>(Prisma.sql`${RECORD_SELECT} WHERE a.id = ANY(${[...ids]}::int[])`);
    const byId = new Map(rows.map((r) => [r.id, toRecord(r)]));
    return ids.map((id) => byId.get(id)).filter((r): r is ActionRecord => r !== undefined);
  }

  /** A person's open actions, most urgent first (earliest due date, then reference), and how many there are. */
  async openOwnedBy(personId: number, limit: number): Promise<{ records: ActionRecord[]; total: number }> {
    const open = Prisma.join(OPEN_STATUSES.map((st) => Prisma.sql`${st}`));
    const rows = await preparedFor(this.db).rows<RecordRow>(Prisma.sql`
      SELECT r.* FROM (
        SELECT q.*, count(*) OVER () AS total FROM (${RECORD_SELECT} WHERE a.owner_id = ${personId} AND a.status::text IN (${open})) q
      ) r ORDER BY r.due_date, r.ref LIMIT ${limit}::int`);
    return { total: Number(rows[0]?.total ?? 0), records: rows.map(toRecord) };
  }

  /** Every change to an action, newest written first (at most `limit`), and how many there are in all. */
  async history(actionId: number, limit: number): Promise<{ entries: HistoryEntry[]; total: number }> {
    // One statement: the newest rows and, beside each, how many there are in all.
    const rows = await preparedFor(this.db).rows<HistoryRow>(Prisma.sql`
      SELECT h.at, p.name AS actor_name, h.via::text AS via, h.status_from::text AS status_from, h.status_to::text AS status_to,
        to_char(h.due_from, 'YYYY-MM-DD') AS due_from, to_char(h.due_to, 'YYYY-MM-DD') AS due_to, h.note, h.version,
        count(*) OVER () AS total
      FROM action_history h LEFT JOIN people p ON p.id = h.actor_id
      WHERE h.action_id = ${actionId}::int ORDER BY h.id DESC LIMIT ${limit}::int`);
    return {
      total: Number(rows[0]?.total ?? 0),
      entries: rows.map((h) => ({
        at: instant(h.at), actorName: h.actor_name, via: h.via as ChangeChannel, statusFrom: h.status_from as ActionStatus | null,
        statusTo: h.status_to as ActionStatus | null, dueFrom: h.due_from as IsoDate | null, dueTo: h.due_to as IsoDate | null, note: h.note, version: h.version,
      })),
    };
  }

  /** Active admins (they may change any action). */
  async admins(limit = 60): Promise<Person[]> {
    const rows = await this.db.person.findMany({ where: { active: true, roles: { has: 'admin' } }, orderBy: { id: 'asc' }, take: limit });
    return rows.map(toPerson);
  }

  /**
   * Applies every change or none, in one transaction. Each action is updated only if it is still at
   * the version the person saw; otherwise the whole submission is rolled back and reported stale.
   */
  async apply(changes: readonly PlannedChange[], ctx: ChangeContext): Promise<ApplyOutcome> {
    const [only] = changes;
    if (changes.length === 1 && only && !(only.alert && only.record.lead) && !only.chatAlert) {
      // A single statement is atomic by itself: no BEGIN and COMMIT round trips around it.
      const saved = await applyOne(this.db, only, ctx).catch((err: unknown) => (err instanceof StaleSignal ? null : Promise.reject(err)));
      return saved ? { kind: 'saved', saved: [saved] } : { kind: 'stale', actionId: only.record.action.id };
    }
    try {
      const saved = await this.db.$transaction(async (tx) => {
        const out: SavedChange[] = [];
        for (const c of changes) out.push(await applyOne(tx, c, ctx));
        return out;
      }, TX_OPTIONS);
      return { kind: 'saved', saved };
    } catch (err) {
      if (err instanceof StaleSignal) return { kind: 'stale', actionId: err.actionId };
      throw err;
    }
  }

}

/** A save that changes nothing (same status, same date, no note): "still on track". */
export function isConfirmation(c: Pick<PlannedChange, 'change' | 'historyNote'>): boolean {
  return !c.change.statusChanged && !c.change.dueChanged && !c.historyNote;
}

type ActionRow = Omit<RecordRow, `${'w' | 'o' | 'l' | 'h'}_${string}` | 'total'>;
const RETURNED = Prisma.sql`id, ref, title, workstream_id, area::text AS area, owner_id, to_char(due_date, 'YYYY-MM-DD') AS due_date,
  status::text AS status, last_update, last_update_at, success_measure, source, version, created_at, updated_at, plain_title`;

/** The UPDATE of one change: a confirmation only stamps lastUpdateAt and keeps the version. */
function updateSql(c: PlannedChange, confirmed: boolean, now: string): Prisma.Sql {
  const set = confirmed
    ? Prisma.sql`last_update_at = ${now}::timestamptz, updated_at = ${now}::timestamptz`
    : Prisma.sql`status = ${c.change.status}::"ActionStatus", due_date = ${c.change.dueDate}::date,
      last_update = coalesce(${c.lastUpdate}::text, last_update), last_update_at = ${now}::timestamptz,
      updated_at = ${now}::timestamptz, version = version + 1`;
  return Prisma.sql`UPDATE actions SET ${set} WHERE id = ${c.record.action.id}::int AND version = ${c.expectedVersion}::int RETURNING ${RETURNED}`;
}

async function applyOne(db: Db | Prisma.TransactionClient, c: PlannedChange, ctx: ChangeContext): Promise<SavedChange> {
  const before = c.record.action;
  // A confirmation is heard (lastUpdateAt, which the quarterly round and the stale-update prompt
  // read) but changes nothing anyone's card shows: the version stays, so no other card goes stale.
  const confirmed = isConfirmation(c);
  const now = ctx.now.toISOString();
  // The row was at expectedVersion, which is the state the caller checked: `before` is exact.
  // A confirmation's history row has the same status on both sides and the unchanged version.
  const statusMoved = c.change.statusChanged || confirmed;
  const rows = await preparedFor(db).rows<ActionRow>(Prisma.sql`
    WITH updated AS (${updateSql(c, confirmed, now)}),
    logged AS (
      INSERT INTO action_history (action_id, actor_id, at, via, status_from, status_to, due_from, due_to, note, version)
      SELECT id, ${ctx.actor.id}::int, ${now}::timestamptz, ${ctx.via}::"ChangeChannel",
        ${statusMoved ? before.status : null}::"ActionStatus", ${statusMoved ? c.change.status : null}::"ActionStatus",
        ${c.change.dueChanged ? before.dueDate : null}::date, ${c.change.dueChanged ? c.change.dueDate : null}::date,
        ${c.historyNote}::text, version
      FROM updated
    )
    SELECT * FROM updated`);
  const row = rows[0];
  if (!row) throw new StaleSignal(before.id);
  let alerted = false;
  if (c.alert && c.record.lead) {
    await enqueueMessages(db as Prisma.TransactionClient, [{
      job: LEAD_ALERT_JOB, period: leadAlertPeriod(before.ref, row.version), recipient: { personKey: c.record.lead.key },
      kind: LEAD_ALERT_KIND, payload: c.alert,
    }], ctx.now);
    alerted = true;
  }
  const chat = c.chatAlert ? await linkedChat(db, { kind: 'workstream', workstreamId: c.record.workstream.id }) : null;
  if (chat && c.chatAlert) {
    await enqueueMessages(db as Prisma.TransactionClient, [{
      job: LEAD_ALERT_JOB, period: leadAlertPeriod(before.ref, row.version), recipient: { conversationId: chat.conversationId },
      kind: LEAD_ALERT_KIND, payload: c.chatAlert,
    }], ctx.now);
  }
  const record: ActionRecord = {
    ...c.record,
    action: actionFromRow(row),
    lastChange: { actorName: ctx.actor.name, at: ctx.now, via: ctx.via },
  };
  return { actionId: before.id, version: Number(row.version), alerted, record };
}
