// The index over the plan's directory (people, workstreams, clusters, settings) that the finders
// in src/ask/directory-search.ts read. It is built once per directory snapshot (the reader
// caches those), so each question costs a handful of map look-ups, whatever the number of people.
import type { PlanDirectory } from '../domain/plan/reader.js';
import type { Cluster, Person, Setting, Workstream } from '../domain/plan/types.js';

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
  /** Active people's job titles as people say them (see jobTitleForms), for "who is the DCO?". */
  jobTitles: { person: Person; title: string; initials: string }[];
}

const TITLE_SMALL_WORDS = new Set(['and', 'of', 'the', 'for', 'in', 'to']);

/** Lower case, '&' as 'and', only letters, digits and apostrophes, one space between words and one at each end. */
export function spacedWords(text: string): string {
  return ` ${text.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9' ]/g, ' ').replace(/\s+/g, ' ').trim()} `;
}

/**
 * "Designated Clinical Officer, Integrated Care Board": the part before a comma or bracket is the
 * title people say; its initials ("dco") only for three words or more (fewer have too many false friends).
 */
function jobTitleForms(jobTitle: string): { title: string; initials: string } | undefined {
  const core = jobTitle.split(/[,(]/)[0] ?? jobTitle;
  if (core.trim().length < 6) return undefined;
  const words = core.toLowerCase().split(/[^a-z]+/).filter((w) => w && !TITLE_SMALL_WORDS.has(w));
  return { title: spacedWords(core), initials: words.length >= 3 ? ` ${words.map((w) => w[0]).join('')} ` : '' };
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
    placeWords: new Set(), nameWords: new Set(), jobTitles: [],
  };
  for (const p of dir.people) indexPerson(idx, p);
  for (const ws of dir.workstreams) indexWorkstream(idx, ws);
  // Longest phrases first, so "preparing for adulthood" beats "adulthood".
  idx.workstreamPhrases.sort((a, b) => b.words.length - a.words.length);
  for (const c of dir.clusters) indexCluster(idx, c);
  for (const s of dir.settings) {
    const words = nameWords(s.name).filter((w) => !GENERIC_SETTING_WORDS.has(w));
    idx.settingNameWords.set(s.id, words);
    for (const w of words) { idx.placeWords.add(w); push(idx.settingWords, w, s); }
  }
  cache.set(dir, idx);
  return idx;
}

function indexPerson(idx: DirectoryIndex, p: Person): void {
  idx.peopleByKey.set(p.key.toLowerCase(), p);
  const job = p.active && p.jobTitle ? jobTitleForms(p.jobTitle) : undefined;
  if (job) idx.jobTitles.push({ person: p, ...job });
  const words = nameWords(p.name).filter((w) => !HONORIFICS.has(w));
  if (!words.length) return;
  const first = words[0] ?? '';
  const last = words[words.length - 1] ?? '';
  push(idx.peopleByFull, words.join(' '), p);
  if (words.length > 2) push(idx.peopleByFull, `${first} ${last}`, p);
  push(idx.peopleByFirst, first, p);
  if (words.length > 1) push(idx.peopleByLast, last, p);
  if (last.includes('-')) for (const part of last.split('-')) push(idx.peopleByLast, part, p);
  for (const w of words) idx.nameWords.add(w);
}

function indexWorkstream(idx: DirectoryIndex, ws: Workstream): void {
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

function indexCluster(idx: DirectoryIndex, c: Cluster): void {
  idx.clusterByCode.set(c.code.toLowerCase(), c);
  const words = nameWords(c.name);
  idx.clusterNameWords.set(c.id, words);
  for (const w of words) {
    idx.placeWords.add(w);
    if (!GENERIC_CLUSTER_WORDS.has(w)) push(idx.clusterWords, w, c);
  }
}
