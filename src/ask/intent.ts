// What a question asks for, once understood: the contract between the recognisers (which build
// an Intent from a Question) and the answerers (which turn an Intent into words and cards).
import type { ActionStatus, Area, Cluster, IsoDate, Person, Phase, Setting, Specialism, Workstream } from '../domain/plan/types.js';
import type { Period } from './periods.js';
import type { RefMatch, RequestRefMatch } from './references.js';
import type { StatusFilter } from './status-words.js';

/** What is asked about one action; none means "tell me about it". */
export type Aspect = 'owner' | 'due' | 'late' | 'status' | 'update' | 'workstream' | 'area';

export interface Paging {
  offset: number; limit: number; all: boolean;
  /** The asker chose the slice ("first five", "show more"); otherwise a short list is shown whole. */
  chosen?: boolean;
  /** "show more" after the first page of the same list, which may have been shown whole. */
  afterFirst?: boolean;
}

export interface ListFilter {
  status: StatusFilter;
  period?: Period;
  owner?: Person;
  /** The owner is the person asking. */
  ownerIsAsker?: boolean;
  workstreams?: Workstream[];
  /** The workstream is the one the chat asked in is linked to (src/ask/chat-scope.ts). */
  fromChat?: boolean;
  area?: Area;
  titleWords?: string[];
  refPrefix?: string;
  /** Actions from one source document ("SEND reform plan 2026"). */
  source?: string;
  /** Actions changed in this window ("what changed this week"), whatever their due date. */
  changed?: { from: IsoDate; to: IsoDate; label: string };
}

export interface Choice { title: string; question: string }

export type Intent =
  | { kind: 'help'; greeting: boolean }
  | { kind: 'thanks' }
  | { kind: 'whoami' }
  | { kind: 'action'; refs: RefMatch[]; aspects: Aspect[] }
  | { kind: 'setStatus'; ref: RefMatch; status: ActionStatus }
  /** `whole`: only a title holding every word counts (no ranking by some words, no near spellings). */
  | { kind: 'actionSearch'; words: string[]; aspects: Aspect[]; fallback?: Intent; ownerId?: number; whole?: boolean }
  /** `who`: asked who raised it ("who made EAH-R-0002?"). */
  | { kind: 'request'; refs: RequestRefMatch[]; who?: boolean }
  /** `specialism`: only the asker's requests of that specialism ("has my OT request been picked up?"). */
  | { kind: 'myRequests'; assigned: boolean; specialism?: Specialism }
  | { kind: 'waitingRequests'; specialism?: Specialism; queue: boolean }
  | { kind: 'requestCount' }
  /** Outcome measures: these (by ref), or every one when none is named. */
  | { kind: 'measures'; refs: string[]; course?: 'on' | 'off' }
  | { kind: 'experts'; specialism?: Specialism }
  /** A word of the partnership's glossary ("what does PCAN stand for"); `term` as the glossary spells it, or as asked when it has none. */
  | { kind: 'glossary'; term: string; known: boolean }
  /** What Experts at Hand is: its specialisms, the kinds of help and how to ask. */
  | { kind: 'expertsOverview' }
  | { kind: 'requestHelp'; specialism?: Specialism }
  | { kind: 'expertsForNeed'; need: string; specialisms: Specialism[] }
  | { kind: 'expertSpecialism'; person: Person; asked?: Specialism }
  /** `open`: only the requests not yet closed. */
  | { kind: 'requestList'; specialism?: Specialism; origin: boolean; open?: boolean }
  | { kind: 'requestByWords'; words: string[] }
  | { kind: 'howMany'; what: 'people' | 'workstreams' | 'clusters' | 'settings' | 'sencos' | 'experts' | 'leads' }
  /** `deadline`: only the open action due last, or the next one due from today ("my next deadline"). */
  | { kind: 'list'; filter: ListFilter; count: boolean; paging: Paging; question: string; rankBy?: 'owner' | 'workstream'; deadline?: 'last' | 'next' }
  | { kind: 'summary'; workstream: Workstream }
  | { kind: 'planSummary' }
  | { kind: 'sourceSummary'; source: string }
  | { kind: 'lead'; workstreams: Workstream[] }
  | { kind: 'ledBy'; person: Person; self: boolean }
  | { kind: 'workstreams' }
  | { kind: 'areas' }
  | { kind: 'setting'; setting: Setting }
  | { kind: 'cluster'; cluster: Cluster; want: 'chair' | 'settings' | 'sencos' | 'info' }
  | { kind: 'clusters'; area?: string; chairs?: boolean; areas?: boolean }
  /** `phase`: only the settings of one phase ("which secondary schools are there?"). */
  | { kind: 'directoryList'; what: 'settings' | 'people' | 'sencos' | 'admins' | 'leads' | 'owners'; phase?: Phase }
  /** `length`: asked how long the meeting lasts. */
  | { kind: 'meetings'; clusters?: Cluster[]; mine: boolean; period?: Period; next: boolean; last?: boolean; length?: boolean }
  | { kind: 'myCluster' }
  | { kind: 'person'; person: Person }
  | { kind: 'choose'; prompt: string; choices: Choice[] }
  | { kind: 'unknown'; what: 'action' | 'person' | 'workstream' | 'cluster' | 'setting' | 'request'; name: string; words?: string[] }
  | { kind: 'needPerson'; about: 'actions' | 'workstream' | 'requests' | 'meetings' | 'whoami' }
  | { kind: 'notUnderstood'; words: string[] };
