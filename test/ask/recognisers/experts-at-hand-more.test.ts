// The whole recogniser table on questions about a meeting's length, who raised a request, what
// Experts at Hand is, and one's own requests of a specialism; with the near-misses that must keep
// their old meaning.
import { describe, expect, it } from 'vitest';
import { recognise } from '../../../src/ask/recognisers/index.js';
import type { Person } from '../../../src/domain/plan/types.js';
import { people, person } from '../support/directory.js';
import { question, variants } from '../support/question.js';

const ask = (text: string, asker: Person | null = people.amorgan) => recognise(question(text, asker));

describe("a meeting's length", () => {
  it('is asked many ways, about a named cluster', () => {
    for (const text of [
      ...variants('How long is the Holme Valley meeting?'), 'how long does the holme valley cluster meeting last', 'how long will the holme valley meeting be',
      "what's the length of the next holme valley meeting", 'duration of the holme valley cluster meeting', 'when does the holme valley meeting finish',
      'how many hours is the holme valley meeting',
    ]) expect(ask(text), text).toMatchObject({ kind: 'meetings', clusters: [{ code: 'KR2' }], length: true, next: true });
  });

  it('"last" as the verb is not "the last meeting"; "the last meeting" still is', () => {
    expect(ask('how long does the batley cluster meeting last')).toMatchObject({ kind: 'meetings', clusters: [{ code: 'BS1' }], length: true, next: true });
    expect(ask('how long does the batley cluster meeting last')).not.toHaveProperty('last');
    expect(ask('how long did the last batley meeting last?')).toMatchObject({ kind: 'meetings', last: true, length: true });
  });

  it('of every meeting in a window, without taking "are the" for a cluster name', () => {
    expect(ask('how long are the cluster meetings this month?')).toMatchObject({ kind: 'meetings', period: { from: '2026-11-01' }, length: true });
    expect(ask('when are the cluster meetings this month')).toMatchObject({ kind: 'meetings', period: { from: '2026-11-01' } });
    expect(ask('when is the next foo cluster meeting')).toEqual({ kind: 'unknown', what: 'cluster', name: 'Foo' });
  });

  it('a cluster name shared by two clusters is asked back, keeping the length question', () => {
    const chosen = ask("what's the length of the next dewsbury meeting");
    expect(chosen).toMatchObject({ kind: 'choose' });
    expect(JSON.stringify(chosen)).toMatch(/length of the next Dewsbury North meeting/);
  });

  it('near-misses keep their meaning: how long until a meeting, when it is, the attendance measure', () => {
    for (const text of ['how long is it until the batley meeting?', 'how long till the next batley meeting', 'when is the next batley cluster meeting?']) {
      const intent = ask(text);
      expect(intent, text).toMatchObject({ kind: 'meetings', clusters: [{ code: 'BS1' }], next: true });
      expect(intent, text).not.toHaveProperty('length');
    }
    expect(ask('when did the batley cluster last meet?')).toMatchObject({ kind: 'meetings', last: true });
    expect(ask('when did the batley cluster last meet?')).not.toHaveProperty('length');
  });
});

describe('who raised a request', () => {
  it('is asked many ways', () => {
    for (const text of [
      ...variants('Who raised EAH-R-0001?'), 'who made request eah-r-1', 'who asked for EAH-R-0001', 'whose request is EAH-R-0001?',
      'who submitted eah-r-0001', 'who put in EAH-R-0001?', 'who requested eah-r-1', 'who was the person who raised EAH-R-0001', 'who is the requester of eah r 1',
    ]) expect(ask(text), text).toMatchObject({ kind: 'request', refs: [{ ref: 'EAH-R-0001' }], who: true });
  });

  it('a request asked about otherwise, and an action of the EAH workstream, are not', () => {
    expect(ask('status of eah-r-2')).toEqual({ kind: 'request', refs: [expect.objectContaining({ ref: 'EAH-R-0002' })] });
    expect(ask('who is working on EAH-R-0002?')).not.toHaveProperty('who');
    expect(ask('who owns EAH-02?')).toMatchObject({ kind: 'action', refs: [{ ref: 'EAH-02' }], aspects: ['owner'] });
  });
});

describe('what Experts at Hand is', () => {
  it('is asked many ways', () => {
    for (const text of [
      ...variants('What specialisms do Experts at Hand cover?'), 'what kinds of help can I get from experts at hand', 'what is experts at hand',
      "what's EAH?", 'what types of support does experts at hand offer', 'what does experts at hand do', 'tell me about experts at hand',
      'how does experts at hand work?', 'which specialisms are there in experts at hand', 'what specialisms do the experts cover',
    ]) expect(ask(text, people.akhan), text).toEqual({ kind: 'expertsOverview' });
  });

  it('near-misses keep their meaning: the experts, asking one, actions and requests', () => {
    expect(ask('who are the experts at hand?', people.akhan)).toEqual({ kind: 'experts' });
    expect(ask('list the experts', people.akhan)).toEqual({ kind: 'experts' });
    expect(ask('I need an OT', people.akhan)).toEqual({ kind: 'requestHelp', specialism: 'occupational_therapy' });
    expect(ask('how do I make an experts at hand request?', people.akhan)).toEqual({ kind: 'requestHelp' });
    expect(ask('what is experts at hand doing about early years?', people.akhan)).not.toEqual({ kind: 'expertsOverview' });
    expect(ask('what are the experts at hand actions?', people.akhan)).not.toEqual({ kind: 'expertsOverview' });
    expect(ask('what kinds of help are in my experts at hand request?', people.akhan)).not.toEqual({ kind: 'expertsOverview' });
  });
});

describe("one's own requests of a specialism", () => {
  it('is asked many ways, for each specialism', () => {
    for (const [text, specialism] of [
      ['has my OT request been assigned yet?', 'occupational_therapy'], ['HAS MY OT REQUEST BEEN PICKED UP', 'occupational_therapy'],
      ['has nobody picked up my occupational therapy referral?', 'occupational_therapy'], ['any news on my speech therapy request', 'speech_and_language'],
      ['where is my SALT request at', 'speech_and_language'], ["what's happening with my ed psych request", 'educational_psychology'],
      ['is the EP request I made answered yet?', 'educational_psychology'],
    ] as const) expect(ask(text, people.akhan), text).toEqual({ kind: 'myRequests', assigned: false, specialism });
  });

  it('near-misses keep their meaning: asking for help, how to ask, all my requests, an expert\'s queue', () => {
    expect(ask('I need an OT', people.akhan)).toEqual({ kind: 'requestHelp', specialism: 'occupational_therapy' });
    expect(ask('need advice from a speech therapist', people.akhan)).toEqual({ kind: 'requestHelp', specialism: 'speech_and_language' });
    expect(ask('how do I make my OT request?', people.akhan)).toEqual({ kind: 'requestHelp', specialism: 'occupational_therapy' });
    expect(ask('my requests', people.akhan)).toEqual({ kind: 'myRequests', assigned: false });
    const ot = person('ot1', 'Olu Taylor', ['expert']);
    expect(ask('any new OT requests in my queue?', ot)).toMatchObject({ kind: 'waitingRequests', specialism: 'occupational_therapy', queue: true });
    expect(ask('has my OT request been picked up?', null)).toEqual({ kind: 'needPerson', about: 'requests' });
  });
});
