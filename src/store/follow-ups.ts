// Meeting follow-ups after the notes are saved: owner and due date, done, made a plan action (the
// action, its first history row and the follow-up's link in one transaction), an Experts at Hand
// request recorded, and the open ones the owner nudges list. Each change is made only from the
// state the flow checked (open, not yet converted), so two clicks never convert one twice.
import { actionRefPrefix, nextActionRef } from '../domain/actions/index.js';
import type { IsoDate } from '../domain/plan/types.js';
import type { Db } from './database.js';
import { isDuplicate } from './clusters.js';

const TX = { maxWait: 10_000, timeout: 20_000 };
const day = (d: IsoDate): Date => new Date(`${d}T00:00:00Z`);
const isoDay = (d: Date): IsoDate => d.toISOString().slice(0, 10) as IsoDate;

export interface WorkstreamChoice { id: number; code: string; name: string; leadId: number | null }

export interface NewPlanAction {
  followUpId: number;
  workstreamId: number;
  title: string;
  ownerId: number | null;
  dueDate: IsoDate;
  source: string;
  /** The first history row's note: where the action came from. */
  note: string;
  actorId: number;
  now: Date;
}

/** An open, owned follow-up with a due date, as the owner nudges list it. */
export interface DueFollowUp {
  id: number;
  text: string;
  ownerId: number;
  dueDate: IsoDate;
  clusterName: string;
  meetingStartsAt: Date;
}

/** One of a person's open follow-ups, for "my follow-ups". */
export interface MyFollowUp {
  id: number;
  text: string;
  dueDate: IsoDate | null;
  requestRef: string | null;
  clusterName: string;
  meetingStartsAt: Date;
}

export class FollowUpStore {
  constructor(private readonly db: Db) {}

  /** The people a follow-up may be given to: the active directory, by name. */
  ownerChoices(limit = 200): Promise<Array<{ id: number; name: string }>> {
    return this.db.person.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: limit });
  }

  workstreams(): Promise<WorkstreamChoice[]> {
    return this.db.workstream.findMany({ select: { id: true, code: true, name: true, leadId: true }, orderBy: { code: 'asc' } });
  }

  /** false when the follow-up is no longer open. */
  async setOwnerAndDue(id: number, ownerId: number, dueDate: IsoDate): Promise<boolean> {
    const { count } = await this.db.meetingFollowUp.updateMany({ where: { id, doneAt: null, actionRef: null }, data: { ownerId, dueDate: day(dueDate) } });
    return count === 1;
  }

  async markDone(id: number, now: Date): Promise<boolean> {
    const { count } = await this.db.meetingFollowUp.updateMany({ where: { id, doneAt: null, actionRef: null }, data: { doneAt: now } });
    return count === 1;
  }

  async recordRequest(id: number, requestRef: string): Promise<boolean> {
    const { count } = await this.db.meetingFollowUp.updateMany({ where: { id, requestRef: null }, data: { requestRef } });
    return count === 1;
  }

  /**
   * A plan action from a follow-up, with the workstream's next reference; 'changed' when the
   * follow-up was done or converted meanwhile. A reference taken by a concurrent add is retried.
   */
  async makePlanAction(a: NewPlanAction): Promise<{ ref: string } | 'changed'> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.$transaction(async (tx) => {
          const ws = await tx.workstream.findUniqueOrThrow({ where: { id: a.workstreamId }, select: { code: true, actions: { select: { ref: true } } } });
          const prefix = actionRefPrefix(ws.actions.map((x) => x.ref), ws.code);
          const same = await tx.action.findMany({ where: { ref: { startsWith: `${prefix}-` } }, select: { ref: true } });
          const ref = nextActionRef(prefix, same.map((x) => x.ref));
          const claimed = await tx.meetingFollowUp.updateMany({ where: { id: a.followUpId, doneAt: null, actionRef: null }, data: { actionRef: ref } });
          if (claimed.count !== 1) return 'changed' as const;
          const action = await tx.action.create({
            data: { ref, title: a.title, workstreamId: a.workstreamId, ownerId: a.ownerId, dueDate: day(a.dueDate), status: 'not_started', source: a.source, createdAt: a.now },
          });
          await tx.actionHistory.create({
            data: { actionId: action.id, actorId: a.actorId, at: a.now, via: 'card', statusTo: 'not_started', dueTo: day(a.dueDate), note: a.note, version: 1 },
          });
          return { ref };
        }, TX);
      } catch (err) {
        if (attempt >= 3 || !isDuplicate(err)) throw err;
      }
    }
  }

  /** A person's open follow-ups, earliest due first (those with no date last). */
  async openFor(ownerId: number, limit = 30): Promise<MyFollowUp[]> {
    const rows = await this.db.meetingFollowUp.findMany({
      where: { ownerId, doneAt: null, actionRef: null },
      select: { id: true, text: true, dueDate: true, requestRef: true, meeting: { select: { startsAt: true, cluster: { select: { name: true } } } } },
      orderBy: [{ dueDate: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }], take: limit,
    });
    return rows.map((r) => ({
      id: r.id, text: r.text, dueDate: r.dueDate ? isoDay(r.dueDate) : null, requestRef: r.requestRef, clusterName: r.meeting.cluster.name, meetingStartsAt: r.meeting.startsAt,
    }));
  }

  /** Open follow-ups with an owner, due on or before `dueBy` (the overdue ones included). */
  async dueBy(dueBy: IsoDate): Promise<DueFollowUp[]> {
    const rows = await this.db.meetingFollowUp.findMany({
      where: { doneAt: null, actionRef: null, ownerId: { not: null }, dueDate: { lte: day(dueBy) } },
      select: { id: true, text: true, ownerId: true, dueDate: true, meeting: { select: { startsAt: true, cluster: { select: { name: true } } } } },
      orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    });
    return rows.map((r) => ({
      id: r.id, text: r.text, ownerId: r.ownerId!, dueDate: isoDay(r.dueDate!), clusterName: r.meeting.cluster.name, meetingStartsAt: r.meeting.startsAt,
    }));
  }
}
