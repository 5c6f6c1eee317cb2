// The plan read straight from the database: each read is one parameterised query (or two for
// "needs attention" counts), with ORDER BY + LIMIT on the indexes. Nothing is remembered here;
// cached-plan-reader.ts decides what to keep.
import type { SchoolTerm } from '../domain/time/school-terms.js';
import { loadSchoolTerms } from './term-dates.js';
import { Prisma } from '../generated/prisma/client.js';
import type { ActionOrder, ActionQuery, MeetingQuery, PlanDirectory } from '../domain/plan/reader.js';
import { OPEN_STATUSES } from '../domain/plan/status.js';
import { ACTION_STATUSES, REQUEST_STATUSES, type RequestStatus } from '../domain/plan/types.js';
import type {
  Action, ActionStatus, Cluster, ClusterMeeting, ExpertRequest, IsoDate, Phase, Setting, Specialism, Workstream,
} from '../domain/plan/types.js';
import type { Db } from './database.js';
import { preparedFor, type Prepared } from './prepared.js';
import { toPerson } from './people.js';
import { ACTION_COLUMNS, actionWhereSql, dateOf, fromRaw, isoOf, toRequest, type RawAction } from './plan-reader.js';
import { estimatedTitleMatches } from './title-estimate.js';
import { FEW_MATCHES, pageTail, shortWalkSql, titlePageSql } from './title-pages.js';
import { anyTitleWordSql, titleRankSql } from './title-search.js';

export type DirectoryPeople = Pick<PlanDirectory, 'people' | 'workstreams' | 'clusters' | 'settings'>;
export interface SlowFacts { actionPrefixes: string[]; sources: string[]; at: number }
/** A page of actions and the change mark read with it ("history id:action id"; none when empty). */
export interface ActionRows { items: Action[]; mark: string | undefined }

const noneByStatus = () => Object.fromEntries(ACTION_STATUSES.map((x) => [x, 0])) as Record<ActionStatus, number>;

/** Matches the rarest of the words may have above which a short walk goes first: well clear of FEW_MATCHES, as estimates err. */
const MANY_MATCHES = 2 * FEW_MATCHES;

export class SqlPlanReader {
  private readonly sql: Prepared;

  constructor(private readonly db: Db) {
    this.sql = preparedFor(db);
  }

  schoolTerms(): Promise<SchoolTerm[]> {
    return loadSchoolTerms(this.db);
  }

  /** The newest action-history row and action id: every write to an action moves one of them. */
  async changeMark(): Promise<string> {
    const rows = await this.sql.rows<{ id: number | null; n: number | null }>(Prisma.sql`
      SELECT (SELECT max(id) FROM action_history) AS id, (SELECT max(id) FROM actions) AS n`);
    return `${rows[0]?.id ?? 0}:${rows[0]?.n ?? 0}`;
  }

  /** A cheap fingerprint of people, workstreams, clusters and settings: reload only when it moves. */
  async directorySignature(): Promise<string> {
    const rows = await this.sql.rows<{ s: string }>(Prisma.sql`
      SELECT concat_ws('|',
        (SELECT concat(count(*), ':', max(updated_at), ':', max(id)) FROM people),
        (SELECT concat(count(*), ':', max(id), ':', sum(coalesce(lead_id, 0)), ':', md5(string_agg(code || name || pillar, ',' ORDER BY id))) FROM workstreams),
        (SELECT concat(count(*), ':', max(id), ':', sum(coalesce(chair_id, 0)), ':', md5(string_agg(code || name || area, ',' ORDER BY id))) FROM clusters),
        (SELECT concat(count(*), ':', max(id), ':', sum(coalesce(senco_id, 0)), ':', sum(cluster_id), ':', md5(string_agg(name || phase::text, ',' ORDER BY id))) FROM settings)
      ) AS s`);
    return rows[0]?.s ?? '';
  }

  async loadPeople(): Promise<DirectoryPeople> {
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
   * The planner needs statistics to pick the index that gives "most urgent first" cheaply. When
   * the table has outgrown its statistics (never analysed, or more than doubled), ANALYZE it. On
   * PostgreSQL autovacuum usually got there first, and after an import this does nothing.
   */
  async analyseIfOutgrown(): Promise<void> {
    const rows = await this.db.$queryRaw<{ est: number | null; top: number | null }[]>`
      SELECT (SELECT reltuples FROM pg_class WHERE oid = to_regclass('actions'))::float8 AS est,
             (SELECT max(id) FROM actions) AS top`;
    const est = Number(rows[0]?.est ?? -1);
    const top = Number(rows[0]?.top ?? 0);
    if (top >= 1_000 && (est < 0 || top > 2 * est + 1_000)) await this.db.$executeRaw`ANALYZE actions`;
  }

  /** Reference prefixes and sources: two scans of the actions table. */
  async loadSlowFacts(): Promise<SlowFacts> {
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
    const rows = await this.sql.rows<RawAction>(Prisma.sql`
      SELECT ${ACTION_COLUMNS} FROM actions WHERE ref = ANY(${[...new Set(refs)]}::text[]) ORDER BY ref`);
    return rows.map(fromRaw);
  }

  /** One page in due order, carrying the change mark so that a remembered count needs no extra round trip. */
  async actionPage(query: ActionQuery, page: { offset: number; limit: number; order?: ActionOrder }): Promise<ActionRows> {
    const where = actionWhereSql(query);
    const order = page.order === 'due_desc' ? Prisma.sql`due_date DESC, ref ASC` : Prisma.sql`due_date ASC, ref ASC`;
    const cols = Prisma.sql`${ACTION_COLUMNS}, (SELECT max(id) FROM action_history) AS mark_h, (SELECT max(id) FROM actions) AS mark_a`;
    type Row = RawAction & { mark_h: number | null; mark_a: number | null };
    const titles = Boolean(query.titleWords?.length);
    // A short walk first for common title words; when it does not fill the page, the count decides.
    let rows = titles && await this.commonTitleWords(query) ? await this.sql.once<Row>(shortWalkSql(where, cols, order, page)) : undefined;
    if (rows && rows.length < page.limit) rows = undefined;
    rows ??= await this.sql.once<Row>(titles
      ? titlePageSql(where, cols, order, page.order === 'due_desc' ? Prisma.sql`due_day DESC, ref ASC` : Prisma.sql`due_day ASC, ref ASC`, page)
      : Prisma.sql`SELECT ${cols} FROM actions WHERE ${where} ${pageTail(order, page)}`);
    const first = rows[0];
    return { items: rows.map(fromRaw), mark: first ? `${first.mark_h ?? 0}:${first.mark_a ?? 0}` : undefined };
  }

  /**
   * Title words alone, each common by the statistics: counting their matches first reads
   * thousands of index entries (10–40 ms on the embedded database at 100k), while a walk in due
   * order finds the page in a few hundred rows when the words come together, as a title's phrase
   * does ("map the sensory support"), however rare independent words would make them. But common
   * words may also never come together ("map" and "pilot"), and a full walk then reads every
   * action (160–400 ms). So the short walk is tried, and the count runs only when it does not fill
   * the page. Any other filter (an owner, a status, dates) may make the matches few however common
   * the words, so those always count.
   */
  private async commonTitleWords(query: ActionQuery): Promise<boolean> {
    const { titleWords, ...rest } = query;
    if (!titleWords?.length || Object.values(rest).some((v) => v !== undefined)) return false;
    return (await estimatedTitleMatches(this.db, titleWords)).atMost > MANY_MATCHES;
  }

  private async countWhere(query: ActionQuery): Promise<number> {
    const rows = await this.sql.once<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM actions WHERE ${actionWhereSql(query)}`);
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * Counts matching actions. "Needs attention" is an OR no index serves, so it is counted as two
   * index-friendly parts: open and overdue, plus at risk or off track and not yet due.
   */
  async count(query: ActionQuery): Promise<number> {
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

  /** Per status; "needs attention" one status at a time, each in its two indexed parts. */
  async countByStatus(query: ActionQuery, count: (q: ActionQuery) => Promise<number> = (q) => this.count(q)): Promise<Record<ActionStatus, number>> {
    const out = noneByStatus();
    const { attentionOn, ...rest } = query;
    if (attentionOn) {
      for (const st of ACTION_STATUSES) out[st] = await count({ ...query, statuses: rest.statuses ? rest.statuses.filter((x) => x === st) : [st] });
      return out;
    }
    const rows = await this.sql.once<{ s: string; n: number }>(Prisma.sql`SELECT status::text AS s, count(*)::int AS n FROM actions WHERE ${actionWhereSql(rest)} GROUP BY status`);
    for (const r of rows) out[r.s as ActionStatus] = Number(r.n);
    return out;
  }

  /** Per status, and how many of the open ones are past their due date (in one pass unless "needs attention"). */
  async statusCounts(
    query: ActionQuery, today: IsoDate, count: (q: ActionQuery) => Promise<number> = (q) => this.count(q),
  ): Promise<{ byStatus: Record<ActionStatus, number>; overdue: number }> {
    if (query.attentionOn) {
      const byStatus = await this.countByStatus(query, count);
      const open = query.statuses ? OPEN_STATUSES.filter((x) => query.statuses?.includes(x)) : [...OPEN_STATUSES];
      const yesterday = isoOf(new Date(dateOf(today).getTime() - 86_400_000));
      return { byStatus, overdue: open.length ? await count({ ...query, statuses: open, dueTo: query.dueTo && query.dueTo < yesterday ? query.dueTo : yesterday }) : 0 };
    }
    const rows = await this.sql.once<{ s: string; n: number; late: number }>(Prisma.sql`
      SELECT status::text AS s, count(*)::int AS n, (count(*) FILTER (WHERE due_date < ${today}::date))::int AS late
      FROM actions WHERE ${actionWhereSql(query)} GROUP BY status`);
    const byStatus = noneByStatus();
    let overdue = 0;
    for (const r of rows) {
      byStatus[r.s as ActionStatus] = Number(r.n);
      if (r.s !== 'complete') overdue += Number(r.late);
    }
    return { byStatus, overdue };
  }

  async countBy(field: 'ownerId' | 'workstreamId', query: ActionQuery, limit: number): Promise<{ id: number; count: number }[]> {
    const { attentionOn, ...rest } = query;
    const column = field === 'ownerId' ? Prisma.sql`owner_id` : Prisma.sql`workstream_id`;
    const where = attentionOn ? actionWhereSql(query) : actionWhereSql(rest);
    const rows = await this.sql.once<{ id: number; n: number }>(Prisma.sql`
      SELECT ${column} AS id, count(*)::int AS n FROM actions WHERE ${where} AND ${column} IS NOT NULL
      GROUP BY ${column} ORDER BY n DESC, ${column} ASC LIMIT ${limit}::int`);
    return rows.map((r) => ({ id: Number(r.id), count: Number(r.n) }));
  }

  /** Titles with any of the words (stemmed, inside a word, or misspelt a little), best match first. */
  async searchTitles(words: readonly string[], limit: number): Promise<Action[]> {
    if (!words.length) return [];
    const rows = await this.sql.once<RawAction>(Prisma.sql`
      SELECT ${ACTION_COLUMNS} FROM actions WHERE (${anyTitleWordSql(words)})
      ORDER BY ${titleRankSql(words)} DESC, due_date ASC, ref ASC LIMIT ${limit}::int`);
    return rows.map(fromRaw);
  }

  async meetings(query: MeetingQuery): Promise<ClusterMeeting[]> {
    const rows = await this.db.clusterMeeting.findMany({
      where: {
        ...(query.clusterIds ? { clusterId: { in: [...query.clusterIds] } } : {}),
        ...(query.from || query.to ? { startsAt: { ...(query.from ? { gte: query.from } : {}), ...(query.to ? { lt: query.to } : {}) } } : {}),
      },
      orderBy: query.latestFirst ? [{ startsAt: 'desc' }, { id: 'desc' }] : [{ startsAt: 'asc' }, { id: 'asc' }],
      take: query.limit,
      include: { followUps: { select: { text: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
    });
    return rows.map((m): ClusterMeeting => ({
      id: m.id, clusterId: m.clusterId, startsAt: m.startsAt, timeZone: m.timeZone, durationMinutes: m.durationMinutes,
      location: m.location, agenda: m.agenda, notes: m.notes, followUps: m.followUps.map((f) => f.text), version: m.version,
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

  async requestCounts(): Promise<Record<RequestStatus, number>> {
    const rows = await this.db.expertRequest.groupBy({ by: ['status'], _count: { _all: true } });
    const counts = Object.fromEntries(REQUEST_STATUSES.map((x) => [x, 0])) as Record<RequestStatus, number>;
    for (const r of rows) counts[r.status as RequestStatus] = r._count._all;
    return counts;
  }

  async waitingRequests(specialism: Specialism | null, limit: number): Promise<ExpertRequest[]> {
    const rows = await this.db.expertRequest.findMany({ where: { status: 'new', ...(specialism ? { specialism } : {}) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: limit });
    return rows.map(toRequest);
  }

  async listRequests(specialism: Specialism | null, limit: number): Promise<ExpertRequest[]> {
    const rows = await this.db.expertRequest.findMany({ where: specialism ? { specialism } : {}, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
    return rows.map(toRequest);
  }

  async requestsBySummary(words: readonly string[], limit: number): Promise<ExpertRequest[]> {
    if (!words.length) return [];
    // Each word in the summary or in the setting's name: "the Riverside Academy request".
    const has = (w: string) => ({ contains: w, mode: 'insensitive' as const });
    const where = { AND: words.map((w) => ({ OR: [{ summary: has(w) }, { setting: { name: has(w) } }] })) };
    const rows = await this.db.expertRequest.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
    return rows.map(toRequest);
  }
}
