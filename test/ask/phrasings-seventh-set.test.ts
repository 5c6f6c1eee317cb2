// Classes of question that a seventh set of people's own phrasings found misread: each with
// phrasings of our own and a near miss that must keep its meaning.
import { describe, expect, it } from 'vitest';
import { answerGlossary } from '../../src/ask/answer-glossary.js';
import { indexDirectory } from '../../src/ask/directory.js';
import { understand, type Intent } from '../../src/ask/understand.js';
import { parsePeriod } from '../../src/ask/when/index.js';
import type { Person } from '../../src/domain/plan/types.js';
import { directory, people } from './support/directory.js';

const TODAY = '2026-11-22';
const idx = indexDirectory(directory());
const GLOSSARY = [
  { term: 'PCAN', meaning: 'Parents of Children with Additional Needs: the group for parents and carers' },
  { term: 'ICB', meaning: 'integrated care board: the NHS body that plans and pays for health care in the area' },
  { term: 'maturity pillar', meaning: 'one of the parts of the plan that the partnership scores itself on' },
  { term: 'cluster', meaning: 'a group of schools near each other that work together' },
];
const ask = (text: string, asker: Person | null = people.amorgan): Intent =>
  understand(text, { asker, today: TODAY, glossary: GLOSSARY.map((g) => g.term) }, idx);

describe('the partnership\'s glossary', () => {
  it.each([
    ['what does pcan stand for', 'PCAN'], ['wat does ICB mean', 'ICB'], ['What is a maturity pillar?', 'maturity pillar'],
    ['what are clusters', 'cluster'], ['define icb', 'ICB'], ['whats the meaning of PCAN', 'PCAN'],
  ])('%s', (text, term) => {
    expect(ask(text)).toEqual({ kind: 'glossary', term, known: true });
  });
  it('says so when the word is not in the glossary', () => {
    expect(ask('what does sendiass stand for')).toMatchObject({ kind: 'glossary', known: false });
    expect(answerGlossary(GLOSSARY, 'SENDIASS', false).text).toMatch(/not in the partnership's glossary/);
  });
  it('answers with the meaning, shown as text', () => {
    expect(answerGlossary(GLOSSARY, 'PCAN', true).text).toBe('PCAN means Parents of Children with Additional Needs: the group for parents and carers.');
    const shown = answerGlossary([{ term: 'X', meaning: '**bold** [link](https://evil.example)' }], 'X', true).text;
    expect(shown).toContain('\\*\\*bold\\*\\*');
    expect(shown).toContain('\\[link\\]');
  });
  it('leaves "what is overdue" and "what is WS5" alone', () => {
    expect(ask('what is overdue')).not.toMatchObject({ kind: 'glossary' });
    expect(ask('what is ws5')).not.toMatchObject({ kind: 'glossary' });
    expect(ask('what is experts at hand')).toMatchObject({ kind: 'expertsOverview' });
    expect(ask('what is the meaning of life?')).not.toMatchObject({ kind: 'glossary' });
    expect(ask('define happiness')).not.toMatchObject({ kind: 'glossary' });
  });
});

describe('words the seventh set used', () => {
  it('reads "not-started" with a hyphen as the status', () => {
    expect(ask('are there any not-started actions in ws2')).toMatchObject({ kind: 'list', filter: { status: { statuses: ['not_started'] } } });
  });
  it.each(['areas for improvement list', 'list of areas for improvement', 'the four areas for improvement'])('%s: the areas', (text) => {
    expect(ask(text)).toEqual({ kind: 'areas' });
  });
  it('takes "our next cluster meeting" as the asker\'s cluster', () => {
    expect(ask('when is our next cluster meeting', people.eclarke)).toMatchObject({ kind: 'meetings', mine: true });
  });
});

describe('a quarter of a named financial year', () => {
  it.each([
    ["what's due in the first quarter of the next financial year?", '2027-04-01', '2027-06-30'],
    ['anything due in q3 of this financial year', '2026-10-01', '2026-12-31'],
    ['due in the last quarter of this financial year', '2027-01-01', '2027-03-31'],
  ])('%s', (text, from, to) => {
    expect(parsePeriod(text, TODAY)).toMatchObject({ from, to });
  });
  it('leaves nothing of it as title words, and keeps the whole year and "next quarter" as they were', () => {
    const i = ask("what's due in the first quarter of the next financial year?");
    expect(i).toMatchObject({ kind: 'list', filter: { period: { from: '2027-04-01', to: '2027-06-30' } } });
    expect(i).not.toHaveProperty('filter.titleWords');
    expect(parsePeriod('what is due next financial year', TODAY)).toMatchObject({ from: '2027-04-01', to: '2028-03-31' });
    expect(parsePeriod('due next quarter', TODAY)).toMatchObject({ from: '2027-01-01', to: '2027-03-31' });
  });
});
