// PlanReader over Prisma. Action lists are one parameterised SQL query with ORDER BY + LIMIT on
// the indexes; counts are plain count(*) (index-only where the indexes allow) and are remembered
// until the action history moves. The directory (people, workstreams, clusters, settings) is
// cached, re-checked every 30 s through a cheap fingerprint and reloaded only when it changed,
// in the background, so a question never waits on re-reading 5 000 people.
import type { SchoolTerm } from '../domain/time/school-terms.js';
import { loadSchoolTerms } from './term-dates.js';
import { Prisma } from '../generated/prisma/client.js';
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
  /** How long the directory is fresh; after that it is served stale while one check runs. */
  directoryTtlMs?: number;
  /** How long the action prefixes and sources (two scans of the actions table) are kept. */
  slowFactsTtlMs?: number;
  /**
   * Counts are remembered until the plan changes. A change is seen through the action history
   * (every write to an action appends to it), checked at most this often; 0 checks every time.
   */
  changeCheckMs?: number;
  /** Remembered counts are dropped after this long even if no change was seen (writes that bypass history). */
  countTtlMs?: number;
}

const dateOf = (iso: IsoDate): Date => new Date(`${iso}T00:00:00.000Z`);
const isoOf = (d: Date): IsoDate => d.toISOString().slice(0, 10);

const STATUS = (v: string) => Prisma.sql`${v}::"ActionStatus"`;
const AREA = (v: string) => Prisma.sql`${v}::"AreaForImprovement"`;
const likeEscape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The same filter as plain SQL. Prisma's count() wraps the query in a sub-select that defeats
 * index-only scans (ten times slower at 100 000 actions), so counts and pages are written out.
 * Every value is a bound parameter.
 */
export function actionWhereSql(q: ActionQuery): Prisma.Sql {
  const and: Prisma.Sql[] = [];
  const within = (column: Prisma.Sql, values: Prisma.Sql[]) => (values.length ? Prisma.sql`${column} IN (${Prisma.join(values)})` : Prisma.sql`FALSE`);
  if (q.statuses) and.push(within(Prisma.sql`status`, q.statuses.map(STATUS)));
  if (q.ownerIds) and.push(within(Prisma.sql`owner_id`, q.ownerIds.map((id) => Prisma.sql`${id}::int`)));
  if (q.workstreamIds) and.push(within(Prisma.sql`workstream_id`, q.workstreamIds.map((id) => Prisma.sql`${id}::int`)));
  if (q.areas) and.push(within(Prisma.sql`area`, q.areas.map(AREA)));
  if (q.dueFrom) and.push(Prisma.sql`due_date >= ${q.dueFrom}::date`);
  if (q.dueTo) and.push(Prisma.sql`due_date <= ${q.dueTo}::date`);
  for (const word of q.titleWords ?? []) and.push(Prisma.sql`title ILIKE ${`%${likeEscape(word)}%`}`);
  if (q.refPrefix) and.push(Prisma.sql`ref LIKE ${`${likeEscape(q.refPrefix)}-%`}`);
  if (q.source) and.push(Prisma.sql`source = ${q.source}`);
  if (q.attentionOn) {
    and.push(Prisma.sql`(status IN (${Prisma.join(['at_risk', 'off_track'].map(STATUS))}) OR (status IN (${Prisma.join(OPEN_STATUSES.map(STATUS))}) AND due_date < ${q.attentionOn}::date))`);
  }
  return and.length ? Prisma.join(and, ' AND ') : Prisma.sql`TRUE`;
}

type RawAction = {
  id: number; ref: string; title: string; workstream_id: number; area: string | null; owner_id: number | null;
  due_day: string; status: string; last_update: string | null; last_update_at: Date | string | null;
  success_measure: string | null; source: string | null; version: number; created_at: Date | string; updated_at: Date | string;
};
// The due date goes out as text under another name: an output column called due_date would
// shadow the real one in ORDER BY and stop the index from giving the order.
const ACTION_COLUMNS = Prisma.sql`id, ref, title, workstream_id, area::text AS area, owner_id, to_char(due_date, 'YYYY-MM-DD') AS due_day,
  status::text AS status, last_update, last_update_at, success_measure, source, version, created_at, updated_at`;
const instant = (v: Date | string): Date => (v instanceof Date ? v : new Date(v));

function fromRaw(r: RawAction): Action {
  return {
    id: Number(r.id), ref: r.ref, title: r.title, workstreamId: Number(r.workstream_id), area: r.area as Area | null,
    ownerId: r.owner_id === null ? null : Number(r.owner_id), dueDate: r.due_day,
    status: r.status as ActionStatus, lastUpdate: r.last_update, lastUpdateAt: r.last_update_at === null ? null : instant(r.last_update_at),
    successMeasure: r.success_measure, source: r.source, version: Number(r.version), createdAt: instant(r.created_at), updatedAt: instant(r.updated_at),
  };
}

interface People { people: PlanDirectory['people']; workstreams: PlanDirectory['workstreams']; clusters: PlanDirectory['clusters']; settings: PlanDirectory['settings'] }
interface SlowFacts { actionPrefixes: string[]; sources: string[]; at: number }

/** What every view of one reader shares: the caches. */
interface Shared {
  cached: { value: PlanDirectory; at: number; signature: string } | undefined;
  loading: Promise<PlanDirectory> | undefined;
  slow: SlowFacts | undefined;
  mark: { value: string; at: number; pending?: Promise<string> } | undefined;
  counts: Map<string, { mark: string; at: number; value: Promise<unknown> }>;
  analysing: Promise<void> | undefined;
}

export class PrismaPlanReader implements PlanReader {
  private readonly ttlMs: number;
  private readonly slowTtlMs: number;
  private readonly changeCheckMs: number;
  private readonly countTtlMs: number;
  private readonly s: Shared;
  /** Set on a view for one question: the one look at whether the plan changed that its counts share. */
  private questionMark: Promise<string> | undefined;

  constructor(private readonly db: Db, private readonly options: PlanReaderOptions = {}, shared?: Shared, private readonly perQuestion = false) {
    this.ttlMs = options.directoryTtlMs ?? 30_000;
    this.slowTtlMs = options.slowFactsTtlMs ?? 600_000;
    this.changeCheckMs = options.changeCheckMs ?? 0;
    this.countTtlMs = options.countTtlMs ?? 60_000;
    this.s = shared ?? { cached: undefined, loading: undefined, slow: undefined, mark: undefined, counts: new Map(), analysing: undefined };
  }

  /**
   * A view of this reader for answering one question: same caches, but the plan is checked for
   * changes once (or taken from the first page read) and every count in the answer uses that.
   */
  forQuestion(): PlanReader {
    return new PrismaPlanReader(this.db, this.options, this.s, true);
  }

  schoolTerms(): Promise<SchoolTerm[]> {
    return loadSchoolTerms(this.db);
  }

  /** Forget the cached directory (after an import or a change to people). */
  invalidate(): void {
    this.s.cached = undefined;
    this.s.slow = undefined;
    this.s.mark = undefined;
    this.s.counts.clear();
  }

  /**
   * The newest action-history row and action id: they move whenever an action is created, changed
   * or imported (every write appends to the history). Calls made while a check is running share it.
   */
  private changeMark(): Promise<string> {
    if (this.perQuestion) {
      this.questionMark ??= this.sharedChangeMark();
      return this.questionMark;
    }
    return this.sharedChangeMark();
  }

  private sharedChangeMark(): Promise<string> {
    const now = Date.now();
    const m = this.s.mark;
    if (m?.pending) return m.pending;
    if (m && now - m.at < this.changeCheckMs) return Promise.resolve(m.value);
    const pending = this.db.$queryRaw<{ id: number | null; n: number | null }[]>`
      SELECT (SELECT max(id) FROM action_history) AS id, (SELECT max(id) FROM actions) AS n`
      .then((rows) => `${rows[0]?.id ?? 0}:${rows[0]?.n ?? 0}`);
    this.s.mark = { value: m?.value ?? '', at: now, pending };
    return pending.then(
      (value) => { this.s.mark = { value, at: Date.now() }; return value; },
      (err: unknown) => { this.s.mark = undefined; throw err; },
    );
  }

  /**
   * Counting thousands of rows is the slow part of a list; the same count is asked again and again
   * ("what's overdue?"), so each is kept until the plan changes. Results are exact.
   */
  private async remembered<T>(key: string, compute: () => Promise<T>, knownMark?: string): Promise<T> {
    const mark = knownMark ?? await this.changeMark();
    const now = Date.now();
    const hit = this.s.counts.get(key);
    if (hit && hit.mark === mark && now - hit.at < this.countTtlMs) return hit.value as Promise<T>;
    if (this.s.counts.size >= 2_000) this.s.counts.clear();
    const value = compute();
    this.s.counts.set(key, { mark, at: now, value });
    value.catch(() => this.s.counts.delete(key));
    return value;
  }

  async directory(): Promise<PlanDirectory> {
    const cached = this.s.cached;
    if (cached && Date.now() - cached.at < this.ttlMs) return cached.value;
    const reload = () => {
      this.s.loading ??= this.refresh().finally(() => { this.s.loading = undefined; });
      return this.s.loading;
    };
    if (cached) {
      // Stale: answer from it now and check for changes once, in the background.
      reload().catch(() => undefined);
      return cached.value;
    }
    return reload();
  }

  /** A cheap fingerprint of people, workstreams, clusters and settings: reload only when it moves. */
  private async signature(): Promise<string> {
    const rows = await this.db.$queryRaw<{ s: string }[]>`
      SELECT concat_ws('|',
        (SELECT concat(count(*), ':', max(updated_at), ':', max(id)) FROM people),
        (SELECT concat(count(*), ':', max(id), ':', sum(coalesce(lead_id, 0)), ':', md5(string_agg(code || name || pillar, ',' ORDER BY id))) FROM workstreams),
        (SELECT concat(count(*), ':', max(id), ':', sum(coalesce(chair_id, 0)), ':', md5(string_agg(code || name || area, ',' ORDER BY id))) FROM clusters),
        (SELECT concat(count(*), ':', max(id), ':', sum(coalesce(senco_id, 0)), ':', sum(cluster_id), ':', md5(string_agg(name || phase::text, ',' ORDER BY id))) FROM settings)
      ) AS s`;
    return rows[0]?.s ?? '';
  }

  private async refresh(): Promise<PlanDirectory> {
    const signature = await this.signature();
    const cached = this.s.cached;
    const slow = this.s.slow && Date.now() - this.s.slow.at < this.slowTtlMs ? this.s.slow : await this.loadSlowFacts();
    this.s.slow = slow;
    if (cached && cached.signature === signature && cached.value.actionPrefixes === slow.actionPrefixes) {
      this.s.cached = { ...cached, at: Date.now() };
      return cached.value;
    }
    const people = cached && cached.signature === signature ? cached.value : await this.loadPeople();
    const value: PlanDirectory = {
      people: people.people, workstreams: people.workstreams, clusters: people.clusters, settings: people.settings,
      actionPrefixes: slow.actionPrefixes, sources: slow.sources, loadedAt: new Date(),
    };
    this.s.cached = { value, at: Date.now(), signature };
    return value;
  }

  private async loadPeople(): Promise<People> {
    const [people, workstreams, clusters, settings] = await Promise.all([
      this.db.person.findMany({ orderBy: { id: 'asc' } }),
      this.db.workstream.findMany({ orderBy: { code: 'asc' } }),
      this.db.cluster.findMany({ orderBy: { code: 'asc' } }),
      this.db.setting.findMany({ orderBy: { name: 'asc' } }),
    ]);
    return {
      people: people.map(toPerson),
      workstreams: workstreams.map((w): Workstream => ({ id: w.id, code: w.code, name: w.name, pillar: w.pillar, leadId: w.leadId })),
      clusters: clusters.map((c): Cluster => ({ id: c.id, code: c.code, name: c.name, area: c.area, chairId: c.chairId })),
      settings: settings.map((s): Setting => ({ id: s.id, name: s.name, phase: s.phase as Phase, clusterId: s.clusterId, sencoId: s.sencoId })),
    };
  }

  /**
   * The planner needs statistics to pick the index that gives "most urgent first" cheaply. The
   * embedded database has no autovacuum, so after a bulk import it has none: when the table has
   * outgrown its statistics (never analysed, or more than doubled), ANALYZE it once, in the
   * background. On PostgreSQL autovacuum usually got there first, and this does nothing.
   */
  private keepStatistics(): void {
    this.s.analysing ??= (async () => {
      const rows = await this.db.$queryRaw<{ est: number | null; top: number | null }[]>`
        SELECT (SELECT reltuples FROM pg_class WHERE oid = to_regclass('actions'))::float8 AS est,
               (SELECT max(id) FROM actions) AS top`;
      const est = Number(rows[0]?.est ?? -1);
      const top = Number(rows[0]?.top ?? 0);
      if (top >= 1_000 && (est < 0 || top > 2 * est + 1_000)) await this.db.$executeRaw`ANALYZE actions`;
    })().catch(() => undefined).finally(() => { this.s.analysing = undefined; });
  }

  /** Reference prefixes and sources change rarely and cost a scan of the actions table: kept longer. */
  private async loadSlowFacts(): Promise<SlowFacts> {
    this.keepStatistics();
    const [prefixes, sources] = await Promise.all([
      this.db.$queryRaw<{ p: string }[]>`SELECT DISTINCT upper(split_part(ref, '-', 1)) AS p FROM actions`,
      this.db.$queryRaw<{ s: string }[]>`SELECT DISTINCT source AS s FROM actions WHERE source IS NOT NULL`,
    ]);
    return {
      actionPrefixes: prefixes.map((r) => r.p).filter((p) => /^[A-Z]+$/.test(p)).sort(),
      sources: sources.map((r) => r.s).sort(),
      at: Date.now(),
    };
  }

  async actionsByRefs(refs: readonly string[]): Promise<Action[]> {
    if (!refs.length) return [];
    const rows = await this.db.$queryRaw<RawAction[]>`
      SELECT ${ACTION_COLUMNS} FROM actions WHERE ref IN (${Prisma.join([...new Set(refs)])}) ORDER BY ref`;
    return rows.map(fromRaw);
  }

  async listActions(query: ActionQuery, page: { offset: number; limit: number; order?: ActionOrder; total?: boolean }): Promise<ActionPage> {
    const where = actionWhereSql(query);
    const order = page.order === 'due_desc' ? Prisma.sql`due_date DESC, ref ASC` : Prisma.sql`due_date ASC, ref ASC`;
    const offset = Math.max(0, page.offset);
    if (page.limit <= 0) return { total: page.total === false ? 0 : await this.count(query), items: [] };
    // The page carries the change mark, so a remembered count needs no extra round trip.
    const rows = await this.db.$queryRaw<(RawAction & { mark_h: number | null; mark_a: number | null })[]>`
      SELECT ${ACTION_COLUMNS}, (SELECT max(id) FROM action_history) AS mark_h, (SELECT max(id) FROM actions) AS mark_a
      FROM actions WHERE ${where} ORDER BY ${order} LIMIT ${page.limit}::int OFFSET ${offset}::int`;
    const items = rows.map(fromRaw);
    const first = rows[0];
    const mark = first ? `${first.mark_h ?? 0}:${first.mark_a ?? 0}` : undefined;
    if (mark && this.perQuestion) this.questionMark ??= Promise.resolve(mark);
    if (page.total === false) return { total: items.length, items };
    // A first page that is not full is the whole list: no need to count.
    if (offset === 0 && items.length < page.limit) return { total: items.length, items };
    return { total: await this.count(query, mark), items };
  }

  private async countWhere(query: ActionQuery): Promise<number> {
    const rows = await this.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM actions WHERE ${actionWhereSql(query)}`;
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Counts matching actions. "Needs attention" is an OR no index serves, so it is counted as two
   * index-friendly parts: open and overdue, plus at risk or off track and not yet due.
   */
  private count(query: ActionQuery, knownMark?: string): Promise<number> {
    return this.remembered(`count ${JSON.stringify(query)}`, () => this.countNow(query), knownMark);
  }

  private async countNow(query: ActionQuery): Promise<number> {
    const { attentionOn, ...rest } = query;
    if (!attentionOn) return this.countWhere(rest);
    const within = (wanted: readonly ActionStatus[]) => (rest.statuses ? wanted.filter((s) => rest.statuses?.includes(s)) : [...wanted]);
    const yesterday = isoOf(new Date(dateOf(attentionOn).getTime() - 86_400_000));
    const lateTo = rest.dueTo && rest.dueTo < yesterday ? rest.dueTo : yesterday;
    const riskyFrom = rest.dueFrom && rest.dueFrom > attentionOn ? rest.dueFrom : attentionOn;
    const late: ActionQuery = { ...rest, statuses: within(OPEN_STATUSES), dueTo: lateTo };
    const risky: ActionQuery = { ...rest, statuses: within(['at_risk', 'off_track']), dueFrom: riskyFrom };
    const [x, y] = await Promise.all([
      late.statuses?.length && (!rest.dueFrom || rest.dueFrom <= lateTo) ? this.countWhere(late) : Promise.resolve(0),
      risky.statuses?.length && (!rest.dueTo || rest.dueTo >= riskyFrom) ? this.countWhere(risky) : Promise.resolve(0),
    ]);
    return x + y;
  }

  countByStatus(query: ActionQuery): Promise<Record<ActionStatus, number>> {
    return this.remembered(`byStatus ${JSON.stringify(query)}`, () => this.countByStatusNow(query));
  }

  private async countByStatusNow(query: ActionQuery): Promise<Record<ActionStatus, number>> {
    const out = Object.fromEntries(ACTION_STATUSES.map((x) => [x, 0])) as Record<ActionStatus, number>;
    const { attentionOn, ...rest } = query;
    if (attentionOn) {
      for (const st of ACTION_STATUSES) out[st] = await this.count({ ...query, statuses: rest.statuses ? rest.statuses.filter((x) => x === st) : [st] });
      return out;
    }
    const rows = await this.db.$queryRaw<{ s: string; n: number }[]>`SELECT status::text AS s, count(*)::int AS n FROM actions WHERE ${actionWhereSql(rest)} GROUP BY status`;
    for (const r of rows) out[r.s as ActionStatus] = Number(r.n);
    return out;
  }

  statusCounts(query: ActionQuery, today: IsoDate): Promise<{ byStatus: Record<ActionStatus, number>; overdue: number }> {
    return this.remembered(`statusCounts ${today} ${JSON.stringify(query)}`, () => this.statusCountsNow(query, today));
  }

  private async statusCountsNow(query: ActionQuery, today: IsoDate): Promise<{ byStatus: Record<ActionStatus, number>; overdue: number }> {
    if (query.attentionOn) {
      const byStatus = await this.countByStatus(query);
      const open = query.statuses ? OPEN_STATUSES.filter((x) => query.statuses?.includes(x)) : [...OPEN_STATUSES];
      const yesterday = isoOf(new Date(dateOf(today).getTime() - 86_400_000));
      return { byStatus, overdue: open.length ? await this.count({ ...query, statuses: open, dueTo: query.dueTo && query.dueTo < yesterday ? query.dueTo : yesterday }) : 0 };
    }
    // One pass: per status, and how many of each are past their due date.
    const rows = await this.db.$queryRaw<{ s: string; n: number; late: number }[]>`
      SELECT status::text AS s, count(*)::int AS n, (count(*) FILTER (WHERE due_date < ${today}::date))::int AS late
      FROM actions WHERE ${actionWhereSql(query)} GROUP BY status`;
    const byStatus = Object.fromEntries(ACTION_STATUSES.map((x) => [x, 0])) as Record<ActionStatus, number>;
    let overdue = 0;
    for (const r of rows) {
      byStatus[r.s as ActionStatus] = Number(r.n);
      if (r.s !== 'complete') overdue += Number(r.late);
    }
    return { byStatus, overdue };
  }

  countBy(field: 'ownerId' | 'workstreamId', query: ActionQuery, limit: number): Promise<{ id: number; count: number }[]> {
    return this.remembered(`countBy ${field} ${limit} ${JSON.stringify(query)}`, () => this.countByNow(field, query, limit));
  }

  private async countByNow(field: 'ownerId' | 'workstreamId', query: ActionQuery, limit: number): Promise<{ id: number; count: number }[]> {
    const { attentionOn, ...rest } = query;
    const column = field === 'ownerId' ? Prisma.sql`owner_id` : Prisma.sql`workstream_id`;
    const where = attentionOn ? actionWhereSql(query) : actionWhereSql(rest);
    const rows = await this.db.$queryRaw<{ id: number; n: number }[]>`
      SELECT ${column} AS id, count(*)::int AS n FROM actions WHERE ${where} AND ${column} IS NOT NULL
      GROUP BY ${column} ORDER BY n DESC, ${column} ASC LIMIT ${limit}::int`;
    return rows.map((r) => ({ id: Number(r.id), count: Number(r.n) }));
  }

  async searchTitles(words: readonly string[], limit: number): Promise<Action[]> {
    if (!words.length) return [];
    const any = Prisma.join(words.map((w) => Prisma.sql`title ILIKE ${`%${likeEscape(w)}%`}`), ' OR ');
    const rows = await this.db.$queryRaw<RawAction[]>`SELECT ${ACTION_COLUMNS} FROM actions WHERE (${any}) ORDER BY due_date ASC, ref ASC LIMIT ${limit}::int`;
    return rows.map(fromRaw);
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

  async requestsByAssignee(personId: number, limit: number): Promise<ExpertRequest[]> {
    const rows = await this.db.expertRequest.findMany({ where: { assigneeId: personId, status: { not: 'closed' } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit });
    return rows.map(toRequest);
  }

  async waitingRequests(specialism: Specialism | null, limit: number): Promise<ExpertRequest[]> {
    const rows = await this.db.expertRequest.findMany({ where: { status: 'new', ...(specialism ? { specialism } : {}) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit });
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
