// Messages for people the bot cannot reach yet. Teams lets a bot message a person only once it
// has their personal chat (they installed the app or wrote to it). Until then a message waits
// (status 'waiting') instead of failing for good, and goes out when the chat appears: the
// sender's next drain (every few seconds) puts it back in the queue, by the clock the sender uses.
// Within its period only: a reminder or digest that is out of date by then is dropped, with the
// reason kept (admins see it under "who can't I reach?"); an alert or an Experts at Hand notice
// is never out of date, so it waits as long as it takes.
import type { Db } from './database.js';

const DAY_MS = 86_400_000;

/** How long a waiting message of each scheduled job stays worth sending. Jobs not listed never go stale. */
export const STALE_AFTER_MS: Readonly<Record<string, number>> = {
  'owner-nudges': 7 * DAY_MS,
  'weekly-digest': 7 * DAY_MS,
  'meeting-reminders': 1 * DAY_MS,
  'quarterly-cycle': 14 * DAY_MS,
};

function staleCondition(first: number): { sql: string; params: unknown[] } {
  const entries = Object.entries(STALE_AFTER_MS);
  const sql = entries.map((_, i) => `("job" = $${first + 2 * i} AND "created_at" <= $1::timestamptz - ($${first + 2 * i + 1}::int * interval '1 millisecond'))`).join(' OR ');
  return { sql: `(${sql})`, params: entries.flatMap(([job, ms]) => [job, ms]) };
}

export class OutboxWaitingRepository {
  constructor(private readonly db: Pick<Db, '$executeRawUnsafe'>) {}

  /** Parks a claimed row until its recipient can be reached. */
  async markWaiting(id: number, reason: string): Promise<void> {
    await this.db.$executeRawUnsafe(
      `UPDATE "outbox" SET "status" = 'waiting', "locked_until" = NULL, "last_error" = $2 WHERE "id" = $1 AND "status" = 'sending'`,
      id, reason,
    );
  }

  /** Drops waiting rows that went out of date; returns how many. */
  async dropStale(now: Date): Promise<number> {
    const stale = staleCondition(2);
    return this.db.$executeRawUnsafe(
      `UPDATE "outbox" SET "status" = 'failed', "last_error" = 'dropped: out of date before ' || substr("recipient_key", 8) || ' could be reached (no personal chat with the bot yet)'
       WHERE "status" = 'waiting' AND ${stale.sql}`,
      now, ...stale.params,
    );
  }

  /**
   * Puts back in the queue every waiting row whose person now has a personal chat. Out-of-date
   * rows are dropped first, so they are never sent. A released row keeps its next_attempt_at,
   * which was due when it was claimed, so it is due at once.
   */
  async releaseReachable(now: Date): Promise<number> {
    await this.dropStale(now);
    return this.db.$executeRawUnsafe(
      `UPDATE "outbox" AS o SET "status" = 'pending', "last_error" = NULL
       FROM "people" AS p
       WHERE o."status" = 'waiting' AND o."recipient_key" = 'person:' || p."key"
         AND EXISTS (SELECT 1 FROM "conversation_refs" AS c WHERE c."person_id" = p."id" AND c."kind" = 'personal')`,
    );
  }
}
