// Outcome measures and their readings. Readings are append-only: a correction is a new reading
// for the same date, and the one recorded last counts (src/domain/measures/progress.ts).
import type { Prisma } from '../generated/prisma/client.js';
import type { Measure, MeasureOwner, MeasureUnit, Reading } from '../domain/measures/types.js';
import type { ChangeChannel } from '../domain/plan/types.js';
import type { IsoDate } from '../domain/time/dates.js';
import type { Db } from './database.js';
import { Kept } from './kept.js';

/** A measure as the flows and pages need it: its readings, and who answers for it. */
export interface MeasureEntry {
  measure: Measure;
  readings: Reading[];
  /** The action's owner and its workstream's lead, or the workstream's lead; empty for an area. */
  responsibleIds: number[];
  /** The workstream the measure belongs to, directly or through its action (null for an area). */
  workstreamCode: string | null;
  /** The action it belongs to (null for a workstream's or an area's). */
  actionId: number | null;
}

export interface NewReading {
  measureId: number;
  value: number;
  date: IsoDate;
  source: string | null;
  recordedById: number | null;
  via: ChangeChannel;
  recordedAt: Date;
}

const include = {
  action: { select: { ref: true, ownerId: true, workstream: { select: { code: true, leadId: true } } } },
  workstream: { select: { code: true, leadId: true } },
  readings: { orderBy: [{ date: 'asc' }, { id: 'asc' }] },
} satisfies Prisma.MeasureInclude;
type Row = Prisma.MeasureGetPayload<{ include: typeof include }>;

const day = (d: Date): IsoDate => d.toISOString().slice(0, 10);
export const asDbDate = (d: IsoDate): Date => new Date(`${d}T00:00:00Z`);

function ownerOf(r: Row): MeasureOwner {
  if (r.action) return { kind: 'action', ref: r.action.ref };
  if (r.workstream) return { kind: 'workstream', code: r.workstream.code };
  // The import refuses a measure that belongs to nothing; an area is what is left.
  return { kind: 'area', area: r.area ?? 'ehc_plans' };
}

function toEntry(r: Row): MeasureEntry {
  const ids = [r.action?.ownerId, r.action?.workstream.leadId, r.workstream?.leadId].filter((id): id is number => typeof id === 'number');
  return {
    measure: {
      id: r.id, ref: r.ref, name: r.name, unit: r.unit as MeasureUnit, direction: r.direction,
      baseline: { value: r.baselineValue, date: day(r.baselineDate) }, target: { value: r.targetValue, date: day(r.targetDate) },
      owner: ownerOf(r),
    },
    readings: r.readings.map((x) => ({
      id: x.id, measureId: x.measureId, value: x.value, date: day(x.date), source: x.source, recordedById: x.recordedById, recordedAt: x.recordedAt,
    })),
    responsibleIds: [...new Set(ids)],
    workstreamCode: r.action?.workstream.code ?? r.workstream?.code ?? null,
    actionId: r.actionId,
  };
}

// One kept list per database, so every store over it (questions, cards, jobs) shares it and a
// reading recorded through any of them is seen at once.
const keptByDb = new WeakMap<Db, Kept<MeasureEntry[]>>();

export class MeasureStore {
  private readonly kept: Kept<MeasureEntry[]>;

  constructor(private readonly db: Db) {
    const shared = keptByDb.get(db) ?? new Kept(db, async () => (await db.measure.findMany({ include, orderBy: { ref: 'asc' } })).map(toEntry));
    keptByDb.set(db, shared);
    this.kept = shared;
  }

  /**
   * Every measure with its readings, by ref. A plan has a handful to a few dozen, and every
   * question reads them (five queries): kept for a few seconds (src/store/kept.ts). Callers must
   * not change what they get.
   */
  all(): Promise<MeasureEntry[]> {
    return this.kept.get();
  }

  /**
   * The measures that belong to one action (none for most), with their readings: from the kept
   * list, since every card open, refresh and save asks, and reading them alone took five queries.
   */
  async forAction(actionId: number): Promise<MeasureEntry[]> {
    return (await this.kept.get()).filter((e) => e.actionId === actionId);
  }

  async byId(id: number): Promise<MeasureEntry | null> {
    const row = await this.db.measure.findUnique({ where: { id }, include });
    return row ? toEntry(row) : null;
  }

  /** Adds one reading; the caller has checked it (src/domain/measures/validate.ts). */
  async recordReading(r: NewReading): Promise<Reading> {
    const row = await this.db.measureReading.create({
      data: {
        measureId: r.measureId, value: r.value, date: asDbDate(r.date), source: r.source, recordedById: r.recordedById, via: r.via,
        recordedAt: r.recordedAt,
      },
    });
    // After the write: a question read meanwhile must not keep the list from before it.
    this.kept.forget();
    return { id: row.id, measureId: row.measureId, value: row.value, date: day(row.date), source: row.source, recordedById: row.recordedById, recordedAt: row.recordedAt };
  }
}
