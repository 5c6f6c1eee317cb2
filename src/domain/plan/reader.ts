// The read side of the plan, as question answering sees it. Implementations (src/store/cached-plan-reader.ts over sql-plan-reader.ts)
// turn each call into a small number of indexed queries; nothing here loads every action.
import type {
  Action, ActionStatus, Area, Cluster, ClusterMeeting, ExpertRequest, IsoDate, Person, RequestStatus, Setting, Specialism, Workstream,
} from './types.js';

/**
 * The small, slowly changing part of the plan: who is who, which workstreams, clusters and settings
 * exist. Implementations cache it briefly (seconds), so a question never re-reads thousands of people.
 */
import type { SchoolTerm } from '../time/school-terms.js';

export interface PlanDirectory {
  people: readonly Person[];
  workstreams: readonly Workstream[];
  clusters: readonly Cluster[];
  settings: readonly Setting[];
  /** Distinct letter prefixes of action references, upper case ('COM', 'RFM', …). */
  actionPrefixes: readonly string[];
  /** Distinct action sources ('Big Plan 3', …). */
  sources: readonly string[];
  loadedAt: Date;
}

/** A filter on actions; every field given must hold (AND). */
export interface ActionQuery {
  /** Any of these statuses. */
  statuses?: readonly ActionStatus[];
  ownerIds?: readonly number[];
  workstreamIds?: readonly number[];
  areas?: readonly Area[];
  /** Due on or after this day. */
  dueFrom?: IsoDate;
  /** Due on or before this day. */
  dueTo?: IsoDate;
  /** Every word appears in the title (case-insensitive, as a substring). */
  titleWords?: readonly string[];
  /** References starting with this prefix and a hyphen ('RFM'). */
  refPrefix?: string;
  /** Exactly this source. */
  source?: string;
  /** Needs attention on this day: open and due before it, or at risk, or off track. */
  attentionOn?: IsoDate;
  /** Changed (a row in its history) on or after this London day … */
  changedFrom?: IsoDate;
  /** … and on or before this one. */
  changedTo?: IsoDate;
}

/** 'due_asc' is urgency order (most overdue first), then reference. */
export type ActionOrder = 'due_asc' | 'due_desc';

export interface ActionPage {
  total: number;
  items: Action[];
}

export interface MeetingQuery {
  clusterIds?: readonly number[];
  /** Starting at or after. */
  from?: Date;
  /** Starting before. */
  to?: Date;
  limit: number;
  /** The most recent first ("when did … last meet"); soonest first otherwise. */
  latestFirst?: boolean;
}

export interface PlanReader {
  /**
   * Optional: a view for answering one question, whose reads may share one look at whether the
   * plan changed (so remembered counts cost no extra round trip). Answers use it when offered.
   */
  forQuestion?(): PlanReader;
  /** Optional: the local authority's school terms (term_dates.csv), for "this term" and the holidays. */
  schoolTerms?(): Promise<SchoolTerm[]>;
  directory(): Promise<PlanDirectory>;
  /** The actions with exactly these references (upper case); unknown ones are simply absent. */
  actionsByRefs(refs: readonly string[]): Promise<Action[]>;
  /**
   * One page of matching actions plus the total count. With `total: false` the count is skipped
   * (the page's `total` is then just the number of items returned).
   */
  listActions(query: ActionQuery, page: { offset: number; limit: number; order?: ActionOrder; total?: boolean }): Promise<ActionPage>;
  /** Matching actions counted per status (statuses with none are 0). */
  countByStatus(query: ActionQuery): Promise<Record<ActionStatus, number>>;
  /** Per status, plus how many open ones are due before `today` (overdue), in one pass. */
  statusCounts(query: ActionQuery, today: IsoDate): Promise<{ byStatus: Record<ActionStatus, number>; overdue: number }>;
  /** Matching actions counted per owner or workstream, largest first. */
  countBy(field: 'ownerId' | 'workstreamId', query: ActionQuery, limit: number): Promise<{ id: number; count: number }[]>;
  /** Actions whose title has any of the words (English stem, part of a word, or a near spelling), best match first. */
  searchTitles(words: readonly string[], limit: number): Promise<Action[]>;
  meetings(query: MeetingQuery): Promise<ClusterMeeting[]>;
  requestsByRefs(refs: readonly string[]): Promise<ExpertRequest[]>;
  /** A person's own Experts at Hand requests, newest first. */
  requestsByRequester(personId: number, limit: number): Promise<ExpertRequest[]>;
  /** Open (not closed) requests assigned to an expert, oldest first. */
  requestsByAssignee(personId: number, limit: number): Promise<ExpertRequest[]>;
  /** Optional: how many Experts at Hand requests there are in each status (none: 0). */
  requestCounts?(): Promise<Record<RequestStatus, number>>;
  /** Requests nobody has picked up yet (of one specialism, or all), oldest first. */
  waitingRequests?(specialism: Specialism | null, limit: number): Promise<ExpertRequest[]>;
  /** Optional: every request whatever its status (of one specialism, or all), newest first. */
  listRequests?(specialism: Specialism | null, limit: number): Promise<ExpertRequest[]>;
  /** Optional: requests whose summary or setting name has each of these words (any case, as a part of a word), newest first. */
  requestsBySummary?(words: readonly string[], limit: number): Promise<ExpertRequest[]>;
}
