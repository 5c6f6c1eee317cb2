// The one mapping from an `actions` row to the domain's Action. Every query that reads actions
// selects ACTION_ROW_COLUMNS (or the same names), so the row shape and the mapper live together.
import { Prisma } from '../generated/prisma/client.js';
import type { Action, ActionStatus, Area } from '../domain/plan/types.js';

/** An actions row as SQL returns it (drivers differ: ids may be bigint, instants strings). */
export interface ActionRow {
  id: number | bigint; ref: string; title: string; workstream_id: number | bigint; area: string | null; owner_id: number | bigint | null;
  /** 'YYYY-MM-DD' (selected with to_char, so no time zone can move it). */
  due_date: string; status: string; last_update: string | null; last_update_at: Date | string | null;
  success_measure: string | null; source: string | null; version: number | bigint; created_at: Date | string; updated_at: Date | string;
  /** Selected by ACTION_ROW_COLUMNS (the public pages read it); other readers leave it out. */
  plain_title?: string | null;
}

/** The columns of ActionRow, unqualified (for `FROM actions`). */
export const ACTION_ROW_COLUMNS = Prisma.sql`id, ref, title, workstream_id, area::text AS area, owner_id, to_char(due_date, 'YYYY-MM-DD') AS due_date,
  status::text AS status, last_update, last_update_at, success_measure, source, version, created_at, updated_at, plain_title`;

export const instant = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

export function actionFromRow(r: ActionRow): Action {
  return {
    id: Number(r.id), ref: r.ref, title: r.title, workstreamId: Number(r.workstream_id), area: r.area as Area | null,
    ownerId: r.owner_id === null ? null : Number(r.owner_id), dueDate: r.due_date,
    status: r.status as ActionStatus, lastUpdate: r.last_update, lastUpdateAt: r.last_update_at === null ? null : instant(r.last_update_at),
    successMeasure: r.success_measure, source: r.source, ...(r.plain_title === undefined ? {} : { plainTitle: r.plain_title }), version: Number(r.version), createdAt: instant(r.created_at), updatedAt: instant(r.updated_at),
  };
}
