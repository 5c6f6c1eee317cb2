// chrono is only given texts that may hold a day (mayHoldDay): a text it would have read a day in
// must never be held back. Checked against every question the project keeps and against generated
// date phrases in many spellings, each inside ordinary question words.
import fs from 'node:fs';
import path from 'node:path';
import * as chrono from 'chrono-node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldDay } from '../../src/ask/when/chrono-dates.js';

const reference = { instant: new Date('2026-11-22T12:00:00Z'), timezone: 'Europe/London' };

/** Whether chrono reads a day (a certain day of the month or weekday) anywhere in the text. */
function chronoReadsDay(text: string): boolean {
  return chrono.en.GB.parse(text, reference, { forwardDate: true })
    .some((r) => r.start.isCertain('day') || r.start.isCertain('weekday'));
}

function keptQuestions(): string[] {
  const dir = path.join(import.meta.dirname);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
    .filter((l) => l.trim() && !l.startsWith('//'))
    .map((l) => (JSON.parse(l) as { text: string }).text);
}

const DAYS = ['monday', 'Tues', 'wed.', 'THURS', 'thur', 'fri', 'Sat', 'sunday', 'today', 'Tomorrow', 'tmrw', 'tmr', 'yesterday',
  'tonight', 'overmorrow', 'last night', 'now', 'noon', 'midnight', 'this morning', 'next week', 'last month', 'in 3 days',
  'in two weeks', 'a week ago', 'within a fortnight', 'end of the month', 'the 4th', '4/12', '04/12/2026', '2026-12-04',
  '3rd of dec', 'the first of March', 'Sept 9', 'jan 2027', '12 noon', 'next friday', 'this sat', 'a fortnight today',
  'two days later', 'in a couple of days', 'the day after tomorrow', 'by the end of next week', '5pm on the 9th'];
const AROUND = ['', "what's due ", 'anything for me ', 'who owns com-6 ', 'is there a cluster meeting ', 'overdue actions '];

describe('which texts chrono is given', () => {
  it('holds back no kept question that chrono reads a day in', () => {
    const missed = keptQuestions().filter((t) => chronoReadsDay(t) && !mayHoldDay(t));
    expect(missed).toEqual([]);
  });

  it('holds back no generated date phrase, in any case or place', () => {
    fc.assert(fc.property(fc.constantFrom(...AROUND), fc.constantFrom(...DAYS), fc.constantFrom('', '?', ' please', ' pls'),
      fc.constantFrom('lower', 'upper', 'as is'), (before, day, after, kase) => {
        const raw = `${before}${day}${after}`;
        const text = kase === 'lower' ? raw.toLowerCase() : kase === 'upper' ? raw.toUpperCase() : raw;
        expect(!chronoReadsDay(text) || mayHoldDay(text), text).toBe(true);
      }), { numRuns: 2_000 });
  });

  it('holds back most questions that hold no day, which is what makes it worth having', () => {
    const plain = ['who owns com six', 'what is overdue', 'show me the parent carer forum actions', 'who leads the ehc plans workstream',
      'help', 'thanks', 'who is the dco', 'which experts are there', 'list the clusters'];
    expect(plain.filter(mayHoldDay)).toEqual([]);
  });
});
