// Every disguise we know of is undone before any detector looks at the text, so detectors see one
// canonical form: NFKC folds full-width digits and letters, ligatures and compatibility forms;
// format characters (\p{Cf}: zero-width spaces and joiners, soft hyphens, direction marks) go;
// unusual spaces become plain spaces; curly apostrophes become straight ones; letters spelt out
// one by one ("J a c k  S m i t h", "J.A.C.K") are joined back into words. Case is kept (it is a
// signal where the writer used it) and every lookup folds it. The screen's messages never quote
// the text or a position in it, so no map back to the original offsets is needed.

const SPACES = /[\p{Zs}\t]/gu;
const FORMAT = /\p{Cf}/gu;
const APOSTROPHES = /[\u2018\u2019\u02BC\u02B9\u0060\u00B4\u2032]/gu;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;

// Three or more single letters, each followed by one separator of the same kind.
const SPELT_OUT = /(?<![\p{L}\p{N}])\p{L}(?:(?<sep>[ .·_*-])\p{L}(?![\p{L}\p{N}])){2,}(?:\k<sep>(?=\s|$))?/gu;

// Digits spelt out one by one ("9 4 3  4 7 6"): single spaces go, wider gaps stay as group breaks.
const SPELT_DIGITS = /(?<![\p{L}\p{N}])\d(?: \d(?![\p{L}\p{N}])){2,}/gu;

/** "JackSmith" from "J a c k S m i t h": split again where a capital follows a small letter. */
function joinLetters(run: string): string {
  const letters = run.replace(/[^\p{L}]/gu, '');
  return letters.replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ');
}

export function normaliseForScreen(text: string): string {
  return text
    .normalize('NFKC')
    .replace(FORMAT, '')
    .replace(SPACES, ' ')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(SPELT_OUT, joinLetters)
    .replace(SPELT_DIGITS, (run) => run.replace(/ /gu, ''));
}

/** Mostly capitals: the writer's capital letters say nothing about which words are names. */
export function isShouted(text: string): boolean {
  let upper = 0;
  let lower = 0;
  for (const ch of text) {
    if (ch >= 'A' && ch <= 'Z') upper++;
    else if (ch >= 'a' && ch <= 'z') lower++;
  }
  return upper > 8 && upper > lower * 2;
}
