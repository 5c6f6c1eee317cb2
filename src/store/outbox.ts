// The outbox: every proactive message is a row first. The dedup key (job|period|recipient|kind)
// is unique, so a job that runs twice, restarts, or races another replica queues it once.
import type { Db } from './database.js';

/** Where a message goes: a person's personal chat, resolved at send time, or a stored conversation. */
export type Recipient = { personKey: string } | { conversationId: string };

export interface OutboxPayload {
  text?: string;
  cards?: Record<string, unknown>[];
}

export interface QueuedMessage {
  job: string;
  period: string;
  recipient: Recipient;
  kind: string;
  payload: OutboxPayload;
}

export function recipientKey(r: Recipient): string {
  return 'personKey' in r ? `person:${r.personKey}` : `conversation:${r.conversationId}`;
}

export function dedupKey(m: Pick<QueuedMessage, 'job' | 'period' | 'recipient' | 'kind'>): string {
  return [m.job, m.period, recipientKey(m.recipient), m.kind].join('|');
}

type OutboxWriter = Pick<Db, 'outboxMessage'>;

/** Queues messages; returns how many were new (duplicates are silently skipped by the key). */
export async function enqueueMessages(db: OutboxWriter, messages: QueuedMessage[], now: Date): Promise<number> {
  if (messages.length === 0) return 0;
  let added = 0;
  for (let i = 0; i < messages.length; i += 1000) {
    const chunk = messages.slice(i, i + 1000);
    const { count } = await db.outboxMessage.createMany({
      data: chunk.map((m) => ({
        dedupKey: dedupKey(m), job: m.job, period: m.period, recipientKey: recipientKey(m.recipient), kind: m.kind,
        conversationId: 'conversationId' in m.recipient ? m.recipient.conversationId : null,
        payload: m.payload as object, nextAttemptAt: now, createdAt: now,
      })),
      skipDuplicates: true,
    });
    added += count;
  }
  return added;
}

/** Dedup keys already queued for a job and period: a re-run can skip building those messages at all. */
export async function queuedKeys(db: Pick<Db, 'outboxMessage'>, job: string, period: string): Promise<Set<string>> {
  const rows = await db.outboxMessage.findMany({ where: { job, period }, select: { dedupKey: true } });
  return new Set(rows.map((r) => r.dedupKey));
}

/** The outbox as the jobs write it. */
export class OutboxRepository {
  constructor(private readonly db: Db) {}
  enqueue(messages: QueuedMessage[], now: Date): Promise<number> { return enqueueMessages(this.db, messages, now); }
  queuedKeys(job: string, period: string): Promise<Set<string>> { return queuedKeys(this.db, job, period); }
}
