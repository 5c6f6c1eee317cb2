// One question, read once: the cleaned text in its forms, its words, its status words, its period,
// what it asks about an action, the references and directory mentions in it, and who asks.
// Recognisers (src/ask/recognisers) and answerers read from this; nothing parses the text again.
import type { IsoDate, Person } from '../domain/plan/types.js';
import { detectAspects, mentionsSelf, readCues, type Cues } from './cues.js';
import type { DirectoryIndex } from './directory.js';
import type { Aspect, Intent, Paging } from './intent.js';
import type { WorkstreamMention } from './directory-search.js';
import { findMentions, findWorkstreamMentions, type Mentions } from './mentions.js';
import { NUMBER_WORD_PATTERN, cleanText, lowerQuestion, parseCount, tokenize, type Token } from './normalise.js';
import type { SchoolTerm } from '../domain/time/school-terms.js';
import { parsePeriod, type Period } from './periods.js';
import { findActionRefs, findGluedUnknownRefs, findRequestRefs, type RefMatch, type RequestRefMatch } from './references.js';
import { parseStatusWords, type StatusFilter } from './status-words.js';

/** What the conversation already holds, for follow-up questions. No caller fills it yet. */
export interface ConversationContext {
  /** What the previous question in this conversation was understood as. */
  previous?: Intent;
}

export interface QuestionInput {
  /** The person asking, when their Teams account is linked to someone in the plan. */
  asker: Person | null;
  /** London's today. */
  today: IsoDate;
  context?: ConversationContext;
  /** The school terms, when the question may need them ("this term", "half term"). */
  terms?: readonly SchoolTerm[];
  /** The plan's outcome measures by ref and name, so a question can name one ("wheelchair waits"). */
  measures?: readonly MeasureName[];
  /** The partnership's glossary terms, so "what does PCAN stand for" can be answered. */
  glossary?: readonly string[];
}

export interface MeasureName { ref: string; name: string }

export interface Question {
  /** As a person would read it: markup, mentions and emoji gone, case kept. */
  readonly cleaned: string;
  /** Lower case, paging marker ("(all)", "page 2") blanked; every span and token points into this. */
  readonly lower: string;
  /** `lower` with single spaces, trimmed. */
  readonly compact: string;
  /** `lower` with only letters, digits, apostrophes and single spaces. */
  readonly plain: string;
  /** The question restated without its paging marker: "What is overdue?". */
  readonly restated: string;
  readonly paging: Paging;
  readonly tokens: Token[];
  /** The tokens' words, for "does it say …" tests. */
  readonly words: ReadonlySet<string>;
  readonly status: StatusFilter;
  readonly period: Period | null;
  readonly aspects: Aspect[];
  readonly cues: Cues;
  /** It speaks of the asker ("my", "I", "for me"). */
  readonly self: boolean;
  readonly refs: { requests: RequestRefMatch[]; actions: RefMatch[]; glued: string[] };
  /** Workstreams named (by code, pillar, phrase, or a word when workstreams are spoken of): found on first use. */
  readonly workstreams: WorkstreamMention[];
  /** People, the area, a source document, title words: found on first use. */
  readonly mentions: Mentions;
  readonly asker: Person | null;
  readonly today: IsoDate;
  readonly idx: DirectoryIndex;
  readonly context?: ConversationContext;
  readonly measures: readonly MeasureName[];
  readonly glossary: readonly string[];
}

/** Builds the Question for a raw message text. Never throws, whatever it is given. */
export function readQuestion(text: unknown, input: QuestionInput, idx: DirectoryIndex): Question {
  return new ReadQuestion(text, input, idx);
}

/**
 * A class rather than an object literal with getters: its shape stays fixed, so the many reads of
 * `q.lower` or `q.tokens` stay fast. What only some questions need is found on first use.
 */
class ReadQuestion implements Question {
  readonly cleaned: string;
  readonly lower: string;
  readonly compact: string;
  readonly plain: string;
  readonly restated: string;
  readonly paging: Paging;
  readonly tokens: Token[];
  readonly words: ReadonlySet<string>;
  readonly self: boolean;
  readonly refs: Question['refs'];
  readonly asker: Person | null;
  readonly today: IsoDate;
  readonly terms?: readonly SchoolTerm[];
  readonly context?: ConversationContext;
  readonly measures: readonly MeasureName[];
  readonly glossary: readonly string[];
  private found: { status?: StatusFilter; period?: Period | null; aspects?: Aspect[]; cues?: Cues; workstreams?: WorkstreamMention[]; mentions?: Mentions } = {};

  constructor(text: unknown, input: QuestionInput, readonly idx: DirectoryIndex) {
    this.cleaned = cleanText(text);
    const { paging, rest: lower } = parsePaging(lowerQuestion(this.cleaned));
    this.lower = lower;
    this.paging = paging;
    this.compact = lower.replace(/\s+/g, ' ').trim();
    this.plain = lower.replace(/[^a-z0-9' ]/g, ' ').replace(/\s+/g, ' ').trim();
    this.restated = asQuestion(this.compact);
    this.tokens = tokenize(lower);
    this.words = new Set(this.tokens.map((t) => t.word));
    this.self = mentionsSelf(lower);
    const prefixes = idx.dir.actionPrefixes;
    this.refs = { requests: findRequestRefs(lower), actions: findActionRefs(lower, prefixes), glued: findGluedUnknownRefs(this.cleaned, prefixes) };
    this.asker = input.asker;
    this.today = input.today;
    this.terms = input.terms;
    this.measures = input.measures ?? [];
    this.glossary = input.glossary ?? [];
    if (input.context) this.context = input.context;
  }

  get status(): StatusFilter { return (this.found.status ??= parseStatusWords(this.lower)); }
  get period(): Period | null {
    if (this.found.period === undefined) this.found.period = parsePeriod(this.lower, this.today, { terms: this.terms });
    return this.found.period;
  }
  get aspects(): Aspect[] { return (this.found.aspects ??= detectAspects(this.lower)); }
  get cues(): Cues { return (this.found.cues ??= readCues(this.lower)); }
  get workstreams(): WorkstreamMention[] { return (this.found.workstreams ??= findWorkstreamMentions(this)); }
  get mentions(): Mentions { return (this.found.mentions ??= findMentions(this)); }
}

/** Does the question hold any of these words (whole words, possessive "'s" removed)? */
export function says(q: Question, ...words: string[]): boolean {
  return words.some((w) => q.words.has(w));
}

// "first ten", "top 5": never "the first two weeks", a window.
const FIRST_N_RE = new RegExp(`\\b(?:just |only )?(?:the )?(?:first|top) (${NUMBER_WORD_PATTERN}|\\d{1,2})\\b(?! (?:days?|weeks?|fortnights?|months?|terms?|years?|of (?:the )?(?:month|year|term|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)))(?: (?:ones|of them|results|items|rows))?`);

/** "(all)", "(from 11)", "page 2", "show all", "first five": which slice of a long list. */
export function parsePaging(lower: string): { paging: Paging; rest: string } {
  let m = /\(\s*(?:all|more|the rest|rest)\s*\)|\b(?:show|list|see|give me) (?:me )?(?:them |it )?all\b|\bin full\b|\bfull list\b|\bevery one\b|\ball of them\b/.exec(lower);
  if (m) {
    // "show all actions in WS2" asks for every action, complete ones too: the status words keep "all".
    const keepAll = /all$/.test(m[0]) && /^ (?:the )?(?:[a-z0-9-]{1,12} ){0,3}(?:actions|tasks)\b/.test(lower.slice(m.index + m[0].length));
    const length = keepAll ? m[0].length - 3 : m[0].length;
    return { paging: { offset: /^\(/.test(m[0]) ? 10 : 0, limit: 25, all: true }, rest: blank(lower, m.index, length) };
  }
  // At most three spaces around the marker: an open-ended \s* after an optional "(" rescans runs of spaces.
  m = /\(?\s{0,3}from (?:number |no\.? |#)?(\d{1,6})\s{0,3}\)?$/.exec(lower);
  if (m) return { paging: { offset: Math.max(0, Number(m[1]) - 1), limit: 25, all: true }, rest: blank(lower, m.index, m[0].length) };
  m = /\(?\s{0,3}page (\d{1,5})\s{0,3}\)?/.exec(lower);
  if (m) return { paging: { offset: Math.max(0, Number(m[1]) - 1) * 10, limit: 10, all: false }, rest: blank(lower, m.index, m[0].length) };
  // "first ten", "top 5", "just the first three": a shorter (or longer) first page.
  m = FIRST_N_RE.exec(lower);
  const n = m ? parseCount(m[1]) : undefined;
  if (m && n && n >= 2 && n <= 25) return { paging: { offset: 0, limit: n, all: false, chosen: true }, rest: blank(lower, m.index, m[0].length) };
  return { paging: { offset: 0, limit: 10, all: false }, rest: lower };
}

function blank(s: string, at: number, length: number): string {
  return s.slice(0, at) + ' '.repeat(length) + s.slice(at + length);
}

/** Upper-case the first letter and put the question mark back. */
export function asQuestion(s: string): string {
  const spaced = s.replace(/\s+/g, ' ').trim();
  // A loop, not /[?.!]*$/, which rescans a long run of "?" from every position.
  let end = spaced.length;
  while (end > 0 && '?.!'.includes(spaced.charAt(end - 1))) end--;
  const t = spaced.slice(0, end);
  return t ? `${t.charAt(0).toUpperCase()}${t.slice(1)}?` : t;
}
