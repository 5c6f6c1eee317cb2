import { describe, expect, it } from 'vitest';
import { indexDirectory } from '../../../src/ask/directory.js';
import { ambiguousPerson, personByJobTitle, personDetails, personIntro, unknownAsker, unknownPerson, wrongSurname } from '../../../src/ask/recognisers/people.js';
import { directory, people, person } from '../support/directory.js';
import { question } from '../support/question.js';

describe('people', () => {
  it('a known first name with a surname nobody has is never answered as the wrong person', () => {
    expect(wrongSurname(question('What is Owen Smith working on?'))).toEqual({ kind: 'unknown', what: 'person', name: 'Owen Smith', words: ['smith'] });
    expect(wrongSurname(question('What is Owen Price working on?'))).toBeUndefined();
    // A capitalised place after a name is not a surname.
    expect(wrongSurname(question('What is Grace doing in Batley?'))).toBeUndefined();
  });

  it('a name several people share asks which one, keeping the possessive', () => {
    const index = indexDirectory(directory({ people: [person('sjones', 'Sam Jones', ['owner'], 'Data Analyst')] }));
    const i = ambiguousPerson(question("Sam's overdue actions", people.amorgan, index));
    expect(i?.kind === 'choose' && i.choices.map((c) => c.question)).toEqual(["Sam Whitaker's overdue actions?", "Sam Jones's overdue actions?"]);
    expect(ambiguousPerson(question('what is Sam Jones working on?', people.amorgan, index))).toBeUndefined();
  });

  it('"my actions" from an account linked to nobody', () => {
    expect(unknownAsker(question('What are my open actions?', null))).toEqual({ kind: 'needPerson', about: 'actions' });
    expect(unknownAsker(question('What are my open actions?', people.gokafor))).toBeUndefined();
    expect(unknownAsker(question("what is Grace's workload, for me?", null))).toBeUndefined();
    expect(unknownAsker(question('who can I ask about overdue actions?', null))).toBeUndefined();
  });

  it('who someone is', () => {
    expect(personIntro(question('Who is Grace Okafor?'))).toMatchObject({ kind: 'person', person: { key: 'gokafor' } });
    expect(personIntro(question('tell me about Liam'))).toMatchObject({ kind: 'person', person: { key: 'lbyrne' } });
    expect(personIntro(question("who is Grace's overdue action for?"))).toBeUndefined();
    expect(personIntro(question('what is Grace working on?'))).toBeUndefined();
  });

  it('a name that is nobody in the plan', () => {
    expect(unknownPerson(question('What is Bob Smith working on?'))).toMatchObject({ kind: 'unknown', what: 'person', name: 'Bob Smith' });
    expect(unknownPerson(question("Zara's actions"))).toMatchObject({ kind: 'unknown', what: 'person', name: 'Zara' });
    expect(unknownPerson(question('what is the plan working on?'))).toBeUndefined();
    expect(unknownPerson(question('What is Grace working on?'))).toBeUndefined();
  });

  it('asks what someone is and how to reach them, however it is worded', () => {
    for (const text of ['whats grace okafor\'s role', 'how do i get hold of sam whitaker', 'email address for liam byrne pls', 'what does sam whitaker do?', 'liam byrne job title?', 'Who is Grace Okafor']) {
      expect(personDetails(question(text)), text).toMatchObject({ kind: 'person' });
    }
    // Their work, not who they are: a list.
    for (const text of ['what is grace okafor doing', "grace okafor's overdue actions", 'what does sam whitaker own', 'what is my job']) {
      expect(personDetails(question(text)), text).toBeUndefined();
    }
  });

  it('a name nobody has is unknown even when one of its words is a place\'s; a place is not a person', () => {
    for (const text of ['what is Harriet Oakfield working on', 'what has tom riverside got', 'what is Jo Valley doing']) {
      expect(unknownPerson(question(text, null)), text).toMatchObject({ kind: 'unknown', what: 'person' });
    }
    for (const text of ['what is oakfield primary working on', 'what is riverside academy doing']) {
      expect(unknownPerson(question(text, null)), text).toBeUndefined();
    }
  });
});

describe('a person by their job title', () => {
  it('"who is the Head of Data and Insight" is the one person with that title', () => {
    for (const text of ['who is the head of data and insight', "who's our service director?", 'whos the Head of Data & Insight']) {
      expect(personByJobTitle(question(text)), text).toMatchObject({ kind: 'person' });
    }
    expect(personByJobTitle(question('who is the head of data and insight')), 'Sam').toMatchObject({ person: { key: 'swhitaker' } });
    const dco = indexDirectory(directory({ people: [person('gok2', 'Gina Oak', ['owner'], 'Designated Clinical Officer, Integrated Care Board')] }));
    expect(personByJobTitle(question('who is the designated clinical officer?', people.amorgan, dco))).toMatchObject({ person: { key: 'gok2' } });
    for (const text of ['email for the designated clinical officer?', 'how do i contact the DCO', 'contact details for the designated clinical officer pls']) {
      expect(personByJobTitle(question(text, people.amorgan, dco)), text).toMatchObject({ person: { key: 'gok2' } });
    }
    expect(personByJobTitle(question('what does the service director own'))).toBeUndefined();
    expect(personByJobTitle(question('who is the chief executive'))).toBeUndefined();
  });
});

describe('a possessive typed without its apostrophe', () => {
  it('names the person whose name is left when the "s" is taken off', () => {
    for (const text of ['whats on helens plate', 'helens actions', 'HELEN CARRS ACTIONS', 'anything of carrs overdue?', "what's on helen's plate"]) {
      expect(question(text).mentions.owner?.key, text).toBe('hcarr');
    }
  });

  it('leaves words alone that are names as they stand, or ordinary words without the "s"', () => {
    expect(question('what is on wills list').mentions.owner).toBeUndefined();
    expect(question('what are the costs').mentions.owner).toBeUndefined();
  });
});
