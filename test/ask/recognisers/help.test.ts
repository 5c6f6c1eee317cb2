import { describe, expect, it } from 'vitest';
import { empty, greeting, help, thanks, whoAmI } from '../../../src/ask/recognisers/help.js';
import { people } from '../support/directory.js';
import { question, variants } from '../support/question.js';

describe('help, greetings, thanks and who am I', () => {
  it('greetings, however they are typed', () => {
    for (const text of ['hello', 'Hi there!', 'good morning bot', 'hiya']) {
      for (const v of variants(text)) expect(greeting(question(v)), v).toEqual({ kind: 'help', greeting: true });
    }
    expect(empty(question('🙂🙂'))).toEqual({ kind: 'help', greeting: true });
    expect(empty(question('<p></p>'))).toEqual({ kind: 'help', greeting: true });
  });

  it('help in its many forms', () => {
    for (const text of ['help', 'what can you do?', 'How do I use this?', 'examples', 'help me find overdue actions']) {
      expect(help(question(text)), text).toEqual({ kind: 'help', greeting: false });
    }
  });

  it('thanks', () => {
    for (const text of ['thanks!', 'Thank you very much', 'cheers mate', 'ok']) expect(thanks(question(text)), text).toEqual({ kind: 'thanks' });
  });

  it('who am I needs a linked account', () => {
    expect(whoAmI(question('who am I?'))).toEqual({ kind: 'whoami' });
    expect(whoAmI(question('do you know who I am', null))).toEqual({ kind: 'needPerson', about: 'whoami' });
    expect(whoAmI(question('what is my name?', people.gokafor))).toEqual({ kind: 'whoami' });
  });

  it('leaves real questions alone', () => {
    for (const text of ['hello, what is overdue?', 'thanks, who owns COM-06?', 'is there help for PfA?', 'who is Grace?']) {
      const q = question(text);
      expect([empty(q), greeting(q), thanks(q), whoAmI(q)], text).toEqual([undefined, undefined, undefined, undefined]);
    }
    expect(help(question('is there help for PfA?'))).toBeUndefined();
  });
});
