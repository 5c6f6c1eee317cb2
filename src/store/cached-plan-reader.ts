// PlanReader with memory, over SqlPlanReader. Counts are remembered until the action history
// moves. The directory (people, workstreams, clusters, settings) is cached, re-checked every 30 s
// through a cheap fingerprint and reloaded only when it changed, in the background, so a question
// never waits on re-reading 5 000 people.
import type { SchoolTerm } from '../domain/time/school-terms.js';
import type {
  ActionOrder, ActionPage, ActionQuery, MeetingQuery, PlanDirectory, PlanReader,
} from '../domain/plan/reader.js';
import type { Action, ActionStatus, ClusterMeeting, ExpertRequest, IsoDate, RequestStatus, Specialism } from '../domain/plan/types.js';
import type { Db } from './database.js';
import { titleStatsRead } from './title-estimate.js';
import { SqlPlanReader, type SlowFacts } from './sql-plan-reader.js';

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
  private readonly sql: SqlPlanReader;
  /** Set on a view for one question: the one look at whether the plan changed that its counts share. */
  private questionMark: Promise<string> | undefined;

  constructor(private readonly db: Db, private readonly options: PlanReaderOptions = {}, shared?: Shared, private readonly perQuestion = false) {
    this.ttlMs = options.directoryTtlMs ?? 30_000;
    this.slowTtlMs = options.slowFactsTtlMs ?? 600_000;
    this.changeCheckMs = options.changeCheckMs ?? 0;
    this.countTtlMs = options.countTtlMs ?? 60_000;
    this.s = shared ?? { cached: undefined, loading: undefined, slow: undefined, mark: undefined, counts: new Map(), analysing: undefined };
    this.sql = new SqlPlanReader(db);
  }

  /**
   * A view of this reader for answering one question: same caches, but the plan is checked for
   * changes once (or taken from the first page read) and every count in the answer uses that.
   */
  forQuestion(): PlanReader {
    return new PrismaPlanReader(this.db, this.options, this.s, true);
  }

  /** Reads what the first title search would otherwise read alongside itself (statistics of title words). */
  warm(): Promise<void> {
    return titleStatsRead(this.db);
  }

  schoolTerms(): Promise<SchoolTerm[]> {
    return this.sql.schoolTerms();
  }

  /** Forget the cached directory (after an import or a change to people). */
  invalidate(): void {
    this.s.cached = undefined;
    this.s.slow = undefined;
    this.s.mark = undefined;
    this.s.counts.clear();
  }

  private changeMark(): Promise<string> {
    if (this.perQuestion) {
      this.questionMark ??= this.sharedChangeMark();
      return this.questionMark;
    }
    return this.sharedChangeMark();
  }

  /** Calls made while a check is running share it. */
  private sharedChangeMark(): Promise<string> {
    const now = Date.now();
    const m = this.s.mark;
    if (m?.pending) return m.pending;
    if (m && now - m.at < this.changeCheckMs) return Promise.resolve(m.value);
    const pending = this.sql.changeMark();
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

  private async refresh(): Promise<PlanDirectory> {
    const signature = await this.sql.directorySignature();
    const cached = this.s.cached;
    const slow = this.s.slow && Date.now() - this.s.slow.at < this.slowTtlMs ? this.s.slow : await this.loadSlowFacts();
    this.s.slow = slow;
    if (cached && cached.signature === signature && cached.value.actionPrefixes === slow.actionPrefixes) {
      this.s.cached = { ...cached, at: Date.now() };
      return cached.value;
    }
    const people = cached && cached.signature === signature ? cached.value : await this.sql.loadPeople();
    const value: PlanDirectory = {
      people: people.people, workstreams: people.workstreams, clusters: people.clusters, settings: people.settings,
      actionPrefixes: slow.actionPrefixes, sources: slow.sources, loadedAt: new Date(),
    };
    this.s.cached = { value, at: Date.now(), signature };
    return value;
  }

  /** Prefixes and sources change rarely and cost a scan: kept longer, and statistics checked once, in the background. */
  private loadSlowFacts(): Promise<SlowFacts> {
    this.s.analysing ??= this.sql.analyseIfOutgrown().catch(() => undefined).finally(() => { this.s.analysing = undefined; });
    return this.sql.loadSlowFacts();
  }

  actionsByRefs(refs: readonly string[]): Promise<Action[]> {
    return this.sql.actionsByRefs(refs);
  }

  async listActions(query: ActionQuery, page: { offset: number; limit: number; order?: ActionOrder; total?: boolean }): Promise<ActionPage> {
    if (page.limit <= 0) return { total: page.total === false ? 0 : await this.count(query), items: [] };
    const { items, mark } = await this.sql.actionPage(query, page);
    if (mark && this.perQuestion) this.questionMark ??= Promise.resolve(mark);
    if (page.total === false) return { total: items.length, items };
    // A first page that is not full is the whole list: no need to count.
    if (Math.max(0, page.offset) === 0 && items.length < page.limit) return { total: items.length, items };
    return { total: await this.count(query, mark), items };
  }

  private count(query: ActionQuery, knownMark?: string): Promise<number> {
    return this.remembered(`count ${JSON.stringify(query)}`, () => this.sql.count(query), knownMark);
  }

  countByStatus(query: ActionQuery): Promise<Record<ActionStatus, number>> {
    return this.remembered(`byStatus ${JSON.stringify(query)}`, () => this.sql.countByStatus(query, (q) => this.count(q)));
  }

  statusCounts(query: ActionQuery, today: IsoDate): Promise<{ byStatus: Record<ActionStatus, number>; overdue: number }> {
    return this.remembered(`statusCounts ${today} ${JSON.stringify(query)}`, () => this.sql.statusCounts(query, today, (q) => this.count(q)));
  }

  countBy(field: 'ownerId' | 'workstreamId', query: ActionQuery, limit: number): Promise<{ id: number; count: number }[]> {
    return this.remembered(`countBy ${field} ${limit} ${JSON.stringify(query)}`, () => this.sql.countBy(field, query, limit));
  }

  searchTitles(words: readonly string[], limit: number): Promise<Action[]> {
    return this.sql.searchTitles(words, limit);
  }

  meetings(query: MeetingQuery): Promise<ClusterMeeting[]> {
    return this.sql.meetings(query);
  }

  requestsByRefs(refs: readonly string[]): Promise<ExpertRequest[]> {
    return this.sql.requestsByRefs(refs);
  }

  requestsByRequester(personId: number, limit: number): Promise<ExpertRequest[]> {
    return this.sql.requestsByRequester(personId, limit);
  }

  requestsByAssignee(personId: number, limit: number): Promise<ExpertRequest[]> {
    return this.sql.requestsByAssignee(personId, limit);
  }

  requestCounts(): Promise<Record<RequestStatus, number>> {
    return this.sql.requestCounts();
  }

  waitingRequests(specialism: Specialism | null, limit: number): Promise<ExpertRequest[]> {
    return this.sql.waitingRequests(specialism, limit);
  }

  listRequests(specialism: Specialism | null, limit: number): Promise<ExpertRequest[]> {
    return this.sql.listRequests(specialism, limit);
  }

  requestsBySummary(words: readonly string[], limit: number): Promise<ExpertRequest[]> {
    return this.sql.requestsBySummary(words, limit);
  }
}
