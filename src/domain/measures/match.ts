// Which measure a person means by a few words: "wheelchair waits" is the average wait for a
// wheelchair assessment, "EHC plans in 20 weeks" the EHC plans issued within 20 weeks. Words are
// compared by a rough stem (waits, waiting → wait; therapies → therapy), and a long word may be
// the start of another (attendance, attend). The measures with the most words in common win.

/** Words too ordinary to pick a measure by. */
const ORDINARY = new Set([
  'a', 'an', 'the', 'of', 'for', 'in', 'on', 'at', 'to', 'and', 'or', 'by', 'with', 'within', 'their', 'our', 'we', 'us', 'is', 'are',
  'how', 'what', 'doing', 'going', 'do', 'does', 'show', 'me', 'record', 'average', 'number', 'per', 'cent', 'percent', 'rate', 'time',
  'issued', 'measure', 'measures', 'target', 'targets', 'figure', 'figures', 'latest', 'trend', 'progress', 'week', 'day', 'it', 'this',
  'that', 'these', 'those', 'now', 'so', 'far', 'looking', 'get', 'getting', 'about', 'any', 'news', 'tell', 'please', 'i', 'my',
  'improv', 'improve', 'improving', 'better', 'worse', 'was', 'last', 'reading', 'readings', 'when', 'whats', 'current', 'currently',
  'has', 'have', 'been', 'still', 'long', 'lately', 'recent', 'recently',
]);

/** A rough stem: plural and -ing endings off, so that "waits", "waiting" and "wait" agree. */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, -3);
  return w;
}

/** Short forms people use for what measures are named in full ("the SALT wait"). */
const SHORT_FORMS: Record<string, string> = {
  salt: 'speech language therapy', slt: 'speech language therapy', ot: 'occupational therapy', ots: 'occupational therapy',
  ehcp: 'ehc plan', ehcps: 'ehc plans', ep: 'educational psychology',
};

/** The stems of a text's words that can pick a measure. */
export function matchWords(text: string): string[] {
  const words = text.toLowerCase().split(/[^a-z0-9]+/).flatMap((w) => (SHORT_FORMS[w] ?? w).split(' ')).filter((w) => w && !ORDINARY.has(w));
  return [...new Set(words.map(stem))].filter((w) => !ORDINARY.has(w));
}

function same(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && long.startsWith(short);
}

/** How many of the measure's own words the text holds. */
export function matchScore(words: readonly string[], measure: { ref: string; name: string }): number {
  const own = matchWords(`${measure.name} ${measure.ref.replace(/-/g, ' ')}`);
  return own.filter((o) => words.some((w) => same(w, o))).length;
}

/**
 * Does the measure take every word the text has to pick by? One word in common is too little when
 * the text says more ("the backlog of needs assessments" is not the wheelchair assessment measure).
 */
function takesAll(words: readonly string[], measure: { ref: string; name: string }): boolean {
  const own = matchWords(`${measure.name} ${measure.ref.replace(/-/g, ' ')}`);
  return words.every((w) => own.some((o) => same(w, o)));
}

/**
 * The measures the text names best (several on a tie), or none. A measure is named by two of its
 * words or more, or by one when that is all the text says ("how are waits doing?").
 */
export function matchMeasures<M extends { ref: string; name: string }>(text: string, measures: readonly M[]): M[] {
  const words = matchWords(text);
  if (words.length === 0) return [];
  let best = 0;
  let out: M[] = [];
  for (const m of measures) {
    if (m.ref.toLowerCase() === text.trim().toLowerCase()) return [m];
    const raw = matchScore(words, m);
    const score = raw >= 2 || (raw === 1 && takesAll(words, m)) ? raw : 0;
    if (score > best) { best = score; out = [m]; } else if (score === best && score > 0) out.push(m);
  }
  return out;
}
