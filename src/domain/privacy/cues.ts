// Regular-expression building blocks for context cues. Lead words match with either a capital or
// a small first letter ("Pupil called", "pupil called"); a captured name must be capitalised.

/** "pupil" → "[Pp]upil"; spaces match any run of white space. */
function anyCase(word: string): string {
  const first = word.charAt(0);
  const rest = word.slice(1).replace(/ /g, '\\s+');
  return first.toLowerCase() === first.toUpperCase() ? word : `[${first.toUpperCase()}${first.toLowerCase()}]${rest}`;
}

export function oneOf(words: readonly string[]): string {
  return `(?:${words.map(anyCase).join('|')})`;
}

/** A capitalised word, possibly hyphenated or possessive, captured as the name to check. */
export const NAME = String.raw`(?<![\p{L}'’-])(?<name>\p{Lu}\p{Ll}[\p{L}]*(?:-\p{Lu}\p{Ll}+)?)`;

const NUMBER_WORDS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];

/** An age a child or young person might have: 1–25 in figures or 1–20 in words. */
export const AGE = String.raw`(?:(?<![\d.])(?:[1-9]|1\d|2[0-5])(?![\d.]\d)|\b${oneOf(NUMBER_WORDS)}\b)`;

/** Year groups as schools write them: "Year 5", "Yr 5", "Y5". */
export const YEAR_GROUP = String.raw`(?:Year|Yr|Y|year)\s*(?:[1-9]|1[0-4])\b`;

/** Builds a global, Unicode, index-reporting regular expression. */
export function cue(source: string): RegExp {
  return new RegExp(source, 'gud');
}
