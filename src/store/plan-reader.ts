// The plan's actions as SQL rows: the filter every list and count shares, the columns read and
// the row→Action mapper. The reader itself is two layers: SqlPlanReader (sql-plan-reader.ts) turns
// each read into one query, and PrismaPlanReader (cached-plan-reader.ts) remembers what is asked
// again and again. Every value is a bound parameter.
import { Prisma } from '../generated/prisma/client.js';
import type { ActionQuery } from '../domain/plan/reader.js';
import { OPEN_STATUSES } from '../domain/plan/status.js';
import type {
  Action, ExpertRequest, IsoDate, RequestStatus, Specialism, SupportKind,
} from '../domain/plan/types.js';
import { titleWordSql } from './title-search.js';
import { actionFromRow } from './action-row.js';

export const dateOf = (iso: IsoDate): Date => new Date(`${iso}T00:00:00.000Z`);
export const isoOf = (d: Date): IsoDate => d.toISOString().slice(0, 10);

const STATUS = (v: string) => Prisma.sql`${v}::"ActionStatus"`;
const AREA = (v: string) => Prisma.sql`${v}::"AreaForImprovement"`;
const likeEscape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The same filter as plain SQL. Prisma's count() wraps the query in a sub-select that defeats
 * index-only scans (ten times slower at 100 000 actions), so counts and pages are written out.
 */
export function actionWhereSql(q: ActionQuery): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  const within = (column: Prisma.Sql, values: Prisma.Sql[]) => (values.length ? Prisma.sql`${column} IN (${Prisma.join(values)})` : Prisma.sql`FALSE`);
  if (q.statuses) and.push(within(Prisma.sql`status`, q.statuses.map(STATUS)));
  if (q.ownerIds) and.push(within(Prisma.sql`owner_id`, q.ownerIds.map((id) => Prisma.sql`${id}::int`)));
  if (q.workstreamIds) and.push(within(Prisma.sql`workstream_id`, q.workstreamIds.map((id) => Prisma.sql`${id}::int`)));
  if (q.areas) and.push(within(Prisma.sql`area`, q.areas.map(AREA)));
  if (q.dueFrom) and.push(Prisma.sql`due_date >= ${q.dueFrom}::date`);
  if (q.dueTo) and.push(Prisma.sql`due_date <= ${q.dueTo}::date`);
  for (const word of q.titleWords ?? []) and.push(titleWordSql(word));
  if (q.refPrefix) and.push(Prisma.sql`ref LIKE ${`${likeEscape(q.refPrefix)}-%`}`);
  if (q.source) and.push(Prisma.sql`source = ${q.source}`);
  if (q.changedFrom || q.changedTo) {
    // London days: midnight in London as an instant, so a change at 00:30 BST counts on its own day.
    const from = q.changedFrom ? Prisma.sql` AND h.at >= (${q.changedFrom}::date::timestamp AT TIME ZONE 'Europe/London')` : Prisma.empty;
    const to = q.changedTo ? Prisma.sql` AND h.at < ((${q.changedTo}::date + 1)::timestamp AT TIME ZONE 'Europe/London')` : Prisma.empty;
    and.push(Prisma.sql`EXISTS (SELECT 1 FROM action_history h WHERE h.action_id = actions.id${from}${to})`);
  }
  if (q.attentionOn) {
    and.push(Prisma.sql`(status IN (${Prisma.join(['at_risk', 'off_track'].map(STATUS))}) OR (status IN (${Prisma.join(OPEN_STATUSES.map(STATUS))}) AND due_date < ${q.attentionOn}::date))`);
  }
  return and.length ? Prisma.join(and, ' AND ') : Prisma.sql`TRUE`;
}

export type RawAction = {
  id: number; ref: string; title: string; workstream_id: number; area: string | null; owner_id: number | null;
  due_day: string; status: string; last_update: string | null; last_update_at: Date | string | null;
  success_measure: string | null; source: string | null; version: number; created_at: Date | string; updated_at: Date | string;
};
// The due date goes out as text under another name: an output column called due_date would
// shadow the real one in ORDER BY and stop the index from giving the order.
export const ACTION_COLUMNS = Prisma.sql`id, ref, title, workstream_id, area::text AS area, owner_id, to_char(due_date, 'YYYY-MM-DD') AS due_day,
  status::text AS status, last_update, last_update_at, success_measure, source, version, created_at, updated_at`;

export const fromRaw = (r: RawAction): Action => actionFromRow({ ...r, due_date: r.due_day });

export type RequestRow = {
  id: number; ref: string; requesterId: number; settingId: number; specialism: string; kind: string; summary: string;
  status: string; assigneeId: number | null; outcome: string | null; version: number; createdAt: Date;
  firstResponseAt: Date | null; closedAt: Date | null;
};

export function toRequest(r: RequestRow): ExpertRequest {
  return {
    id: r.id, ref: r.ref, requesterId: r.requesterId, settingId: r.settingId, specialism: r.specialism as Specialism,
    kind: r.kind as SupportKind, summary: r.summary, status: r.status as RequestStatus, assigneeId: r.assigneeId,
    outcome: r.outcome, version: r.version, createdAt: r.createdAt, firstResponseAt: r.firstResponseAt, closedAt: r.closedAt,
  };
}
