// Plain language in the running text: each acronym spelt out the first time a sentence uses it,
// a workstream code followed by what it means, and nothing done twice or inside a label.
import { describe, expect, it } from 'vitest';
import { FirstUse, isAcronym, publicTitle, shortMeaning, termsUsed, fullGlossary } from '../../../src/domain/public/glossary.js';
import { gradeOf, noteAdvice, readsAbovePlain, titleAdvice } from '../../../src/domain/text/readability.js';

const TERMS = [
  { term: 'EHC', meaning: 'education, health and care' },
  { term: 'EHCP', meaning: 'education, health and care plan: a legal plan for a child' },
  { term: 'ICB', meaning: 'integrated care board: the NHS body that plans health care' },
  { term: 'PfA', meaning: 'preparing for adulthood' },
  { term: 'maturity pillar', meaning: 'one of the parts of the plan the partnership scores itself on' },
];
const WORKSTREAMS = [{ code: 'WS3', name: 'Data and Insight' }, { code: 'WS6', name: 'Preparing for Adulthood (PfA) and Post-16' }];

describe('spelling out on first use', () => {
  it('spells out "EHC plans" the first time and leaves the second use alone', () => {
    const first = new FirstUse(TERMS, WORKSTREAMS);
    expect(first.explain('How many EHC plans were issued on time?')).toBe('How many EHC (education, health and care) plans were issued on time?');
    expect(first.explain('More EHC plans are due next month.')).toBe('More EHC plans are due next month.');
  });

  it('reads "EHCPs" as EHCP, not EHC, and gives only the words before the colon in the sentence', () => {
    const first = new FirstUse(TERMS, WORKSTREAMS);
    expect(first.explain('We checked 50 EHCPs this term.')).toBe('We checked 50 EHCPs (education, health and care plan) this term.');
    expect(first.explain('The ICB agreed the plan.')).toBe('The ICB (integrated care board) agreed the plan.');
  });

  it('follows a workstream code with what it means, and not when the text says it already', () => {
    const first = new FirstUse(TERMS, WORKSTREAMS);
    expect(first.explain('Late actions in WS3 are listed below.')).toBe('Late actions in WS3, the Data and Insight workstream, are listed below.');
    const again = new FirstUse(TERMS, WORKSTREAMS);
    expect(again.explain('Part of WS3, the Data and Insight workstream.')).toBe('Part of WS3, the Data and Insight workstream.');
    expect(again.explain('Late actions in WS3 are listed below.')).toBe('Late actions in WS3 are listed below.');
  });

  it('spells out one term a sentence, leaving the others for their next use', () => {
    const first = new FirstUse(TERMS, WORKSTREAMS);
    expect(first.explain('The ICB and the EHC team met.')).toBe('The ICB (integrated care board) and the EHC team met.');
    expect(first.explain('The EHC team met again.')).toBe('The EHC (education, health and care) team met again.');
  });

  it('leaves a label of one or two words alone, and an acronym already given after its long form', () => {
    const first = new FirstUse(TERMS, WORKSTREAMS);
    expect(first.explain('EHC plans')).toBe('EHC plans');
    expect(first.explain('Preparing for Adulthood (PfA) and Post-16 work')).toBe('Preparing for Adulthood (PfA) and Post-16 work');
    expect(first.explain('Our PfA work goes on.')).toBe('Our PfA work goes on.');
  });

  it('shapes the added words for the page (escaping), never the text around them', () => {
    const first = new FirstUse([{ term: 'SEND', meaning: 'special <needs> & disabilities' }], []);
    expect(first.explain('The SEND team met today.', (m) => m.replace(/</g, '&lt;').replace(/>/g, '&gt;'))).toBe('The SEND (special &lt;needs&gt; & disabilities) team met today.');
  });

  it('does not read part of a word or another acronym as a term', () => {
    const first = new FirstUse([{ term: 'SEN', meaning: 'special educational needs' }, { term: 'EP', meaning: 'educational psychologist' }], []);
    expect(first.explain('The SEND team and the EPs of SENCOs met today.')).toBe('The SEND team and the EPs (educational psychologist) of SENCOs met today.');
  });
});

describe('the glossary and plain titles', () => {
  it('lists the workstreams first, then the terms a text uses, in any case for words', () => {
    const all = fullGlossary(TERMS, WORKSTREAMS);
    expect(all.slice(0, 2).map((e) => e.term)).toEqual(['WS3', 'WS6']);
    expect(termsUsed('WS3 rated its Maturity pillar; EHC plans', all).map((e) => e.term)).toEqual(['WS3', 'EHC', 'maturity pillar']);
  });

  it('knows an acronym, a short meaning and the title the public reads', () => {
    expect([isAcronym('EHC'), isAcronym('PfA'), isAcronym('DfE'), isAcronym('maturity pillar'), isAcronym('Local Offer'), isAcronym('OT')]).toEqual([true, true, true, false, false, true]);
    expect(shortMeaning('integrated care board: the NHS body')).toBe('integrated care board');
    expect(publicTitle({ title: 'Commission specialist capacity', plainTitle: 'Pay special schools to share staff' })).toBe('Pay special schools to share staff');
    expect(publicTitle({ title: 'Reduce waits', plainTitle: '  ' })).toBe('Reduce waits');
    expect(publicTitle({ title: 'Reduce waits' })).toBe('Reduce waits');
  });
});

describe('reading grade', () => {
  it('tells a plain sentence from a hard one, and does not judge two words', () => {
    expect(gradeOf('We want children to wait less for help.')).toBeLessThan(4);
    expect(readsAbovePlain('Recruit occupational therapy speech and language therapy and educational psychology capacity for clusters')).toBe(true);
    expect(readsAbovePlain('Cut the time children wait for a wheelchair')).toBe(false);
    expect(readsAbovePlain('Commissioning arrangements')).toBe(false);
    expect(readsAbovePlain(null)).toBe(false);
  });

  it('advises on a hard title only when it has no plain title, and on a hard note after saving', () => {
    const hard = 'Publish ordinarily available provision guidance for all settings';
    expect(titleAdvice(hard, null)).toMatch(/^This title reads at grade \d+\.\d, above 8: .*plain_title/);
    expect(titleAdvice(hard, 'Tell every school what help all children should get')).toBeNull();
    expect(titleAdvice('Cut the time children wait for a wheelchair', null)).toBeNull();
    expect(noteAdvice('Commissioning negotiations regarding multidisciplinary interventions continue satisfactorily.')).toMatch(/^Your note reads at grade \d+\.\d, above 8\. It is on the public page/);
    expect(noteAdvice('The venue is booked.')).toBeNull();
  });
});
