// Finding people, workstreams, clusters, settings and areas for improvement in a question.
// The index over a directory is built once per directory snapshot (the reader caches those),
// so each question costs a handful of map look-ups, whatever the number of people.
import type { PlanDirectory } from '../domain/plan/reader.js';
import { AREAS, type Area, type Cluster, type Person, type Setting, type Workstream } from '../domain/plan/types.js';
import { parseCount, type Token } from './normalise.js';
import type { Span } from './references.js';
import { isAmbiguousNameWord, isStopWord, sameRoot } from './words.js';

export interface Mention<T> extends Span {
  /** Found by a unique key (a person's key), not by words of a name. */
  byKey?: boolean;
  /** Token positions [from, to). */
  from: number;
  to: number;
  items: T[];
  /** The words as asked. */
  text: string;
}

export interface DirectoryIndex {
  dir: PlanDirectory;
  personById: Map<number, Person>;
  workstreamById: Map<number, Workstream>;
  clusterById: Map<number, Cluster>;
  settingById: Map<number, Setting>;
  peopleByFull: Map<string, Person[]>;
  peopleByKey: Map<string, Person>;
  peopleByFirst: Map<string, Person[]>;
  peopleByLast: Map<string, Person[]>;
  workstreamByCode: Map<string, Workstream>;
  workstreamPhrases: { words: string[]; ws: Workstream }[];
  workstreamWords: Map<string, Workstream[]>;
  clusterByCode: Map<string, Cluster>;
  clusterWords: Map<string, Cluster[]>;
  clusterNameWords: Map<number, string[]>;
  settingWords: Map<string, Setting[]>;
  settingNameWords: Map<number, string[]>;
  /** Every word of a workstream, cluster or setting name. */
  placeWords: Set<string>;
  /** Every first name and surname. */
  nameWords: Set<string>;
}

/** Lower-case words of a name, accents and apostrophes gone: "Zoë O'Neil-Smith" → zoe, oneil, smith. */
export function nameWords(name: string): string[] {
  return name.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/'/g, '')
    .split(/[^a-z0-9]+/).filter(Boolean);
}

const HONORIFICS = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sir', 'dame', 'cllr']);
/** Words in workstream names that are too ordinary to pick a workstream on their own. */
const GENERIC_WORKSTREAM_WORDS = new Set([
  'and', 'the', 'of', 'for', 'in', 'with', 'to', 'a', 'need', 'first', 'support', 'offer', 'post', 'partnership',
  'experience', 'demand', 'understanding', 'earlier', 'resources', 'universal', 'engagement', 'voice', 'system',
  'sustainability', 'intervention', 'advice', 'specialist', '16', 'co', 'production', 'financial', 'insight',
]);
/** Words in setting names that say what kind of place it is, not which one. */
const GENERIC_SETTING_WORDS = new Set([
  'school', 'schools', 'primary', 'secondary', 'academy', 'college', 'nursery', 'high', 'junior', 'infant', 'infants',
  'and', 'the', 'of', 'st', 'saint', 'church', 'c', 'e', 'ce', 'cofe', 'community', 'special', 'first', 'middle', 'lower',
  'upper', 'grammar', 'trust', 'centre', 'center', 'pre', 'preschool', 'sixth', 'form', 'ja', 'i', 'j', 'rc', 'catholic',
  'methodist', 'school.', 'day', 'free',
]);
const GENERIC_CLUSTER_WORDS = new Set(['and', 'the', 'of', 'north', 'south', 'east', 'west', 'central', 'valley', 'upper', 'lower']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) { if (!list.includes(value)) list.push(value); } else map.set(key, [value]);
}

const cache = new WeakMap<PlanDirectory, DirectoryIndex>();

export function indexDirectory(dir: PlanDirectory): DirectoryIndex {
  const hit = cache.get(dir);
  if (hit) return hit;
  const idx: DirectoryIndex = {
    dir,
    personById: new Map(dir.people.map((p) => [p.id, p])),
    workstreamById: new Map(dir.workstreams.map((w) => [w.id, w])),
    clusterById: new Map(dir.clusters.map((c) => [c.id, c])),
    settingById: new Map(dir.settings.map((s) => [s.id, s])),
    peopleByFull: new Map(), peopleByKey: new Map(), peopleByFirst: new Map(), peopleByLast: new Map(),
    workstreamByCode: new Map(), workstreamPhrases: [], workstreamWords: new Map(),
    clusterByCode: new Map(), clusterWords: new Map(), clusterNameWords: new Map(),
    settingWords: new Map(), settingNameWords: new Map(),
    placeWords: new Set(), nameWords: new Set(),
  };
  for (const p of dir.people) {
    idx.peopleByKey.set(p.key.toLowerCase(), p);
    const words = nameWords(p.name).filter((w) => !HONORIFICS.has(w));
    if (!words.length) continue;
    const first = words[0] ?? '';
    const last = words[words.length - 1] ?? '';
    push(idx.peopleByFull, words.join(' '), p);
    if (words.length > 2) push(idx.peopleByFull, `${first} ${last}`, p);
    push(idx.peopleByFirst, first, p);
    if (words.length > 1) push(idx.peopleByLast, last, p);
    if (last.includes('-')) for (const part of last.split('-')) push(idx.peopleByLast, part, p);
    for (const w of words) idx.nameWords.add(w);
  }
  for (const ws of dir.workstreams) {
    idx.workstreamByCode.set(ws.code.toLowerCase().replace(/[^a-z0-9]/g, ''), ws);
    const phrases = new Set<string>();
    const name = ws.name;
    phrases.add(name);
    phrases.add(name.replace(/\([^)]*\)/g, ' '));
    for (const m of name.matchAll(/\(([^)]*)\)/g)) phrases.add(m[1] ?? '');
    for (const part of name.replace(/\([^)]*\)/g, ',').split(/,|\band\b/)) phrases.add(part);
    for (const ph of phrases) {
      const words = nameWords(ph);
      if (!words.length) continue;
      if (words.length === 1 && (GENERIC_WORKSTREAM_WORDS.has(words[0] ?? '') || (words[0] ?? '').length < 3)) continue;
      idx.workstreamPhrases.push({ words, ws });
    }
    for (const w of nameWords(name)) {
      idx.placeWords.add(w);
      if (!GENERIC_WORKSTREAM_WORDS.has(w) && w.length >= 3) push(idx.workstreamWords, w, ws);
    }
  }
  // Longest phrases first, so "preparing for adulthood" beats "adulthood".
  idx.workstreamPhrases.sort((a, b) => b.words.length - a.words.length);
  for (const c of dir.clusters) {
    idx.clusterByCode.set(c.code.toLowerCase(), c);
    const words = nameWords(c.name);
    idx.clusterNameWords.set(c.id, words);
    for (const w of words) {
      idx.placeWords.add(w);
      if (!GENERIC_CLUSTER_WORDS.has(w)) push(idx.clusterWords, w, c);
    }
  }
  for (const s of dir.settings) {
    const words = nameWords(s.name).filter((w) => !GENERIC_SETTING_WORDS.has(w));
    idx.settingNameWords.set(s.id, words);
    for (const w of words) { idx.placeWords.add(w); push(idx.settingWords, w, s); }
  }
  cache.set(dir, idx);
  return idx;
}

export type Claimed = (start: number, end: number) => boolean;

function mention<T>(tokens: Token[], lower: string, from: number, to: number, items: T[]): Mention<T> {
  const start = tokens[from]?.start ?? 0;
  const end = tokens[to - 1]?.end ?? start;
  return { from, to, start, end, items, text: lower.slice(start, end) };
}

export interface PeopleOptions {
  /** Accept a lone first name or surname even if it is also an ordinary word. */
  loose?: boolean;
}

/** People named in the question: full names first, then a lone first name or surname. */
export function findPeople(idx: DirectoryIndex, tokens: Token[], lower: string, claimed: Claimed, opts: PeopleOptions = {}): Mention<Person>[] {
  const out: Mention<Person>[] = [];
  const free = (i: number) => { const t = tokens[i]; return t !== undefined && !claimed(t.start, t.end); };
  for (let i = 0; i < tokens.length; i++) {
    if (!free(i)) continue;
    let found = false;
    for (const len of [3, 2]) {
      if (i + len > tokens.length) continue;
      let ok = true;
      for (let k = i; k < i + len; k++) if (!free(k)) ok = false;
      if (!ok) continue;
      const key = tokens.slice(i, i + len).map((t) => t.word).join(' ');
      const people = idx.peopleByFull.get(key);
      if (people) { out.push(mention(tokens, lower, i, i + len, people)); i += len - 1; found = true; break; }
    }
    if (found) continue;
    const t = tokens[i];
    if (!t || t.word.length < 2 || /^\d+$/.test(t.word)) continue;
    // A person's key ("clockwood2"), as choice buttons send when two people share a name.
    const keyLike = t.word.length >= 4 && (/\d/.test(t.word) || (!isStopWord(t.word) && !idx.nameWords.has(t.word) && !idx.placeWords.has(t.word)));
    const keyed = keyLike ? idx.peopleByKey.get(t.word) : undefined;
    if (keyed) { out.push({ ...mention(tokens, lower, i, i + 1, [keyed]), byKey: true }); continue; }
    const byFirst = idx.peopleByFirst.get(t.word) ?? [];
    const byLast = idx.peopleByLast.get(t.word) ?? [];
    if (!byFirst.length && !byLast.length) continue;
    const ordinary = isAmbiguousNameWord(t.word) || idx.placeWords.has(t.word);
    if (ordinary && !t.possessive && !opts.loose) continue;
    // A first name wins over a surname when the word is both.
    const items = byFirst.length ? byFirst : byLast;
    out.push(mention(tokens, lower, i, i + 1, [...items]));
  }
  return out;
}

export interface WorkstreamMention extends Mention<Workstream> {
  /** code: "WS5"/"workstream 5"; pillar: "pillar 6"; phrase: words of its name; word: one word of its name. */
  how: 'code' | 'pillar' | 'phrase' | 'word';
  /** Set when a code or pillar was asked for that no workstream has. */
  unknown?: string;
}

const WS_CODE_RE = /\b(?:ws|work ?streams?|streams?)\s?(?:number |no\.? |#|-)?\s?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?! (?:days?|weeks?|months?|years?))/g;
const PILLAR_RE = /\b(?:maturity )?pillars?\s?(?:number |no\.? |#|-)?\s?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine)\s?([abc])?\b/g;

/** Workstreams by code ("WS5", "ws 5", "workstream five"), pillar, or words of the name. */
export function findWorkstreams(idx: DirectoryIndex, tokens: Token[], lower: string, claimed: Claimed, allowWords: boolean): WorkstreamMention[] {
  const out: WorkstreamMention[] = [];
  const spans: Span[] = [];
  const isFree = (s: number, e: number) => !claimed(s, e) && !spans.some((x) => s < x.end && x.start < e);
  const tokenRange = (start: number, end: number) => {
    const from = tokens.findIndex((t) => t.end > start);
    let to = from;
    while (to < tokens.length && (tokens[to]?.start ?? Infinity) < end) to++;
    return { from: Math.max(0, from), to };
  };
  for (const m of lower.matchAll(WS_CODE_RE)) {
    const start = m.index; const end = start + m[0].length;
    if (!isFree(start, end)) continue;
    const n = parseCount(m[1]);
    const ws = n !== null ? idx.workstreamByCode.get(`ws${n}`) : undefined;
    const code = `WS${n ?? m[1] ?? ''}`;
    out.push({ ...tokenRange(start, end), start, end, items: ws ? [ws] : [], text: m[0], how: 'code', ...(ws ? {} : { unknown: code }) });
    spans.push({ start, end });
  }
  for (const m of lower.matchAll(/\b([a-z]{2,4}\d{1,2})\b/g)) {
    const start = m.index; const end = start + m[0].length;
    const ws = idx.workstreamByCode.get(m[1] ?? '');
    if (!ws || !isFree(start, end)) continue;
    out.push({ ...tokenRange(start, end), start, end, items: [ws], text: m[0], how: 'code' });
    spans.push({ start, end });
  }
  for (const m of lower.matchAll(PILLAR_RE)) {
    const start = m.index; const end = start + m[0].length;
    if (!isFree(start, end)) continue;
    const n = parseCount(m[1]);
    const list = idx.dir.workstreams.filter((w) => n !== null && (w.pillar === `${n}` || w.pillar.startsWith(`${n}`) || w.pillar === `${n}${m[2] ?? ''}`));
    out.push({ ...tokenRange(start, end), start, end, items: list, text: m[0], how: 'pillar', ...(list.length ? {} : { unknown: `pillar ${n ?? m[1] ?? ''}${m[2] ?? ''}` }) });
    spans.push({ start, end });
  }
  // Phrases of the name, longest first, as whole words in order.
  const words = tokens.map((t) => t.word);
  for (const ph of idx.workstreamPhrases) {
    const n = ph.words.length;
    for (let i = 0; i + n <= words.length; i++) {
      let same = true;
      for (let k = 0; k < n; k++) if (words[i + k] !== ph.words[k]) { same = false; break; }
      if (!same) continue;
      const start = tokens[i]?.start ?? 0; const end = tokens[i + n - 1]?.end ?? 0;
      if (!isFree(start, end)) {
        // The same phrase may name several workstreams: add to the mention already made.
        const prev = out.find((o) => o.how === 'phrase' && o.start === start && o.end === end);
        if (prev && !prev.items.includes(ph.ws)) prev.items.push(ph.ws);
        continue;
      }
      out.push({ from: i, to: i + n, start, end, items: [ph.ws], text: lower.slice(start, end), how: 'phrase' });
      spans.push({ start, end });
    }
  }
  if (allowWords) {
    // Single words of a name ("the data workstream", "inclusion"): exact words beat shared roots.
    const scores = new Map<Workstream, number>();
    const used: number[] = [];
    tokens.forEach((t, i) => {
      if (!isFree(t.start, t.end) || isStopWord(t.word) || t.word.length < 3) return;
      let hit = false;
      for (const ws of idx.workstreamWords.get(t.word) ?? []) { scores.set(ws, (scores.get(ws) ?? 0) + 2); hit = true; }
      if (!hit && t.word.length >= 5) {
        for (const [w, list] of idx.workstreamWords) {
          if (sameRoot(w, t.word)) for (const ws of list) { scores.set(ws, (scores.get(ws) ?? 0) + 1); hit = true; }
        }
      }
      if (hit) used.push(i);
    });
    if (scores.size) {
      const best = Math.max(...scores.values());
      const top = [...scores].filter(([, s]) => s === best).map(([ws]) => ws);
      const first = used[0] ?? 0; const last = used[used.length - 1] ?? first;
      out.push({ ...mention(tokens, lower, first, last + 1, top), how: 'word' });
    }
  }
  return out;
}

const AREA_PHRASES: [RegExp, Area][] = [
  [/\b(?:preparing|preparation) for adulthood\b|\badulthood\b|\bpfa area\b|\btransition to adult(?:hood|s| life| services)?\b/, 'preparing_for_adulthood'],
  [/\b(?:health )?waiting[\s-]?(?:times?|lists?)\b|\bhealth waits?\b|\bwaits\b|\bwaiting\b|\bhealth\b/, 'health_waiting_times'],
  [/\bedu(?:cation|cational)?,? health and care plans?\b|\behc ?plans?\b|\behcps?\b|\behc(?![\s-]?\d)\b/, 'ehc_plans'],
  [/\bcommunications?\b|\bcomms\b/, 'communication'],
];

/** Areas for improvement named in the question. */
export function findAreas(lower: string, claimed: Claimed): (Span & { area: Area; text: string })[] {
  const out: (Span & { area: Area; text: string })[] = [];
  for (const [re, area] of AREA_PHRASES) {
    const g = new RegExp(re.source, 'g');
    for (const m of lower.matchAll(g)) {
      const start = m.index; const end = start + m[0].length;
      if (claimed(start, end)) continue;
      out.push({ start, end, area, text: m[0] });
      break;
    }
  }
  return out.filter((a) => AREAS.includes(a.area));
}

/** Clusters by code ("BS1") or name ("Batley", "Dewsbury North"); a shared word gives several. */
export function findClusters(idx: DirectoryIndex, tokens: Token[], lower: string, claimed: Claimed): Mention<Cluster>[] {
  const out: Mention<Cluster>[] = [];
  const taken = new Set<number>();
  tokens.forEach((t, i) => {
    const c = idx.clusterByCode.get(t.word);
    if (c && !claimed(t.start, t.end)) { out.push(mention(tokens, lower, i, i + 1, [c])); taken.add(i); }
  });
  // Whole names, longest first.
  const byLength = [...idx.dir.clusters].sort((a, b) => (idx.clusterNameWords.get(b.id)?.length ?? 0) - (idx.clusterNameWords.get(a.id)?.length ?? 0));
  for (const c of byLength) {
    const words = idx.clusterNameWords.get(c.id) ?? [];
    if (!words.length) continue;
    for (let i = 0; i + words.length <= tokens.length; i++) {
      let same = true;
      for (let k = 0; k < words.length; k++) if (tokens[i + k]?.word !== words[k] || taken.has(i + k)) { same = false; break; }
      const first = tokens[i]; const last = tokens[i + words.length - 1];
      if (!same || !first || !last || claimed(first.start, last.end)) continue;
      out.push(mention(tokens, lower, i, i + words.length, [c]));
      for (let k = 0; k < words.length; k++) taken.add(i + k);
    }
  }
  // A distinctive word of several names ("Dewsbury", "Huddersfield").
  tokens.forEach((t, i) => {
    if (taken.has(i) || claimed(t.start, t.end)) return;
    const list = idx.clusterWords.get(t.word);
    if (list?.length) { out.push(mention(tokens, lower, i, i + 1, [...list])); taken.add(i); }
  });
  return out.sort((a, b) => a.start - b.start);
}

/** Settings (schools, nurseries, colleges) by the distinctive words of their names. */
export function findSettings(idx: DirectoryIndex, tokens: Token[], lower: string, claimed: Claimed): Mention<Setting>[] {
  const score = new Map<Setting, number[]>();
  tokens.forEach((t, i) => {
    if (claimed(t.start, t.end)) return;
    for (const s of idx.settingWords.get(t.word) ?? []) {
      const list = score.get(s) ?? [];
      list.push(i);
      score.set(s, list);
    }
  });
  if (!score.size) return [];
  // Full matches (every distinctive word) first; then the most words.
  const rank = [...score].map(([s, hits]) => {
    const need = idx.settingNameWords.get(s.id)?.length ?? 1;
    return { s, hits, full: new Set(hits.map((h) => tokens[h]?.word)).size >= need, n: hits.length };
  });
  const full = rank.filter((r) => r.full);
  const pool = full.length ? full : rank;
  const best = Math.max(...pool.map((r) => r.n));
  const top = pool.filter((r) => r.n === best);
  const positions = top.flatMap((r) => r.hits);
  const from = Math.min(...positions); const to = Math.max(...positions) + 1;
  return [mention(tokens, lower, from, to, top.map((r) => r.s))];
}
