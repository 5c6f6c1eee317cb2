// Small text helpers shared by the detectors: word tokens with positions, sentence starts (a
// capitalised word at the start of a sentence proves nothing about it being a name), and what the
// writer's capital letters can tell us.

import { allMatches, isAscii } from './fast-regex.js';

export interface Token {
  /** The word as written, e.g. "Oliver's". */
  text: string;
  /** Without a possessive ending: "Oliver". */
  base: string;
  /** base in lower case, for lookups. */
  lower: string;
  start: number;
  end: number;
}

// Letters (any script, with accents), joined by apostrophes or hyphens: "Mary-Jane", "O'Neil".
const WORD = /\p{L}+(?:['-]\p{L}+)*'?/gu;

/**
 * "Oliver's" → "Oliver", "KOFI'S" → "KOFI", "Jones'" → "Jones". Written out rather than as a
 * case-blind Unicode expression, which is slow per word: 's', 'S' and the long s (U+017F) are
 * exactly what such an expression's 's' matches.
 */
function withoutPossessive(word: string): string {
  const n = word.length;
  if (word.charCodeAt(n - 1) === 39) return word.slice(0, -1);
  const last = word.charAt(n - 1);
  if (n >= 2 && word.charCodeAt(n - 2) === 39 && (last === 's' || last === 'S' || last === '\u017F')) return word.slice(0, -2);
  return word;
}

function token(word: string, start: number): Token {
  const base = withoutPossessive(word);
  return { text: word, base, lower: base.toLowerCase(), start, end: start + word.length };
}

export function tokenize(text: string): Token[] {
  if (isAscii(text)) return tokenizeAscii(text);
  const tokens: Token[] = [];
  for (const m of allMatches(WORD, text)) tokens.push(token(m[0], m.index));
  return tokens;
}

const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** WORD, step by step, for ASCII text (where \p{L} is A–Z and a–z): the same tokens, faster. */
function tokenizeAscii(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(text.charCodeAt(i))) { i++; continue; }
    const start = i;
    while (i < n && isLetter(text.charCodeAt(i))) i++;
    // (?:['-]\p{L}+)*: a joiner counts only with a letter after it.
    for (let c = text.charCodeAt(i); (c === 39 || c === 45) && isLetter(text.charCodeAt(i + 1)); c = text.charCodeAt(i)) {
      i++;
      while (i < n && isLetter(text.charCodeAt(i))) i++;
    }
    if (text.charCodeAt(i) === 39) i++; // '?
    tokens.push(token(text.slice(start, i), start));
  }
  return tokens;
}

/** "Oliver" yes; "OLIVER", "oliver", "SEND" no. Capitalised like a name, not shouted like an acronym. */
export function isTitleCase(word: string): boolean {
  const c = word.charCodeAt(0);
  const d = word.charCodeAt(1);
  // ASCII first and second letters answer it at once; any other word takes the expressions.
  if (c < 128 && d < 128) return c >= 65 && c <= 90 && d >= 97 && d <= 122;
  return /^\p{Lu}\p{Ll}/u.test(word) && !/^\p{Lu}+$/u.test(word);
}

/** "ALI", "SEN", "AOB" in otherwise ordinary text: an acronym, not a name. */
export function isAcronym(word: string, shouted: boolean): boolean {
  if (shouted) return false;
  // "PfA", "DfE", "SaLT": a short word with a capital after a small letter is an acronym; names
  // with a capital inside ("McKay", "DeShawn") are longer.
  return (word.length <= 3 && /^\p{Lu}+$/u.test(word)) || (word.length <= 4 && /^\p{Lu}\p{L}*\p{Ll}\p{Lu}/u.test(word));
}

/** At least one space or tab, and nothing else (a comma too when allowed), between two tokens. */
export function joined(text: string, a: Token, b: Token, comma = false): boolean {
  for (let i = a.end; i < b.start; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && !(comma && c === 44)) return false;
  }
  return b.start > a.end;
}

/** The first and last token of the sentence holding token i: bounded by . ! ? ; or a new line between tokens. */
export function sentenceSpan(text: string, tokens: readonly Token[], i: number): { from: number; to: number } {
  const cut = (a: Token, b: Token) => /[.!?;\n]/u.test(text.slice(a.end, b.start));
  let from = i;
  while (from > 0 && !cut(tokens[from - 1]!, tokens[from]!)) from--;
  let to = i;
  while (to + 1 < tokens.length && !cut(tokens[to]!, tokens[to + 1]!)) to++;
  return { from, to };
}

const SENTENCE_BREAK = /[.!?:;•*\-–—"“”‘'([]/u;

/** True when nothing but a sentence break, a bullet, a quote or a new line comes before index. */
export function isSentenceStart(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const ch = text.charAt(i);
    if (ch === '\n' || ch === '\r') return true;
    if (ch === ' ' || ch === '\t') continue;
    // "J. Smith": a full stop after a lone capital is an initial, not the end of a sentence.
    if (ch === '.' && /(?:^|[^\p{L}])\p{Lu}$/u.test(text.slice(Math.max(0, i - 2), i))) return false;
    return SENTENCE_BREAK.test(ch);
  }
  return true;
}

/** What the position and capitals of a word say about it (capitals say nothing in shouted text). */
export function wordContext(text: string, index: number, word: string, shouted: boolean): { atSentenceStart: boolean; capitalised: boolean } {
  return { atSentenceStart: isSentenceStart(text, index), capitalised: !shouted && isTitleCase(word) };
}
