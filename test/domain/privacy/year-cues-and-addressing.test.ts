// The classes the tenth held-out set found: year groups written the many ways schools write them
// ("Y5 -", "year six", "(P7)") right after a first name that is also a word ("Jay in yr 9",
// "Storm year 5 -"); bare initials before a year group or an age ("KM y10", "RM (nine year old)");
// NHS numbers after their label whatever the check digit; figures standing for letters
// ("L1ly-R0se"); and colleagues spoken to by name ("Ravi can you …"). Each with near misses that
// must still be accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/privacy/index.js';

const SEED = { seed: 20261205 };
const refused = (text: string): boolean => !screenText(text).ok;

const wordNames = fc.constantFrom('Jay', 'Storm', 'Star', 'Paddy', 'River', 'Sky', 'Rose', 'Faith', 'Poppy', 'Hope');
const yearForms = fc.constantFrom('in yr 9', 'Y5 -', 'year 5 -', 'in year two', '(P7)', 'Y6:', 'in Year 3', 'y2 has', 'in reception', '- Y6 -');
const tail = fc.constantFrom(' needs a SALT referral', ' attendance down to 61%', ' mum wants an assessment', ' no EHCP yet');

describe('a first name that is also a word, before a year group', () => {
  it('is refused however the year group is written', () => {
    fc.assert(fc.property(wordNames, yearForms, tail, (name, year, end) => {
      const text = `${name} ${year}${end}`;
      expect(refused(text), text).toBe(true);
    }), { numRuns: 200, ...SEED });
  });

  it.each([
    'Summer in Year 3 has started hitting out at lunchtime',
    'Sofiia y5 has no EHCP yet but huge needs',
    'Shilan y2 - SALT concerns',
  ])('refuses "%s"', (text) => expect(refused(text)).toBe(true));

  it.each([
    'Mark Year 6 books before the moderation meeting.',
    'Summer in Year 6 is a busy term for transition.',
    'Science Y5 - new unit on forces starts Monday',
    'Phonics Y1 has moved to mornings',
    'Update Year 4 - the trip is now on Friday',
    'We have families from Scotland, Poland and Romania in Year 2.',
    'The River Holme flooding closed two Holmfirth schools for a day.',
  ])('accepts "%s"', (text) => expect(refused(text)).toBe(false));
});

const initials = fc.constantFrom('JS', 'KM', 'RB', 'AO', 'ZH', 'LW', 'E.N.', 'M.H.', 'DJ-T');
const yearOrAge = fc.constantFrom('in Y5', 'yr 2', 'y10', '(reception)', 'aged 11', '(nine year old)', ', Y1,', 'in year 9', '- Y10 -');

describe('initials before a year group or an age', () => {
  it('are refused', () => {
    fc.assert(fc.property(initials, yearOrAge, tail, (who, year, end) => {
      const text = `re ${who}${year.startsWith(',') ? '' : ' '}${year}${end}`;
      expect(refused(text), text).toBe(true);
    }), { numRuns: 200, ...SEED });
  });

  it.each([
    'EP in Y5 is booked for the 12th',
    'ECT in Year 4 needs SEND induction',
    'DLD Y3 - the SALT will run a workshop',
    'AQA in Year 11 has moved the exam dates',
    'PE in Year 7 is now on Tuesdays',
    'TA in reception is off this week',
    'CPD Year 2 staff, Thursday after school',
    'SDQ Year 4 questionnaires are due back on Friday.',
    'MTC Y4 check window opens on 2 June.',
    'CYP aged 16 to 25 with an EHCP can apply.',
  ])('accepts the acronym in "%s"', (text) => expect(refused(text)).toBe(false));
});

describe('labelled NHS numbers and figures for letters', () => {
  it.each([
    'nhs number 4857773456 for the boy we discussed',
    'N.H.S. no. 9-4-3-4-7-6-5-9-1-9 can someone pull the notes',
    'NHS number is 485 777 3456',
    'L1ly-R0se is 4 and starting reception in sept',
  ])('refuses "%s"', (text) => expect(refused(text)).toBe(true));

  it.each([
    'Call NHS 111 out of hours, or the helpline on 0300 311 2233.',
    'The NHS Trust board meets 2026 12 05 10 30.',
    'We use mp3 files and the Y4b class list.',
  ])('accepts "%s"', (text) => expect(refused(text)).toBe(false));
});

describe('a colleague spoken to by name', () => {
  it.each([
    'Ravi can you ring me after 3',
    'Anna please add me to the WS4 channel',
    'hi all, Tom can you send the minutes',
    'happy retirement Pauline!! the SEND team won\'t be the same',
    'Ade and Kemi are both on the panel next week',
  ])('accepts "%s"', (text) => expect(refused(text)).toBe(false));

  it.each([
    'Ravi can you look at Jack in Year 4',
    'Anna please note my son Oliver is 7',
  ])('still refuses the child in "%s"', (text) => expect(refused(text)).toBe(true));
});
