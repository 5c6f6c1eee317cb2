import { describe, expect, it } from 'vitest';
import { actionReference, requestReference, setStatus, unknownReference } from '../../../src/ask/recognisers/references.js';
import { question, variants } from '../support/question.js';

describe('references', () => {
  it('an action reference, however it is written, with what is asked about it', () => {
    for (const v of [...variants('Who owns COM-06?'), 'who owns com 6', 'who owns com06', 'who owns Com_6?']) {
      expect(actionReference(question(v)), v).toMatchObject({ kind: 'action', refs: [{ ref: 'COM-06' }], aspects: ['owner'] });
    }
    expect(actionReference(question('when is SUF-2 due and is DAT-1 late?'))).toMatchObject({ refs: [{ ref: 'SUF-02' }, { ref: 'DAT-01' }] });
  });

  it('at most five references are answered at once', () => {
    const i = actionReference(question('COM-1 COM-2 COM-3 COM-4 COM-5 COM-6 COM-7'));
    expect(i?.kind === 'action' && i.refs.length).toBe(5);
  });

  it('a request reference', () => {
    for (const v of ['EAH-R-0002', 'eah r 2', 'what is happening with EAH-R-2?']) {
      expect(requestReference(question(v)), v).toMatchObject({ kind: 'request', refs: [{ ref: 'EAH-R-0002' }] });
    }
  });

  it('something shaped like a reference the plan does not have', () => {
    expect(unknownReference(question('Who owns XYZ99?'))).toEqual({ kind: 'unknown', what: 'action', name: 'XYZ99' });
    expect(unknownReference(question('who owns xyz99?'))).toBeUndefined();
  });

  it('numbers in ordinary speech are not references', () => {
    for (const text of ['what is due in year 9', 'post-16 actions', 'what is overdue in ws 5', 'page 2', 'actions due in Q3']) {
      const q = question(text);
      expect([actionReference(q), requestReference(q), unknownReference(q)], text).toEqual([undefined, undefined, undefined]);
    }
  });
});

describe('a change of status in plain words', () => {
  it('"mark X as complete", "set X to at risk", "X is done" name the status; questions stay questions', () => {
    expect(setStatus(question('mark INC-02 as complete'))).toMatchObject({ kind: 'setStatus', ref: { ref: 'INC-02' }, status: 'complete' });
    expect(setStatus(question('set dat 3 to at risk'))).toMatchObject({ kind: 'setStatus', status: 'at_risk' });
    expect(setStatus(question('com3 is done'))).toMatchObject({ kind: 'setStatus', status: 'complete' });
    expect(setStatus(question('is com3 done?'))).toBeUndefined();
    expect(setStatus(question('who owns com3'))).toBeUndefined();
    expect(setStatus(question('set com3'))).toBeUndefined();
  });
});
