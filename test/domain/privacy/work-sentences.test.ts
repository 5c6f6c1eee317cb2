// Colleagues named by first name in sentences about the running of the service (rotas, contracts,
// retirements, projectors, posts), with and without "'s", are accepted; the same things said of a
// child (a behaviour contract, role play, ten minutes, a year group or an age anywhere in the
// sentence) still are not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { screenText } from '../../../src/domain/privacy/index.js';

const SEED = { seed: 20261206 };
const accepted = (text: string): boolean => screenText(text).ok;

const names = fc.constantFrom('Wiktor', 'Nasreen', 'Chinedu', 'Aoife', 'Dritan', 'Mei', 'Obinna', 'Parveen', 'Siobhan', 'Tariq', 'Hamid', 'Ewa');
const work = fc.constantFrom(
  'has the projector for the twilight session',
  'sorted the mileage claims for the OT team',
  'is on the rota for the helpline next week',
  'will look at the invoice from Locala',
  'sent round the agenda for the network meeting',
  'is chasing the tender paperwork',
  'updated the dashboard after the webinar',
);

describe('a first name in a sentence about work', () => {
  it('is a colleague, whoever it is and whatever the work', () => {
    fc.assert(fc.property(names, work, (name, what) => {
      const text = `${name} ${what}`;
      expect(accepted(text), text).toBe(true);
    }), { numRuns: 120, ...SEED });
  });

  it.each([
    "Dritan's retirement lunch is on Friday in the staff room",
    "Parveen's contract has been extended to March",
    "Ewa's appraisal moved to Thursday",
    'Tariq Mahmood takes over the commissioning of the advocacy contract',
    'can Siobhan add the inset day to the newsletter',
    // Leave, moves and milestones of working life.
    'Obinna is off on paternity leave for two weeks from Monday',
    'Hamid retires in July, there is a collection going round',
    'Nasreen has been promoted to senior SALT',
    'Dritan joined the EP pool this week as a locum',
    'apologies from Aoife, she is at tribunal all day',
    'handover from Wiktor: 3 whole-school requests outstanding',
    'Chinedu is taking over the PfA workstream',
    'Mei is presenting at the regional SALT conference',
    "Tariq's caseload is full so new requests go to the duty EP",
    "Ewa has taken over Hamid's caseload",
    'Parveen and Obinna are co-chairing the coproduction group',
  ])('accepts "%s"', (text) => expect(accepted(text)).toBe(true));
});

describe('the same words about a child', () => {
  it.each([
    'Kayden has a behaviour contract with his teacher',
    'Mila loves role play in the home corner',
    'Ashton needs ten minutes of calm before the rota of jobs starts',
    "Zara's role play group meets on Tuesdays",
    'Malik in Y4 is on the rota for the school council',
    'Lacey is 8 and is on the rota for reading buddies',
    'Shilan Karimi arrived from Iraq and needs a Sorani interpreter.',
    'Rhys (year 6) helped with the newsletter',
    "Kacper's handover to Year 7 is in June",
    'Oliver is presenting with anxiety at the start of the day',
    'Amira has taken over the role of class monitor, she is 7',
    "Tyler's tribunal for his EHCP is next week",
    "Oliver is on Dev's caseload",
    'Amira has been on the SALT caseload since March',
  ])('refuses "%s"', (text) => expect(accepted(text)).toBe(false));
});
