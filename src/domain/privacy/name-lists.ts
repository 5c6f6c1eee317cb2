// Which capitalised words count as people's names, and how sure we are. Built once for the shipped
// lists; extraNames from the caller are merged per call without changing the shared sets.
import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './first-names.js';
import { COMMON_SURNAMES } from './surnames.js';
import { MONTHS, WEEKDAYS, isNotAName } from './vocabulary.js';

const SHIPPED_NAMES = new Set(FIRST_NAMES);
const SHIPPED_AMBIGUOUS = new Set(AMBIGUOUS_FIRST_NAMES);
const SURNAMES = new Set(COMMON_SURNAMES);

/**
 * How strongly the surrounding words say "this is a person":
 * strong: "a girl called …", "…'s mum", "7-year-old …";
 * medium: "… (Year 5)", "… (8)";
 * weak: "… in Year 3", "…, Year 3";
 * listed: cues so loose ("Appendix (2)") that only our listed names count.
 */
export type CueStrength = 'strong' | 'medium' | 'weak' | 'listed';

export interface NameLists {
  /** A listed name that is never an ordinary word: a name wherever it appears. */
  isListed(word: string): boolean;
  /** A listed name that is also a word, month or place: a name only with a cue. */
  isAmbiguous(word: string): boolean;
  isSurname(word: string): boolean;
  /** Full names from the caller, lower-cased words, matched as phrases. */
  phrases: string[][];
}

// "Mary-Jane" is listed if either half is.
const anyPart = (word: string, test: (w: string) => boolean): boolean => test(word) || word.split('-').some(test);

export function buildNameLists(extraNames: readonly string[] = []): NameLists {
  const extra = new Set<string>();
  const extraAmbiguous = new Set<string>();
  const phrases: string[][] = [];
  for (const raw of extraNames) {
    const words = raw.trim().split(/\s+/u).filter((w) => w.length >= 2);
    const first = words[0];
    if (!first) continue;
    const titled = first.charAt(0).toUpperCase() + first.slice(1).toLowerCase();
    // A caller's "May" or "Grace" is still a month or a virtue in ordinary text.
    if (SHIPPED_AMBIGUOUS.has(titled) || isNotAName(titled)) extraAmbiguous.add(titled);
    else extra.add(titled);
    if (words.length > 1) phrases.push(words.map((w) => w.toLowerCase()));
  }
  const isAmbiguous = (w: string): boolean => SHIPPED_AMBIGUOUS.has(w) || extraAmbiguous.has(w);
  return {
    isListed: (w) => !isAmbiguous(w) && anyPart(w, (p) => SHIPPED_NAMES.has(p) || extra.has(p)),
    isAmbiguous,
    isSurname: (w) => SURNAMES.has(w),
    phrases,
  };
}

/**
 * Could this capitalised word be a person's name, given a cue of this strength? Listed names always
 * can. Strong cues accept any name-like word. Weaker cues never accept months or known non-names
 * ("Maths (Year 6)", "Art in Year 4"), and accept unknown words only away from the start of a
 * sentence, where a capital letter says something.
 */
export function isCandidateName(word: string, lists: NameLists, strength: CueStrength, atSentenceStart: boolean): boolean {
  if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
  if (lists.isListed(word)) return true;
  if (strength === 'strong') return lists.isAmbiguous(word) || !isNotAName(word);
  const lower = word.toLowerCase();
  if (MONTHS.has(lower) || WEEKDAYS.has(lower) || isNotAName(word)) return false;
  if ((strength === 'medium' || strength === 'listed') && lists.isAmbiguous(word)) return true;
  if (strength === 'listed') return false;
  return !atSentenceStart;
}
