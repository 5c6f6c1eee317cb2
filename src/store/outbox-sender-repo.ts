// The sending side of the outbox. Rows move pending → sending (claimed, with a lock that expires)
// → sent | failed, or back to pending with a later next_attempt_at. Claiming is one UPDATE over
// FOR UPDATE SKIP LOCKED, so senders in several replicas never take the same row; a row whose lock
// expired (its sender died) is claimed again: at least once to the connector, and because a row is
// marked sent straight after the connector accepts it, exactly once in practice.
import type { Db } from './database.js';
import type { OutboxPayload } from './outbox.js';

export interface ClaimedMessage {
  id: number;
  dedupKey: string;
  job: string;
  period: string;
  recipientKey: string;
  kind: string;
  conversationId: string | null;
  payload: OutboxPayload;
  attempts: number;
  statusCodes: number[];
  lockedUntil: Date;
}

export interface FailedMessage {
  id: number;
  job: string;
  period: string;
  recipientKey: string;
  kind: string;
  attempts: number;
  statusCodes: number[];
  lastError: string | null;
  createdAt: Date;
}

export interface OutboxCounts { pending: number; sending: number; sent: number; failed: number; waiting: number }

type RawClaim = {
  id: number; dedup_key: string; job: string; period: string; recipient_key: string; kind: string;
  conversation_id: string | null; payload: unknown; attempts: number; status_codes: number[] | null; locked_until: Date;
};

function asPayload(v: unknown): OutboxPayload {
  if (typeof v === 'string') return JSON.parse(v) as OutboxPayload;
  return (v ?? {}) as OutboxPayload;
}

export class OutboxSenderRepository {
  constructor(private readonly db: Db) {}

  /** Claims up to `limit` rows that are due (or whose previous sender's lock expired), oldest first. */
  async claim(now: Date, lockedUntil: Date, limit: number, maxAttempts: number): Promise<ClaimedMessage[]> {
    const rows = await this.db.$queryRawUnsafe<RawClaim[]>(
      `UPDATE "outbox" SET "status" = 'sending', "locked_until" = $2::timestamptz
       WHERE "id" IN (
         SELECT "id" FROM "outbox"
         WHERE (("status" = 'pending' AND "next_attempt_at" <= $1::timestamptz)
             OR ("status" = 'sending' AND "locked_until" <= $1::timestamptz))
           AND "attempts" < $4
         ORDER BY "next_attempt_at", "id"
         LIMIT $3
         FOR UPDATE SKIP LOCKED)
       RETURNING "id", "dedup_key", "job", "period", "recipient_key", "kind", "conversation_id", "payload", "attempts", "status_codes", "locked_until"`,
      now, lockedUntil, limit, maxAttempts,
    );
    return rows
      .map((r) => ({
        id: Number(r.id), dedupKey: r.dedup_key, job: r.job, period: r.period, recipientKey: r.recipient_key, kind: r.kind,
        conversationId: r.conversation_id, payload: asPayload(r.payload), attempts: Number(r.attempts),
        statusCodes: (r.status_codes ?? []).map(Number), lockedUntil: new Date(r.locked_until),
      }))
      .sort((a, b) => a.id - b.id);
  }

  /** Rows whose sender died on their last attempt: nothing more will be tried, so they fail visibly. */
  async failAbandoned(now: Date, maxAttempts: number): Promise<number> {
    const { count } = await this.db.outboxMessage.updateMany({
      where: { status: 'sending', lockedUntil: { lte: now }, attempts: { gte: maxAttempts } },
      data: { status: 'failed', lockedUntil: null, lastError: 'gave up: the sender stopped during the last attempt' },
    });
    return count;
  }

  // The per-message updates are plain SQL: they run once per message on the hot path.

  async markSent(id: number, now: Date): Promise<void> {
    await this.markSentMany([{ id, at: now }]);
  }

  /** Marks several rows sent in one statement, each with its own time. */
  async markSentMany(rows: readonly { id: number; at: Date }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.$executeRawUnsafe(
      `UPDATE "outbox" AS o SET "status" = 'sent', "sent_at" = v.at, "locked_until" = NULL, "attempts" = o."attempts" + 1
       FROM unnest($1::int[], $2::timestamptz[]) AS v(id, at) WHERE o."id" = v.id`,
      rows.map((r) => r.id), rows.map((r) => r.at),
    );
  }

  private sentQueue: { id: number; at: Date; done: () => void; fail: (e: unknown) => void }[] = [];
  private sentTimer: NodeJS.Timeout | undefined;

  /**
   * Marks a row sent within a few milliseconds, together with the others that succeeded at the
   * same moment (one UPDATE for many sends at high rates). Resolves once it is written.
   */
  markSentSoon(id: number, at: Date, withinMs = 5): Promise<void> {
    return new Promise((done, fail) => {
      this.sentQueue.push({ id, at, done, fail });
      if (this.sentQueue.length >= 200) { this.flushSent(); return; }
      this.sentTimer ??= setTimeout(() => this.flushSent(), withinMs);
    });
  }

  private flushSent(): void {
    if (this.sentTimer) { clearTimeout(this.sentTimer); this.sentTimer = undefined; }
    const batch = this.sentQueue;
    this.sentQueue = [];
    this.markSentMany(batch).then(() => batch.forEach((b) => b.done()), (err: unknown) => batch.forEach((b) => b.fail(err)));
  }

  async markRetry(id: number, nextAttemptAt: Date, code: number, error: string): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE "outbox" SET "status" = 'pending', "next_attempt_at" = $2::timestamptz, "locked_until" = NULL, "attempts" = "attempts" + 1,
         "status_codes" = array_append("status_codes", $3::int), "last_error" = $4 WHERE "id" = $1`,
      id, nextAttemptAt, code, error,
    );
  }

  async markFailed(id: number, code: number | null, error: string): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE "outbox" SET "status" = 'failed', "locked_until" = NULL, "last_error" = $3,
         "attempts" = "attempts" + (CASE WHEN $2::int IS NULL THEN 0 ELSE 1 END),
         "status_codes" = CASE WHEN $2::int IS NULL THEN "status_codes" ELSE array_append("status_codes", $2::int) END
       WHERE "id" = $1`,
      id, code, error,
    );
  }

  /** Gives a claimed row back untouched (not an attempt): rate limits, a pause, a lock about to expire. */
  async release(ids: number[], nextAttemptAt: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.$executeRawUnsafe(
      `UPDATE "outbox" SET "status" = 'pending', "next_attempt_at" = $2::timestamptz, "locked_until" = NULL WHERE "id" = ANY($1::int[]) AND "status" = 'sending'`,
      ids, nextAttemptAt,
    );
  }

  /** The personal conversation a person's messages go to, resolved at send time. */
  async personalConversationId(personKey: string): Promise<string | null> {
    const row = await this.db.conversationRef.findFirst({
      where: { kind: 'personal', person: { key: personKey } }, orderBy: { lastSeenAt: 'desc' }, select: { conversationId: true },
    });
    return row?.conversationId ?? null;
  }

  /** When the next pending row becomes due, and when the earliest claim in flight expires (null: none). */
  async nextDue(): Promise<{ pending: Date | null; inFlightUntil: Date | null }> {
    const [pending, sending] = await Promise.all([
      this.db.outboxMessage.findFirst({ where: { status: 'pending' }, orderBy: { nextAttemptAt: 'asc' }, select: { nextAttemptAt: true } }),
      this.db.outboxMessage.findFirst({ where: { status: 'sending' }, orderBy: { lockedUntil: 'asc' }, select: { lockedUntil: true } }),
    ]);
    return { pending: pending?.nextAttemptAt ?? null, inFlightUntil: sending?.lockedUntil ?? null };
  }

  /** The earlier of the two (null when nothing is pending or in flight). */
  async nextDueAt(): Promise<Date | null> {
    const { pending, inFlightUntil } = await this.nextDue();
    const times = [pending, inFlightUntil].filter((t): t is Date => t instanceof Date);
    return times.length ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
  }

  async counts(where: { job?: string; period?: string } = {}): Promise<OutboxCounts> {
    const groups = await this.db.outboxMessage.groupBy({ by: ['status'], where, _count: { _all: true } });
    const out: OutboxCounts = { pending: 0, sending: 0, sent: 0, failed: 0, waiting: 0 };
    for (const g of groups) out[g.status] = g._count._all;
    return out;
  }

  async failed(limit: number, where: { job?: string; period?: string } = {}): Promise<FailedMessage[]> {
    return this.withStatus('failed', limit, where);
  }

  /** Messages waiting for a person the bot cannot reach yet (newest first). */
  async waiting(limit: number, where: { job?: string; period?: string } = {}): Promise<FailedMessage[]> {
    return this.withStatus('waiting', limit, where);
  }

  private async withStatus(status: 'failed' | 'waiting', limit: number, where: { job?: string; period?: string }): Promise<FailedMessage[]> {
    const rows = await this.db.outboxMessage.findMany({
      where: { status, ...where }, orderBy: { id: 'desc' }, take: limit,
      select: { id: true, job: true, period: true, recipientKey: true, kind: true, attempts: true, statusCodes: true, lastError: true, createdAt: true },
    });
    return rows;
  }
}
