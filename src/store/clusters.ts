// Clusters, their linked chats and their SENCO meetings. RSVPs are one upsert on the unique
// (meeting, person) pair, so concurrent clicks never lose a vote; agenda items are appended in one
// statement; notes are saved only against the version the chair saw.
import type { FollowUpView, MeetingView, MeetingFormValue, NotesValue, RsvpResponse } from '../domain/clusters/index.js';
import { countResponses, reconcileFollowUps } from '../domain/clusters/index.js';
import type { IsoDate } from '../domain/plan/types.js';
import type { Db } from './database.js';
import { isUniqueViolation } from './errors.js';
import { enqueueMessages, type QueuedMessage } from './outbox.js';
import { linkedChat, type LinkedChat } from './chat-links.js';

export interface ClusterRow { id: number; code: string; name: string; area: string; chairId: number | null }
export type { LinkedChat } from './chat-links.js';

type FollowUpRow = {
  id: number; position: number; text: string; owner: { id: number; name: string } | null; dueDate: Date | null;
  doneAt: Date | null; actionRef: string | null; requestRef: string | null;
};
type MeetingRow = {
  id: number; version: number; clusterId: number; startsAt: Date; durationMinutes: number; location: string;
  agenda: string[]; notes: string | null; followUps: FollowUpRow[]; cluster: ClusterRow;
};

const clusterSelect = { id: true, code: true, name: true, area: true, chairId: true } as const;
const followUpSelect = {
  id: true, position: true, text: true, owner: { select: { id: true, name: true } }, dueDate: true, doneAt: true, actionRef: true, requestRef: true,
} as const;
const meetingInclude = { cluster: { select: clusterSelect }, followUps: { select: followUpSelect, orderBy: [{ position: 'asc' as const }, { id: 'asc' as const }] } };

/** Who owns a new follow-up and when it is due, unless the chair says otherwise. */
export interface FollowUpDefaults { ownerId: number | null; dueDate: IsoDate }
const TX = { maxWait: 10_000, timeout: 20_000 };

export class ClusterStore {
  constructor(private readonly db: Db) {}

  clusters(): Promise<ClusterRow[]> {
    return this.db.cluster.findMany({ select: clusterSelect, orderBy: { code: 'asc' } });
  }

  cluster(id: number): Promise<ClusterRow | null> {
    return this.db.cluster.findUnique({ where: { id }, select: clusterSelect });
  }

  async clusterForChat(conversationId: string): Promise<ClusterRow | null> {
    const ref = await this.db.conversationRef.findUnique({ where: { conversationId }, select: { cluster: { select: clusterSelect } } });
    return ref?.cluster ?? null;
  }

  /** The cluster's linked chat (src/store/chat-links.ts links it). */
  linkedChat(clusterId: number): Promise<LinkedChat | null> {
    return linkedChat(this.db, { kind: 'cluster', clusterId });
  }

  /** The clusters of the settings this person is SENCO for. */
  async sencoClusterIds(personId: number): Promise<number[]> {
    const rows = await this.db.setting.findMany({ where: { sencoId: personId }, select: { clusterId: true } });
    return [...new Set(rows.map((r) => r.clusterId))];
  }

  /** Teams user ids of the people a cluster's meeting card matters to (chair and SENCOs), for card refresh in channels. */
  async audience(clusterId: number): Promise<string[]> {
    const people = await this.db.person.findMany({
      where: { active: true, OR: [{ chairedClusters: { some: { id: clusterId } } }, { sencoSettings: { some: { clusterId } } }] },
      select: { id: true }, orderBy: { id: 'asc' },
    });
    return teamsUserIds(this.db, people.map((p) => p.id));
  }

  async meeting(id: number, viewerId?: number): Promise<MeetingView | null> {
    const row = await this.db.clusterMeeting.findUnique({ where: { id }, include: meetingInclude });
    return row ? (await this.views([row], viewerId))[0] ?? null : null;
  }

  /** The cluster's next meeting that has not ended (one in progress counts). */
  async nextMeeting(clusterId: number, now: Date, viewerId?: number): Promise<MeetingView | null> {
    const rows = await this.db.clusterMeeting.findMany({ where: { clusterId, startsAt: { gt: new Date(now.getTime() - 8 * 3_600_000) } }, orderBy: { startsAt: 'asc' }, include: meetingInclude, take: 5 });
    const next = rows.find((r) => r.startsAt.getTime() + r.durationMinutes * 60_000 > now.getTime());
    return next ? (await this.views([next], viewerId))[0] ?? null : null;
  }

  /** Meetings starting in (now, now + horizon] whose cluster has a linked chat. */
  async upcomingWithChats(now: Date, horizonMs: number): Promise<Array<{ meeting: MeetingView; chat: LinkedChat }>> {
    const rows = await this.db.clusterMeeting.findMany({
      where: { startsAt: { gt: now, lte: new Date(now.getTime() + horizonMs) }, cluster: { conversations: { some: {} } } },
      orderBy: { startsAt: 'asc' }, include: meetingInclude,
    });
    const views = await this.views(rows);
    const out: Array<{ meeting: MeetingView; chat: LinkedChat }> = [];
    for (const meeting of views) {
      const chat = await this.linkedChat(meeting.cluster.id);
      if (chat) out.push({ meeting, chat });
    }
    return out;
  }

  /** A new meeting and, in the same transaction, the messages announcing it. 'duplicate' when the cluster already meets then. */
  async createMeeting(value: MeetingFormValue, now: Date, messages: (m: MeetingView) => QueuedMessage[]): Promise<MeetingView | 'duplicate'> {
    try {
      return await this.db.$transaction(async (tx) => {
        const row = await tx.clusterMeeting.create({
          data: { clusterId: value.clusterId, startsAt: value.startsAt, durationMinutes: value.durationMinutes, location: value.location, agenda: value.agenda, createdAt: now },
          include: meetingInclude,
        });
        const view = toView(row, countResponses([]));
        await enqueueMessages(tx, messages(view), now);
        return view;
      }, TX);
    } catch (err) {
      if (isDuplicate(err)) return 'duplicate';
      throw err;
    }
  }

  /** Records (or changes) a person's reply: one row per person and meeting, whatever the concurrency. */
  async rsvp(meetingId: number, personId: number, response: RsvpResponse, now: Date): Promise<void> {
    const write = () => this.db.meetingResponse.upsert({
      where: { meetingId_personId: { meetingId, personId } },
      create: { meetingId, personId, response, respondedAt: now },
      update: { response, respondedAt: now },
    });
    try {
      await write();
    } catch (err) {
      // Two first clicks from one person raced to insert: the row exists now, so update it.
      if (!isDuplicate(err)) throw err;
      await write();
    }
  }

  async addAgendaItem(meetingId: number, item: string): Promise<MeetingView> {
    await this.db.clusterMeeting.update({ where: { id: meetingId }, data: { agenda: { push: item }, version: { increment: 1 } } });
    return (await this.meeting(meetingId))!;
  }

  /**
   * Notes and follow-ups against the version the chair saw. An unchanged follow-up line keeps its
   * row (owner, due date, done); a new line gets the defaults; a line taken out is removed.
   */
  async saveNotes(meetingId: number, version: number, value: NotesValue, defaults: FollowUpDefaults): Promise<MeetingView | 'stale'> {
    const saved = await this.db.$transaction(async (tx) => {
      const { count } = await tx.clusterMeeting.updateMany({ where: { id: meetingId, version }, data: { notes: value.notes, version: { increment: 1 } } });
      if (count === 0) return false;
      const existing = await tx.meetingFollowUp.findMany({ where: { meetingId }, select: { id: true, text: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
      const plan = reconcileFollowUps(existing, value.followUps);
      if (plan.remove.length) await tx.meetingFollowUp.deleteMany({ where: { id: { in: plan.remove } } });
      for (const k of plan.keep) await tx.meetingFollowUp.update({ where: { id: k.id }, data: { position: k.position } });
      if (plan.add.length) {
        await tx.meetingFollowUp.createMany({
          data: plan.add.map((a) => ({ meetingId, position: a.position, text: a.text, ownerId: defaults.ownerId, dueDate: new Date(`${defaults.dueDate}T00:00:00Z`) })),
        });
      }
      return true;
    }, TX);
    return saved ? (await this.meeting(meetingId))! : 'stale';
  }

  /** When the cluster's next meeting after this one starts (for a follow-up's default due date). */
  async followingMeetingStart(clusterId: number, after: Date): Promise<Date | null> {
    const next = await this.db.clusterMeeting.findFirst({ where: { clusterId, startsAt: { gt: after } }, orderBy: { startsAt: 'asc' }, select: { startsAt: true } });
    return next?.startsAt ?? null;
  }

  private async views(rows: MeetingRow[], viewerId?: number): Promise<MeetingView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const grouped = await this.db.meetingResponse.groupBy({ by: ['meetingId', 'response'], where: { meetingId: { in: ids } }, _count: { _all: true } });
    const mine = viewerId === undefined ? [] : await this.db.meetingResponse.findMany({ where: { meetingId: { in: ids }, personId: viewerId }, select: { meetingId: true, response: true } });
    return rows.map((row) => {
      const counts = countResponses([]);
      for (const g of grouped) if (g.meetingId === row.id) counts[g.response] += g._count._all;
      const view = toView(row, counts);
      if (viewerId !== undefined) view.myResponse = mine.find((m) => m.meetingId === row.id)?.response ?? null;
      return view;
    });
  }
}

/**
 * A unique-key clash. isUniqueViolation (./errors.ts) misses Prisma's P2002 on the PostgreSQL
 * adapter (its SQLSTATE test matches 'P2002' first), so check the Prisma code here too.
 */
export function isDuplicate(err: unknown): boolean {
  return isUniqueViolation(err) || (typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'P2002');
}

/**
 * The Teams user ids (29:…, as Teams sends them in from.id) of people, read from their personal
 * conversation references: the ids refresh.userIds expects. People who never talked to the bot
 * have none and are left out.
 */
export async function teamsUserIds(db: Db, personIds: number[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const refs = await db.conversationRef.findMany({
    where: { kind: 'personal', personId: { in: personIds } }, select: { reference: true }, orderBy: { lastSeenAt: 'desc' }, take: 120,
  });
  const ids = refs.map((r) => (r.reference as { user?: { id?: unknown } } | null)?.user?.id).filter((id): id is string => typeof id === 'string' && id !== '');
  return [...new Set(ids)];
}

function toView(row: MeetingRow, counts: MeetingView['counts']): MeetingView {
  return {
    id: row.id, version: row.version, cluster: row.cluster, startsAt: row.startsAt, durationMinutes: row.durationMinutes,
    location: row.location, agenda: row.agenda, notes: row.notes, followUps: row.followUps.map(toFollowUp), counts,
  };
}

export function toFollowUp(r: FollowUpRow): FollowUpView {
  return {
    id: r.id, position: r.position, text: r.text, owner: r.owner, dueDate: r.dueDate ? r.dueDate.toISOString().slice(0, 10) as IsoDate : null,
    done: r.doneAt !== null, actionRef: r.actionRef, requestRef: r.requestRef,
  };
}
