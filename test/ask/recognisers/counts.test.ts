import { describe, expect, it } from 'vitest';
import { howMany } from '../../../src/ask/recognisers/counts.js';
import { question } from '../support/question.js';

describe('how many people, workstreams, schools…', () => {
  it('counts of the directory, with their synonyms', () => {
    expect(howMany(question('how many people are in the plan?'))).toEqual({ kind: 'howMany', what: 'people' });
    expect(howMany(question('How many owners are there'))).toEqual({ kind: 'howMany', what: 'people' });
    expect(howMany(question('how many schools are there?'))).toEqual({ kind: 'howMany', what: 'settings' });
    expect(howMany(question('how many work streams'))).toEqual({ kind: 'howMany', what: 'workstreams' });
    expect(howMany(question('HOW MANY SENCOS?'))).toEqual({ kind: 'howMany', what: 'sencos' });
  });

  it('counts of actions are lists, not directory counts', () => {
    expect(howMany(question('how many actions are overdue?'))).toBeUndefined();
  });
});
