// Initials that stand for a child: "Pupil A.K. (Year 8)", "M.H., Y10, looked after", "pupil JS
// has…". Initials are how records anonymise a name for the reader who already knows the child,
// so next to a child cue they identify one. Initials with full stops are rarely anything else;
// bare capitals are as often an acronym ("EP in Year 5", "RWI in Year 1"), so they count only
// straight after a child noun or straight before a year group or an age ("JS in Y5", "KM y10 -",
// "RM (nine year old)"), and not when they spell something the sector writes that way.
import { AGE, YEAR_GROUP, cue, gate, matchNear, oneOf } from './cues.js';
import { SECTOR_ACRONYMS } from './name-lists.js';
import type { Finding } from './types.js';
import { NOT_NAMES } from './vocabulary.js';

const CHILD_NOUNS = ['pupil', 'child', 'student', 'learner', 'young person', 'YP', 'CYP'];
const CHILD_NOUN = String.raw`\b${oneOf(CHILD_NOUNS)}`;
const DOTS = String.raw`\p{L}\.[ \t]?\p{L}\.(?:[ \t]?\p{L}\.)?`;
const DOTTED_OR_BARE = String.raw`(?<![\p{L}\d.])(?<initials>${DOTS}|\p{L}{2,3}(?![\p{L}\d.]))`;
// Before a year group, bare initials are two letters, perhaps with a hyphenated surname's second
// ("JS in Y5", "DJ-T Y6"): three bare capitals there are nearly always an acronym ("SDQ Year 4
// questionnaires", "MTC Y4 check"), and with full stops any number are initials.
const BEFORE_A_YEAR = String.raw`(?<![\p{L}\d.'-])(?<initials>${DOTS}|\p{L}{2}(?:-\p{L}{1,2})?(?![\p{L}\d.'-]))`;
// "Y5", "yr 2", "(reception)", "aged 11", "(nine year old)", "9yo".
const YEAR_OR_AGE = String.raw`(?:${YEAR_GROUP}|aged?\s+${AGE}|${AGE}\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b|${AGE}\s*y\.?o\b)`;

// Said the way school records write them: "pupil PP funding", "student ID", "child's UPN"; and places.
const RECORD_WORDS = new Set(['ID', 'PP', 'UPN', 'PEP', 'ILP', 'IEP', 'ULN', 'FSM', 'EAL', 'PE', 'RE', 'DT', 'IT', 'ICT', 'MFL', 'RSE', 'PSHE', 'CV', 'BTEC', 'US', 'UK', 'EU', 'UN']);
// Two letters written bare before a year group in school text: roles, needs, places, bodies
// ("HT in Year 6", "MH Y9 drop-in", "YP aged 16"). With full stops they are initials.
const SCHOOL_ACRONYMS = new Set(['HT', 'SW', 'FE', 'HE', 'MH', 'CE', 'RC', 'NC', 'QA', 'YP', 'LO', 'SS', 'RS', 'KS', 'EY']);

const CUES: readonly { pattern: RegExp; gate: RegExp; needs?: readonly string[] }[] = [
  // "A.K. (Year 8)", "M.H., Y10", "J.S. in Y5", "JS in Y5", "KM y10", "M.H. aged 11"
  { pattern: cue(String.raw`${BEFORE_A_YEAR}\s*(?:,\s*|\(\s*|[-–—]\s*|\s+(?:in|from|is\s+in)\s+|\s+)${YEAR_OR_AGE}`), gate: gate(String.raw`\b${YEAR_OR_AGE}`) },
  // "Pupil A.K.", "pupil JS has …"
  { pattern: cue(String.raw`${CHILD_NOUN}\s+${DOTTED_OR_BARE}`), gate: gate(String.raw`${CHILD_NOUN}\s`), needs: ['pupil', 'child', 'student', 'learner', 'young', 'yp'] },
];

/** Capitals the writer typed as initials: each letter upper case, and not a word of the sector. */
function areInitials(written: string): boolean {
  const letters = written.replace(/[.\s]/gu, '');
  if (letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return false;
  // "P.E. in Year 7", "the U.S. (Year 9) trip": spelt with stops, still a subject or a place.
  if (SECTOR_ACRONYMS.has(letters) || RECORD_WORDS.has(letters)) return false;
  // Bare capitals that spell a word we know ("pupil ART") are that word; with stops ("M.Y.") they are initials.
  return written.includes('.') || (!NOT_NAMES.has(letters.toLowerCase()) && !SCHOOL_ACRONYMS.has(letters.replace(/-/gu, '')));
}

export function detectInitials(text: string, shouted: boolean): Finding[] {
  const found: Finding[] = [];
  for (const { pattern, gate: near, needs } of CUES) {
    for (const m of matchNear(text, pattern, near, needs)) {
      const span = m.indices?.groups?.initials;
      const initials = m.groups?.initials;
      // In text written all in capitals every word looks like bare initials; with stops they still are.
      if (shouted && !initials?.includes('.')) continue;
      if (span && initials && areInitials(initials)) found.push({ code: 'personal_name', start: span[0], end: span[1] });
    }
  }
  return found;
}
