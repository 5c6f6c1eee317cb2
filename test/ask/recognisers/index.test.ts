// The order of the recognisers is the policy: these cases are decided by which one comes first.
import { describe, expect, it } from 'vitest';
import type { Intent } from '../../../src/ask/intent.js';
import { recognise, RECOGNISERS, type Recogniser } from '../../../src/ask/recognisers/index.js';
import { people } from '../support/directory.js';
import { question } from '../support/question.js';

const kindOf = (text: string) => recognise(question(text)).kind;

describe('the recogniser table', () => {
  it('names each recogniser once', () => {
    const names = RECOGNISERS.map(([name]) => name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('references beat names, names beat title words', () => {
    expect(recognise(question('Grace, who owns COM-06?'))).toMatchObject({ kind: 'action', refs: [{ ref: 'COM-06' }] });
    expect(kindOf('hello, who owns COM-06?')).toBe('action');
    expect(kindOf('EAH-R-0002 and COM-06')).toBe('request');
  });

  it('places and workstream questions come before lists', () => {
    expect(kindOf('when is the next Batley cluster meeting this month?')).toBe('meetings');
    expect(kindOf('how is WS3 doing?')).toBe('summary');
    expect(kindOf('what is overdue in WS3?')).toBe('list');
    expect(kindOf('who leads WS3?')).toBe('lead');
  });

  it('ends with "not understood" when nothing matches', () => {
    expect(recognise(question('the'))).toEqual({ kind: 'notUnderstood', words: [] });
  });

  it('a recogniser added to a table is tried in its place', () => {
    const afterMe: Recogniser = (q) => (q.words.has('rota') ? { kind: 'myRequests', assigned: true } : undefined);
    const table = [...RECOGNISERS];
    table.splice(table.findIndex(([name]) => name === 'myRequests'), 0, ['rota', afterMe]);
    const expected: Intent = { kind: 'myRequests', assigned: true };
    expect(recognise(question('what is on the rota?', people.gokafor), table)).toEqual(expected);
    expect(recognise(question('what is on the rota?', people.gokafor)).kind).not.toBe('myRequests');
  });
});
