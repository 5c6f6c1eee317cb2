// A child's age next to their name ("Sam, aged 7", "Tom (8)", "7-year-old Amira") identifies them
// far more than either alone. An age on its own ("a 7-year-old pupil") is fine.
import { AGE, NAME, NUMBER_WORD, cue, gate, matchNear, oneOf } from './cues.js';
import { familyNameBefore } from './family-first.js';
import { type CueStrength, type NameLists, isCandidateName, isShortAcronym } from './name-lists.js';
import { wordContext } from './text.js';
import type { Finding } from './types.js';
import { isMonthAsDate } from './vocabulary.js';

// Ages written in Chinese, Japanese or Korean: "7岁", "7歲", "7歳", "7살".
const CJK_YEARS = '岁|歲|歳|살';
export const YEARS_OLD = String.raw`(?:\s*-?\s*(?:(?:years?|yrs?|y)\b(?:\s*-?\s*old)?|y\.?o\b\.?|${CJK_YEARS}))`;
/** "7-year-old", "7 yr old", "7yo", "7 y.o.", "7岁" */
const AGED = String.raw`(?:\s*-?\s*(?:years?|yrs?)\s*-?\s*old|\s*-?\s*y\.?o\b\.?|\s*(?:${CJK_YEARS}))`;
export const ENDS_CLAUSE = String.raw`(?=\s*(?:[.,;:!?)]|$)|\s+${oneOf(['and', 'but', 'so', 'with', 'who', 'in', 'at'])}\b)`;

interface AgeCue {
  pattern: RegExp;
  /** A cheap test for the cue's anchor; the pattern runs only near its matches. */
  gate: RegExp;
  /** Lower-case words of which the gate cannot match without one. */
  needs: readonly string[];
  /** The strength depends on the wording the match used. */
  strength: (m: RegExpMatchArray) => CueStrength;
}

// "7-year-old", "7 yrs old", "7yo": rare in plan text, so a good gate.
const OLD_GATE = gate(String.raw`(?:years?|yrs?)\s*-?\s*old|\d\s*-?\s*y\.?o\b|\d\s*(?:${CJK_YEARS})`);
const OLD_NEEDS = ['old', 'yo', 'y.o'];

const AGE_CUES: readonly AgeCue[] = [
  // "Sam, aged 7", "Sam aged 7". Without a comma, a plural-looking word is more likely a group
  // ("Siblings aged 5") than a name, so it needs to be away from the start of a sentence.
  {
    pattern: cue(String.raw`${NAME}(?<comma>,)?\s+${oneOf(['aged', 'age'])}\s+${AGE}`),
    gate: gate(String.raw`\bage`),
    needs: ['age'],
    strength: (m) => (m.groups?.comma || !m.groups?.name?.endsWith('s') ? 'adjacent' : 'weak'),
  },
  // "Tom (8)", "Tom (aged 8)", "Tom (8 yrs)"
  {
    pattern: cue(String.raw`${NAME}\s*\(\s*(?<aged>${oneOf(['aged', 'age'])}\s*)?${AGE}(?<unit>${YEARS_OLD})?\s*\)`),
    // An age of 1 to 25 (or a word) after the bracket: not "(2026)" or "(1234)", which plan text is full of.
    gate: gate(String.raw`\(\s*(?:age|(?:[1-9]|1\d|2[0-5])(?!\d)|${NUMBER_WORD})`),
    needs: ['('],
    strength: (m) => (m.groups?.aged || m.groups?.unit ? 'strong' : 'listed'),
  },
  // "7-year-old Amira", "a seven year old, Amira", "a 10 year old boy called Tiago"
  { pattern: cue(String.raw`${AGE}${AGED},?\s+${NAME}`), gate: OLD_GATE, needs: OLD_NEEDS, strength: () => 'strong' },
  // "Sam is a 7yo", "Sam, a 7-year-old", and straight after the name: "Rose 7yo", "Joy, 6 years old"
  { pattern: cue(String.raw`${NAME}(?:(?:,|\s+is|\s+was)\s+an?)?(?:,\s*|\s+)${AGE}${AGED}`), gate: OLD_GATE, needs: OLD_NEEDS, strength: () => 'adjacent' },
  {
    pattern: cue(String.raw`${AGE}${AGED}(?:\s+\p{L}+){0,3}?\s+(?:called|named|known\s+as)\s+${NAME}`),
    gate: OLD_GATE,
    needs: OLD_NEEDS,
    strength: () => 'naming',
  },
  // "Harry is 11 and …", "Harry turned 5 years old."
  {
    pattern: cue(String.raw`${NAME}\s+(?:is|was|turns|turned|has\s+just\s+turned)\s+${AGE}(?<unit>${YEARS_OLD})?${ENDS_CLAUSE}`),
    gate: gate(String.raw`\b(?:is|was|turns|turned)\s+(?:\d|${NUMBER_WORD})`),
    needs: ['is', 'was', 'turn'],
    strength: (m) => (m.groups?.unit ? 'strong' : 'listed'),
  },
  // "Priya, 6, rarely speaks"
  { pattern: cue(String.raw`${NAME},\s*${AGE}\s*,`), gate: gate(String.raw`,\s*(?:\d{1,2}|${NUMBER_WORD})\s*,`), needs: [','], strength: () => 'listed' },
];

/** "learners at Greenbank College aged 16 to 18", "siblings aged 5-11": a range of ages is a group, not a child. */
function isAgeRange(text: string, end: number): boolean {
  return /^\d*\s*(?:-|–|—|to|and)\s*(?:\d|[a-z]+teen\b|ten\b|eleven\b|twelve\b)/iu.test(text.slice(end, end + 16));
}

export function detectAges(text: string, lists: NameLists, shouted: boolean): Finding[] {
  const found: Finding[] = [];
  for (const { pattern, gate: near, needs, strength } of AGE_CUES) {
    for (const m of matchNear(text, pattern, near, needs)) {
      const span = m.indices?.groups?.name;
      const name = m.groups?.name;
      if (!span || !name || m.index === undefined || isShortAcronym(name, lists, shouted)) continue;
      if (isMonthAsDate(text, span[0], name) || isAgeRange(text, m.index + m[0].length)) continue;
      const before = familyNameBefore(text, span[0], name, shouted);
      if (before !== undefined || isCandidateName(name, lists, strength(m), wordContext(text, span[0], name, shouted))) {
        found.push({ code: 'age_with_name', start: Math.min(before ?? m.index, m.index), end: m.index + m[0].length });
      }
    }
  }
  return found;
}
