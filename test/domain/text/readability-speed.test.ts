// The reading grade counts words with a regular expression in place of ICU's word segmenter (36
// times faster; an import grades every title and update). It must count what the segmenter
// counts: the tricky joins one by one, and over every text of the demo plan the grade must agree
// with a count made by the segmenter itself to within 0.1.
import fs from 'node:fs';
import path from 'node:path';
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { describe, expect, it } from 'vitest';
import { readingLevel } from '../../../src/domain/text/readability.js';
import { DEMO_DATA_DIR } from '../../../src/importer/demo-data.js';
import { plainWarnings, LISTED_WARNINGS } from '../../../src/importer/glossary.js';

const SENTENCES = new Intl.Segmenter('en-GB', { granularity: 'sentence' });
const WORDS = new Intl.Segmenter('en-GB', { granularity: 'word' });

/** The grade as the segmenter alone would give it. */
function bySegmenter(text: string): { words: number; sentences: number; grade: number } {
  let sentences = 0, words = 0, syllables = 0;
  for (const { segment } of SENTENCES.segment(text)) {
    const found = [...WORDS.segment(segment)].filter((w) => w.isWordLike).map((w) => w.segment);
    if (found.length === 0) continue;
    sentences++;
    words += found.length;
    for (const w of found) syllables += Math.max(1, syllable(w));
  }
  const grade = words === 0 ? 0 : Math.round(fleschKincaid({ sentence: sentences, word: words, syllable: syllables }) * 10) / 10;
  return { words, sentences, grade };
}

describe('counting words and sentences', () => {
  it.each([
    "We don't know yet.", 'Use e.g. a visual timetable', 'A 3.5 hour session', 'About 1,000 families',
    'In 2026-27 the plan', 'WS1 and COM-06 are late', 'Café staff at Lily-Mae’s school', 'Ratio 3:1 or time 10:30',
    'Done. Next step: agree it! Then? Report back', 'Line one\nLine two', '   ', '', 'Ends with a stop.',
    'Ask Dr. Patel about it', 'Costs £2,500.50 in total', '«quoted» words — and dashes',
  ])('counts %j as the segmenter does', (text) => {
    const fast = readingLevel([text]);
    const slow = bySegmenter(text);
    expect({ words: fast.words, sentences: fast.sentences }).toEqual({ words: slow.words, sentences: slow.sentences });
    expect(fast.grade).toBe(slow.grade);
  });

  it('agrees with the segmenter to within 0.1 of a grade over every text of the demo plan', () => {
    const texts = fs.readdirSync(DEMO_DATA_DIR).filter((f) => f.endsWith('.csv'))
      .flatMap((f) => fs.readFileSync(path.join(DEMO_DATA_DIR, f), 'utf8').split('\n'));
    expect(texts.length).toBeGreaterThan(100);
    const off = texts.filter((t) => Math.abs(readingLevel([t]).grade - bySegmenter(t).grade) > 0.1);
    expect(off).toEqual([]);
  });
});

describe('plain-language warnings of an import', () => {
  const HARD = 'Commission specialist capacity from special schools to deliver comprehensive multidisciplinary interventions';
  const rows = (n: number, title: string) => ({
    'actions.csv': Array.from({ length: n }, (_, i) => ({ line: i + 2, row: { title, plain_title: null, last_update: null } })),
  });

  it('lists the first ones at file:line and counts the rest in one line', () => {
    const out = plainWarnings({ files: rows(100, HARD) } as never);
    expect(out).toHaveLength(LISTED_WARNINGS + 1);
    expect(out[0]).toMatch(/^actions\.csv:2: title reads at grade/);
    expect(out[LISTED_WARNINGS - 1]).toMatch(new RegExp(`^actions\\.csv:${LISTED_WARNINGS + 1}: `));
    expect(out.at(-1)).toBe(`actions.csv: ${100 - LISTED_WARNINGS} more texts read above grade 8 (the first ${LISTED_WARNINGS} are listed above)`);
  });

  it('checks a quarter of a million titles in a few seconds without running out of stack', () => {
    const started = performance.now();
    const out = plainWarnings({ files: rows(250_000, HARD) } as never);
    expect(out.at(-1)).toContain('249,980 more');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('says nothing of plain titles', () => {
    expect(plainWarnings({ files: rows(50, 'Meet the parents each term') } as never)).toEqual([]);
  });
});
