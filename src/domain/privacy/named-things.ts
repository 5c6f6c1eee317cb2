// Capitalised words that name things, not people: conditions named after the people who described
// them ("Williams syndrome", "Cornelia de Lange syndrome", "Crohn's") and places listed before what
// they are ("Roberttown, Hanging Heaton and Earlsheaton primaries", "special schools (Castle Hill,
// Fairfield, Woodley)").
import { SURNAME_PARTICLES } from './detect-adults.js';
import { type Token, isTitleCase, joined } from './text.js';
import { INSTITUTION_WORDS } from './vocabulary.js';

const CONDITION_WORDS = new Set(['syndrome', 'syndromes', 'disease', 'diseases', 'palsy', 'dystrophy', 'ataxia', 'anomaly', 'sequence', 'disorder', 'lymphoma', 'sarcoma', 'tumour', 'tumor']);
// Eponyms whose possessive alone names the condition ("Crohn's and colitis", "Perthes'"): rare as names.
const CONDITION_EPONYMS = new Set(['crohn', 'parkinson', 'alzheimer', 'huntington', 'hodgkin', 'asperger', 'tourette', 'perthes', 'duchenne', 'raynaud', 'sjogren', 'kawasaki', 'hirschsprung', 'osgood']);

/** The word starts the name of a condition: a chain of capitalised or linking words that ends in "syndrome", "disease", … */
export function namesCondition(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i];
  if (!token) return false;
  if (CONDITION_EPONYMS.has(token.base.toLowerCase().replace(/['’]s?$/u, '')) && /['’]s?(?:\W|$)/u.test(text.slice(token.start, token.end + 3))) return true;
  for (let j = i + 1; j <= i + 4; j++) {
    const next = tokens[j];
    const before = tokens[j - 1];
    if (!next || !before || !/^(?:['’]s?)?[ \t-]+$/u.test(text.slice(before.end, next.start))) return false;
    if (CONDITION_WORDS.has(next.lower)) return true;
    if (!isTitleCase(next.base) && !SURNAME_PARTICLES.has(next.lower) && next.lower !== 'and') return false;
  }
  return false;
}

/** What a list of places is said to be, after it or before it in brackets. */
const PLACES_PLURAL = new Set(['schools', 'primaries', 'academies', 'nurseries', 'colleges', 'settings', 'villages', 'towns', 'wards', 'areas', 'clusters', 'localities', 'infants', 'juniors', 'secondaries', 'hubs', 'centres']);
const LIST_GAP = /^(?:,\s*|\s+|\s*,?\s+and\s+|\s*&\s*)$/u;
const MAX_LIST = 16;

/** Whether tokens j-1 and j are joined as parts of one list of capitalised names. */
function listJoin(text: string, a: Token, b: Token): boolean {
  return LIST_GAP.test(text.slice(a.end, b.start));
}

/**
 * "Crosland Moor, Lockwood, Milnsbridge and Golcar schools": capitalised names joined by commas and
 * "and", ending in a plural word for places; or the same inside brackets after one ("special
 * schools (Castle Hill, Fairfield, Woodley)"). A child's name in such a list is not a list of places.
 */
export function inListOfPlaces(text: string, tokens: readonly Token[], i: number): boolean {
  let commas = 0;
  for (let j = i + 1; j < tokens.length && j <= i + MAX_LIST; j++) {
    const a = tokens[j - 1]!; const b = tokens[j]!;
    if (b.lower === 'and') continue;
    const gap = text.slice(a.end, b.start);
    if (a.lower !== 'and' && !listJoin(text, a, b)) break;
    if (gap.includes(',')) commas++;
    if (PLACES_PLURAL.has(b.lower)) return commas > 0 || /\band\b/u.test(text.slice(tokens[i]!.end, b.start));
    if (!isTitleCase(b.base)) break;
  }
  // Backwards to an opening bracket after a plural word for places.
  for (let j = i; j >= 0 && j >= i - MAX_LIST; j--) {
    const t = tokens[j]!;
    const prev = tokens[j - 1];
    const gap = text.slice(prev ? prev.end : 0, t.start);
    if (/\(\s*$/u.test(gap)) return Boolean(prev && PLACES_PLURAL.has(prev.lower));
    if (!prev || (!isTitleCase(prev.base) && prev.lower !== 'and') || !(prev.lower === 'and' || LIST_GAP.test(gap) || /^\s*$/u.test(gap))) return false;
  }
  return false;
}

/** "a free school in Shipley", "special schools near Mirfield": where a setting is, not who is in it ("Oliver's"). */
export function placeAfterInstitution(text: string, tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  const prep = tokens[i - 1];
  const setting = tokens[i - 2];
  if (!prep || !setting || token.text !== token.base || !/^(?:in|near|at|around|across|outside)$/u.test(prep.lower)) return false;
  return INSTITUTION_WORDS.has(setting.lower) && joined(text, setting, prep) && joined(text, prep, token);
}
