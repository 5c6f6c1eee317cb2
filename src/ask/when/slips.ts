// Typing slips in period words ("nxt week", "tmrw", "thsi month", "febuary", "chrismas"): read as
// the word meant, and said back. Only the period vocabulary is corrected, and only where cheap and
// safe: short words (≤ 4 letters) by a swap of two letters or a known shorthand, 5-6 letters by one
// edit, longer ones by up to two. Words that are English in their own right are never touched.
const VOCABULARY = [
  'today', 'tomorrow', 'yesterday', 'tonight', 'this', 'next', 'last', 'week', 'weeks', 'month', 'months', 'year', 'quarter',
  'fortnight', 'christmas', 'easter', 'term', 'half', 'holidays', 'summer', 'spring', 'autumn', 'before', 'until', 'after',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'financial', 'upcoming', 'coming',
];
/** Other words of the period phrases, never corrected into something else. */
const KNOWN = new Set([...VOCABULARY, 'holiday', 'hols', 'weekend', 'weekday', 'days', 'bank', 'start', 'since', 'from', 'between', 'within', 'during']);
const SHORTHAND: Record<string, string> = {
  tmrw: 'tomorrow', tmr: 'tomorrow', tmw: 'tomorrow', tmoz: 'tomorrow', tomoz: 'tomorrow', '2moro': 'tomorrow', '2morrow': 'tomorrow',
  tdy: 'today', '2day': 'today', nxt: 'next', wk: 'week', wks: 'weeks', mnth: 'month', mth: 'month', yr: 'year',
  fortnite: 'fortnight', b4: 'before',
};
/** Real words one edit from a period word: left as typed. */
const LEAVE = new Set(['his', 'thus', 'text', 'lost', 'past', 'list', 'mouth', 'moth', 'teams', 'team', 'week', 'weak', 'years', 'summary', 'ester', 'hall', 'halt', 'after', 'alter', 'terms', 'germ', 'term', 'mark', 'marsh', 'match', 'monde', 'month',
  'string', 'strings', 'sprint', 'sprints', 'eastern', 'eater', 'coding', 'coping', 'simmer', 'summed', 'sundae', 'auto']);

/** Optimal string alignment distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const isSwap = (a: string, b: string) => a.length === b.length && a !== b && [...a].sort().join('') === [...b].sort().join('') && editDistance(a, b, 1) === 1;

function correct(word: string): string | null {
  // Shorthand first: "b4" is two characters.
  if (SHORTHAND[word]) return SHORTHAND[word] ?? null;
  if (KNOWN.has(word) || LEAVE.has(word) || word.length < 3 || word.length > 12) return null;
  if (word.endsWith('s') && KNOWN.has(word.slice(0, -1))) return null;
  let best: string | null = null;
  for (const v of VOCABULARY) {
    const max = v.length <= 4 ? 0 : v.length <= 6 ? 1 : 2;
    const ok = max === 0 ? word.length === v.length && isSwap(word, v) : word[0] === v[0] && editDistance(word, v, max) <= max;
    if (ok && (best === null || editDistance(word, v, 2) < editDistance(word, best, 2))) best = v;
  }
  return best;
}

export interface Corrected {
  text: string;
  /** Where each position of `text` came from in the original (one more entry for the end). */
  origin: number[];
  corrections: { typed: string; read: string; start: number; end: number }[];
}

export function correctSlips(lower: string): Corrected {
  const origin: number[] = [];
  const corrections: Corrected['corrections'] = [];
  let text = '';
  let last = 0;
  const seen = new Map<string, string | null>();
  for (const m of lower.matchAll(/[a-z0-9]{1,30}/g)) {
    const read = seen.get(m[0]) ?? correct(m[0]);
    seen.set(m[0], read);
    if (!read) continue;
    for (let i = last; i < m.index; i++) { text += lower[i]; origin.push(i); }
    for (let i = 0; i < read.length; i++) { text += read[i]; origin.push(m.index + Math.min(i, m[0].length - 1)); }
    corrections.push({ typed: m[0], read, start: m.index, end: m.index + m[0].length });
    last = m.index + m[0].length;
  }
  for (let i = last; i < lower.length; i++) { text += lower[i]; origin.push(i); }
  origin.push(lower.length);
  return { text, origin, corrections };
}
