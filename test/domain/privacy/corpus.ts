// Examples of what SENCOs and partnership staff write in Experts at Hand requests and meeting
// notes. Passing cases are ordinary professional text; refused cases name the reason codes the
// screen must give (exactly) and the sensitive text its messages must never repeat.
import type { PrivacyReasonCode } from '../../../src/domain/privacy/index.js';

export interface CorpusCase {
  text: string;
  /** Empty: the text must pass. Otherwise exactly these codes, in any order. */
  expect: PrivacyReasonCode[];
  /** The sensitive parts, which no message may contain. */
  offending?: string[];
}

const pass = (text: string): CorpusCase => ({ text, expect: [] });
const refuse = (text: string, expect: PrivacyReasonCode[], offending: string[]): CorpusCase => ({ text, expect, offending });

export const PASSING: readonly CorpusCase[] = [
  pass('Year 2 class: several children with limited expressive vocabulary.'),
  pass('Planning a quiet base for pupils with anxiety-related absence.'),
  pass('Request a sensory walk-through of the building.'),
  pass('We would like Speech and Language Therapy advice for our Reception cohort.'),
  pass('Around 30% of our Year 6 pupils are on the SEN register.'),
  pass('Can we arrange a visit on 3 December to look at our nurture provision?'),
  pass('Please call the school office on 01484 221000 to book a time.'),
  pass('Mobile: 07700 900123 (SENCO) if the visit needs to move.'),
  pass('Ring 0113 496 0000 for the Leeds team, or +44 1484 221000 from abroad.'),
  pass('Oakfield Primary School would like whole-setting support with zones of regulation.'),
  pass('We are reviewing how we write EHC plan outcomes for Key Stage 2.'),
  pass('Will staff need training before we introduce the new visual timetables?'),
  pass('May half term would be the best time for the training session.'),
  pass('Grace and courtesy lessons are part of our Montessori approach.'),
  pass('Hope to hear from you soon about the sensory audit.'),
  pass('Mark the hall as a low-arousal space during assemblies.'),
  pass('Summer term transition: 12 pupils moving to Valley Head High School have social communication needs.'),
  pass('Art therapy sessions have helped several pupils in Year 4 to regulate.'),
  pass('Faith schools in the cluster would like joint training.'),
  pass('Riverside Academy and Batley Grammar School are sharing an OT session.'),
  pass('The SENCO and the Head of Year 9 want advice on sensory breaks.'),
  pass('We meet on Wednesday 25 November 2026 at 13:30 in the staff room.'),
  pass('Occupational therapy advice for handwriting in Year 3 and Year 4.'),
  pass('Our educational psychologist left in April; we need strategic advice on consultation.'),
  pass('Several children in Huddersfield and Dewsbury settings are waiting for assessment.'),
  pass('Kirklees Local Offer pages need clearer information for families.'),
  pass('A pupil in Year 5 has a diagnosis of autism and finds lunchtimes hard.'),
  pass('A 7-year-old pupil is struggling with transitions between lessons.'),
  pass('Two boys in Year 1 are not yet toilet trained.'),
  pass('Staff want to know how to support a young person with selective mutism.'),
  pass('Meeting date moved from 14/11/2026 to 21/11/2026.'),
  pass('Review due 2026-12-01; please bring the provision map.'),
  pass('Willow class would like a sensory circuit before phonics.'),
  pass("St Mary's Catholic Primary and St John's CE Infants share a SENCO."),
  pass('Victoria Primary School is hosting the cluster meeting.'),
  pass('Ask the Ed Psych team about the graduated approach.'),
  pass('Attendance in Year 10 has dropped to 88% this term.'),
  pass('Session in Room 4, Learning Centre, at 2pm.'),
  pass('We have 3 Key Stage 1 classes and 2 Key Stage 2 classes with high need.'),
  pass('Reading ages are 2 years behind for around a third of the cohort.'),
  pass('Could the expert join our Year 6 transition day in July?'),
  pass('Families have asked for a drop-in at the Batley family hub.'),
  pass('Our postcode area HD1 has very few specialist places; WF13 is similar.'),
  pass('Children born in the summer term are over-represented on our SEN register.'),
  pass('Pupils aged 5 to 7 need more fine-motor support.'),
  pass('Teaching assistants in Reception need advice on Attention Autism sessions.'),
  pass('The school will close for Good Friday on 3 April 2026.'),
  pass('Date of the next review: 12 March 2027.'),
  pass('Please use the Huddersfield Road entrance, parking is limited.'),
  pass('Our cluster chair, the headteacher, will forward the agenda.'),
  pass('Only 45% of EHC plans were issued within 20 weeks.'),
  pass('Christmas Eve is not a working day for the service.'),
  pass('Portal reference 1234567890 is on the council form.'),
  pass('Drew up a plan with the class teacher and the family.'),
  pass('Ivy, Oak and Hazel classes are in the new building.'),
  pass('Meeting at Greenhead College on 12 May, then Shelley College in June.'),
  pass('Maths (Year 6) and English (Year 5) results were discussed.'),
  pass('Bradley and Fartown schools will share the training.'),
  pass('Amber-rated actions: 4 of 12. Actions at risk need an update by Friday.'),
  pass('Agenda: 1. Apologies 2. Minutes 3. Local Offer update 4. AOB'),
  pass('Grant funding for the sensory room runs out in March.'),
  pass('Pupils in Years 3 and 4 with dyslexia need coloured overlays.'),
  pass('NHS England guidance on waiting times was shared at the meeting.'),
  pass('A boy in Year 8 and a girl in Year 9 have been excluded twice this term.'),
  pass('1 Learning Walk and 2 drop-in sessions are planned for the Spring term.'),
  pass('Can the therapist see the Year 3 class on Monday 7 December at 9:15?'),
  // Adults named as adults: a title and a surname
  pass('Mrs Khan, the class teacher, would like advice.'),
  pass('Dr Ahmed from CAMHS said the wait is 18 months.'),
];

export const REFUSED: readonly CorpusCase[] = [
  // Names
  refuse('Amira finds the dinner hall too noisy.', ['personal_name'], ['Amira']),
  refuse('Please can someone observe Oliver during phonics?', ['personal_name'], ['Oliver']),
  refuse('A pupil called Tiago struggles with transitions.', ['personal_name'], ['Tiago']),
  refuse('We have a child named Zephyrine who is non-verbal.', ['personal_name'], ['Zephyrine']),
  refuse('Support for Kacper (Year 5) with fine motor skills.', ['personal_name'], ['Kacper']),
  refuse('Concerns about Hamza in Year 3 and his sleep.', ['personal_name'], ['Hamza']),
  refuse("Tiago's mum has asked for a meeting.", ['personal_name'], ['Tiago']),
  refuse('Will Smith in Year 4 needs a sensory diet.', ['personal_name'], ['Will Smith']),
  refuse('Grace (Year 2) is not speaking in class.', ['personal_name'], ['Grace']),
  refuse('My son Bartholomew has an EHC plan.', ['personal_name'], ['Bartholomew']),
  refuse('Name: Ruairidh\nNeeds: help with dressing', ['personal_name'], ['Ruairidh']),
  refuse('Zainab Hussain and her brother need support.', ['personal_name'], ['Zainab']),
  refuse('Emily and Jack both have speech delay.', ['personal_name'], ['Emily', 'Jack']),
  refuse('Can an OT see Muhammad before Christmas?', ['personal_name'], ['Muhammad']),
  refuse("Sofia Nowak's attendance has fallen.", ['personal_name'], ['Sofia', 'Nowak']),
  refuse('A girl called Summer has selective mutism.', ['personal_name'], ['Summer']),
  refuse('Oluwaseun is finding lunchtimes difficult.', ['personal_name'], ['Oluwaseun']),
  refuse('Łukasz needs visual supports at transitions.', ['personal_name'], ['Łukasz']),
  refuse('Tiago Silva has been referred to CAMHS.', ['personal_name'], ['Tiago Silva']),
  refuse('Our pupil Mary-Jane struggles with handwriting.', ['personal_name'], ['Mary-Jane']),
  refuse('Her sister Jade also has an EHC plan.', ['personal_name'], ['Jade']),
  // Ages with names
  refuse('Sam, aged 7, has limited expressive language.', ['age_with_name'], ['Sam']),
  refuse('Tom (8) struggles to sit at carpet time.', ['age_with_name'], ['Tom']),
  refuse('7-year-old Amira has sensory processing differences.', ['age_with_name'], ['Amira']),
  refuse('We are worried about Priya, 6, who rarely speaks.', ['age_with_name'], ['Priya']),
  refuse('Zephyrine, aged 9, is home educated part-time.', ['age_with_name'], ['Zephyrine']),
  refuse('Harry is 11 and starts high school in September.', ['age_with_name'], ['Harry']),
  refuse('Support for nine-year-old Ruairidh with toileting.', ['age_with_name'], ['Ruairidh']),
  // Dates of birth
  refuse('DOB 03/04/2017, Year 4, diagnosed with ADHD.', ['date_of_birth'], ['03/04/2017']),
  refuse("Child's date of birth: 12 March 2016.", ['date_of_birth'], ['12 March 2016']),
  refuse('The pupil was born on 5th June 2018 and has global delay.', ['date_of_birth'], ['5th June 2018']),
  refuse('Born in August 2019, so one of the youngest in the year.', ['date_of_birth'], ['August 2019']),
  refuse('The pupil (d.o.b. 1.9.15) has an EHC plan.', ['date_of_birth'], ['1.9.15']),
  refuse('03/04/2017 (DOB) - referral attached.', ['date_of_birth'], ['03/04/2017']),
  refuse('Her birthday is 3 December.', ['date_of_birth'], ['3 December']),
  // UPNs
  refuse('UPN A123456789012 for the pupil in question.', ['upn'], ['A123456789012']),
  refuse('upn: K 1234 5678 9012', ['upn'], ['1234 5678 9012']),
  refuse('Temporary number H12345678901A until the transfer is done.', ['upn'], ['H12345678901A']),
  // NHS numbers
  refuse('NHS number 943 476 5919 is on the referral.', ['nhs_number'], ['943 476 5919']),
  refuse('Referral for 9434765919 was sent last week.', ['nhs_number'], ['9434765919']),
  refuse('NHS no. 401-023-2137 please.', ['nhs_number'], ['401-023-2137']),
  // Addresses
  refuse('The family live at 12 Acacia Avenue.', ['address'], ['12 Acacia Avenue']),
  refuse('Home visit to 4 Mill Lane on Tuesday.', ['address'], ['4 Mill Lane']),
  refuse('Flat 3, Towngate House needs a ramp assessment.', ['address'], ['Flat 3']),
  refuse('They moved to 27b Station Road last month.', ['address'], ['27b Station Road']),
  refuse('The child lives on Acacia Avenue near the park.', ['address'], ['Acacia Avenue']),
  // Postcodes
  refuse('Postcode HD1 2AB for the home visit.', ['postcode'], ['HD1 2AB']),
  refuse('wf134hq is the postcode for the visit.', ['postcode'], ['wf134hq']),
  refuse('Visit at WF13 4HQ on Friday.', ['postcode'], ['WF13 4HQ']),
  // Several at once
  refuse('Sam, aged 7, lives at 12 Acacia Avenue, HD1 2AB.', ['age_with_name', 'address', 'postcode'], ['Sam', '12 Acacia Avenue', 'HD1 2AB']),
  refuse('Oliver Smith, DOB 01/02/2016, NHS 943 476 5919', ['personal_name', 'date_of_birth', 'nhs_number'], ['Oliver Smith', '01/02/2016', '943 476 5919']),
];

export const CORPUS: readonly CorpusCase[] = [...PASSING, ...REFUSED];
