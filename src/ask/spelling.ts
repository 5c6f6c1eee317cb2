// Typing slips: a word the bot does not know, close to one of its own words or to a name in the
// plan, is read as that word ("overdeu" → "overdue"), and the answer says so. Close means one
// edit (two for long words, or two letters swapped), by Levenshtein distance (fastest-levenshtein).
// Words under six letters, capitalised names and words the plan knows are never touched: a slip is only guessed when it is safe.
import { distance } from 'fastest-levenshtein';
import { isNeedWord } from '../domain/experts/index.js';
import type { DirectoryIndex } from './directory.js';
import { isStopWord, stem } from './words.js';

/** The bot's own words: what it answers about, as people write them in full. */
const VOCABULARY = `
overdue late behind delayed risk track complete completed finished done closed started open outstanding
amber red green reds ambers greens status update updates latest progress summary overview summarise workstream
workstreams action actions owner owns owned leads leader deadline deadlines due week weeks month months fortnight
next today tomorrow yesterday january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday term holidays christmas easter meeting meetings cluster
clusters chair chairs setting settings school schools request requests expert experts specialist therapist
psychologist occupational speech language educational pillar maturity digest snooze reminders nudges help thanks
claimed waiting picked specialism specialisms specialise specialises specialize specializes
happening responsible assigned attention priority working doing anything everything someone people person
`.split(/\s+/).filter(Boolean);

const vocabulary = new Set(VOCABULARY);

/**
 * Short words are not guessed at (too many real words lie one edit away), except these slips of
 * the bot's commonest words, which mean nothing else in a question about a plan.
 */
const SHORT_SLIPS: Record<string, string> = {
  dew: 'due', deu: 'due', duw: 'due', ude: 'due', wek: 'week', weke: 'week', mnth: 'month', mth: 'month', lte: 'late', mye: 'my',
};
const MIN_LENGTH = 6;

export interface Correction { typed: string; read: string }

/** Two letters swapped next to each other ("overdeu" / "overdue"). */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  return diff.length === 2 && diff[1] === (diff[0] ?? -2) + 1 && a[diff[0] ?? 0] === b[diff[1] ?? 0] && a[diff[1] ?? 0] === b[diff[0] ?? 0];
}

function known(word: string, idx: DirectoryIndex): boolean {
  // "unassigned", "unclaimed": a known word with "un" before it is a word, not a slip.
  if (word.startsWith('un') && word.length > 6 && known(word.slice(2), idx)) return true;
  return vocabulary.has(word) || vocabulary.has(stem(word)) || isStopWord(word) || idx.placeWords.has(word) || idx.nameWords.has(word) || isNeedWord(word);
}

/** The one closest word of the bot's vocabulary or the plan's names, when it is close enough. */
function closest(word: string, idx: DirectoryIndex): string | undefined {
  const allowed = word.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = Infinity;
  let tie = false;
  const consider = (candidate: string) => {
    if (Math.abs(candidate.length - word.length) > allowed) return;
    const d = swapped(word, candidate) ? 1 : distance(word, candidate);
    if (d > allowed) return;
    if (d < bestDistance) { best = candidate; bestDistance = d; tie = false; } else if (d === bestDistance && candidate !== best) tie = true;
  };
  for (const v of vocabulary) consider(v);
  for (const n of idx.nameWords) if (n.length >= MIN_LENGTH) consider(n);
  for (const p of idx.placeWords) if (p.length >= MIN_LENGTH) consider(p);
  // Two equally close words: no guess.
  return tie ? undefined : best;
}

/**
 * The text with its slips read as the words meant, and what was read as what. `inTitles` says
 * whether a word is in some action's title: such a word was meant ("inclusion" is not "inclusive").
 */
export async function correctSlips(text: string, idx: DirectoryIndex, inTitles: (word: string) => Promise<boolean>): Promise<{ text: string; corrections: Correction[] }> {
  const corrections: Correction[] = [];
  for (const m of text.matchAll(/[A-Za-z]{3,30}/g)) {
    const word = m[0].toLowerCase();
    const short = word.length < MIN_LENGTH;
    if ((short && !(word in SHORT_SLIPS)) || corrections.some((c) => c.typed === word) || corrections.length >= 3 || known(word, idx)) continue;
    // A capitalised word inside a sentence is a name ("next Leeds meeting"), not a slip.
    if (m.index > 0 && /^[A-Z][a-z]/.test(m[0])) continue;
    const read = short ? SHORT_SLIPS[word] : closest(word, idx);
    if (read && !(await inTitles(word))) corrections.push({ typed: word, read });
  }
  if (!corrections.length) return { text, corrections };
  const out = text.replace(/[A-Za-z]{3,30}/g, (typed) => corrections.find((c) => c.typed === typed.toLowerCase())?.read ?? typed);
  return { text: out, corrections };
}
