// Every disguise we know of is undone before any detector looks at the text, so detectors see one
// canonical form: NFKC folds full-width digits and letters, ligatures and compatibility forms;
// format characters (\p{Cf}: zero-width spaces and joiners, soft hyphens, direction marks) go;
// unusual spaces become plain spaces; curly apostrophes become straight ones; letters spelt out
// one by one ("J a c k  S m i t h", "J.A.C.K") are joined back into words. Case is kept (it is a
// signal where the writer used it) and every lookup folds it. The screen's messages never quote
// the text or a position in it, so no map back to the original offsets is needed.

import { forText, isAscii, textFacts } from './fast-regex.js';

const SPACES = /[\p{Zs}\t]/gu;
const FORMAT = /\p{Cf}/gu;
// A joiner or other format character between two letters may stand inside a word ("Ja\u200Dck") or
// where a space was ("Jack\u200DSmith"); screen.ts screens such text both ways.
// The same between digits ("754\u200B565\u200B-2754" is 754 565 -2754 to a reader).
const FORMAT_BETWEEN_LETTERS = /(?<=[\p{L}\p{Nd}])\p{Cf}+(?=[\p{L}\p{Nd}])/u;
const FORMAT_BETWEEN_LETTERS_ALL = /(?<=[\p{L}\p{Nd}])\p{Cf}+(?=[\p{L}\p{Nd}])/gu;

/** The text with each format character between two letters or digits read as a space; undefined when it has none. */
export function formatAsSpaces(text: string): string | undefined {
  if (isAscii(text) || !FORMAT_BETWEEN_LETTERS.test(text)) return undefined;
  return text.replace(FORMAT_BETWEEN_LETTERS_ALL, ' ');
}
const APOSTROPHES = /[\u2018\u2019\u02BC\u02B9\u0060\u00B4\u2032]/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;

// Three or more single letters, each followed by one separator of the same kind ("J a c k",
// "J.A.C.K", "W_E_I", "K . O . F . I": a mark with a space either side counts as one separator).
const SPELT_OUT = /(?<![\p{L}\p{N}])\p{L}(?:(?<sep> [.·_*-] |[ .·_*-])\p{L}(?![\p{L}\p{N}])){2,}(?:\k<sep>(?=\s|$)|[.·_*-](?=\s|$))?/gu;

// Digits spelt out one by one ("9 4 3  4 7 6"): single spaces go, wider gaps stay as group breaks.
const SPELT_DIGITS = /(?<![\p{L}\p{N}])\d(?: \d(?![\p{L}\p{N}])){2,}/gu;

// Cyrillic and Greek letters that look like Latin ones ("Оlivеr" with a Cyrillic О and е). NFKC
// leaves them alone; Unicode's confusables list is large (the npm packages for it carry ~1 MB of
// data), so this small table covers the letters that are indistinguishable in ordinary fonts. A
// letter is folded only inside a word that also holds Latin letters, so Russian or Greek text stays.
const HOMOGLYPHS: Record<string, string> = {
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T', 'Х': 'X',
  'У': 'Y', 'І': 'I', 'Ј': 'J', 'Ѕ': 'S', 'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x',
  'і': 'i', 'ј': 'j', 'ѕ': 's', 'һ': 'h', 'ԁ': 'd', 'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I',
  'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O', 'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'ο': 'o', 'ν': 'v', 'ι': 'i', 'α': 'a',
};
const MIXED_WORD = /(?=[\p{L}]*\p{Script=Latin})(?=[\p{L}]*[\p{Script=Cyrillic}\p{Script=Greek}])\p{L}+/gu;
const LOOKALIKE = /[\p{Script=Cyrillic}\p{Script=Greek}]/gu;

function foldHomoglyphs(text: string): string {
  if (!/[\u0370-\u04FF\u0500-\u052F]/u.test(text)) return text;
  return text.replace(MIXED_WORD, (word) => word.replace(LOOKALIKE, (ch) => HOMOGLYPHS[ch] ?? ch));
}

/** "JackSmith" from "J a c k S m i t h": split again where a capital follows a small letter. */
function joinLetters(run: string): string {
  const letters = run.replace(/[^\p{L}]/gu, '');
  // Spelt out in capitals ("W_E_I", "K . O . F . I") is a word written as a name, not an acronym.
  if (letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return letters.charAt(0) + letters.slice(1).toLowerCase();
  return letters.replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ');
}

export function normaliseForScreen(text: string): string {
  const ascii = isAscii(text);
  return undoSpelling(ascii ? asciiForms(text) : unicodeForms(text), ascii);
}

// Curly double quotes and the pound sign are common in text pasted from documents; every detector
// treats them exactly as it treats '"' and '$' (sentence breaks; a currency before a number), so
// they become those, and such text can take the quicker ASCII way (fast-regex.ts).
const DOUBLE_QUOTES = /[\u201C\u201D]/gu;

// A format character between a small letter and a capital ("Jack\u200DSmith") stood for a space.
const FORMAT_AT_WORD_START = /(?<=\p{Ll})\p{Cf}+(?=\p{Lu})/gu;

// A right-to-left override shows the letters after it in reverse ("\u202EaileD\u202C" reads "Delia"):
// the text is screened as it reads.
const OVERRIDDEN = /\u202E([^\u202A-\u202E\u2066-\u2069]*)(?:\u202C|$)/gu;
const reversed = (_: string, run: string): string => Array.from(run).reverse().join('');

// Digits of other scripts ("٤٦٢٩٩٨٦٤٩٩", Arabic-Indic; Devanagari, Bengali …): NFKC keeps them, a
// reader does not. Unicode lays out each script's ten digits in a row from zero, so a digit's
// value is its distance from the first digit of its row.
const OTHER_DIGITS = /(?![0-9])\p{Nd}/gu;
const DIGIT = /^\p{Nd}$/u;
function asciiDigit(d: string): string {
  const at = d.codePointAt(0) as number;
  let zero = at;
  while (at - zero < 9 && DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
  return String(at - zero);
}

// Combining marks left after a Latin letter once NFKC has composed what it can ("Z̲o̲f̲i̲a̲",
// underlined or struck through letter by letter) decorate the word; a reader reads the letters.
// Accented letters ("Zoë") are composed by then, and other scripts' marks follow their own letters.
const LEFT_MARKS = /(?<=[A-Za-z])\p{Mn}+/gu;

function unicodeForms(text: string): string {
  const shown = text.includes('\u202E') ? text.replace(OVERRIDDEN, reversed) : text;
  return foldHomoglyphs(shown.normalize('NFKC').replace(LEFT_MARKS, '').replace(OTHER_DIGITS, asciiDigit).replace(FORMAT_AT_WORD_START, ' ').replace(FORMAT, ''))
    .replace(SPACES, ' ')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(DOUBLE_QUOTES, '"')
    .replace(/£/gu, '$');
}

/**
 * unicodeForms for ASCII text, which NFKC, format characters, look-alikes and dashes leave as it
 * is: of the characters replaced there, only the tab and the backtick are ASCII.
 */
function asciiForms(text: string): string {
  let out = text;
  if (out.includes('\t')) out = out.replace(/\t/g, ' ');
  if (out.includes('`')) out = out.replace(/`/g, "'");
  return out;
}

// textFacts says, from its one pass, when ASCII text holds nothing either pattern could match.
function undoSpelling(text: string, ascii: boolean): string {
  const facts = textFacts(text);
  const letters = !ascii || facts.spelt ? text.replace(forText(SPELT_OUT, ascii), joinLetters) : text;
  if (!textFacts(letters).spacedDigits) return letters;
  return letters.replace(forText(SPELT_DIGITS, ascii), (run) => run.replace(/ /gu, ''));
}

// Figures standing for letters inside a word ("L1ly-R0se", "Ja5on"): a figure between a letter and
// a small letter. Year groups and classes keep their figures ("Y4B", "4b", "KS2").
const LEET = /(?<=\p{L})[013457](?=\p{Ll})/gu;
const LEET_LETTERS: Record<string, string> = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', 7: 't' };

/** The text with figures inside words read as the letters they stand for; undefined when it has none. */
export function figuresAsLetters(text: string): string | undefined {
  // Full-width figures and joiners inside the word ("Ｌ１ｌｙ") are folded first, as the screen folds them.
  const folded = isAscii(text) ? text : text.normalize('NFKC').replace(FORMAT, '');
  LEET.lastIndex = 0;
  if (!LEET.test(folded)) return undefined;
  return folded.replace(LEET, (d) => LEET_LETTERS[d] ?? d);
}

/** Mostly capitals: the writer's capital letters say nothing about which words are names. */
export function isShouted(text: string): boolean {
  const { upper, lower } = textFacts(text);
  return upper > 8 && upper > lower * 2;
}
