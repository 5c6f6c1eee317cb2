// Generated variants of the classes an outside test found: names in other scripts or with
// diacritics next to a class ("… from 4B"), names written family name first with an age ("Li Na
// is 6"), NHS numbers in brackets or quotes; and, the other way, names that are also words used as
// verbs and nouns ("may sue", "a car jack"), acronyms in capitals ("NEET") and a month with an age
// range ("in May, aged 5 to 7"), which must pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/privacy/index.js';
import { isValidNhsNumber } from '../../../src/domain/privacy/detect-numbers.js';

const refused = (text: string): boolean => !screenText(text).ok;
const codes = (text: string): string[] => {
  const r = screenText(text);
  return r.ok ? [] : r.reasons.map((x) => x.code);
};

const SCRIPT_NAMES = [
  'Іван', 'Олена', 'Мария', 'Дмитро', 'Серёжа', 'Γιώργος', 'Νίκος', 'Ελένη', 'يوسف', 'مريم', '王芳', '李明',
  'Mihăiță', 'Ștefania', 'Małgosia', 'Wąsowska', 'Şükrü', 'Doğan', 'Zsófia', 'Tomáš', 'Bălan', 'Ionuț',
];
// A class by its code: 1A to 13Z, never the shapes 2D and 3D.
const classCode = fc.tuple(fc.integer({ min: 1, max: 13 }), fc.constantFrom(...'ABCEFGHJKLMNPRSTWXYZ'))
  .map(([n, letter]) => `${n}${letter}`);
const classCue = fc.constantFrom(
  (n: string, c: string) => `${n} from ${c} keeps leaving the classroom.`,
  (n: string, c: string) => `Can someone help with ${n} in class ${c}? Transitions are hard.`,
  (n: string, c: string) => `${n} (${c}) will not eat at lunch.`,
  (n: string, c: string) => `Anxious boy ${n}, from ${c}, hides under the table.`,
  (n: string, c: string) => `we've got ${n} in ${c} starting Monday, no English yet`,
  (n: string, c: string) => `${n} in Y${c} has been excluded twice.`,
);

describe('names in other scripts or with diacritics, next to a class', () => {
  it('are refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCRIPT_NAMES), classCode, classCue, (name, code, build) => {
        const text = build(name, code);
        expect(refused(text), text).toBe(true);
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('a class without a name is fine', () => {
    fc.assert(
      fc.property(classCode, fc.constantFrom(
        (c: string) => `Pupils from ${c} will swap sessions on Friday.`,
        (c: string) => `Class ${c} visited the library this week.`,
        (c: string) => `Children in ${c} have started the new phonics scheme.`,
        (c: string) => `${c} and the nurture group share a TA in the afternoons.`,
      ), (code, build) => {
        const text = build(code);
        expect(refused(text), text).toBe(false);
      }),
      { numRuns: 100, seed: 20261203 },
    );
  });
});

const FAMILY = ['Li', 'Wang', 'Zhang', 'Chen', 'Sun', 'Ma', 'Zhou', 'Kim', 'Nguyen', 'Tran'];
const GIVEN = ['Na', 'Yu', 'Lin', 'Jie', 'Min', 'Hui', 'Xin', 'Bo', 'Ying', 'Hao'];
const ageCue = fc.constantFrom(
  (n: string) => `${n} is 6 and still not speaking in class.`,
  (n: string) => `${n}, 8, has just arrived and needs EAL support.`,
  (n: string) => `${n} (aged 5) has no speech at all yet.`,
  (n: string) => `${n} aged 7 cries at drop-off.`,
  (n: string) => `${n}, 9 years old, is very anxious.`,
);

describe('names written family name first, with an age', () => {
  it('are refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FAMILY), fc.constantFrom(...GIVEN), ageCue, (family, given, build) => {
        const text = build(`${family} ${given}`);
        expect(refused(text), text).toBe(true);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('and in Chinese characters with 岁', () => {
    for (const text of ['王芳，7岁，needs a TA.', '李明 8岁 is anxious.', '张伟,6岁, cries at drop-off.']) expect(refused(text), text).toBe(true);
  });
});

const tenDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .chain((rest) => fc.integer({ min: 1, max: 9 }).map((first) => `${first}${rest.join('')}`));
const bracketed = fc.constantFrom(
  (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)} ${d.slice(6)}`,
  (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `(${d.slice(0, 3)})${d.slice(3)}`,
  (d: string) => `[${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}]`,
  (d: string) => `[${d.slice(0, 3)}] [${d.slice(3, 6)}] [${d.slice(6)}]`,
  (d: string) => `{${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}}`,
  (d: string) => `"${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}"`,
  (d: string) => `'${d}'`,
  (d: string) => `«${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}»`,
);

describe('NHS numbers in brackets or quotes', () => {
  it('are refused exactly when the check digit holds', () => {
    fc.assert(
      fc.property(tenDigits, bracketed, fc.constantFrom('NHS number', 'his nhs no is', 'Ref:'), (digits, lay, label) => {
        const text = `${label} ${lay(digits)} for the referral.`;
        expect(codes(text).includes('nhs_number'), text).toBe(isValidNhsNumber(digits));
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });
});

const caseOf = fc.constantFrom((s: string) => s, (s: string) => s.toLowerCase(), (s: string) => s.toUpperCase());
const WORD_USES = [
  'Parents may sue the council if the EHC plan is late.', 'Families could sue the LA over transport.',
  'Some parents threaten to sue; we signpost them to SENDIASS.', 'They will sue unless the placement is named.',
  'The minibus jack is missing again.', 'Use the car jack in the boot.', 'The minibus needs a new jack before its MOT.',
  'Suppliers may jack up prices after April.', "Please don't jack in the nurture group.", "Don't harry the families for forms.",
  'A tom cat keeps getting into the sensory garden.', 'The headphone jack on the listening station is broken.',
  'Reviews in May, aged 5 to 7 first.', 'We will call them later to confirm.',
  "I'll call her back after the panel.", 'May we have the minutes by Friday?',
];
// As written only: in text written all in capitals an acronym and a name look the same.
const ACRONYM_USES = [
  'NEET figures for 16-18 year olds rose this quarter.', 'Young people who are NEET need a named adviser.',
  'The NEET and LADO leads meet on Tuesday.', 'SALT, CAMHS and NEET data go to the board.',
];
const NAME_USES = [
  'my son jack has an EHCP.', 'sue, aged 7, has no speech.', 'jack in year 4 struggles with reading.',
  'Our pupil Jack needs a reader.', 'harry is 8 and cannot sit still.', 'a girl called sue cries at drop-off.',
  'Please observe Jack during phonics.', 'Tom (8) struggles at carpet time.',
];

describe('names that are also words', () => {
  it('pass when grammar makes them the word (after a modal, "to", a determiner), in any case', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORD_USES), caseOf, (text, folded) => {
        expect(refused(folded(text)), folded(text)).toBe(false);
      }),
      { numRuns: 120, seed: 20261203 },
    );
  });

  it('acronyms in capitals pass', () => {
    for (const text of ACRONYM_USES) expect(refused(text), text).toBe(false);
  });

  it('are still refused as names with a cue, or capitalised', () => {
    for (const text of NAME_USES) expect(refused(text), text).toBe(true);
  });
});
