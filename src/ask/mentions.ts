// What a question names from the plan's directory, found in a fixed order: each stage claims
// the words it used, so later stages read only what is left (a status word is never a person's
// name, a workstream's words are never a title's). "Hard" claims are certain (status words, the
// period, a workstream code, a person); "soft" ones may still be title words (a workstream's or
// an area's words, a source document's).
import type { Area, Person } from '../domain/plan/types.js';
import { findAreas, findPeople, findWorkstreams, type Claimed, type Mention, type WorkstreamMention } from './directory-search.js';
import type { DirectoryIndex } from './directory.js';
import { titleCase, type Token } from './normalise.js';
import type { Question } from './question.js';
import type { Span } from './references.js';
import { isStopWord, stem } from './words.js';

export interface SourceMention { source: string; spans: Span[] }
export interface UnknownPerson { name: string; instead?: string }

export interface Mentions {
  source: SourceMention | null;
  /** The words taken by status words, the period, workstreams and a source: before areas and people. */
  claimedBeforeAreas: Claimed;
  area?: Area;
  /** The workstreams a list is filtered by (an area that shares their words wins, unless "workstream" is said). */
  listWorkstreams: WorkstreamMention[];
  /** People named, the one picked by their key first. */
  people: Mention<Person>[];
  /** A name that is nobody in the directory ("Owen Smith" when there is only Owen Price). */
  unknownPerson: UnknownPerson | null;
  /** Whose actions: a person named, or the asker ("my actions"). */
  owner?: Person;
  ownerIsAsker: boolean;
  /** "the COM actions": a reference prefix used as a group. */
  prefix: (Span & { prefix: string }) | null;
  /** Words left for a list's title filter, and for finding one action by its title. */
  listWords: string[];
  detailWords: string[];
}

class Claims {
  readonly hard: Span[] = [];
  readonly soft: Span[] = [];
  readonly byHard: Claimed = (s, e) => this.hard.some((x) => s < x.end && x.start < e);
  readonly byAny: Claimed = (s, e) => this.byHard(s, e) || this.soft.some((x) => s < x.end && x.start < e);

  /** The claims as they stand now, unchanged by later stages. */
  snapshot(): Claims {
    const copy = new Claims();
    copy.hard.push(...this.hard);
    copy.soft.push(...this.soft);
    return copy;
  }
}

/**
 * Workstreams by code, pillar, phrase or (when the question speaks of workstreams) a word, outside
 * status words: the first stage, which workstream questions need without the rest.
 */
export function findWorkstreamMentions(q: Question): WorkstreamMention[] {
  const claimed: Claimed = (s, e) => q.status.spans.some((x) => s < x.end && x.start < e);
  return findWorkstreams(q.idx, q.tokens, q.lower, claimed, q.cues.workstreamWord || q.cues.lead || q.cues.summary);
}

export function findMentions(q: Question): Mentions {
  const { idx, tokens, lower } = q;
  const claims = new Claims();
  claims.hard.push(...q.status.spans);
  const workstreams = q.workstreams;
  if (q.period) claims.hard.push(q.period);
  for (const m of workstreams) (m.how === 'code' || m.how === 'pillar' ? claims.hard : claims.soft).push(m);
  const source = findSource(idx, tokens, claims.byHard);
  if (source) claims.soft.push(...source.spans);
  const claimedBeforeAreas = claims.snapshot().byAny;
  const { area, listWorkstreams } = pickArea(q, workstreams, claims);
  const people = findNamedPeople(q, claims);
  const named = people[0]?.items[0];
  const ownerIsAsker = !named && q.self && !/\bwho\b/.test(lower) && q.asker !== null;
  const owner = named ?? (ownerIsAsker ? q.asker ?? undefined : undefined);
  const prefix = findPrefixGroup(tokens, idx, claims.byAny);
  if (prefix) claims.hard.push(prefix);
  const wordsOf = (claimed: Claimed) => unique(tokens
    .filter((t) => !claimed(t.start, t.end))
    .flatMap((t) => TITLE_SPELT_OUT[t.word] ?? [t.word])
    .filter((w) => !isStopWord(w) && w.length >= 3 && !/^\d+$/.test(w) && !ASPECT_NOISE.has(w)));
  return {
    source, claimedBeforeAreas, ...(area ? { area } : {}), listWorkstreams, people,
    unknownPerson: unknownPersonName(q, people), ...(owner ? { owner } : {}), ownerIsAsker, prefix,
    listWords: wordsOf(claims.byAny), detailWords: wordsOf(claims.byHard),
  };
}

/** An area phrase that is also a workstream's name: "workstream" in the question picks the workstream. */
function pickArea(q: Question, workstreams: WorkstreamMention[], claims: Claims): { area?: Area; listWorkstreams: WorkstreamMention[] } {
  const listWorkstreams = workstreams.filter((m) => !m.unknown && (m.how !== 'word' || q.cues.workstreamWord));
  const a = findAreas(q.lower, claims.byHard)[0];
  if (!a) return { listWorkstreams };
  const clash = listWorkstreams.find((m) => m.start < a.end && a.start < m.end);
  if (clash && !/\barea\b|\bimprovement\b/.test(q.lower) && q.cues.workstreamWord) return { listWorkstreams };
  claims.soft.push(a);
  if (clash) listWorkstreams.splice(listWorkstreams.indexOf(clash), 1);
  return { area: a.area, listWorkstreams };
}

function findNamedPeople(q: Question, claims: Claims): Mention<Person>[] {
  const { idx, tokens, lower } = q;
  let people = findPeople(idx, tokens, lower, claims.byAny);
  const keyed = people.find((m) => m.byKey);
  // "Callum Lockwood (clockwood2)": the key settles which of several namesakes is meant.
  if (keyed?.items[0]) people = [keyed, ...people.filter((m) => m !== keyed && !m.items.includes(keyed.items[0] as Person))];
  for (const p of people) claims.hard.push(p);
  if (keyed) for (const m of findPeople(idx, tokens, lower, () => false)) claims.hard.push(m);
  return people;
}

/**
 * Short forms people type for what titles spell out: "salt waiting times" is about "speech and
 * language therapy", "ot" about "occupational therapy".
 */
const TITLE_SPELT_OUT: Readonly<Record<string, readonly string[]>> = {
  salt: ['speech', 'language'], slt: ['speech', 'language'], salts: ['speech', 'language'], slts: ['speech', 'language'],
  ot: ['occupational'], ots: ['occupational'], ep: ['psychology'], eps: ['psychology'], camhs: ['mental', 'health'],
  ehcp: ['ehc'], ehcps: ['ehc'], pfa: ['adulthood'],
};

/** Words that say what is asked about an action, never what it is about. */
const ASPECT_NOISE = new Set([
  'whos', 'owner', 'owns', 'responsible', 'charge', 'assigned', 'doing', 'handling', 'deadline', 'happening', 'going',
  'progress', 'status', 'latest', 'update', 'news', 'heard', 'late', 'overdue', 'behind', 'delayed', 'describe',
  'title', 'called', 'mean', 'involve', 'details', 'detail', 'tell', 'info', 'information', 'expected', 'supposed',
  'meant', 'finish', 'finished', 'ready', 'happen', 'planned', 'scheduled', 'target', 'rag', 'rating', 'colour',
  'color', 'show', 'list', 'give', 'quick', 'question', 'questions', 'answer', 'know', 'wondering', 'wonder', 'find',
  'thanks', 'cheers', 'hiya', 'hello', 'please', 'bot', 'partnership', 'plan', 'big', 'kirklees', 'send',
]);

/** Title words as the store matches them: stemmed, at most five. */
export function stemAll(words: string[]): string[] {
  return unique(words.map(stem)).slice(0, 5);
}

export function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

const UNKNOWN_NAME_PATTERNS = [
  /\bwhat (?:is|are|has|have) ([a-z]{1,40}(?: [a-z]{1,40})?) (?:working on|doing|got|been doing|up to|responsible for|leading)\b/,
  /\b(?:owned by|assigned to|belonging to|given to|led by) ([a-z]{1,40}(?: [a-z]{1,40})?)\b/,
  /\bwhat does ([a-z]{1,40}(?: [a-z]{1,40})?) (?:own|have|do|lead)\b/,
  /^([a-z]{1,40}(?: [a-z]{1,40})?)'s\b/,
  /\b(?:is|are|has|does) ([a-z]{1,40}(?: [a-z]{1,40})?) (?:got|have|own|doing)\b/,
];

/**
 * A name the question seems to ask about that is not anyone in the directory: "Owen Smith",
 * "what is Bob working on", "Zara's actions". Returns it as written, or null.
 */
function unknownPersonName(q: Question, found: Mention<Person>[]): UnknownPerson | null {
  const { idx, cleaned, lower } = q;
  // A known first name followed by a capitalised word that is not their surname.
  for (const p of found) {
    if (p.to - p.from !== 1) continue;
    const word = p.text.replace(/'s?$/, '');
    const re = new RegExp(`\\b${word}\\s+([A-Z][a-z'-]{1,30})\\b`, 'i');
    const next = re.exec(cleaned)?.[1];
    if (!next || !/^[A-Z]/.test(next)) continue;
    const n = next.toLowerCase().replace(/'s$/, '').replace(/'/g, '');
    if (isStopWord(n) || idx.placeWords.has(n) || p.items.some((x) => x.name.toLowerCase().includes(n))) continue;
    if (idx.nameWords.has(n)) continue;
    return { name: `${titleCase(word)} ${next.replace(/'s$/, '')}`, instead: next.replace(/'s$/, '') };
  }
  if (found.length) return null;
  for (const re of UNKNOWN_NAME_PATTERNS) {
    const name = re.exec(lower)?.[1];
    if (!name) continue;
    // A place's name is not a person's ("what is Batley working on"); one place word in a name is ("Harriet Lane").
    const words = name.split(' ');
    if (words.some((w) => isStopWord(w) || w.length < 2) || words.every((w) => idx.placeWords.has(w)) || isPlaceName(idx, name)) continue;
    if (/^(?:the|this|that|it|he|she|they|someone|anyone|everyone|nobody|people)$/.test(name)) continue;
    return { name: titleCase(name) };
  }
  return null;
}

/** Part of a setting's or cluster's name: "oakfield primary". */
function isPlaceName(idx: DirectoryIndex, name: string): boolean {
  const places = [...idx.dir.settings, ...idx.dir.clusters];
  return places.some((p) => ` ${p.name.toLowerCase()} `.includes(` ${name} `));
}

const SOURCE_GENERIC = new Set(['plan', 'plans', 'send', 'the', 'and', 'of', 'for', 'local', 'area', 'new']);

/**
 * A source document named by its distinctive words: "the SEND reform plan", "reform actions".
 * The plan's own name ("Big Plan 3") is not a filter, as people use it to mean everything,
 * unless it is said as where actions come from ("actions from Big Plan 3").
 */
function findSource(idx: DirectoryIndex, tokens: Token[], claimed: Claimed): SourceMention | null {
  for (const source of idx.dir.sources) {
    if (/\bbig plan\b/i.test(source)) {
      const named = bigPlanAsSource(tokens, source, claimed);
      if (named) return named;
      continue;
    }
    const words = source.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !SOURCE_GENERIC.has(w) && !/^\d+$/.test(w));
    if (!words.length) continue;
    const hits = words.map((w) => tokens.find((t) => t.word === w && !claimed(t.start, t.end)));
    if (hits.every((h) => h !== undefined)) return { source, spans: hits.map((h) => ({ start: h?.start ?? 0, end: h?.end ?? 0 })) };
  }
  return null;
}

/**
 * "Actions from Big Plan 3", "which come from big plan 3": the plan's own name is a filter only
 * when said whole straight after a word of origin, as one source among others.
 */
function bigPlanAsSource(tokens: Token[], source: string, claimed: Claimed): SourceMention | null {
  const words = source.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  for (let i = 1; i + words.length <= tokens.length; i++) {
    if (!/^(?:from|source|sources)$/.test(tokens[i - 1]?.word ?? '')) continue;
    const run = tokens.slice(i, i + words.length);
    if (run.every((t, k) => t.word === words[k] && !claimed(t.start, t.end))) {
      return { source, spans: run.map((t) => ({ start: t.start, end: t.end })) };
    }
  }
  return null;
}

/** "the RFM actions", "all COM actions": a reference prefix used as a group. */
function findPrefixGroup(tokens: Token[], idx: DirectoryIndex, claimed: Claimed): (Span & { prefix: string }) | null {
  const known = new Set(idx.dir.actionPrefixes.map((p) => p.toLowerCase()));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1]?.word ?? '';
    if (!t || !known.has(t.word) || claimed(t.start, t.end)) continue;
    if (/^(?:actions?|tasks?|items?|ones|refs?|references?|series|stuff|things|bits|jobs)$/.test(next)) {
      return { start: t.start, end: t.end, prefix: t.word.toUpperCase() };
    }
  }
  return null;
}
