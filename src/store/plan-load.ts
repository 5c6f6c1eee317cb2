// Reads of the plan in a few wide queries (no per-row round trips): the jobs and the reports
// share them.
import { Prisma } from '../generated/prisma/client.js';
import type { Action, ActionChange, ActionStatus, ChangeChannel, IsoDate, Person, Workstream } from '../domain/plan/types.js';
import { ACTION_ROW_COLUMNS, actionFromRow, type ActionRow } from './action-row.js';
import type { Snooze } from '../domain/nudges/rules.js';
import type { Rating } from '../domain/digest/build.js';
import type { Db } from './database.js';
import { toPerson } from './people.js';

const isoOf = (d: Date): IsoDate => d.toISOString().slice(0, 10);
const dateOf = (d: IsoDate): Date => new Date(`${d}T00:00:00Z`);

export async function loadPeople(db: Db): Promise<Map<number, Person>> {
  const rows = await db.person.findMany();
  return new Map(rows.map((r) => [r.id, toPerson(r)]));
}

export async function loadWorkstreams(db: Db): Promise<Workstream[]> {
  const rows = await db.workstream.findMany({ orderBy: { code: 'asc' } });
  return rows.map((w) => ({ id: w.id, code: w.code, name: w.name, pillar: w.pillar, leadId: w.leadId }));
}

export interface ActionFilter {
  /** Only actions that are not complete. */
  open?: boolean;
  dueOnOrBefore?: IsoDate;
}

const PAGE = 20_000;

/** Actions matching `filter`, in pages so 100 000 rows never sit in one result set twice. */
export async function loadActions(db: Db, filter: ActionFilter = {}): Promise<Action[]> {
  const and = [
    ...(filter.open ? [Prisma.sql`status <> 'complete'`] : []),
    ...(filter.dueOnOrBefore ? [Prisma.sql`due_date <= ${filter.dueOnOrBefore}::date`] : []),
  ];
  const where = and.length ? Prisma.sql` AND ${Prisma.join(and, ' AND ')}` : Prisma.empty;
  const out: Action[] = [];
  let cursor = 0;
  for (;;) {
    const rows = await db.$queryRaw<ActionRow[]>`SELECT ${ACTION_ROW_COLUMNS} FROM actions WHERE id > ${cursor}::int${where} ORDER BY id ASC LIMIT ${PAGE}::int`;
    out.push(...rows.map(actionFromRow));
    if (rows.length < PAGE) return out;
    cursor = Number(rows[rows.length - 1]!.id);
  }
}

export async function loadOpenActions(db: Db, dueOnOrBefore?: IsoDate): Promise<Action[]> {
  return loadActions(db, { open: true, ...(dueOnOrBefore ? { dueOnOrBefore } : {}) });
}

/** History rows with from ≤ at < to. */
export async function loadChanges(db: Db, from: Date, to: Date): Promise<ActionChange[]> {
  const rows = await db.actionHistory.findMany({ where: { at: { gte: from, lt: to } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] });
  return rows.map((h) => ({
    actionId: h.actionId, actorId: h.actorId, at: h.at, via: h.via as ChangeChannel,
    statusFrom: h.statusFrom as ActionStatus | null, statusTo: h.statusTo as ActionStatus | null,
    dueFrom: h.dueFrom ? isoOf(h.dueFrom) : null, dueTo: h.dueTo ? isoOf(h.dueTo) : null, note: h.note, version: h.version,
  }));
}

export async function loadRatings(db: Db): Promise<Rating[]> {
  const rows = await db.maturityRating.findMany({ orderBy: [{ pillar: 'asc' }, { ratedAt: 'asc' }] });
  return rows.map((r) => ({ pillar: r.pillar, score: r.score, note: r.note, ratedAt: r.ratedAt }));
}

/** Snoozes and mutes still in force on `today`. */
export async function loadSnoozes(db: Db, today: IsoDate): Promise<Snooze[]> {
  const rows = await db.reminderSnooze.findMany({ where: { until: { gt: dateOf(today) } } });
  return rows.map((s) => ({ personId: s.personId, actionId: s.actionId, until: isoOf(s.until) }));
}

/** The plan reads of the jobs and the reports, over one database. */
export class PlanLoadRepository {
  constructor(private readonly db: Db) {}
  people(): Promise<Map<number, Person>> { return loadPeople(this.db); }
  workstreams(): Promise<Workstream[]> { return loadWorkstreams(this.db); }
  actions(filter: ActionFilter = {}): Promise<Action[]> { return loadActions(this.db, filter); }
  openActions(dueOnOrBefore?: IsoDate): Promise<Action[]> { return loadOpenActions(this.db, dueOnOrBefore); }
  changes(from: Date, to: Date): Promise<ActionChange[]> { return loadChanges(this.db, from, to); }
  ratings(): Promise<Rating[]> { return loadRatings(this.db); }
  snoozes(today: IsoDate): Promise<Snooze[]> { return loadSnoozes(this.db, today); }
}
