// The classes the ninth held-out set found: a first name in no data set at the start of a text,
// before a year group or an age ("Yerlan in Year 7", "Selam (Y9)", "Shvan is 14"); initials that
// stand for a child ("Pupil A.K. (Year 8)", "M.H., Y10", "pupil JS has …"); and numbered office
// buildings, which are not house numbers ("Civic Centre 3, Market Street"). Each with near misses
// that must still be accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/privacy/index.js';

const SEED = { seed: 20261205 };
const refused = (text: string): boolean => !screenText(text).ok;

// Names built from syllables English words rarely hold ("zh", "kv", "dzo"), so none is a word.
const syllable = fc.constantFrom('zha', 'kvo', 'dzo', 'yrl', 'tsu', 'vrek', 'xio', 'qaz', 'mzi', 'oyt', 'zhe', 'bzu');
const unheardName = fc.array(syllable, { minLength: 2, maxLength: 3 }).map((parts) => {
  const word = parts.join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
});
const yearCue = fc.constantFrom('in Year 7', 'in year 10', '(Y9)', '(Year 5)', ', Year 3,', 'in reception', 'from Y6', 'in Nursery');
const rest = fc.constantFrom(' needs speech therapy advice.', ': mum is asking about a referral.', ' arrived with no school records.', ' has not attended since Easter.');

describe('a name in no data set at the start of a text', () => {
  it('is refused before a year group', () => {
    fc.assert(fc.property(unheardName, yearCue, rest, (name, cue, end) => {
      const text = `${name}${cue.startsWith(',') ? '' : ' '}${cue}${end}`;
      expect(refused(text), text).toBe(true);
    }), { numRuns: 200, ...SEED });
  });

  it.each([
    'Yerlan in Year 7 needs exam access arrangements.',
    'Selam (Y9) is newly arrived and very withdrawn.',
    'Dilnoza in reception: mum asking about speech therapy',
    'Shvan is 14 and has not attended since Easter.',
  ])('refuses "%s"', (text) => expect(refused(text)).toBe(true));

  it.each([
    'Phonics in Year 1 is going well this term.',
    'Transition (Y6) visits start in June.',
    'Attendance in Year 9 has improved since September.',
    'Numicon in Year 1 has helped with number sense.',
    'Makaton (Reception) signing sessions run on Fridays.',
    'Almondbury in Year 7 has the largest cohort.',
    'Boys in Year 8 are over-represented in exclusions.',
    'Autism is 4 times more common in boys in our data.',
    'ELSA in Year 4 is oversubscribed.',
    'Mrs Khan in Year 2 will lead the session.',
  ])('accepts "%s"', (text) => expect(screenText(text, { placeNames: ['Almondbury'] }).ok).toBe(true));
});

describe('initials that stand for a child', () => {
  const capital = fc.constantFrom(...'ABCDFGHJKLMNPRSTVWYZ'.split(''));
  it('are refused with full stops before a year group, and after a child noun', () => {
    // Pairs the sector writes as acronyms, with or without stops ("A.P." alternative provision, "D.T."), are read so.
    const acronyms = ['AP', 'CP', 'CV', 'DT', 'GP', 'KS', 'LA', 'PP', 'TA'];
    fc.assert(fc.property(capital, capital, fc.constantFrom(' (Year 8): referral declined.', ', Y10, looked after.', ' in Y5 has ADHD.'), (a, b, end) => {
      fc.pre(!acronyms.includes(a + b));
      const dotted = `${a}.${b}.`;
      expect(refused(`Pupil ${dotted}${end}`), dotted).toBe(true);
      expect(refused(`${dotted}${end}`), dotted).toBe(true);
    }), { numRuns: 100, ...SEED });
  });

  it.each([
    ['pupil JS has been hitting staff', true],
    ['Please advise on student K.M. who is refusing lessons', true],
    ['Pupil PP funding for Year 6', false],
    ['pupil ID cards are being reissued', false],
    ['Pupil EHCP reviews are due', false],
    ['P.E. in Year 7 is outside this term', false],
    ['the R.E. (Year 8) unit on belief', false],
    ['child CP plans are reviewed monthly', false],
    ['Pupil TA support in Year 4', false],
    ['A pupil in Y5 is struggling', false],
  ])('"%s" refused: %s', (text, expected) => expect(refused(text)).toBe(expected));
});

describe('numbered office buildings', () => {
  it.each([
    ['Next meeting: Civic Centre 3, Market Street, Huddersfield.', false],
    ['Training is in Suite 2, Castle House, Dewsbury.', false],
    ['The family live at 3 Market Street.', true],
  ])('"%s" refused: %s', (text, expected) => expect(refused(text)).toBe(expected));
});
