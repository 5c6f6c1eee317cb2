// Changing actions: load an action with what its cards need, and apply changes with optimistic
// concurrency. Each change is one statement: UPDATE … WHERE id AND version (0 rows: someone got
// there first, nothing is written) with its audit row inserted from what the UPDATE returned, so
// the two commit together. One change without a lead's alert is that statement alone (one round
// trip, committed and synced like any other); several changes, or an alert for the outbox, share
// one transaction.
import { Prisma } from '../generated/prisma/client.js';
import type { HistoryEntry } from '../domain/actions/phrasing.js';
import type { ActionChange } from '../domain/actions/update.js';
import { OPEN_STATUSES } from '../domain/plan/status.js';
import type { ActionStatus, ChangeChannel, IsoDate, Person } from '../domain/plan/types.js';
import type { Db } from './database.js';
import { enqueueMessages, type OutboxPayload } from './outbox.js';
import { toPerson } from './people.js';
import { ACTION_ROW_COLUMNS, actionFromRow, instant, type ActionRow } from './action-row.js';
import { linkedChat } from './chat-links.js';
import { preparedFor } from './prepared.js';
import { RecentRecords } from './recent-records.js';
import { type ActionRecord, type Maybe, RECORD_SELECT, type RecordRow, toRecord } from './action-record.js';

export type { ActionRecord } from './action-record.js';

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

interface HistoryRow {
  at: Date | string; actor_name: Maybe<string>; via: string; status_from: Maybe<string>; status_to: Maybe<string>;
  due_from: Maybe<string>; due_to: Maybe<string>; note: Maybe<string>; version: number; total: bigint | number | string;
}

/** Interactive transactions wait at most this long for a connection (an invoke has 5 s in all). */
const TX_OPTIONS = { maxWait: 4_000, timeout: 10_000 } as const;

export class ActionUpdateStore {
  private readonly recent = new RecentRecords<ActionRecord>();

  constructor(private readonly db: Db) {}

  async byId(id: number): Promise<ActionRecord | null> {
    const rows = await preparedFor(this.db).rows<RecordRow>(Prisma.sql`${RECORD_SELECT} WHERE a.id = ${id}::int`);
    return rows[0] ? this.kept(toRecord(rows[0])) : null;
  }

  /**
   * The action as a card at this version showed it: as read here within the last minute when it
   * was at that version (recent-records.ts: apply() then proves it), else read now.
   */
  async asShown(id: number, version: number): Promise<ActionRecord | null> {
    return this.recent.at(id, version) ?? this.byId(id);
  }

  private kept(record: ActionRecord): ActionRecord {
    this.recent.keep(record);
    return record;
  }

  /** The first reference among the candidates that exists ('COM-06', 'COM-6', …). */
  async byRef(candidates: readonly string[]): Promise<ActionRecord | null> {
    if (candidates.length === 0) return null;
    // One array parameter, so that the statement's text is the same for any number of candidates.
    const rows = await preparedFor(this.db).rows<RecordRow>(Prisma.sql`${RECORD_SELECT} WHERE a.ref = ANY(${[...candidates]}::text[])`);
    for (const ref of candidates) {
      const row = rows.find((r) => r.ref === ref);
      if (row) return this.kept(toRecord(row));
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
      return this.remembered(saved ? { kind: 'saved', saved: [saved] } : { kind: 'stale', actionId: only.record.action.id });
    }
    try {
      const saved = await this.db.$transaction(async (tx) => {
        const out: SavedChange[] = [];
        for (const c of changes) out.push(await applyOne(tx, c, ctx));
        return out;
      }, TX_OPTIONS);
      return this.remembered({ kind: 'saved', saved });
    } catch (err) {
      if (err instanceof StaleSignal) return this.remembered({ kind: 'stale', actionId: err.actionId });
      throw err;
    }
  }

  /** What a save wrote is what the next card shows; what went stale is read afresh next time. */
  private remembered(outcome: ApplyOutcome): ApplyOutcome {
    if (outcome.kind === 'stale') this.recent.forget(outcome.actionId);
    else for (const saved of outcome.saved) this.recent.keep(saved.record);
    return outcome;
  }

}

/** A save that changes nothing (same status, same date, no note): "still on track". */
export function isConfirmation(c: Pick<PlannedChange, 'change' | 'historyNote'>): boolean {
  return !c.change.statusChanged && !c.change.dueChanged && !c.historyNote;
}


/** The UPDATE of one change: a confirmation only stamps lastUpdateAt and keeps the version. */
function updateSql(c: PlannedChange, confirmed: boolean, now: string): Prisma.Sql {
  const set = confirmed
    ? Prisma.sql`last_update_at = ${now}::timestamptz, updated_at = ${now}::timestamptz`
    : Prisma.sql`status = ${c.change.status}::"ActionStatus", due_date = ${c.change.dueDate}::date,
      last_update = coalesce(${c.lastUpdate}::text, last_update), last_update_at = ${now}::timestamptz,
      updated_at = ${now}::timestamptz, version = version + 1`;
  // The owner, workstream and lead the caller checked the person's rights against must still be
  // the ones the action has (a lead can change without the action's version moving).
  const r = c.record;
  return Prisma.sql`UPDATE actions SET ${set}
    WHERE id = ${r.action.id}::int AND version = ${c.expectedVersion}::int
      AND owner_id IS NOT DISTINCT FROM ${r.owner?.id ?? null}::int AND workstream_id = ${r.workstream.id}::int
      AND (SELECT w.lead_id FROM workstreams w WHERE w.id = ${r.workstream.id}::int) IS NOT DISTINCT FROM ${r.lead?.id ?? null}::int
    RETURNING ${ACTION_ROW_COLUMNS}`;
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
      job: LEAD_ALERT_JOB, period: leadAlertPeriod(before.ref, Number(row.version)), recipient: { personKey: c.record.lead.key },
      kind: LEAD_ALERT_KIND, payload: c.alert,
    }], ctx.now);
    alerted = true;
  }
  const chat = c.chatAlert ? await linkedChat(db, { kind: 'workstream', workstreamId: c.record.workstream.id }) : null;
  if (chat && c.chatAlert) {
    await enqueueMessages(db as Prisma.TransactionClient, [{
      job: LEAD_ALERT_JOB, period: leadAlertPeriod(before.ref, Number(row.version)), recipient: { conversationId: chat.conversationId },
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
