// Leases: a named row that one holder owns until it expires. The scheduler takes one per job and
// period so only one replica runs it; the outbox sender keeps its shared 429 pause in one.
// Taking a lease is a single INSERT … ON CONFLICT … WHERE expired: on PostgreSQL two racing
// replicas cannot both win (the loser's conflict check sees the winner's committed row).
import type { Db } from './database.js';

export interface LeaseRow { name: string; holder: string; expiresAt: Date }

export class LeaseRepository {
  constructor(private readonly db: Db) {}

  /** Takes the lease if nobody holds it or the holder's lease expired. True when this holder has it now. */
  async acquire(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const expires = new Date(now.getTime() + ttlMs);
    const rows = await this.db.$queryRawUnsafe<{ holder: string }[]>(
      `INSERT INTO "leases" ("name", "holder", "expires_at", "updated_at") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "expires_at" = EXCLUDED."expires_at", "updated_at" = EXCLUDED."updated_at"
       WHERE "leases"."expires_at" <= $4
       RETURNING "holder"`,
      name, holder, expires, now,
    );
    return rows.length === 1 && rows[0]!.holder === holder;
  }

  /** Extends a lease this holder still has. False when it was lost (expired and taken by someone else). */
  async renew(name: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
    const { count } = await this.db.lease.updateMany({
      where: { name, holder }, data: { expiresAt: new Date(now.getTime() + ttlMs), updatedAt: now },
    });
    return count === 1;
  }

  /** Hands the lease over to a new holder name and expiry, e.g. 'done' until the period is over. */
  async settle(name: string, holder: string, newHolder: string, expiresAt: Date): Promise<boolean> {
    const { count } = await this.db.lease.updateMany({ where: { name, holder }, data: { holder: newHolder, expiresAt } });
    return count === 1;
  }

  /** Sets a lease regardless of who held it (the shared sender pause: the longest pause wins). */
  async extendTo(name: string, holder: string, expiresAt: Date, now: Date): Promise<void> {
    await this.db.$executeRawUnsafe(
      `INSERT INTO "leases" ("name", "holder", "expires_at", "updated_at") VALUES ($1, $2, $3, $4)
       ON CONFLICT ("name") DO UPDATE SET "holder" = EXCLUDED."holder", "expires_at" = GREATEST("leases"."expires_at", EXCLUDED."expires_at"), "updated_at" = EXCLUDED."updated_at"`,
      name, holder, expiresAt, now,
    );
  }

  async get(name: string): Promise<LeaseRow | null> {
    const row = await this.db.lease.findUnique({ where: { name } });
    return row ? { name: row.name, holder: row.holder, expiresAt: row.expiresAt } : null;
  }

  /** Forgets leases that expired before `before` (housekeeping). */
  async prune(before: Date, prefix: string): Promise<number> {
    const { count } = await this.db.lease.deleteMany({ where: { expiresAt: { lt: before }, name: { startsWith: prefix } } });
    return count;
  }
}
