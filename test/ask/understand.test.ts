import { describe, expect, it } from 'vitest';
import { indexDirectory } from '../../src/ask/directory.js';
import { detectAspects, mentionsSelf, parsePaging, understand, type Intent } from '../../src/ask/understand.js';
import type { Person } from '../../src/domain/plan/types.js';
import { directory, people, person } from './support/directory.js';

const TODAY = '2026-11-22';
const idx = indexDirectory(directory());
const ask = (text: string, asker: Person | null = people.amorgan, index = idx): Intent => understand(text, { asker, today: TODAY }, index);
const list = (text: string, asker: Person | null = people.amorgan) => {
  const i = ask(text, asker);
  if (i.kind !== 'list') throw new Error(`expected a list for "${text}", got ${JSON.stringify(i).slice(0, 300)}`);
  return i;
};

describe('understanding one action', () => {
  it('finds references and what is asked about them', () => {
    const i = ask('Who owns com 6?');
    expect(i.kind).toBe('action');
    if (i.kind === 'action') {
      expect(i.refs.map((r) => r.ref)).toEqual(['COM-06']);
      expect(i.aspects[0]).toBe('owner');
    }
    expect(detectAspects('when is com 6 due')).toContain('due');
    expect(detectAspects('any update on suf 2')).toContain('update');
    expect(detectAspects('how late is pfa 1')).toContain('late');
    expect(detectAspects('which workstream is ehc 1 in')).toContain('workstream');
    expect(detectAspects('tell me about suf 1')).toEqual([]);
  });

  it('looks for a title when a singular question names no reference', () => {
    const i = ask('who is doing the newsletter?');
    expect(i).toMatchObject({ kind: 'actionSearch', words: ['newsletter'], aspects: ['owner'] });
    const j = ask('When are the Local Offer Live events due');
    expect(j).toMatchObject({ kind: 'actionSearch', aspects: ['due'] });
    if (j.kind === 'actionSearch') expect(j.words).toEqual(expect.arrayContaining(['local', 'offer', 'event']));
    const k = ask('is the Woodley rebuild on track?');
    expect(k).toMatchObject({ kind: 'actionSearch', words: ['woodley', 'rebuild'] });
  });

  it('names an unknown reference', () => {
    expect(ask('who owns XYZ-99?')).toMatchObject({ kind: 'action' });
    expect(ask('Who owns XYZ99?')).toMatchObject({ kind: 'unknown', what: 'action', name: 'XYZ99' });
  });
});

describe('understanding lists', () => {
  it('reads status words', () => {
    expect(list("What's overdue?").filter.status.overdue).toBe(true);
    expect(list('Which actions are at risk?').filter.status.statuses).toEqual(['at_risk']);
    expect(list('anything off track?').filter.status.statuses).toEqual(['off_track']);
    expect(list("which actions haven't started yet").filter.status.statuses).toEqual(['not_started']);
    expect(list('what has been completed?').filter.status.statuses).toEqual(['complete']);
    expect(list('what is not complete').filter.status.open).toBe(true);
    expect(list('which are not on track').filter.status.statuses).toEqual(['at_risk', 'off_track']);
  });

  it('counts', () => {
    expect(list('how many actions are off track?').count).toBe(true);
    expect(list('number of overdue actions').count).toBe(true);
  });

  it('people by full name, first name, surname and possessive', () => {
    expect(list('What is Owen Price working on?').filter.owner?.name).toBe('Owen Price');
    expect(list('what is Grace working on').filter.owner?.name).toBe('Grace Okafor');
    expect(list('what does Okafor own').filter.owner?.name).toBe('Grace Okafor');
    const g = list("Grace's at-risk actions");
    expect(g.filter.owner?.name).toBe('Grace Okafor');
    expect(g.filter.status.statuses).toEqual(['at_risk']);
  });

  it('"I", "me" and "my" are the person asking', () => {
    expect(list('What are my open actions?', people.gokafor).filter).toMatchObject({ owner: { name: 'Grace Okafor' }, ownerIsAsker: true });
    expect(list('what do I need to do this week?', people.gokafor).filter.ownerIsAsker).toBe(true);
    expect(list('am I behind on anything?', people.gokafor).filter.status.overdue).toBe(true);
    expect(ask('What are my open actions?', null)).toMatchObject({ kind: 'needPerson' });
    expect(mentionsSelf('can i see the overdue actions')).toBe(false);
    expect(mentionsSelf('show me what is overdue')).toBe(false);
    expect(mentionsSelf('i would like to know what is late')).toBe(false);
    expect(mentionsSelf('what is due for me')).toBe(true);
    expect(mentionsSelf('what do i own')).toBe(true);
  });

  it('workstreams by code, number, name words, pillar and short form', () => {
    const code = (q: string) => list(q).filter.workstreams?.map((w) => w.code);
    expect(code('What is overdue in WS5?')).toEqual(['WS5']);
    expect(code('ws 2 overdue')).toEqual(['WS2']);
    expect(code('workstream 3 actions')).toEqual(['WS3']);
    expect(code('workstream five actions')).toEqual(['WS5']);
    expect(code('pillar 6 actions')).toEqual(['WS5']);
    expect(code('PfA actions')).toEqual(['WS6']);
    expect(code('show me the data and insight actions')).toEqual(['WS3']);
    expect(code("what's overdue in the inclusion workstream")).toEqual(['WS4']);
    expect(ask('what is overdue in WS9')).toMatchObject({ kind: 'unknown', what: 'workstream', name: 'WS9' });
    expect(ask('what is overdue in the transport workstream')).toMatchObject({ kind: 'unknown', what: 'workstream', name: '"transport"' });
    expect(ask('what is overdue in each workstream')).toMatchObject({ kind: 'list', rankBy: 'workstream' });
  });

  it('areas for improvement', () => {
    expect(list('Show me the actions for the EHC plans area for improvement').filter.area).toBe('ehc_plans');
    expect(list('actions in the health waiting times area').filter.area).toBe('health_waiting_times');
    expect(list('what is at risk for preparing for adulthood').filter.area).toBe('preparing_for_adulthood');
    expect(list("what's open in communication").filter.area).toBe('communication');
  });

  it('combinations', () => {
    const a = list("what's overdue in WS5");
    expect(a.filter.status.overdue).toBe(true);
    expect(a.filter.workstreams?.[0]?.code).toBe('WS5');
    const b = list('how many of Liam\'s actions are due next week?');
    expect(b.count).toBe(true);
    expect(b.filter.owner?.name).toBe('Liam Byrne');
    expect(b.filter.period?.from).toBe('2026-11-23');
  });

  it('paging markers', () => {
    expect(parsePaging('what is overdue? (all)').paging).toMatchObject({ offset: 10, limit: 25 });
    expect(parsePaging('what is overdue? (from 41)').paging).toMatchObject({ offset: 40 });
    expect(parsePaging('what is overdue page 3').paging).toMatchObject({ offset: 20, limit: 10 });
    expect(list('What is overdue? (all)').question).toBe('What is overdue?');
  });

  it('the most: rankings by owner or workstream', () => {
    expect(list('which workstream has the most overdue actions').rankBy).toBe('workstream');
    expect(list('who has the most overdue actions').rankBy).toBe('owner');
  });
});

describe('ambiguity asks back instead of guessing', () => {
  it('two people with the same first name', () => {
    const index = indexDirectory(directory({ people: [person('sjones', 'Sam Jones', ['owner'], 'Data Analyst')] }));
    const i = ask('what is Sam working on?', people.amorgan, index);
    expect(i.kind).toBe('choose');
    if (i.kind === 'choose') {
      expect(i.choices.map((c) => c.question)).toEqual(['What is Sam Whitaker working on?', 'What is Sam Jones working on?']);
      expect(i.prompt).toContain('2 people called Sam');
    }
    // A full name is never ambiguous.
    expect(ask('what is Sam Jones working on?', people.amorgan, index)).toMatchObject({ kind: 'list', filter: { owner: { name: 'Sam Jones' } } });
    // Possessives keep their form in the choices.
    const j = ask("Sam's overdue actions", people.amorgan, index);
    if (j.kind === 'choose') expect(j.choices[0]?.question).toBe("Sam Whitaker's overdue actions?");
    else throw new Error('expected a choice');
  });

  it('a word matching two workstreams', () => {
    const index = indexDirectory(directory({
      workstreams: [{ id: 8, code: 'WS8', name: 'Data Quality and Systems', pillar: '8', leadId: people.hcarr.id }],
    }));
    const i = ask('how is the data workstream doing?', people.amorgan, index);
    expect(i.kind).toBe('choose');
    if (i.kind === 'choose') expect(i.choices.map((c) => c.question)).toEqual(['How is the WS3 workstream doing?', 'How is the WS8 workstream doing?']);
    expect(ask('how is WS8 doing?', people.amorgan, index)).toMatchObject({ kind: 'summary', workstream: { code: 'WS8' } });
  });

  it('a cluster name shared by two clusters', () => {
    const i = ask('when is the next Dewsbury cluster meeting?');
    expect(i.kind).toBe('choose');
    if (i.kind === 'choose') expect(i.choices.map((c) => c.question)).toEqual(['When is the next Dewsbury North cluster meeting?', 'When is the next Dewsbury South cluster meeting?']);
  });

  it('a first name that is an ordinary word needs more than the word', () => {
    expect(ask('will COM-06 be late?').kind).toBe('action');
    expect(list("what's overdue? will it slip").filter.owner).toBeUndefined();
    expect(list("Will's overdue actions").filter.owner?.name).toBe('Will Hart');
    expect(list('what is Will Hart working on').filter.owner?.name).toBe('Will Hart');
  });
});

describe('unknown things are named, never guessed', () => {
  it('people', () => {
    expect(ask('What is Bob Smith working on?')).toMatchObject({ kind: 'unknown', what: 'person', name: 'Bob Smith' });
    expect(ask('What is Owen Smith working on?')).toMatchObject({ kind: 'unknown', what: 'person', name: 'Owen Smith' });
  });

  it('clusters and settings', () => {
    expect(ask('when is the next Leeds cluster meeting')).toMatchObject({ kind: 'unknown', what: 'cluster', name: 'Leeds' });
    expect(ask("who is the SENCO at St Mary's?")).toMatchObject({ kind: 'unknown', what: 'setting' });
  });
});

describe('workstreams, places and help', () => {
  it('leads and summaries', () => {
    expect(ask('Who leads the preparing for adulthood workstream?')).toMatchObject({ kind: 'lead', workstreams: [{ code: 'WS6' }] });
    expect(ask('who runs the data workstream')).toMatchObject({ kind: 'lead', workstreams: [{ code: 'WS3' }] });
    expect(ask('which workstream does Ruth lead?')).toMatchObject({ kind: 'ledBy', person: { name: 'Ruth Ellis' } });
    expect(ask('summary of WS3')).toMatchObject({ kind: 'summary', workstream: { code: 'WS3' } });
    expect(ask('how is my workstream doing?', people.dpatel)).toMatchObject({ kind: 'summary', workstream: { code: 'WS5' } });
    expect(ask('how is my workstream doing?', null)).toMatchObject({ kind: 'needPerson' });
    expect(ask('how is the plan doing overall?')).toMatchObject({ kind: 'planSummary' });
    expect(ask('how is the SEND reform plan going?')).toMatchObject({ kind: 'sourceSummary', source: 'SEND reform plan 2026' });
  });

  it('settings, clusters and meetings', () => {
    expect(ask('Which cluster is Oakfield Primary in?')).toMatchObject({ kind: 'setting', setting: { name: 'Oakfield Primary School' } });
    expect(ask('who is the SENCO at Riverside?')).toMatchObject({ kind: 'setting', setting: { name: 'Riverside Academy' } });
    expect(ask('who chairs the Batley cluster?')).toMatchObject({ kind: 'cluster', want: 'chair' });
    expect(ask('When is the next Batley cluster meeting?')).toMatchObject({ kind: 'meetings', clusters: [{ code: 'BS1' }], next: true });
    expect(ask('meetings this month')).toMatchObject({ kind: 'meetings', period: { from: '2026-11-01' } });
    expect(ask('when is my next cluster meeting?', people.eclarke)).toMatchObject({ kind: 'meetings', mine: true });
  });

  it('requests', () => {
    expect(ask('EAH-R-0002')).toMatchObject({ kind: 'request' });
    expect(ask("what's happening with my request?", people.akhan)).toMatchObject({ kind: 'myRequests' });
    expect(ask('my request', null)).toMatchObject({ kind: 'needPerson', about: 'requests' });
    expect(ask('which requests are assigned to me?', people.gokafor)).toMatchObject({ kind: 'myRequests', assigned: true });
    expect(ask('how many people are in the plan?')).toMatchObject({ kind: 'howMany', what: 'people' });
    expect(ask('how many schools are there?')).toMatchObject({ kind: 'howMany', what: 'settings' });
  });

  it('help, greetings, thanks and nonsense', () => {
    expect(ask('help')).toMatchObject({ kind: 'help', greeting: false });
    expect(ask('what can you do?')).toMatchObject({ kind: 'help' });
    expect(ask('hello')).toMatchObject({ kind: 'help', greeting: true });
    expect(ask('')).toMatchObject({ kind: 'help', greeting: true });
    expect(ask('🙂🙂')).toMatchObject({ kind: 'help', greeting: true });
    expect(ask('thanks!')).toMatchObject({ kind: 'thanks' });
    expect(ask('blah')).toMatchObject({ kind: 'actionSearch' });
    expect(ask('x'.repeat(20_000)).kind).toBeDefined();
  });
});

describe('namesakes', () => {
  it('two people with the same full name are told apart by their key', () => {
    const a = person('clockwood', 'Callum Lockwood', ['owner'], 'Team Manager');
    const b = person('clockwood2', 'Callum Lockwood', ['owner'], 'Team Manager');
    const index = indexDirectory(directory({ people: [a, b] }));
    const i = ask('What is Callum Lockwood working on?', people.amorgan, index);
    if (i.kind !== 'choose') throw new Error('expected a choice');
    expect(i.choices.map((c) => c.question)).toEqual(['What is Callum Lockwood (clockwood) working on?', 'What is Callum Lockwood (clockwood2) working on?']);
    const j = ask(i.choices[1]?.question ?? '', people.amorgan, index);
    expect(j).toMatchObject({ kind: 'list', filter: { owner: { key: 'clockwood2' } } });
    if (j.kind === 'list') expect(j.filter.titleWords).toBeUndefined();
    expect(ask(i.choices[0]?.question ?? '', people.amorgan, index)).toMatchObject({ kind: 'list', filter: { owner: { key: 'clockwood' } } });
  });
});
