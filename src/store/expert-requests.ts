// Experts at Hand requests. Every step is one transaction: the request row changes only if it is
// still at the version the person saw (optimistic concurrency), an event is appended (events are
// never changed or deleted), and the messages the step causes are queued in the outbox.
import type { RequestFormValue, RequestStatRow, RequestView, SettingChoice } from '../domain/experts/index.js';
import { formatRequestRef, programmeLeads } from '../domain/experts/index.js';
import type { Person, Specialism } from '../domain/plan/types.js';
import type { Prisma } from '../generated/prisma/client.js';
import { isDuplicate, teamsUserIds } from './clusters.js';
import { linkedChat, type LinkedChat } from './chat-links.js';
import type { Db } from './database.js';
import { enqueueMessages, type QueuedMessage } from './outbox.js';
import { toPerson } from './people.js';

type Tx = Prisma.TransactionClient;
type EventKind = 'created' | 'claimed' | 'answered' | 'closed' | 'reminded' | 'escalated' | 'noted';

const personSelect = { id: true, key: true, name: true, jobTitle: true, aadObjectId: true } as const;
const viewInclude = {
  requester: { select: personSelect },
  assignee: { select: personSelect },
  setting: { select: { id: true, name: true, phase: true, cluster: { select: { id: true, code: true, name: true } } } },
  events: { where: { kind: 'answered' }, orderBy: { id: 'desc' }, take: 1, select: { note: true } },
} satisfies Prisma.ExpertRequestInclude;
type ViewRow = Prisma.ExpertRequestGetPayload<{ include: typeof viewInclude }>;
const TX = { maxWait: 10_000, timeout: 20_000 };

export interface StepChange {
  id: number;
  /** The version the person's card showed. */
  version: number;
  actorId: number | null;
  now: Date;
  event: EventKind;
  note: string | null;
  data: Prisma.ExpertRequestUncheckedUpdateManyInput;
  messages(view: RequestView): QueuedMessage[];
}

export type StepResult = { ok: true; view: RequestView } | { ok: false; view: RequestView | null };

export class ExpertRequestStore {
  constructor(private readonly db: Db) {}

  async view(id: number): Promise<RequestView | null> {
    const row = await this.db.expertRequest.findUnique({ where: { id }, include: viewInclude });
    return row ? toView(row) : null;
  }

  /** Settings this person may open a request for: their own; every setting for an admin. */
  async settingsFor(person: Person): Promise<SettingChoice[]> {
    const rows = await this.db.setting.findMany({
      where: person.roles.includes('admin') ? {} : { sencoId: person.id },
      select: { id: true, name: true, phase: true, sencoId: true, cluster: { select: { name: true } } }, orderBy: { name: 'asc' },
    });
    // Their own settings first, so the form preselects one of them.
    rows.sort((a, b) => Number(b.sencoId === person.id) - Number(a.sencoId === person.id));
    return rows.map((r) => ({ id: r.id, name: r.name, phase: r.phase, clusterName: r.cluster.name }));
  }

  /** Opens a request with the next free reference; retries when another request took it first. */
  async open(requesterId: number, value: RequestFormValue, now: Date, messages: (v: RequestView) => QueuedMessage[]): Promise<RequestView> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.$transaction(async (tx) => {
          const ref = await nextRef(tx);
          const row = await tx.expertRequest.create({
            data: { ref, requesterId, settingId: value.settingId, specialism: value.specialism, kind: value.kind, summary: value.summary, status: 'new', createdAt: now },
          });
          await tx.expertRequestEvent.create({ data: { requestId: row.id, actorId: requesterId, at: now, kind: 'created' } });
          const view = toView(await tx.expertRequest.findUniqueOrThrow({ where: { id: row.id }, include: viewInclude }));
          await enqueueMessages(tx, messages(view), now);
          return view;
        }, TX);
      } catch (err) {
        if (!isDuplicate(err) || attempt >= 5) throw err;
      }
    }
  }

  /** Applies a step if the request is still at the version the person saw. */
  async applyStep(change: StepChange): Promise<StepResult> {
    const result = await this.db.$transaction(async (tx) => {
      const { count } = await tx.expertRequest.updateMany({ where: { id: change.id, version: change.version }, data: { ...change.data, version: { increment: 1 } } });
      if (count === 0) return null;
      await tx.expertRequestEvent.create({ data: { requestId: change.id, actorId: change.actorId, at: change.now, kind: change.event, note: change.note } });
      const view = toView(await tx.expertRequest.findUniqueOrThrow({ where: { id: change.id }, include: viewInclude }));
      await enqueueMessages(tx, change.messages(view), change.now);
      return view;
    }, TX);
    return result ? { ok: true, view: result } : { ok: false, view: await this.view(change.id) };
  }

  /**
   * Queues system messages about a request (service-level reminders) and records the event,
   * once: when every message was already queued before, nothing is recorded again.
   */
  async notifyOnce(id: number, event: 'reminded' | 'escalated', note: string, messages: QueuedMessage[], now: Date): Promise<number> {
    return this.db.$transaction(async (tx) => {
      const added = await enqueueMessages(tx, messages, now);
      if (added > 0) await tx.expertRequestEvent.create({ data: { requestId: id, actorId: null, at: now, kind: event, note } });
      return added;
    }, TX);
  }

  /** Requests this person opened or has picked up, newest first. */
  async forPerson(personId: number, limit = 20): Promise<RequestView[]> {
    const rows = await this.db.expertRequest.findMany({ where: { OR: [{ requesterId: personId }, { assigneeId: personId }] }, orderBy: { createdAt: 'desc' }, take: limit, include: viewInclude });
    return rows.map(toView);
  }

  /** Requests not yet closed for a specialism, oldest first. */
  async openFor(specialism: Specialism, limit = 50): Promise<RequestView[]> {
    const rows = await this.db.expertRequest.findMany({ where: { specialism, status: { not: 'closed' } }, orderBy: { createdAt: 'asc' }, take: limit, include: viewInclude });
    return rows.map(toView);
  }

  async unclaimed(): Promise<RequestView[]> {
    const rows = await this.db.expertRequest.findMany({ where: { status: 'new' }, orderBy: { createdAt: 'asc' }, include: viewInclude });
    return rows.map(toView);
  }

  async statRows(from: Date, to: Date): Promise<RequestStatRow[]> {
    const rows = await this.db.expertRequest.findMany({
      where: { createdAt: { gte: from, lt: to } },
      select: { specialism: true, kind: true, status: true, createdAt: true, firstResponseAt: true, setting: { select: { cluster: { select: { name: true } } } } },
    });
    return rows.map((r) => ({ clusterName: r.setting.cluster.name, specialism: r.specialism, kind: r.kind, status: r.status, createdAt: r.createdAt, firstResponseAt: r.firstResponseAt }));
  }

  async experts(specialism: Specialism): Promise<Person[]> {
    const rows = await this.db.person.findMany({ where: { active: true, specialism, roles: { has: 'expert' } }, orderBy: { name: 'asc' } });
    return rows.map(toPerson);
  }

  /** The Experts at Hand programme lead(s): see src/domain/experts/programme-lead.ts. */
  async programmeLeads(): Promise<Person[]> {
    const [workstreams, admins] = await Promise.all([
      this.db.workstream.findMany({ select: { name: true, lead: true }, orderBy: { code: 'asc' } }),
      this.db.person.findMany({ where: { active: true, roles: { has: 'admin' } }, orderBy: { name: 'asc' } }),
    ]);
    return programmeLeads(workstreams.map((w) => ({ name: w.name, lead: w.lead ? toPerson(w.lead) : null })), admins.map(toPerson));
  }

  /** Teams user ids for card refresh in a channel: the requester and the specialism's experts. */
  async audience(r: { requester: { id: number }; specialism: Specialism }): Promise<string[]> {
    const experts = await this.db.person.findMany({ where: { active: true, specialism: r.specialism, roles: { has: 'expert' } }, select: { id: true } });
    return teamsUserIds(this.db, [r.requester.id, ...experts.map((e) => e.id)]);
  }

  /** The pool channel for a specialism, if an admin linked one (src/store/chat-links.ts links it). */
  poolChat(specialism: Specialism): Promise<LinkedChat | null> {
    return linkedChat(this.db, { kind: 'pool', specialism });
  }
}

/** The highest EAH-R number in use plus one, read inside the opening transaction. */
async function nextRef(tx: Tx): Promise<string> {
  const rows = await tx.$queryRaw<Array<{ n: number | null }>>`
    SELECT MAX(CAST(SUBSTRING(ref FROM 7) AS INTEGER))::int AS n FROM expert_requests WHERE ref ~ '^EAH-R-[0-9]+$'`;
  return formatRequestRef(Number(rows[0]?.n ?? 0) + 1);
}

function toView(row: ViewRow): RequestView {
  return {
    id: row.id, ref: row.ref, status: row.status, specialism: row.specialism, kind: row.kind, summary: row.summary, version: row.version,
    requester: row.requester, assignee: row.assignee,
    setting: { id: row.setting.id, name: row.setting.name, phase: row.setting.phase },
    cluster: row.setting.cluster,
    createdAt: row.createdAt, firstResponseAt: row.firstResponseAt, closedAt: row.closedAt, outcome: row.outcome,
    answer: row.events[0]?.note ?? null,
  };
}
