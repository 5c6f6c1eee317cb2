// Regular-expression building blocks for context cues. Every cue matches in any case ("PUPIL
// CALLED", "pupil called"): the text has been normalised, and the captured word is judged by
// isCandidateName, which knows whether the writer capitalised it.
import { allMatches, asciiOnly, asciiStandIn, forText, holdsOneOf, isAscii, mayMatch } from './fast-regex.js';

/** "young person" → "young\s+person" (or another separator); the 'i' flag on every cue does the case folding. */
export function oneOf(words: readonly string[], between = '\\s+'): string {
  return `(?:${words.map((w) => w.replace(/ /g, between)).join('|')})`;
}

/** A word, possibly hyphenated or with an apostrophe ("Lily-Mae", "O'Connor"), captured as the name. */
export const NAME = String.raw`(?<![\p{L}'-])(?<name>\p{L}+(?:['-]\p{L}+)*)`;

/** One to twenty in words. */
export const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/** An age a child or young person might have: 1–25 in figures or 1–20 in words. */
export const AGE = String.raw`(?:(?<![\d.])(?:[1-9]|1\d|2[0-5])(?![\d.]\d)|\b${oneOf(NUMBER_WORDS)}\b)`;

const YEAR_NUMBER_WORDS = NUMBER_WORDS.slice(0, 13);

/**
 * Year groups and classes as schools write them: "Year 5", "Yr 5", "Y5", "year5", "Y4B", "year
 * six", Reception; a class or form by its code ("4B", "10R", "class 5A", "form 9X"; not "3D" or
 * "2D", which are shapes); Scotland's primary years ("P7"), which families moving here still use.
 */
export const YEAR_GROUP = String.raw`(?:(?:years?|yrs?|y)\s*-?\s*(?:[1-9]|1[0-4])[a-z]?\b|(?:years?|yrs?)\s+${oneOf(YEAR_NUMBER_WORDS)}\b|(?<![\p{L}\d])p[1-7]\b|(?:class|form|tutor\s+group)\s*-?\s*(?:[1-9]|1[0-4])[a-z]{0,2}\b|(?<![\p{L}\d.,:/£$])(?:[1-9]|1[0-3])(?!d\b)[a-z]\b|reception\b|nursery\b|YR\b|EYFS\b)`;

/** Builds a global, Unicode, case-blind, index-reporting regular expression. */
export function cue(source: string): RegExp {
  return new RegExp(source, 'giud');
}

export const NUMBER_WORD = oneOf(NUMBER_WORDS);

/**
 * Matches of `pattern` near matches of the cheap `gate`, with indices into the whole text. Cue
 * patterns that start with a name would otherwise be tried at every character of every text; the
 * gate ("called", "(Year", "aged") is rare, so most texts cost one quick scan per cue. Each window
 * starts and ends between words, so look-behinds and word boundaries see what they would see.
 * needs: lower-case words of which the gate cannot match without one (a quicker test still).
 */
export function matchNear(text: string, cuePattern: RegExp, cueGate: RegExp, needs?: readonly string[], reach = 60): RegExpExecArray[] {
  const ascii = isAscii(text);
  // Text beyond ASCII: the gate's ASCII twin runs on a stand-in of the same length (asciiStandIn).
  const standIn = !ascii && asciiOnly(cueGate) ? asciiStandIn(text) : undefined;
  if (standIn ? !holdsOneOf(standIn.lower, needs) : !mayMatch(text, needs)) return [];
  const pattern = forText(cuePattern, ascii);
  const gates = standIn ? allMatches(forText(cueGate, true), standIn.text) : allMatches(forText(cueGate, ascii), text);
  if (gates.length === 0) return [];
  const windows: [number, number][] = [];
  for (const g of gates) {
    const at = g.index ?? 0;
    let start = Math.max(0, at - reach);
    while (start > 0 && inWord(text, start - 1)) start--;
    let end = Math.min(text.length, at + g[0].length + reach);
    while (end < text.length && inWord(text, end)) end++;
    const last = windows[windows.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else windows.push([start, end]);
  }
  // A short text is often one window from end to end: matched as it is, with nothing to shift.
  const only = windows.length === 1 ? windows[0] : undefined;
  if (only && only[0] === 0 && only[1] === text.length) return allMatches(pattern, text);
  const out: RegExpExecArray[] = [];
  for (const [start, end] of windows) {
    for (const m of allMatches(pattern, text.slice(start, end))) {
      m.index = (m.index ?? 0) + start;
      const groups = m.indices?.groups;
      if (groups) for (const k of Object.keys(groups)) { const g = groups[k]; if (g) groups[k] = [g[0] + start, g[1] + start]; }
      out.push(m);
    }
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}'.-]/u;

/** A letter, a digit, an apostrophe, a full stop or a hyphen: ASCII by its code, the rest by WORD_CHAR. */
function inWord(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 128) return WORD_CHAR.test(text.charAt(i));
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 39 || c === 46 || c === 45;
}

/** A gate regular expression: global, Unicode, case-blind. */
export function gate(source: string): RegExp {
  return new RegExp(source, 'giu');
}
