// Generated variants of the classes the committed corpora hold by hand: NHS numbers in two groups
// of five, in brackets and spelt out in words (decided by the modulus-11 check digit); a "d o b"
// cue written with spaced or dotted letters; first names that are also words, and names with
// accents or in other scripts, next to a cue.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/privacy/index.js';
import { isValidNhsNumber } from '../../../src/domain/privacy/detect-numbers.js';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const codes = (text: string): string[] => {
  const r = screenText(text);
  return r.ok ? [] : r.reasons.map((x) => x.code);
};

/** Ten digits that do not start with 0 (a phone number's lead digit). */
const tenDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .chain((rest) => fc.integer({ min: 1, max: 9 }).map((first) => `${first}${rest.join('')}`));
const layout = fc.constantFrom(
  (d: string) => `${d.slice(0, 5)} ${d.slice(5)}`,
  (d: string) => `(${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)})`,
  (d: string) => `[${d}]`,
  (d: string) => [...d].map((c) => WORDS[Number(c)]).join(' '),
  (d: string) => [...d].map((c) => (WORDS[Number(c)] as string).toUpperCase()).join(', '),
);

describe('NHS numbers in other layouts', () => {
  it('are refused exactly when the check digit holds (two fives, brackets, words in any case)', () => {
    fc.assert(
      fc.property(tenDigits, layout, (digits, lay) => {
        const text = `For the referral the number is ${lay(digits)} thanks.`;
        expect(codes(text).includes('nhs_number'), text).toBe(isValidNhsNumber(digits));
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});

// "d o b", "D.O.B", "D / O / B": the cue's letters with spaces or marks between them.
const dobCue = fc.tuple(
  fc.constantFrom('d', 'D'), fc.constantFrom('o', 'O'), fc.constantFrom('b', 'B'),
  fc.constantFrom(' ', '.', '. ', ' . ', '/', ' / ', '-', '  ', '_'),
).map(([d, o, b, sep]) => `${d}${sep}${o}${sep}${b}`);
const date = fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 2008, max: 2024 }))
  .chain(([d, m, y]) => fc.constantFrom(`${d}/${m}/${y}`, `${d}.${m}.${String(y % 100).padStart(2, '0')}`, `${d} March ${y}`, `${y}-${m}-${d}`));

describe('a spaced or dotted "d o b" cue', () => {
  it('with a date after it is refused as a date of birth', () => {
    fc.assert(
      fc.property(dobCue, fc.constantFrom(' ', ': ', ' - '), date, (cueText, gap, when) => {
        const text = `Referral for a pupil in Year 2, ${cueText}${gap}${when}, please advise.`;
        expect(codes(text), text).toContain('date_of_birth');
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });
});

// First names that are also everyday words, with a cue right next to them, in any case.
const WORD_NAMES = ['Grace', 'Amber', 'Joy', 'Faith', 'Penny', 'Hope', 'Holly', 'Ruby', 'Daisy'];
const caseOf = fc.constantFrom((s: string) => s, (s: string) => s.toLowerCase(), (s: string) => s.toUpperCase());
const wordNameCue = fc.constantFrom(
  (n: string) => `${n} in year 3 is not speaking in class.`,
  (n: string) => `${n} (Reception) cries at drop-off.`,
  (n: string) => `${n}, Y4, hides under the table.`,
  (n: string) => `${n} 7yo has eczema and avoids PE.`,
  (n: string) => `${n} aged 6 is not toilet trained.`,
  (n: string) => `my daughter ${n} is refusing school.`,
  (n: string) => `Our foster child ${n} struggles at transitions.`,
);

describe('first names that are also words, next to a cue', () => {
  it('are refused in any case (year group, age, relation)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORD_NAMES), wordNameCue, caseOf, (name, build, folded) => {
        const text = folded(build(name));
        expect(screenText(text).ok, text).toBe(false);
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('stay words without one', () => {
    const uses = ['We have hope for the new provision.', 'Summer term transition starts in June.', 'Mark the register by 9:05.',
      'Grace and courtesy lessons help.', 'Amber-rated actions need an update.', 'A penny for your thoughts on the budget.',
      'Staff joy at the Ofsted result.', 'Faith schools in the cluster meet termly.', 'Will staff need training?'];
    fc.assert(
      fc.property(fc.constantFrom(...uses), caseOf, (text, folded) => {
        expect(screenText(folded(text)).ok, folded(text)).toBe(true);
      }),
      { numRuns: 60, seed: 20261203 },
    );
  });
});

// Names from further afield, with their accents, and names in other scripts, next to a cue.
const WIDER = ['Siobhán', 'Aoibhín', 'Seán', 'Ștefan', 'Răzvan', 'Ionuț', 'Lungile', 'Nomvula', 'Zanele', 'Олександр', 'Сергей', 'Мария', 'محمد', '美玲'];
const cueOf = fc.constantFrom(
  (n: string) => `${n} in year 4 is very withdrawn.`,
  (n: string) => `${n} (Reception) will not come into class.`,
  (n: string) => `${n}, aged 7, has no speech yet.`,
  (n: string) => `${n} 6yo is not eating at school.`,
  (n: string) => `my son ${n} has an EHCP.`,
);

describe('names with accents, from the wider world, or in other scripts, next to a cue', () => {
  it('are refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WIDER), cueOf, (name, build) => {
        const text = build(name);
        expect(screenText(text).ok, text).toBe(false);
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });
});
