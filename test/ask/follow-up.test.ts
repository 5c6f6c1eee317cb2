// Follow-ups keep the previous question's scope, in the same conversation, for ten minutes.
import { describe, expect, it } from 'vitest';
import { ConversationMemory, continueIntent, FOLLOW_UP_MS, resolvePronouns } from '../../src/ask/follow-up.js';
import { recognise } from '../../src/ask/recognisers/index.js';
import { question } from './support/question.js';

const at = (ms: number) => new Date(Date.UTC(2026, 10, 22, 9) + ms);

describe('follow-up questions', () => {
  it('remembers a conversation for ten minutes, and only that conversation', () => {
    const memory = new ConversationMemory();
    const previous = recognise(question('who owns COM-06'));
    memory.remember('a', previous, at(0));
    expect(memory.recall('a', at(FOLLOW_UP_MS - 1000))).toEqual(previous);
    expect(memory.recall('a', at(FOLLOW_UP_MS + 1000))).toBeUndefined();
    expect(memory.recall('b', at(0))).toBeUndefined();
    expect(memory.recall(undefined, at(0))).toBeUndefined();
  });

  it('"it" is the previous action or workstream; a question with its own subject keeps it', () => {
    expect(resolvePronouns(question('when is that due?'), recognise(question('who owns com6')))).toBe('when is COM-06 due?');
    expect(resolvePronouns(question('who leads it?'), recognise(question('tell me about ws3')))).toMatch(/who leads WS3/i);
    expect(resolvePronouns(question('who owns DAT-04?'), recognise(question('who owns com6')))).toBeUndefined();
    expect(resolvePronouns(question('when is that due?'), undefined)).toBeUndefined();
  });

  it('"and WS7?" keeps the window and status of the list before; a full question starts afresh', () => {
    const previous = recognise(question("what's due in december?"));
    const q = question('and ws7?');
    const next = continueIntent(q, recognise(q), previous);
    expect(next).toMatchObject({ kind: 'list', filter: { period: { from: '2026-12-01', to: '2026-12-31' }, workstreams: [{ code: 'WS7' }] } });
    const full = question('what is overdue in ws7?');
    expect(continueIntent(full, recognise(full), previous)).toBeUndefined();
  });

  it('"show more", "next page", "the rest" after a list ask for its next slice; a question of its own does not', () => {
    const previous = recognise(question('what is open?'));
    for (const text of ['show more', 'more pls', 'next page', 'ok show me the rest', 'keep going', 'any more?']) {
      const q = question(text);
      expect(continueIntent(q, recognise(q), previous), text).toMatchObject({ kind: 'list', paging: { offset: 10, limit: 10, chosen: true, afterFirst: true } });
    }
    const five = recognise(question('first five overdue actions'));
    expect(five).toMatchObject({ kind: 'list', paging: { offset: 0, limit: 5, chosen: true } });
    const q = question('show more');
    expect(continueIntent(q, recognise(q), five)).toMatchObject({ paging: { offset: 5, limit: 10 } });
    const own = question('more overdue actions in ws3');
    expect(continueIntent(own, recognise(own), previous)).toBeUndefined();
  });
});

describe('follow-ups after a meeting', () => {
  it('"where is it?", "what time?", "what\'s on the agenda" keep the meeting asked about', () => {
    const previous = recognise(question('next batley meeting?'));
    for (const text of ['where is it?', 'whats on the agenda', 'what time does it start', 'is it on teams?', 'where']) {
      const q = question(text);
      expect(continueIntent(q, recognise(q), previous), text).toEqual(previous);
    }
    const other = question('when is the next dewsbury north meeting');
    expect(continueIntent(other, recognise(other), previous)).toBeUndefined();
  });
});

describe('a new meeting question after a meeting answer', () => {
  it('"when is the next meeting" asks afresh; "when is it?" keeps the meeting', () => {
    const previous = recognise(question('any cluster meetings this week'));
    const fresh = question('when is the next meeting');
    expect(continueIntent(fresh, recognise(fresh), previous)).toBeUndefined();
    const it2 = question('when is it?');
    expect(continueIntent(it2, recognise(it2), previous)).toEqual(previous);
  });
});
