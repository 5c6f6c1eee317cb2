import { describe, expect, it } from 'vitest';
import { directoryList, howMany } from '../../../src/ask/recognisers/counts.js';
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

describe('lists of the directory and of one role', () => {
  it('are asked for in many ways', () => {
    const cases: [string, string][] = [
      ['Who are the admins?', 'admins'], ['who are the SENCOs', 'sencos'], ['list the sencos pls', 'sencos'], ['whos the admins', 'admins'],
      ['show me all the workstream leads', 'leads'], ['who are our action owners?', 'owners'], ['SENCOs?', 'sencos'],
      ['list all the schools', 'settings'], ['who are all the people in the plan', 'people'],
    ];
    for (const [text, what] of cases) expect(directoryList(question(text)), text).toEqual({ kind: 'directoryList', what });
  });

  it('leave questions about actions, and bare words too short to be sure of', () => {
    for (const text of ['who are the owners of DAT-02', 'leads', 'owners', 'who leads WS3', 'what are the sencos asking for']) {
      expect(directoryList(question(text)), text).toBeUndefined();
    }
  });
});
