// A child named in one clause and given an age or a year group by "he" or "she" in the next
// ("noticed Tyler is flapping more since the move, he's 6"), a child by a class a school names
// ("Ruby in Otters class"), and, on the other side, what is not a child: a pronoun after a
// relation ("her son, he's 6"), a town before "cluster", a town after "a school in".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/privacy/index.js';

const SEED = { seed: 20261207 };
const accepted = (text: string): boolean => screenText(text).ok;

// Listed names and first names that are also words, from many backgrounds.
const children = fc.constantFrom('Tyler', 'Amara', 'Kacper', 'Blessing', 'Rowan', 'Precious', 'Zayn', 'Ioana', 'Sky', 'Hope', 'Eshal', 'Tomasz');
const doing = fc.constantFrom(
  'is flapping and spinning more since the classroom move',
  'has stopped talking in class',
  'keeps running out of the hall at lunch',
  'struggles with transitions',
  'is not eating at school',
);
const ageClause = fc.constantFrom("he's 6", "she's only 5", 'he is 9', 'she is 7 and', "he's 8 years old", 'she was 4 when it started', "she's in year 2", 'he is in Y3', "he's in reception");

describe('a name, and an age or a year group given by a pronoun later in the sentence', () => {
  it('is refused whatever the name and the wording', () => {
    fc.assert(fc.property(children, doing, ageClause, fc.boolean(), (name, what, age, lower) => {
      const text = `noticed ${lower && !['Hope', 'Sky', 'Blessing', 'Precious', 'Rowan'].includes(name) ? name.toLowerCase() : name} ${what}, ${age}`;
      expect(accepted(text), text).toBe(false);
    }), { numRuns: 150, ...SEED });
  });

  it.each([
    "Worried about Blessing, she's only 5 and not eating at lunch",
    "Can we get an OT to see Precious in the hall, she's 6",
    "Zayn keeps taking his shoes off in assembly, he's in Y2",
    // Thanks or a word with someone do not make an adult of a child whose age follows.
    "thanks to Kacper for trying so hard in his SALT session, he's 7",
    "Spoke to Ioana about her reading, she is 8",
    // Written in a hurry, without the apostrophe.
    'jst to say kacper hasnt been in all wk, hes in yr 4',
    'Blessing keeps crying at drop off, shes 5',
  ])('refuses "%s"', (text) => expect(accepted(text)).toBe(false));

  it.each([
    // No name: the child is unnamed, and the adults are adults.
    "Spoke to Mrs Khan about her son, he's 6",
    "spoke to mum about her son, he's 6 and waiting for a SALT assessment",
    "The new SENCO at Batley Grammar starts in January, she's 4 days a week",
    "Asked Mr Okafor about the boy in Hedgehogs class, he's 7",
    'the OT saw the whole class, she is 2 weeks from the end of her contract',
    "Summer term is busy for the EP team, she's 6 weeks from leave",
  ])('accepts "%s"', (text) => expect(accepted(text)).toBe(true));
});

describe('a name set off after a child word', () => {
  it.each([
    'the little girl in Y1 – Semhar – has been crying at drop-off every day',
    'a boy (Dawit) in Reception has no words yet',
    'one pupil - Shkurte - needs a Albanian interpreter for the review',
  ])('refuses "%s"', (text) => expect(accepted(text)).toBe(false));

  it.each([
    'the girls in Year 6 – all of them – loved the sensory room',
    'a pupil (usually in Year 7) may need a transition plan',
  ])('accepts "%s"', (text) => expect(accepted(text)).toBe(true));
});

describe('a name in a class the school names', () => {
  it.each([
    'Ruby in Otters class is still toe walking',
    'Can someone look at Storm in Hedgehogs class, he will not sit at carpet time',
    'RUBY IN HEDGEHOGS CLASS IS TOE WALKING',
    'Jay from Class Oak has been biting',
  ])('refuses "%s"', (text) => expect(accepted(text)).toBe(false));

  it.each([
    'Three pupils in Hedgehogs class have new EHCPs',
    'We practise turn taking in music class every week',
    'Strategies for a Year 5 pupil who is selectively mute in class but talks at home',
    'The TA in Otters class has done the Attention Autism training',
  ])('accepts "%s"', (text) => expect(accepted(text)).toBe(true));
});

describe('towns named as places', () => {
  const towns = fc.constantFrom('Elland', 'Morley', 'Shipley', 'Batley', 'Mirfield', 'Holmfirth', 'Denby Dale', 'Kirkburton');
  it('a town before "cluster" or after "a school in" is a place', () => {
    fc.assert(fc.property(towns, fc.constantFrom(
      (t: string) => `${t} cluster reports 14 pupils on part-time timetables`,
      (t: string) => `${t} cluster requests training on the new SEN support plan template`,
      (t: string) => `the new free school in ${t} opens in the autumn`,
      (t: string) => `Two special schools near ${t} have places from September`,
      (t: string) => `the resourced provision at ${t} is full`,
      (t: string) => `The twilight is booked for 16 October at a hotel near ${t}`,
      (t: string) => `The ${t} office is closed on Friday for the move`,
    ), (town, sentence) => {
      const text = sentence(town);
      expect(accepted(text), text).toBe(true);
    }), { numRuns: 80, ...SEED });
  });

  it.each([
    // A child at a place is still a child.
    'Oliver at the school in Shipley has been excluded twice',
    "Shipley's mum says he's 6 and not sleeping",
  ])('refuses "%s"', (text) => expect(accepted(text)).toBe(false));
});
