import { describe, expect, it } from 'vitest';
import { actionList, changedActions, namedPerson, notUnderstood, titleSearch } from '../../../src/ask/recognisers/lists.js';
import { people } from '../support/directory.js';
import { question, variants } from '../support/question.js';

describe('lists of actions', () => {
  it('status words, however they are typed', () => {
    for (const v of variants("What's overdue?")) {
      expect(actionList(question(v)), v).toMatchObject({ kind: 'list', filter: { status: { overdue: true } }, count: false });
    }
  });

  it('owner, workstream, period, area, prefix and source combine', () => {
    expect(actionList(question("how many of Liam's actions are due next week?"))).toMatchObject({
      kind: 'list', count: true, filter: { owner: { key: 'lbyrne' }, period: { from: '2026-11-23' } },
    });
    expect(actionList(question('what is at risk in WS5 for EHC plans?'))).toMatchObject({ filter: { workstreams: [{ code: 'WS5' }], area: 'ehc_plans', status: { statuses: ['at_risk'] } } });
    expect(actionList(question('show me the RFM actions'))).toMatchObject({ filter: { refPrefix: 'RFM' } });
    expect(actionList(question('actions from the SEND reform plan'))).toMatchObject({ filter: { source: 'SEND reform plan 2026' } });
  });

  it('the asker\'s own actions, with the question restated for "show more"', () => {
    const i = actionList(question('What are my open actions? (all)', people.gokafor));
    expect(i).toMatchObject({ filter: { owner: { key: 'gokafor' }, ownerIsAsker: true }, paging: { all: true }, question: 'What are my open actions?' });
  });

  it('rankings by workstream or owner', () => {
    expect(actionList(question('which workstream has the most overdue actions'))).toMatchObject({ rankBy: 'workstream' });
    expect(actionList(question('who has the most overdue actions'))).toMatchObject({ rankBy: 'owner' });
  });

  it('words left over filter titles', () => {
    expect(actionList(question('overdue actions about the census'))).toMatchObject({ filter: { titleWords: ['census'] } });
  });

  it('is not a list without filters or list words', () => {
    expect(actionList(question('who is doing the newsletter?'))).toBeUndefined();
  });
});

describe('one action by words of its title', () => {
  it('singular questions with title words', () => {
    expect(titleSearch(question('who is doing the newsletter?'))).toEqual({ kind: 'actionSearch', words: ['newsletter'], aspects: ['owner'] });
    expect(titleSearch(question('is the Woodley rebuild on track?'))).toMatchObject({ kind: 'actionSearch', words: ['woodley', 'rebuild'] });
  });

  it('keeps the list as a fallback when filters were said too, and an owner to narrow the search', () => {
    const i = titleSearch(question("when is Grace's census extract due?"));
    expect(i).toMatchObject({ kind: 'actionSearch', words: ['census', 'extract'], ownerId: people.gokafor.id, fallback: { kind: 'list' } });
  });

  it('list questions are not title searches', () => {
    expect(titleSearch(question('how many census actions are overdue?'))).toBeUndefined();
    expect(titleSearch(question('what is overdue?'))).toBeUndefined();
  });
});

describe('the last resorts', () => {
  it('a name alone is about the person; anything else is not understood', () => {
    expect(namedPerson(question('Grace Okafor'))).toMatchObject({ kind: 'person', person: { key: 'gokafor' } });
    expect(namedPerson(question('blah'))).toBeUndefined();
    expect(notUnderstood(question('blah blah'))).toEqual({ kind: 'notUnderstood', words: ['blah'] });
  });
});

describe('"my workstream" in a list question', () => {
  it('is the workstreams the asker leads, whoever owns the actions', () => {
    for (const text of ['anything late in my workstream?', 'whats overdue in my ws', 'my workstreams at risk actions', 'r there any red ones in my work stream', 'what is due next week in the workstream i lead']) {
      const i = actionList(question(text, people.dpatel));
      expect(i, text).toMatchObject({ kind: 'list', filter: { workstreams: [{ code: 'WS5' }] } });
      expect((i as { filter: { owner?: unknown } }).filter.owner, text).toBeUndefined();
    }
    // Someone who leads nothing keeps their own actions.
    expect(actionList(question('anything late in my workstream?', people.oprice))).toMatchObject({ filter: { ownerIsAsker: true } });
  });
});

describe('what changed', () => {
  it('is actions with history in a window, whatever their due date or status', () => {
    expect(changedActions(question('what changed this week'))).toMatchObject({ kind: 'list', filter: { status: { all: true }, changed: { from: '2026-11-16', to: '2026-11-22' } } });
    const mine = changedActions(question("what's changed on my actions this week", people.oprice));
    expect(mine).toMatchObject({ filter: { ownerIsAsker: true, changed: { from: '2026-11-16' } } });
    expect((mine as { filter: { period?: unknown } }).filter.period).toBeUndefined();
    expect(changedActions(question('anything updated in ws1 since monday'))).toMatchObject({ filter: { workstreams: [{ code: 'WS1' }], changed: { from: '2026-11-16', to: '2026-11-22' } } });
    expect(changedActions(question('whats new in ws3?'))).toMatchObject({ filter: { changed: { from: '2026-11-16', to: '2026-11-22' } } });
    expect(changedActions(question('any changes last week?'))).toMatchObject({ filter: { changed: { from: '2026-11-09', to: '2026-11-15' } } });
    for (const text of ["which actions haven't been updated for ages", 'when was COM-06 last updated', 'who updated the newsletter action']) {
      expect(changedActions(question(text)), text).toBeUndefined();
    }
  });
});

