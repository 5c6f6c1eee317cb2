import { describe, expect, it } from 'vitest';
import { myRequests } from '../../../src/ask/recognisers/experts.js';
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
