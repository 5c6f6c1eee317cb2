// Maturity-matrix ratings: append-only rows, the latest per pillar view is current and the one
// before it gives the trend. A rating is written only if the pillar's latest rating is still the
// one the rater's card showed (stale-card protection), under a per-pillar transaction lock.
import { Prisma } from '../generated/prisma/client.js';
import { pillarViews, sortPillars } from '../domain/actions/permissions.js';
import type { Rating, RatingChange } from '../domain/actions/maturity.js';
import type { Person, Workstream } from '../domain/plan/types.js';
import type { Db } from './database.js';
import { toPerson } from './people.js';

export interface RatedBy { rating: Rating; raterName: string | null }

/** One row of the matrix: a pillar view, the workstream behind it, its latest two ratings. */
export interface PillarState {
  pillar: string;
  workstream: Workstream | null;
  lead: Person | null;
  latest: RatedBy | null;
  previous: RatedBy | null;
}

export type RateOutcome =
  | { kind: 'saved'; ids: number[] }
  /** Someone rated this pillar after the card was made; nothing was written. */
  | { kind: 'stale'; pillar: string };

class StaleRating extends Error {
  constructor(readonly pillar: string) { super('stale rating'); }
}

type RatingRow = { id: number; pillar: string; score: number; note: string | null; rated_by_id: number | null; rated_at: Date; rater: string | null; rn: bigint | number };

export class MaturityStore {
  constructor(private readonly db: Db) {}

  /** The latest two ratings of every pillar view that has any. */
  private async latestTwo(): Promise<Map<string, RatedBy[]>> {
    const rows = await this.db.$queryRaw<RatingRow[]>(Prisma.sql`
      SELECT r.id, r.pillar, r.score, r.note, r.rated_by_id, r.rated_at, p.name AS rater, r.rn
      FROM (
        SELECT m.*, row_number() OVER (PARTITION BY m.pillar ORDER BY m.rated_at DESC, m.id DESC) AS rn
        FROM maturity_ratings m
      ) r LEFT JOIN people p ON p.id = r.rated_by_id
      WHERE r.rn <= 2
      ORDER BY r.pillar, r.rn`);
    const out = new Map<string, RatedBy[]>();
    for (const r of rows) {
      const list = out.get(r.pillar) ?? [];
      list.push({
        rating: { id: r.id, pillar: r.pillar, score: r.score, note: r.note, ratedById: r.rated_by_id, ratedAt: new Date(r.rated_at) },
        raterName: r.rater,
      });
      out.set(r.pillar, list);
    }
    return out;
  }

  async workstreams(): Promise<{ workstream: Workstream; lead: Person | null }[]> {
    const rows = await this.db.workstream.findMany({ include: { lead: true }, orderBy: { code: 'asc' } });
    return rows.map((w) => ({
      workstream: { id: w.id, code: w.code, name: w.name, pillar: w.pillar, leadId: w.leadId },
      lead: w.lead ? toPerson(w.lead) : null,
    }));
  }

  /** Every pillar view of the plan's workstreams (and any other rated pillar), in pillar order. */
  async matrix(): Promise<PillarState[]> {
    const [workstreams, ratings] = await Promise.all([this.workstreams(), this.latestTwo()]);
    const byView = new Map<string, { workstream: Workstream; lead: Person | null }>();
    for (const w of workstreams) for (const v of pillarViews(w.workstream.pillar)) if (!byView.has(v)) byView.set(v, w);
    const views = sortPillars([...new Set([...byView.keys(), ...ratings.keys()])]);
    return views.map((pillar) => {
      const list = ratings.get(pillar) ?? [];
      return {
        pillar,
        workstream: byView.get(pillar)?.workstream ?? null,
        lead: byView.get(pillar)?.lead ?? null,
        latest: list[0] ?? null,
        previous: list[1] ?? null,
      };
    });
  }

  /**
   * Writes the ratings, all or none. `seen` is the latest rating id each pillar had on the card (0:
   * none); if any pillar has been rated since, nothing is written and that pillar is reported.
   */
  async rate(changes: readonly RatingChange[], seen: ReadonlyMap<string, number>, ctx: { actor: Pick<Person, 'id'>; now: Date }): Promise<RateOutcome> {
    try {
      const ids = await this.db.$transaction(async (tx) => {
        const out: number[] = [];
        for (const c of [...changes].sort((a, b) => a.pillar.localeCompare(b.pillar))) {
          // Serialise raters of the same pillar: the check below and the insert are then atomic.
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(4216002, hashtext(${c.pillar}))`;
          const latest = await tx.maturityRating.findFirst({ where: { pillar: c.pillar }, orderBy: [{ ratedAt: 'desc' }, { id: 'desc' }], select: { id: true } });
          if ((latest?.id ?? 0) !== (seen.get(c.pillar) ?? 0)) throw new StaleRating(c.pillar);
          const row = await tx.maturityRating.create({ data: { pillar: c.pillar, score: c.score, note: c.note, ratedById: ctx.actor.id, ratedAt: ctx.now } });
          out.push(row.id);
        }
        return out;
      }, { maxWait: 4_000, timeout: 10_000 });
      return { kind: 'saved', ids };
    } catch (err) {
      if (err instanceof StaleRating) return { kind: 'stale', pillar: err.pillar };
      throw err;
    }
  }
}
