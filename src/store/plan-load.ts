// Reads of the plan in a few wide queries (no per-row round trips): the jobs, the reports and the
// flows' repositories share them.
import type { Prisma } from '../generated/prisma/client.js';
import type { Action, ActionChange, ActionStatus, Area, ChangeChannel, IsoDate, Person, Workstream } from '../domain/plan/types.js';
import type { Snooze } from '../domain/nudges/rules.js';
import type { Rating } from '../domain/digest/build.js';
import type { Db } from './database.js';
import { toPerson } from './people.js';

type ActionRow = {
  id: number; ref: string; title: string; workstreamId: number; area: string | null; ownerId: number | null; dueDate: Date;
  status: string; lastUpdate: string | null; lastUpdateAt: Date | null; successMeasure: string | null; source: string | null;
  version: number; createdAt: Date; updatedAt: Date;
};

const isoOf = (d: Date): IsoDate => d.toISOString().slice(0, 10);
const dateOf = (d: IsoDate): Date => new Date(`${d}T00:00:00Z`);

export function actionOf(row: ActionRow): Action {
  return {
    id: row.id, ref: row.ref, title: row.title, workstreamId: row.workstreamId, area: row.area as Area | null, ownerId: row.ownerId,
    dueDate: isoOf(row.dueDate), status: row.status as ActionStatus, lastUpdate: row.lastUpdate, lastUpdateAt: row.lastUpdateAt,
    successMeasure: row.successMeasure, source: row.source, version: row.version, createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

export async function loadPeople(db: Db): Promise<Map<number, Person>> {
  const rows = await db.person.findMany();
  return new Map(rows.map((r) => [r.id, toPerson(r)]));
}

export async function loadWorkstreams(db: Db): Promise<Workstream[]> {
  const rows = await db.workstream.findMany({ orderBy: { code: 'asc' } });
  return rows.map((w) => ({ id: w.id, code: w.code, name: w.name, pillar: w.pillar, leadId: w.leadId }));
}

/** Actions matching `where`, in pages so 100 000 rows never sit in one result set twice. */
export async function loadActions(db: Db, where: Prisma.ActionWhereInput = {}): Promise<Action[]> {
  const out: Action[] = [];
  let cursor = 0;
  for (;;) {
    const rows = await db.action.findMany({ where: { ...where, id: { gt: cursor } }, orderBy: { id: 'asc' }, take: 20_000 });
    out.push(...rows.map(actionOf));
    if (rows.length < 20_000) return out;
    cursor = rows[rows.length - 1]!.id;
  }
}

export async function loadOpenActions(db: Db, dueOnOrBefore?: IsoDate): Promise<Action[]> {
  return loadActions(db, { status: { not: 'complete' }, ...(dueOnOrBefore ? { dueDate: { lte: dateOf(dueOnOrBefore) } } : {}) });
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
