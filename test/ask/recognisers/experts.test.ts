import { describe, expect, it } from 'vitest';
import { experts, myRequests, requestCount, requestHelp, requestList, waitingRequests } from '../../../src/ask/recognisers/experts.js';
import { people, person } from '../support/directory.js';
import { question } from '../support/question.js';

describe('Experts at Hand requests', () => {
  it('the asker\'s own requests, or those assigned to them', () => {
    expect(myRequests(question("what's happening with my request?", people.akhan))).toEqual({ kind: 'myRequests', assigned: false });
    expect(myRequests(question('which requests are assigned to me?', people.gokafor))).toEqual({ kind: 'myRequests', assigned: true });
    expect(myRequests(question('MY REFERRALS', people.akhan))).toEqual({ kind: 'myRequests', assigned: false });
  });

  it('an expert asking about requests means their queue, unless they say they made them', () => {
    const expert = person('ot1', 'Olu Taylor', ['expert']);
    expect(myRequests(question('any requests?', expert))).toEqual({ kind: 'myRequests', assigned: true });
    expect(myRequests(question('the requests I made', expert))).toEqual({ kind: 'myRequests', assigned: false });
  });

  it('needs a linked account; actions are not requests', () => {
    expect(myRequests(question('my request', null))).toEqual({ kind: 'needPerson', about: 'requests' });
    expect(myRequests(question('actions about requests for support'))).toBeUndefined();
    expect(myRequests(question('what is overdue?'))).toBeUndefined();
  });
});

describe('the experts, asking them, and the queue', () => {
  it('names the specialism however it is said', () => {
    for (const [text, specialism] of [
      ["who's the OT?", 'occupational_therapy'], ['whos the salt', 'speech_and_language'], ['who is the slt', 'speech_and_language'],
      ['email for the speech therapist', 'speech_and_language'], ['who is the ed psych', 'educational_psychology'],
      ["who's the EP?", 'educational_psychology'], ['who are the occupational therapists', 'occupational_therapy'],
    ] as const) expect(experts(question(text)), text).toEqual({ kind: 'experts', specialism });
    expect(experts(question('list the experts'))).toEqual({ kind: 'experts' });
    expect(experts(question('who owns the OT recruitment action'))).toBeUndefined();
    expect(experts(question('what is overdue?'))).toBeUndefined();
  });

  it('asking for help is the way to a request, not a list of experts', () => {
    expect(requestHelp(question('need an slt for our reception class', people.akhan))).toEqual({ kind: 'requestHelp', specialism: 'speech_and_language' });
    expect(requestHelp(question('how do i ask for an OT', people.akhan))).toEqual({ kind: 'requestHelp', specialism: 'occupational_therapy' });
    expect(requestHelp(question('request support from experts at hand', people.akhan))).toEqual({ kind: 'requestHelp' });
    expect(requestHelp(question("who's the OT?"))).toBeUndefined();
  });

  it('the queue: waiting requests of the expert\'s specialism, or of the one named', () => {
    const ot = { ...person('ot1', 'Olu Taylor', ['expert']), specialism: 'occupational_therapy' as const };
    expect(waitingRequests(question('anything in my queue', ot))).toEqual({ kind: 'waitingRequests', specialism: 'occupational_therapy', queue: true });
    expect(waitingRequests(question('unclaimed ed psych requests?', ot))).toEqual({ kind: 'waitingRequests', specialism: 'educational_psychology', queue: false });
    expect(waitingRequests(question('which experts at hand requests are unassigned', people.akhan))).toEqual({ kind: 'waitingRequests', queue: false });
    expect(waitingRequests(question('my requests', ot))).toBeUndefined();
  });
});

describe('counting every request', () => {
  it('"how many requests" counts them all; mine, the queue and a specialism are not this', () => {
    for (const text of ['how many experts at hand requests are there', 'how many referrals have we had', 'total number of EAH requests?', 'how many requests so far']) {
      expect(requestCount(question(text)), text).toEqual({ kind: 'requestCount' });
    }
    for (const text of ['how many requests have i made', 'how many requests are waiting', 'how many OT requests', 'how many actions are there']) {
      expect(requestCount(question(text)), text).toBeUndefined();
    }
  });
});

describe('asking for an expert without naming the specialism, and requests one can pick up', () => {
  it('"how do I request an expert" is the way to a request; "any I can pick up" is the queue', () => {
    for (const text of ['how do i request an expert', 'how can we get a specialist in', 'I need an expert to come and see us']) {
      expect(requestHelp(question(text, people.eclarke)), text).toMatchObject({ kind: 'requestHelp' });
    }
    const ot = person('fali2', 'Fatima Ali', ['expert']);
    ot.specialism = 'occupational_therapy';
    for (const text of ['any requests I can pick up', 'which requests can i take', 'requests up for grabs?']) {
      expect(waitingRequests(question(text, ot)), text).toMatchObject({ kind: 'waitingRequests', specialism: 'occupational_therapy' });
    }
  });
});

describe("a specialism's requests said as a heading", () => {
  it('lists them, whoever asks', () => {
    const ot = person('fali2', 'Fay Ali', ['expert']);
    for (const text of ['OT requests?', 'ot requests', 'speech and language requests', 'Ed psych referrals?']) {
      expect(requestList(question(text, ot)), text).toMatchObject({ kind: 'requestList', specialism: expect.any(String) });
    }
    expect(requestList(question('my requests', ot))).toBeUndefined();
    expect(requestList(question('requests'))).toBeUndefined();
  });
});
