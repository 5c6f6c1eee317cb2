// Initials that stand for a child: "Pupil A.K. (Year 8)", "M.H., Y10, looked after", "pupil JS
// has…". Initials are how records anonymise a name for the reader who already knows the child,
// so next to a child cue they identify one. Initials with full stops are rarely anything else;
// bare capitals are as often an acronym ("EP in Year 5", "RWI in Year 1"), so they count only
// straight after a child noun, and not when they spell something the sector writes that way.
import { YEAR_GROUP, cue, gate, matchNear, oneOf } from './cues.js';
import { SECTOR_ACRONYMS } from './name-lists.js';
import type { Finding } from './types.js';
import { NOT_NAMES } from './vocabulary.js';

const CHILD_NOUNS = ['pupil', 'child', 'student', 'learner', 'young person', 'YP', 'CYP'];
const CHILD_NOUN = String.raw`\b${oneOf(CHILD_NOUNS)}`;
const DOTS = String.raw`\p{L}\.[ \t]?\p{L}\.(?:[ \t]?\p{L}\.)?`;
const DOTTED = String.raw`(?<![\p{L}\d.])(?<initials>${DOTS})`;
const DOTTED_OR_BARE = String.raw`(?<![\p{L}\d.])(?<initials>${DOTS}|\p{L}{2,3}(?![\p{L}\d.]))`;

// Said the way school records write them: "pupil PP funding", "student ID", "child's UPN"; and places.
const RECORD_WORDS = new Set(['ID', 'PP', 'UPN', 'PEP', 'ILP', 'IEP', 'ULN', 'FSM', 'EAL', 'PE', 'RE', 'DT', 'IT', 'ICT', 'MFL', 'RSE', 'PSHE', 'CV', 'BTEC', 'US', 'UK', 'EU', 'UN']);

const CUES = [
  // "A.K. (Year 8)", "M.H., Y10", "J.S. in Y5"
  { pattern: cue(String.raw`${DOTTED}\s*(?:,\s*|\(\s*|\s+(?:in|from|is\s+in)\s+)${YEAR_GROUP}`), gate: gate(DOTS), needs: ['.'] },
  // "Pupil A.K.", "pupil JS has …"
  { pattern: cue(String.raw`${CHILD_NOUN}\s+${DOTTED_OR_BARE}`), gate: gate(String.raw`${CHILD_NOUN}\s`), needs: ['pupil', 'child', 'student', 'learner', 'young', 'yp'] },
] as const;

/** Capitals the writer typed as initials: each letter upper case, and not a word of the sector. */
function areInitials(written: string): boolean {
  const letters = written.replace(/[.\s]/gu, '');
  if (letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return false;
  // "P.E. in Year 7", "the U.S. (Year 9) trip": spelt with stops, still a subject or a place.
  if (SECTOR_ACRONYMS.has(letters) || RECORD_WORDS.has(letters)) return false;
  // Bare capitals that spell a word we know ("pupil ART") are that word; with stops ("M.Y.") they are initials.
  return written.includes('.') || !NOT_NAMES.has(letters.toLowerCase());
}

export function detectInitials(text: string, shouted: boolean): Finding[] {
  // In text written all in capitals every word looks like initials.
  if (shouted) return [];
  const found: Finding[] = [];
  for (const { pattern, gate: near, needs } of CUES) {
    for (const m of matchNear(text, pattern, near, needs)) {
      const span = m.indices?.groups?.initials;
      const initials = m.groups?.initials;
      if (span && initials && areInitials(initials)) found.push({ code: 'personal_name', start: span[0], end: span[1] });
    }
  }
  return found;
}
