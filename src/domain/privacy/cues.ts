// Regular-expression building blocks for context cues. Every cue matches in any case ("PUPIL
// CALLED", "pupil called"): the text has been normalised, and the captured word is judged by
// isCandidateName, which knows whether the writer capitalised it.

/** "young person" → "young\s+person"; the 'i' flag on every cue does the case folding. */
export function oneOf(words: readonly string[]): string {
  return `(?:${words.map((w) => w.replace(/ /g, '\\s+')).join('|')})`;
}

/** A word, possibly hyphenated or with an apostrophe ("Lily-Mae", "O'Connor"), captured as the name. */
export const NAME = String.raw`(?<![\p{L}'-])(?<name>\p{L}+(?:['-]\p{L}+)*)`;

const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/** An age a child or young person might have: 1–25 in figures or 1–20 in words. */
export const AGE = String.raw`(?:(?<![\d.])(?:[1-9]|1\d|2[0-5])(?![\d.]\d)|\b${oneOf(NUMBER_WORDS)}\b)`;

/** Year groups as schools write them: "Year 5", "Yr 5", "Y5", "year5", and Reception. */
export const YEAR_GROUP = String.raw`(?:(?:years?|yrs?|y)\s*-?\s*(?:[1-9]|1[0-4])\b|reception\b|nursery\b|YR\b|EYFS\b)`;

/** Builds a global, Unicode, case-blind, index-reporting regular expression. */
export function cue(source: string): RegExp {
  return new RegExp(source, 'giud');
}
