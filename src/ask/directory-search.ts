// Finding people, workstreams, clusters, settings and areas for improvement in a question's
// tokens, over the directory index (src/ask/directory.ts). Each finder skips words already
// claimed by an earlier finder (see src/ask/mentions.ts for the order).
import { AREAS, type Area, type Cluster, type Person, type Setting, type Workstream } from '../domain/plan/types.js';
import type { DirectoryIndex } from './directory.js';
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
      const people = idx.peopleByFull.get(key) ?? idx.peopleByFull.get(key.replace(/(?<=[a-z]{3})s$/, ''));
      if (people) { out.push(mention(tokens, lower, i, i + len, people)); i += len - 1; found = true; break; }
    }
    if (found) continue;
    const t = tokens[i];
    if (!t || t.word.length < 2 || /^\d+$/.test(t.word)) continue;
    // A person's key ("clockwood2"), as choice buttons send when two people share a name.
    const keyLike = t.word.length >= 4 && (/\d/.test(t.word) || (!isStopWord(t.word) && !idx.nameWords.has(t.word) && !idx.placeWords.has(t.word)));
    const keyed = keyLike ? idx.peopleByKey.get(t.word) : undefined;
    if (keyed) { out.push({ ...mention(tokens, lower, i, i + 1, [keyed]), byKey: true }); continue; }
    const name = namePart(idx, t);
    const byFirst = idx.peopleByFirst.get(name.word) ?? [];
    const byLast = idx.peopleByLast.get(name.word) ?? [];
    if (!byFirst.length && !byLast.length) continue;
    const ordinary = isAmbiguousNameWord(name.word) || idx.placeWords.has(name.word);
    if (ordinary && !name.possessive && !opts.loose) continue;
    // A first name wins over a surname when the word is both.
    const items = byFirst.length ? byFirst : byLast;
    out.push(mention(tokens, lower, i, i + 1, [...items]));
  }
  return out;
}

/**
 * The name in a word: itself, or a possessive typed without its apostrophe ("helens plate",
 * "carrs actions"): a word nobody is called whose "s" taken off leaves a name that is not also an
 * ordinary word ("bills" stays bills).
 */
function namePart(idx: DirectoryIndex, t: Token): { word: string; possessive: boolean } {
  if (idx.peopleByFirst.has(t.word) || idx.peopleByLast.has(t.word) || t.possessive || !/^[a-z]{3,}s$/.test(t.word)) return t;
  const word = t.word.slice(0, -1);
  const known = idx.peopleByFirst.has(word) || idx.peopleByLast.has(word);
  return known && !isAmbiguousNameWord(word) && !idx.placeWords.has(word) ? { word, possessive: true } : t;
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
  const isFree: Claimed = (s, e) => !claimed(s, e) && !spans.some((x) => s < x.end && x.start < e);
  const add = (m: WorkstreamMention) => { out.push(m); spans.push({ start: m.start, end: m.end }); };
  const addFree = (m: WorkstreamMention) => { if (isFree(m.start, m.end)) add(m); };
  workstreamCodes(idx, tokens, lower, addFree);
  for (const m of pillars(idx, tokens, lower)) addFree(m);
  workstreamPhrases(idx, tokens, lower, isFree, out, add);
  if (allowWords) {
    const m = workstreamWords(idx, tokens, lower, isFree);
    if (m) out.push(m);
  }
  return out;
}

function tokenRange(tokens: Token[], start: number, end: number): { from: number; to: number } {
  const from = tokens.findIndex((t) => t.end > start);
  let to = from;
  while (to < tokens.length && (tokens[to]?.start ?? Infinity) < end) to++;
  return { from: Math.max(0, from), to };
}

/** "WS5", "workstream five", then other workstreams' codes ("dat3"), each given to `add` in turn. */
function workstreamCodes(idx: DirectoryIndex, tokens: Token[], lower: string, add: (m: WorkstreamMention) => void): void {
  for (const m of lower.matchAll(WS_CODE_RE)) {
    const start = m.index; const end = start + m[0].length;
    const n = parseCount(m[1]);
    const ws = n !== null ? idx.workstreamByCode.get(`ws${n}`) : undefined;
    const code = `WS${n ?? m[1] ?? ''}`;
    add({ ...tokenRange(tokens, start, end), start, end, items: ws ? [ws] : [], text: m[0], how: 'code', ...(ws ? {} : { unknown: code }) });
  }
  for (const m of lower.matchAll(/\b([a-z]{2,4}\d{1,2})\b/g)) {
    const start = m.index; const end = start + m[0].length;
    const ws = idx.workstreamByCode.get(m[1] ?? '');
    if (ws) add({ ...tokenRange(tokens, start, end), start, end, items: [ws], text: m[0], how: 'code' });
  }
}

function pillars(idx: DirectoryIndex, tokens: Token[], lower: string): WorkstreamMention[] {
  const out: WorkstreamMention[] = [];
  for (const m of lower.matchAll(PILLAR_RE)) {
    const start = m.index; const end = start + m[0].length;
    const n = parseCount(m[1]);
    const list = idx.dir.workstreams.filter((w) => n !== null && (w.pillar === `${n}` || w.pillar.startsWith(`${n}`) || w.pillar === `${n}${m[2] ?? ''}`));
    out.push({ ...tokenRange(tokens, start, end), start, end, items: list, text: m[0], how: 'pillar', ...(list.length ? {} : { unknown: `pillar ${n ?? m[1] ?? ''}${m[2] ?? ''}` }) });
  }
  return out;
}

/** Phrases of the name, longest first, as whole words in order. */
function workstreamPhrases(
  idx: DirectoryIndex, tokens: Token[], lower: string, isFree: Claimed, out: WorkstreamMention[], add: (m: WorkstreamMention) => void,
): void {
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
      add({ from: i, to: i + n, start, end, items: [ph.ws], text: lower.slice(start, end), how: 'phrase' });
    }
  }
}

/** Single words of a name ("the data workstream", "inclusion"): exact words beat shared roots. */
function workstreamWords(idx: DirectoryIndex, tokens: Token[], lower: string, isFree: Claimed): WorkstreamMention | undefined {
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
  if (!scores.size) return undefined;
  const best = Math.max(...scores.values());
  const top = [...scores].filter(([, s]) => s === best).map(([ws]) => ws);
  const first = used[0] ?? 0; const last = used[used.length - 1] ?? first;
  return { ...mention(tokens, lower, first, last + 1, top), how: 'word' };
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
