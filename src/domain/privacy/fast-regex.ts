// Speed without a change of meaning (the screen runs on every imported row, see docs/PRIVACY.md).
// V8 runs a regular expression that has both the 'i' and the 'u' flag many times slower than one
// with either flag alone (about 1.1 µs against 0.05 µs for one test of `\bname\b` on a
// 120-character line, Node 20), and the screen runs some thirty such expressions on every text.
// On text that is all ASCII, Unicode mode and plain mode agree once each \p{…} class is written
// as its ASCII range: ASCII letters fold to ASCII letters in both, the only non-ASCII letters that
// fold onto ASCII ones (the Kelvin sign, the long s) cannot occur in ASCII text, and \s, \b, \d
// and "." see the same characters. So an expression gets a twin without 'u', used only when the
// text is all ASCII; any other text takes the original, exactly as before.

/**
 * What one pass over a text's characters can tell the detectors, so that each need not scan the
 * text again (or run an expression) to find it has nothing to look at. Counts are of ASCII
 * characters; \d never matches any other digit.
 */
export interface TextFacts {
  /** Printable ASCII, tab and line breaks only (other control characters take the slower way). */
  ascii: boolean;
  digits: number;
  upper: number;
  lower: number;
  /** An ASCII letter straight before a digit ("HD1", "y5"): a postcode's or a code's shape. */
  letterThenDigit: boolean;
  /** A lone letter, a separator, a lone letter ("J a c", "O.L"): letters spelt out (ASCII text). */
  spelt: boolean;
  /** A lone digit, a space, a lone digit ("9 4"): digits spelt out. */
  spacedDigits: boolean;
}

const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAlnum = (c: number): boolean => isAsciiLetter(c) || isAsciiDigit(c);
// The separators SPELT_OUT in normalise.ts allows between letters, as far as ASCII goes.
const isSpeltSeparator = (c: number): boolean => c === 32 || c === 46 || c === 95 || c === 42 || c === 45;

let lastText = '';
let lastFacts: TextFacts = { ascii: true, digits: 0, upper: 0, lower: 0, letterThenDigit: false, spelt: false, spacedDigits: false };

/** The facts of a text, from one loop over it (the answer for the last text is kept). */
export function textFacts(text: string): TextFacts {
  if (text === lastText) return lastFacts;
  const facts: TextFacts = { ascii: true, digits: 0, upper: 0, lower: 0, letterThenDigit: false, spelt: false, spacedDigits: false };
  const n = text.length;
  let prev = 32; // as if a space came before the text
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) facts.lower++;
    else if (c >= 65 && c <= 90) facts.upper++;
    else if (c >= 48 && c <= 57) {
      facts.digits++;
      if (isAsciiLetter(prev)) facts.letterThenDigit = true;
      // "9 4": this digit alone, a space, another alone.
      if (!isAlnum(prev) && text.charCodeAt(i + 1) === 32 && isAsciiDigit(text.charCodeAt(i + 2)) && !isAlnum(text.charCodeAt(i + 3))) facts.spacedDigits = true;
    } else if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c > 126) facts.ascii = false;
    if (isAsciiLetter(c) && !isAlnum(prev) && isSpeltSeparator(text.charCodeAt(i + 1)) && isAsciiLetter(text.charCodeAt(i + 2))
      && !isAlnum(text.charCodeAt(i + 3))) facts.spelt = true;
    // "K . O": a mark with a space either side.
    else if (isAsciiLetter(c) && !isAlnum(prev) && text.charCodeAt(i + 1) === 32 && isSpeltSeparator(text.charCodeAt(i + 2))
      && text.charCodeAt(i + 3) === 32 && isAsciiLetter(text.charCodeAt(i + 4)) && !isAlnum(text.charCodeAt(i + 5))) facts.spelt = true;
    prev = c;
  }
  lastText = text;
  lastFacts = facts;
  return facts;
}

/** True when text is plain ASCII as above (the answer for the last text is kept). */
export function isAscii(text: string): boolean {
  return textFacts(text).ascii;
}

// What each Unicode property class means on ASCII text: the ranges, for use inside a class.
const PROPERTY_RANGES: Record<string, string> = { L: 'A-Za-z', Lu: 'A-Z', Ll: 'a-z', N: '0-9' };

/** The source without Unicode property classes; throws on anything it cannot translate exactly. */
export function asciiSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (ch === '\\') {
      const next = source.charAt(i + 1);
      if (next === 'p' && source.charAt(i + 2) === '{') {
        const close = source.indexOf('}', i + 3);
        const ranges = PROPERTY_RANGES[source.slice(i + 3, close)];
        if (close < 0 || ranges === undefined) throw new Error(`no ASCII twin for ${source.slice(i, close + 1)}`);
        out += inClass ? ranges : `[${ranges}]`;
        i = close;
        continue;
      }
      if (next === 'P' || (next === 'u' && source.charAt(i + 2) === '{')) throw new Error(`no ASCII twin for \\${next}`);
      out += ch + next;
      i++;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}

let lastLowered = '';
let lastLower = '';

/**
 * False when an expression that needs one of these lower-case words cannot match: for ASCII text
 * only, where a case-blind match of an ASCII word is exactly a match in the lower-cased text.
 * Always true for other text, and when nothing is needed.
 */
export function mayMatch(text: string, needs: readonly string[] | undefined): boolean {
  if (!needs || needs.length === 0 || !isAscii(text)) return true;
  return holdsOneOf(lowered(text), needs);
}

/** Whether lower-cased ASCII text holds one of these words. */
export function holdsOneOf(lower: string, needs: readonly string[] | undefined): boolean {
  if (!needs || needs.length === 0) return true;
  const seen = pairsOf(lower);
  for (const word of needs) if (hasPairs(word, seen) && lower.includes(word)) return true;
  return false;
}

/**
 * How many times these words occur in lower-cased ASCII text, counting up to `enough` (words
 * inside others count too: "done" holds "one"). Absent words are ruled out by the pair table.
 */
export function countOccurrences(lower: string, words: readonly string[], enough: number): number {
  const seen = pairsOf(lower);
  let n = 0;
  for (const word of words) {
    if (!hasPairs(word, seen)) continue;
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) if (++n >= enough) return n;
  }
  return n;
}

export interface StandIn { text: string; lower: string }

let standInFor = '';
let lastStandIn: StandIn = { text: '', lower: '' };

/**
 * Text beyond ASCII with each character beyond ASCII replaced by '#' (line and paragraph
 * separators by a space): the same length, so the ASCII twin of a cue gate can find where the cue
 * words are, and the cue's own Unicode expression then runs near them on the real text. The twin
 * matches the stand-in wherever the gate matches the normalised text: no letter beyond ASCII
 * matches an ASCII letter case-blind once NFKC has folded the Kelvin sign and the long s; \b sees
 * such letters as non-word characters, as it sees '#'; and the gates use \p{L} only in
 * look-behinds that forbid a letter, which '#' lets through. Gates with characters beyond ASCII in
 * them ("7岁") keep the Unicode way (see asciiOnly).
 */
export function asciiStandIn(text: string): StandIn {
  if (text === standInFor) return lastStandIn;
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) continue;
    out += text.slice(from, i) + (c === 0x2028 || c === 0x2029 ? ' ' : '#');
    from = i + 1;
  }
  out += text.slice(from);
  standInFor = text;
  lastStandIn = { text: out, lower: out.toLowerCase() };
  return lastStandIn;
}

const asciiSources = new WeakMap<RegExp, boolean>();

/** True when the expression's source is all ASCII. */
export function asciiOnly(pattern: RegExp): boolean {
  let answer = asciiSources.get(pattern);
  if (answer === undefined) {
    answer = ![...pattern.source].some((ch) => ch.charCodeAt(0) > 127);
    asciiSources.set(pattern, answer);
  }
  return answer;
}

// Which pairs of adjacent characters the last lower-cased text holds: a word can be in the text
// only if each of its pairs is, so most absent words are ruled out by a few table reads instead of
// a scan of the text each (the screen asks about some sixty words per text). The table is marked
// with a number per text, so it is never cleared.
const PAIRS = new Uint32Array(128 * 128);
let pairsText = '';
let pairsMark = 0;

function pairsOf(lower: string): Uint32Array {
  if (lower === pairsText && pairsMark > 0) return PAIRS;
  pairsText = lower;
  pairsMark = pairsMark >= 0xfffffffe ? 1 : pairsMark + 1;
  if (pairsMark === 1) PAIRS.fill(0);
  for (let i = 1; i < lower.length; i++) PAIRS[(lower.charCodeAt(i - 1) & 127) * 128 + (lower.charCodeAt(i) & 127)] = pairsMark;
  return PAIRS;
}

function hasPairs(word: string, seen: Uint32Array): boolean {
  for (let i = 1; i < word.length; i++) if (seen[(word.charCodeAt(i - 1) & 127) * 128 + (word.charCodeAt(i) & 127)] !== pairsMark) return false;
  return true;
}

/** text.toLowerCase(), kept for the last text (every quick word test of one text shares it). */
export function lowered(text: string): string {
  if (text !== lastLowered) {
    lastLowered = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/** How many of the characters 0–9 the text holds (\\d never matches any other digit). */
export function countDigits(text: string): number {
  return textFacts(text).digits;
}

const twins = new WeakMap<RegExp, RegExp>();

/** The expression to run on a text: its ASCII twin when the text is all ASCII. */
export function forText(pattern: RegExp, ascii: boolean): RegExp {
  if (!ascii || !pattern.unicode) return pattern;
  let twin = twins.get(pattern);
  if (!twin) {
    twin = new RegExp(asciiSource(pattern.source), pattern.flags.replace('u', ''));
    twins.set(pattern, twin);
  }
  return twin;
}

/**
 * What text.matchAll(pattern) gives, for a global expression, without the copy of the expression
 * that matchAll makes on every call. The matches are collected before returning, so the shared
 * expression's lastIndex is never seen half-way by anyone else.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    out.push(m);
    if (m[0] === '') pattern.lastIndex = nextIndex(text, pattern.lastIndex, pattern.unicode);
  }
  pattern.lastIndex = 0;
  return out;
}

/** Past an empty match: one code unit, or one code point in Unicode mode (as matchAll does). */
function nextIndex(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const c = text.charCodeAt(index);
  const d = text.charCodeAt(index + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}
