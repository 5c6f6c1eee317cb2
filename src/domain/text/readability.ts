// How hard a text is to read: the Flesch–Kincaid grade (a US school grade; 6 is about age 11,
// 8 about age 13). Sentences and words are found by the runtime's own segmenter (Intl.Segmenter,
// from ICU) where a block has a sentence break inside it; syllables are counted by the `syllable` package and the formula is the
// `flesch-kincaid` package's. A page is read as blocks: a heading, a list item, a table row or a
// paragraph ends a sentence even without a full stop, as a reader takes it.
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

export interface ReadingLevel {
  /** The Flesch–Kincaid grade, to one decimal place (0 for a text with no words). */
  grade: number;
  sentences: number;
  words: number;
  syllables: number;
}

/** Above this grade a title or an update is worth saying more plainly (about age 13). */
export const PLAIN_GRADE = 8;

const SENTENCES = new Intl.Segmenter('en-GB', { granularity: 'sentence' });

// Words as ICU's word segmenter finds them (its word-like segments), by a regular expression:
// letters, marks, digits and joiners, held together by an apostrophe, a full stop or a colon
// between letters ("don't", "e.g") and by a full stop or comma between digits ("3.5", "1,000").
// The segmenter costs about 15 µs a title; an import checks every title and update of a plan,
// a million of each at the largest, so the check must cost little per text.
const WORDS = /[\p{L}\p{M}\p{N}_]+(?:(?:['’.:](?=[\p{L}\p{M}])|[.,](?<=\p{N}[.,])(?=\p{N}))[\p{L}\p{M}\p{N}_]+)*/gu;
// A break inside a block (not only at its end) sends the block to the sentence segmenter.
const INNER_BREAK = /[.!?…\n\r\u0085\u2028\u2029]\s*\S/u;

// Plans repeat their words; the syllable count is the costly part, so it is kept per word,
// within bounds so that a long-running process does not grow with every new word.
const SYLLABLES = new Map<string, number>();
const SYLLABLE_CACHE_LIMIT = 50_000;
/** A number or a code reads as at least one syllable (the package counts none in "2026"). */
function syllablesOf(word: string): number {
  let n = SYLLABLES.get(word);
  if (n === undefined) {
    n = Math.max(1, syllable(word));
    if (SYLLABLES.size >= SYLLABLE_CACHE_LIMIT) SYLLABLES.clear();
    SYLLABLES.set(word, n);
  }
  return n;
}

function sentencesOf(block: string): Iterable<string> {
  if (!INNER_BREAK.test(block)) return [block];
  return Array.from(SENTENCES.segment(block), (s) => s.segment);
}

export function readingLevel(blocks: readonly string[]): ReadingLevel {
  let sentences = 0;
  let words = 0;
  let syllables = 0;
  for (const block of blocks) {
    for (const segment of sentencesOf(block)) {
      const found = segment.match(WORDS) ?? [];
      if (found.length === 0) continue;
      sentences++;
      words += found.length;
      for (const w of found) syllables += syllablesOf(w);
    }
  }
  const grade = words === 0 ? 0 : Math.round(fleschKincaid({ sentence: sentences, word: words, syllable: syllables }) * 10) / 10;
  return { grade, sentences, words, syllables };
}

/** The grade of one text (a title, an update note). */
export function gradeOf(text: string): number {
  return readingLevel([text]).grade;
}

/** True when a text of more than a few words reads above PLAIN_GRADE (a two-word title cannot be judged). */
export function readsAbovePlain(text: string | null | undefined): boolean {
  if (!text) return false;
  const level = readingLevel([text]);
  return level.words >= 4 && level.grade > PLAIN_GRADE;
}

/** For the update card: a title above PLAIN_GRADE with no plain title beside it; null when it reads plainly. */
export function titleAdvice(title: string, plainTitle: string | null | undefined): string | null {
  if (plainTitle?.trim() || !readsAbovePlain(title)) return null;
  return `This title reads at grade ${gradeOf(title).toFixed(1)}, above ${PLAIN_GRADE}: hard going for many parents and young people. `
    + 'An admin can give it a plain title for the public pages (the plain_title column of actions.csv).';
}

/** After a save: a note above PLAIN_GRADE, with what helps; null when it reads plainly. */
export function noteAdvice(note: string | null | undefined): string | null {
  if (!note || !readsAbovePlain(note)) return null;
  return `Your note reads at grade ${gradeOf(note).toFixed(1)}, above ${PLAIN_GRADE}. It is on the public page as you wrote it: `
    + 'short sentences and everyday words help parents and young people read it.';
}
