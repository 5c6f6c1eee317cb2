// Questions about outcome measures, as people ask them, and the questions they must leave alone.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../../src/ask/question.js';
import { measures } from '../../../src/ask/recognisers/measures.js';
import { recognise } from '../../../src/ask/recognisers/index.js';
import { people } from '../support/directory.js';
import { idx, TODAY, variants } from '../support/question.js';

const MEASURES = [
  { ref: 'EHC-20WK', name: 'EHC plans issued within 20 weeks' },
  { ref: 'WHEELCHAIR-WAIT', name: 'Average wait for a wheelchair assessment' },
  { ref: 'THERAPY-WAIT', name: 'Average wait for speech and language therapy' },
  { ref: 'CLUSTER-ATTEND', name: 'Schools at their cluster SENCO meeting' },
];
const ask = (text: string, list = MEASURES) => readQuestion(text, { asker: people.amorgan, today: TODAY, measures: list }, idx);

describe('measures', () => {
  it.each([
    ['how are wheelchair waits doing?', ['WHEELCHAIR-WAIT']],
    ['How are we doing on EHC plans?', ['EHC-20WK']],
    ["how's the therapy waiting time looking", ['THERAPY-WAIT']],
    ['what is the trend for speech and language therapy waits', ['THERAPY-WAIT']],
    ['are EHC plans in 20 weeks on course?', ['EHC-20WK']],
    ['how is attendance at cluster meetings?', ['CLUSTER-ATTEND']],
    ['latest figures on waits', ['WHEELCHAIR-WAIT', 'THERAPY-WAIT']],
  ])('%s', (text, refs) => {
    for (const v of variants(text)) expect(measures(ask(v)), v).toEqual({ kind: 'measures', refs });
  });

  it.each(['show the measures', 'Show me all the outcome measures', 'measures', 'what are our measures?', 'how are we doing against our targets?'])(
    'lists every measure for "%s"', (text) => {
      for (const v of variants(text)) expect(measures(ask(v)), v).toEqual({ kind: 'measures', refs: [] });
    });

  it.each([
    'who owns the wheelchair action?',
    'when is the wheelchair action due?',
    'how is WS5 doing?',
    'how are we doing?',
    'what is overdue in the EHC plans area?',
    'any update on the therapy waits action?',
    'wheelchair',
    "what's the latest on the backlog of needs assessments?",
    'how is the SEND reform plan going?',
  ])('leaves "%s" to others', (text) => {
    expect(measures(ask(text))).toBeUndefined();
  });

  it('names no measure when the plan has none, but still lists them when asked', () => {
    expect(measures(ask('how are wheelchair waits doing?', []))).toBeUndefined();
    expect(measures(ask('show the measures', []))).toEqual({ kind: 'measures', refs: [] });
  });

  it('comes before the plan summary in the table', () => {
    expect(recognise(ask('How are we doing on EHC plans?'))).toEqual({ kind: 'measures', refs: ['EHC-20WK'] });
    expect(recognise(ask('How are we doing?')).kind).toBe('planSummary');
  });
});
