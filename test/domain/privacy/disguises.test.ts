// Cases written from the reports and from how people disguise a child's details: lower
// case, capitals, hyphens and apostrophes, full-width digits, spelt-out letters, zero-width
// characters, multi-part names; and ordinary professional text that must still pass, in any case.
import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/privacy/index.js';

const refused = (text: string, adultNames?: string[]) => !screenText(text, adultNames ? { adultNames } : {}).ok;

const REFUSE = [
  'oliver in year 4 is struggling with his speech, his brother harry too',
  'JACK SMITH IN YEAR 4 STRUGGLES WITH READING AND WRITING; PLEASE ADVISE.',
  "Her name is Lily-Mae O'Connor and she struggles with reading in Year 5.",
  'Referral for pupil, NHS ９４３ ４７６ ５９１９, needs speech therapy.',
  'Please advise on J a c k  S m i t h who has limited speech in class.',
  'my son Jack Smith in year 4 came to the event.',
  'NHS 943-476-5919 for the referral',
  'a pupil called grace in yr 4',
  'amira, 7yo, needs help with toileting',
  "siobhan d'souza (reception) is anxious at drop-off",
  'ＯＬＩＶＥＲ needs help at lunchtimes',
  'Oli\u200Bver needs help at lunchtimes',
  'O.L.I.V.E.R needs help at lunchtimes',
  'Please support Fatima al-Hassan with reading',
  'my daughter Zebedee van der Merwe has an EHCP',
  'ruairidh mcdonald in y4 has no speech',
  'a 7-year-old named will is not speaking',
  "priya's mum rang about the EHCP",
  'kacper from Y6 is refusing school',
  'dob 3/4/2017, diagnosed with autism',
  'the family lives at 4 mill lane',
  'visit at hd1 2ab on friday',
  'upn a123456789012 attached',
  'Yusuf bin Ahmad struggles in maths',
  'we are worried about mohammed, aged 6',
  'the girl known as bee will not eat at school',
  'tiago silva has been referred to camhs',
  'Ms Patel says her son Kai is in Reception', // the adult passes, the child does not
  'JOSEPH (Y3) CANNOT SIT STILL',
  'our pupil, mary-jane, is in year 2',
];

const PASS = [
  'the pupil will need support with transitions in year 4',
  'my son will be attending the event in reception',
  'Mrs van der Berg and Mr O\u2019Connor will attend the cluster meeting',
  'Dr. A. D\u2019Souza will lead the training on 3 December',
  'Attendance rose to 92% and amber actions fell to 3',
  'mark the register; hope it helps; may be late; will send notes',
  'the 7yo boy in year 2 is struggling with phonics',
  'reading in year 4 is below the national average',
  'summer term: grace period for EHCP reviews ends',
  'ATTENDANCE IN YEAR 10 HAS DROPPED TO 88% THIS TERM.',
  'long waits for camhs in kirklees; young people in year 9 most affected',
  'the senco and the head of year 9 want advice on sensory breaks',
  'HD1 and WF13 have few specialist places',
  'two boys in year 1 are not yet toilet trained',
  'a pupil in reception with selective mutism',
  'call 01484 221000 to book',
  'we ran 3 sessions on road safety in year 6',
  'Rose Hill Primary and Holly Bank School share a SENCO',
  'notes: parent forum agreed the local offer changes, actions for the SEND board',
];

describe('disguised children are refused', () => {
  it.each(REFUSE.map((t) => [t]))('%j', (text) => {
    expect(refused(text)).toBe(true);
  });
});

describe('professional text passes in any case', () => {
  it.each(PASS.map((t) => [t]))('%j', (text) => {
    expect(refused(text)).toBe(false);
  });
});

describe('adults in the directory', () => {
  const directory = ['Sarah Jones', 'Imran Hussain'];

  it('accepts their full names and their names alone', () => {
    expect(refused('Sarah Jones will chase the data', directory)).toBe(false);
    expect(refused('sarah to chase; imran hussain to report back', directory)).toBe(false);
    expect(refused('Imran will send the notes', directory)).toBe(false);
  });

  it('still refuses a child next to them, or a directory name with a child cue', () => {
    expect(refused('Sarah Jones asked about Oliver in Year 4', directory)).toBe(true);
    expect(refused('a pupil called Sarah in year 3', directory)).toBe(true);
    // Not in a directory: a name, unless the words around place her at work (adult-context.ts).
    expect(refused('Sarah Jones in Year 4 will chase the data')).toBe(true);
    expect(refused('Sarah Jones, 8, will chase the data')).toBe(true);
    expect(refused('Sarah Jones is struggling with the data')).toBe(true);
  });
});

describe('look-alike letters from other alphabets', () => {
  it('folds Cyrillic and Greek letters inside Latin words', () => {
    expect(refused('my son \u041Eliv\u0435r is waiting for SALT')).toBe(true); // Cyrillic О and е
    expect(refused('a pupil called \u0395mm\u03B1 in year 3')).toBe(true); // Greek Ε and α
    expect(refused('my son Oliv\u200B\u0435r is waiting')).toBe(true); // with a zero-width space too
  });

  it('leaves words wholly in another alphabet alone', () => {
    expect(refused('Leaflets in Ukrainian: \u041F\u0440\u0438\u0432\u0456\u0442')).toBe(false);
  });
});
