// PlanReader over Prisma: each call is one or two indexed queries with ORDER BY + LIMIT.
// The directory (people, workstreams, clusters, settings) is cached for a few seconds and
// refreshed in the background once stale, so a question never waits on re-reading it.
import type { Prisma } from '../generated/prisma/client.js';
import type {
  ActionOrder, ActionPage, ActionQuery, MeetingQuery, PlanDirectory, PlanReader,
} from '../domain/plan/reader.js';
import { OPEN_STATUSES } from '../domain/plan/status.js';
import { ACTION_STATUSES } from '../domain/plan/types.js';
import type {
  Action, ActionStatus, Area, Cluster, ClusterMeeting, ExpertRequest, IsoDate, Phase, RequestStatus, Setting,
  Specialism, SupportKind, Workstream,
} from '../domain/plan/types.js';
import type { Db } from './database.js';
import { toPerson } from './people.js';

export interface PlanReaderOptions {
  /** How long the directory is fresh; after that it is served stale while one reload runs. */
  directoryTtlMs?: number;
}

const dateOf = (iso: IsoDate): Date => new Date(`${iso}T00:00:00.000Z`);
const isoOf = (d: Date): IsoDate => d.toISOString().slice(0, 10);

type ActionRow = {
  id: number; ref: string; title: string; workstreamId: number; area: string | null; ownerId: number | null;
  dueDate: Date; status: string; lastUpdate: string | null; lastUpdateAt: Date | null; successMeasure: string | null;
  source: string | null; version: number; createdAt: Date; updatedAt: Date;
};

export function toAction(row: ActionRow): Action {
  return {
    id: row.id, ref: row.ref, title: row.title, workstreamId: row.workstreamId, area: row.area as Area | null,
    ownerId: row.ownerId, dueDate: isoOf(row.dueDate), status: row.status as ActionStatus, lastUpdate: row.lastUpdate,
    lastUpdateAt: row.lastUpdateAt, successMeasure: row.successMeasure, source: row.source, version: row.version,
    createdAt: row.createdAt, updatedAt: row.updatedAt,
  };
}

/** The Prisma filter for an ActionQuery (exported for tests). */
export function actionWhere(q: ActionQuery): Prisma.ActionWhereInput {
  const and: Prisma.ActionWhereInput[] = [];
  if (q.statuses) and.push({ status: { in: [...q.statuses] } });
  if (q.ownerIds) and.push({ ownerId: { in: [...q.ownerIds] } });
  if (q.workstreamIds) and.push({ workstreamId: { in: [...q.workstreamIds] } });
  if (q.areas) and.push({ area: { in: [...q.areas] } });
  if (q.dueFrom || q.dueTo) {
    and.push({ dueDate: { ...(q.dueFrom ? { gte: dateOf(q.dueFrom) } : {}), ...(q.dueTo ? { lte: dateOf(q.dueTo) } : {}) } });
  }
  for (const word of q.titleWords ?? []) and.push({ title: { contains: word, mode: 'insensitive' } });
  if (q.refPrefix) and.push({ ref: { startsWith: `${q.refPrefix}-` } });
  if (q.source) and.push({ source: q.source });
  if (q.attentionOn) {
    and.push({
      OR: [
        { status: { in: ['at_risk', 'off_track'] } },
        { status: { in: [...OPEN_STATUSES] }, dueDate: { lt: dateOf(q.attentionOn) } },
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

export class PrismaPlanReader implements PlanReader {
  private readonly ttlMs: number;
  private cached: { value: PlanDirectory; at: number } | undefined;
  private loading: Promise<PlanDirectory> | undefined;

  constructor(private readonly db: Db, options: PlanReaderOptions = {}) {
    this.ttlMs = options.directoryTtlMs ?? 30_000;
  }

  /** Forget the cached directory (after an import or a change to people). */
  invalidate(): void {
    this.cached = undefined;
  }

  async directory(): Promise<PlanDirectory> {
    const now = Date.now();
    const cached = this.cached;
    if (cached && now - cached.at < this.ttlMs) return cached.value;
    const reload = () => {
      this.loading ??= this.loadDirectory()
        .then((value) => { this.cached = { value, at: Date.now() }; return value; })
        .finally(() => { this.loading = undefined; });
      return this.loading;
    };
    if (cached) {
      // Stale: answer from it now and refresh once in the background.
      reload().catch(() => undefined);
      return cached.value;
    }
    return reload();
  }

  private async loadDirectory(): Promise<PlanDirectory> {
    const [people, workstreams, clusters, settings, prefixes, sources] = await Promise.all([
      this.db.person.findMany({ orderBy: { id: 'asc' } }),
      this.db.workstream.findMany({ orderBy: { code: 'asc' } }),
      this.db.cluster.findMany({ orderBy: { code: 'asc' } }),
      this.db.setting.findMany({ orderBy: { name: 'asc' } }),
      this.db.$queryRaw<{ p: string }[]>`SELECT DISTINCT upper(split_part(ref, '-', 1)) AS p FROM actions`,
      this.db.$queryRaw<{ s: string }[]>`SELECT DISTINCT source AS s FROM actions WHERE source IS NOT NULL`,
    ]);
    return {
      people: people.map(toPerson),
      workstreams: workstreams.map((w): Workstream => ({ id: w.id, code: w.code, name: w.name, pillar: w.pillar, leadId: w.leadId })),
      clusters: clusters.map((c): Cluster => ({ id: c.id, code: c.code, name: c.name, area: c.area, chairId: c.chairId })),
      settings: settings.map((s): Setting => ({ id: s.id, name: s.name, phase: s.phase as Phase, clusterId: s.clusterId, sencoId: s.sencoId })),
      actionPrefixes: prefixes.map((r) => r.p).filter((p) => /^[A-Z]+$/.test(p)).sort(),
      sources: sources.map((r) => r.s).sort(),
      loadedAt: new Date(),
    };
  }

  async actionsByRefs(refs: readonly string[]): Promise<Action[]> {
    if (!refs.length) return [];
    const rows = await this.db.action.findMany({ where: { ref: { in: [...refs] } }, orderBy: { ref: 'asc' } });
    return rows.map(toAction);
  }

  async listActions(query: ActionQuery, page: { offset: number; limit: number; order?: ActionOrder }): Promise<ActionPage> {
    const where = actionWhere(query);
    const dir = page.order === 'due_desc' ? 'desc' : 'asc';
    const [total, rows] = await Promise.all([
      this.db.action.count({ where }),
      page.limit > 0
        ? this.db.action.findMany({
          where, orderBy: [{ dueDate: dir }, { ref: 'asc' }], skip: Math.max(0, page.offset), take: page.limit,
        })
        : Promise.resolve([]),
    ]);
    return { total, items: rows.map(toAction) };
  }

  async countByStatus(query: ActionQuery): Promise<Record<ActionStatus, number>> {
    const groups = await this.db.action.groupBy({ by: ['status'], where: actionWhere(query), _count: { _all: true } });
    const out = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
    for (const g of groups) out[g.status as ActionStatus] = g._count._all;
    return out;
  }

  async countBy(field: 'ownerId' | 'workstreamId', query: ActionQuery, limit: number): Promise<{ id: number; count: number }[]> {
    const where = actionWhere(query);
    const groups = field === 'ownerId'
      ? await this.db.action.groupBy({ by: ['ownerId'], where, _count: { _all: true } })
      : await this.db.action.groupBy({ by: ['workstreamId'], where, _count: { _all: true } });
    return groups
      .map((g) => ({ id: (field === 'ownerId' ? (g as { ownerId: number | null }).ownerId : (g as { workstreamId: number }).workstreamId) ?? 0, count: g._count._all }))
      .filter((g) => g.id !== 0)
      .sort((a, b) => b.count - a.count || a.id - b.id)
      .slice(0, limit);
  }

  async searchTitles(words: readonly string[], limit: number): Promise<Action[]> {
    if (!words.length) return [];
    const rows = await this.db.action.findMany({
      where: { OR: words.map((w) => ({ title: { contains: w, mode: 'insensitive' as const } })) },
      orderBy: [{ dueDate: 'asc' }, { ref: 'asc' }],
      take: limit,
    });
    return rows.map(toAction);
  }

  async meetings(query: MeetingQuery): Promise<ClusterMeeting[]> {
    const rows = await this.db.clusterMeeting.findMany({
      where: {
        ...(query.clusterIds ? { clusterId: { in: [...query.clusterIds] } } : {}),
        ...(query.from || query.to ? { startsAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) } } : {}),
      },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: query.limit,
    });
    return rows.map((m): ClusterMeeting => ({
      id: m.id, clusterId: m.clusterId, startsAt: m.startsAt, timeZone: m.timeZone, durationMinutes: m.durationMinutes,
      location: m.location, agenda: m.agenda, notes: m.notes, followUps: m.followUps, version: m.version,
    }));
  }

  async requestsByRefs(refs: readonly string[]): Promise<ExpertRequest[]> {
    if (!refs.length) return [];
    const rows = await this.db.expertRequest.findMany({ where: { ref: { in: [...refs] } }, orderBy: { ref: 'asc' } });
    return rows.map(toRequest);
  }

  async requestsByRequester(personId: number, limit: number): Promise<ExpertRequest[]> {
    const rows = await this.db.expertRequest.findMany({ where: { requesterId: personId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
    return rows.map(toRequest);
  }
}

type RequestRow = {
  id: number; ref: string; requesterId: number; settingId: number; specialism: string; kind: string; summary: string;
  status: string; assigneeId: number | null; outcome: string | null; version: number; createdAt: Date;
  firstResponseAt: Date | null; closedAt: Date | null;
};

function toRequest(r: RequestRow): ExpertRequest {
  return {
    id: r.id, ref: r.ref, requesterId: r.requesterId, settingId: r.settingId, specialism: r.specialism as Specialism,
    kind: r.kind as SupportKind, summary: r.summary, status: r.status as RequestStatus, assigneeId: r.assigneeId,
    outcome: r.outcome, version: r.version, createdAt: r.createdAt, firstResponseAt: r.firstResponseAt, closedAt: r.closedAt,
  };
}
