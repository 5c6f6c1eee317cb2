// Experts by a child's need, an expert's specialism, an expert's own work and every request:
// phrasings as SENCOs, leads and experts type them, and the near misses that must stay what they were.
import { describe, expect, it } from 'vitest';
import { expertWork, requestByWords, requestList, waitingRequests } from '../../../src/ask/recognisers/experts.js';
import { help } from '../../../src/ask/recognisers/help.js';
import { expertSpecialism, expertsForNeed } from '../../../src/ask/recognisers/needs.js';
import { findNeed } from '../../../src/domain/experts/index.js';
import { indexDirectory } from '../../../src/ask/directory.js';
import { directory, people, person } from '../support/directory.js';
import { question } from '../support/question.js';

const OT = ['occupational_therapy'];
const SLT = ['speech_and_language'];
const EP = ['educational_psychology'];

describe('the needs vocabulary', () => {
  it('sends each need to the profession that advises on it', () => {
    for (const [text, specialisms] of [
      ['sensory processing', OT], ['fine motor skills', OT], ['handwriting', OT], ['pencil grip', OT], ['dyspraxia', OT],
      ['stammering', SLT], ['stutters', SLT], ['language delay', SLT], ['social communication', SLT], ['non-verbal', SLT], ['selective mutism', SLT],
      ['anxiety', EP], ['emotional wellbeing', EP], ['behaviour', EP], ['behavioural difficulties', EP], ['attention span', EP], ['working memory', EP],
      ['learning difficulties', EP], ['dyslexia', EP], ['autism', [...SLT, ...EP]],
    ] as const) expect(findNeed(text)?.need.specialisms, text).toEqual(specialisms);
  });

  it('finds the longest phrase and no need in ordinary plan words', () => {
    expect(findNeed('a child with speech and language difficulties')?.need.label).toBe('language delay');
    for (const text of ['what is overdue', 'the education and learning partnership board', 'address the backlog']) expect(findNeed(text), text).toBeNull();
  });
});

describe('experts by need', () => {
  it('"who can help with …", "someone to advise on …", "is there anyone for …"', () => {
    for (const [text, specialisms] of [
      ['who can help with sensory needs', OT], ['is there anyone for a child with sensory processing difficulties', OT],
      ['someone to advise on fine motor skills?', OT], ['expert for coordination problems in PE', OT],
      ['need advice about a pupil who stammers', SLT], ['anyone who knows about stuttering?', SLT], ['we need support with social communication in year 1', SLT],
      ['who do I talk to about anxiety', EP], ['working memory problems, who can help?', EP], ['help with attention difficulties pls', EP],
      ['any1 for a kid thats non verbal', SLT], ["which expert should I ask about a child who won't talk", SLT], ['who can help with autism', [...SLT, ...EP]],
    ] as const) expect(expertsForNeed(question(text, people.eclarke)), text).toMatchObject({ kind: 'expertsForNeed', specialisms });
  });

  it('making a request about a need is still the need; asking about requests is not', () => {
    expect(expertsForNeed(question('how do i make a request for help with handwriting', people.eclarke))).toMatchObject({ specialisms: OT });
    expect(expertsForNeed(question('any requests about sensory needs', people.eclarke))).toBeUndefined();
  });

  it('a profession named outright is the one meant', () => {
    expect(expertsForNeed(question('need a speech therapist for a child with autism', people.eclarke))).toMatchObject({ specialisms: SLT });
  });

  it('the plan\'s work on the same words stays a question about the plan', () => {
    for (const text of [
      "what's overdue in communication", 'which actions are about communication', 'who owns the mental health waits action',
      'who leads on anxiety', 'hlt-02 mental health', 'communication', 'any requests about sensory needs',
      'what needs attention?', 'anything needing urgent attention', 'which ones need my attention',
    ]) expect(expertsForNeed(question(text, people.eclarke)), text).toBeUndefined();
  });

  it('"help with …" a need is not the bot\'s own help', () => {
    expect(help(question('help with attention difficulties'))).toBeUndefined();
    expect(help(question('help'))).toEqual({ kind: 'help', greeting: false });
    expect(help(question('help me'))).toEqual({ kind: 'help', greeting: false });
  });
});

describe("an expert's specialism", () => {
  it('"what is X\'s specialism", "which expert is X", "what kind of expert is X"', () => {
    for (const text of ["what is Grace Okafor's specialism", 'which expert is Grace Okafor', 'what kind of expert is grace okafor', 'what does grace okafor specialise in', 'grace okafor specialism?']) {
      expect(expertSpecialism(question(text)), text).toEqual({ kind: 'expertSpecialism', person: people.gokafor });
    }
    expect(expertSpecialism(question('is Grace Okafor an OT?'))).toEqual({ kind: 'expertSpecialism', person: people.gokafor, asked: 'occupational_therapy' });
  });

  it('"what does X cover" asks an expert\'s specialism, and anyone else\'s work', () => {
    const ep = { ...people.gokafor, roles: ['expert' as const], specialism: 'educational_psychology' as const };
    const withExpert = indexDirectory({ ...directory(), people: directory().people.map((p) => (p.key === 'gokafor' ? ep : p)) });
    expect(expertSpecialism(question('what area does grace okafor cover', people.eclarke, withExpert))).toMatchObject({ kind: 'expertSpecialism' });
    expect(expertSpecialism(question('what area does grace okafor cover', people.eclarke))).toBeUndefined();
  });

  it('their actions and job are other questions', () => {
    for (const text of ['what does grace okafor own', "grace okafor's actions", 'what is my specialism']) expect(expertSpecialism(question(text)), text).toBeUndefined();
  });
});

describe("an expert's own work and every request", () => {
  const expert = { ...person('ep1', 'Eve Parr', ['expert']), specialism: 'educational_psychology' as const };

  it('an expert\'s "what am I working on" is their requests; anyone else\'s is their actions', () => {
    for (const text of ["what's assigned to me", 'what have I picked up', 'what am I working on', 'whats on my plate atm', 'what have i got assigned']) {
      expect(expertWork(question(text, expert)), text).toEqual({ kind: 'myRequests', assigned: true });
      expect(expertWork(question(text, people.gokafor)), text).toBeUndefined();
    }
    expect(expertWork(question('what actions am I working on', expert))).toBeUndefined();
    expect(expertWork(question("what's overdue on my plate", expert))).toBeUndefined();
  });

  it('"no one\'s taken", "nobody\'s picked up": the requests waiting', () => {
    for (const text of ["any requests no one's taken yet", "requests nobody's picked up?", 'requests not taken yet', 'any unclaimed?']) {
      expect(waitingRequests(question(text, expert)), text).toMatchObject({ kind: 'waitingRequests' });
    }
  });

  it('"list all requests", "which setting raised the OT request": the requests as a whole', () => {
    for (const text of ['list all experts at hand requests', 'show me every eah request', 'what requests have we had so far']) {
      expect(requestList(question(text, people.dpatel)), text).toEqual({ kind: 'requestList', origin: false });
    }
    expect(requestList(question('which setting raised the OT request', people.amorgan))).toEqual({ kind: 'requestList', specialism: 'occupational_therapy', origin: true });
    expect(requestList(question("where's the OT request from", people.amorgan))).toEqual({ kind: 'requestList', specialism: 'occupational_therapy', origin: true });
    expect(requestList(question('where did the ed psych request come from', people.amorgan))).toEqual({ kind: 'requestList', specialism: 'educational_psychology', origin: true });
    for (const text of ['my requests', 'how many requests are there', 'unclaimed requests', 'which requests have i answered', 'list all actions']) {
      expect(requestList(question(text, people.dpatel)), text).toBeUndefined();
    }
  });
});

describe('one request by its words', () => {
  it('"the sensory walk-through request", "the request about the quiet base"', () => {
    expect(requestByWords(question('the sensory walk-through request, where is it at'))).toEqual({ kind: 'requestByWords', words: ['sensory', 'walk'] });
    expect(requestByWords(question("what's happening with the request about the quiet base?"))).toEqual({ kind: 'requestByWords', words: ['quiet', 'base'] });
  });

  it('a specialism, "my request" or a new request are other questions', () => {
    for (const text of ['which setting raised the OT request', "what's happening with my request?", 'the new request', 'how do i make a request']) {
      expect(requestByWords(question(text)), text).toBeUndefined();
    }
  });
});
