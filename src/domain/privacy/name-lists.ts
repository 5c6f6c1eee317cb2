// Which words count as people's names, and how sure we are. Every lookup folds case. The shared
// sets are built once, lazily, from the data sets (name-data.ts) and our small curated lists; the
// caller's extra names and directory of adults are merged per call without changing them.
import { SURNAME_PARTICLES } from './detect-adults.js';
import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './first-names.js';
import { nameData } from './name-data.js';
import { COMMON_SURNAMES } from './surnames.js';
import { isTitleCase } from './text.js';
import { latinReadings } from './transliterate.js';
import { MONTHS, NOT_NAMES, PRONOUN_CONTRACTION, WEEKDAYS, isNotAName } from './vocabulary.js';

/**
 * How strongly the surrounding words say "this is a person":
 * naming: "a girl called …", "her name is …": whatever follows is a name, in any case;
 * strong: "my son …", "…'s mum", "7-year-old …";
 * medium: "… (Year 5)", "… (8)";
 * weak: "… in Year 3", "…, Year 3";
 * adjacent: an age straight after the word ("Rose 7yo", "joy aged 6"): strong, and any first name
 *   that is also a word ("joy", "faith") counts in any case;
 * year: a year group straight after the word ("Grace in year 3"): weak, and such a first name also
 *   counts at the start of a sentence or capitalised ("Will in Year 5", "mark in year 5.");
 * listed: cues so loose ("Appendix (2)") that only listed names count;
 * owner: "our Faith has …", "my Summer is …": listed names, and names that are also words when the
 *   writer capitalised them mid-sentence ("our faith has" is a belief).
 */
/** 'none': the cue's pattern matched but its condition did not hold (no name by it). */
export type CueStrength = 'naming' | 'strong' | 'adjacent' | 'medium' | 'year' | 'weak' | 'listed' | 'owner' | 'none';

// First names that are also everyday words ("Grace", "Joy", "Penny"), from the curated list: with a
// cue right next to them they are names in any case. Months stay dates ("May in Year 3 …").
const WORD_NAMES = new Set(AMBIGUOUS_FIRST_NAMES.map((n) => n.toLowerCase()).filter((w) => !MONTHS.has(w)));
// Of those, the ones that are also verbs, so "my son will be", "her sister rose to", "a 7-year-old
// may need" stay sentences: they need the writer's capital after a relation or an age before them.
const VERB_NAMES = new Set(['will', 'may', 'mark', 'rose', 'drew', 'rob', 'bill', 'chase', 'grant', 'pat', 'miles', 'frank', 'don']);

export interface NameLists {
  /** A name that is never an everyday word: a name wherever it appears, in any case. */
  isListed(word: string): boolean;
  /** A name that is also an everyday word, month or place: a name only with a cue. */
  isAmbiguous(word: string): boolean;
  isSurname(word: string): boolean;
  /** An everyday English word (whether or not also a name). */
  isEveryday(word: string): boolean;
  /** One of the commonest English words ("was", "will"). */
  isCommon(word: string): boolean;
  /** A word of any English word list, rare ones included ("clicker"), or known not to be a name. */
  isWord(word: string): boolean;
  /** A first name of our curated list or of the English-speaking data set: "JACK", not "NEET". */
  isKnownFirstName(word: string): boolean;
  /** Full names from the caller, lower-cased words, matched as phrases. */
  phrases: string[][];
}

interface Shared {
  listed: Set<string>; ambiguous: Set<string>; surnames: Set<string>; everyday: ReadonlySet<string>; common: ReadonlySet<string>; rare: ReadonlySet<string>;
  /** Listed names that are also rare English words: names in small letters only with a cue. */
  rareWords: Set<string>;
  firstNames: Set<string>;
}
let shared: Shared | undefined;

function buildShared(): Shared {
  const data = nameData();
  const curatedAmbiguous = new Set(AMBIGUOUS_FIRST_NAMES.map((n) => n.toLowerCase()));
  const listed = new Set<string>();
  const ambiguous = new Set<string>(curatedAmbiguous);
  const isWordLike = (w: string) => curatedAmbiguous.has(w) || data.common.has(w) || isNotAName(w);
  // Our curated first names are everyday names of children here ("Jack", "Harry"): listed unless
  // they are among the commonest words. Data-set names that are everyday words need a cue.
  const curatedFirst = new Set(FIRST_NAMES.map((n) => n.toLowerCase()));
  for (const n of FIRST_NAMES) {
    const w = n.toLowerCase();
    (isWordLike(w) ? ambiguous : listed).add(w);
  }
  for (const w of data.names) {
    if (listed.has(w) || w.length < 3 || !/^\p{L}/u.test(w)) continue;
    // Three letters from the big set alone ("app", "ict") are as often a word or an acronym.
    const short = w.length === 3 && !data.firstNames.has(w);
    (short || isWordLike(w) || data.everyday.has(w) ? ambiguous : listed).add(w);
  }
  const rareWords = new Set([...listed].filter((w) => data.rare.has(w) && !curatedFirst.has(w)));
  const surnames = new Set(COMMON_SURNAMES.map((n) => n.toLowerCase()));
  for (const w of data.names) if (w.length >= 3 && !data.common.has(w) && !isNotAName(w)) surnames.add(w);
  const firstNames = new Set([...curatedFirst, ...data.firstNames]);
  return { listed, ambiguous, surnames, everyday: data.everyday, common: data.common, rare: data.rare, rareWords, firstNames };
}

/** The shared sets, built on first use (about a quarter of a second), then kept. */
function sharedLists(): Shared {
  shared ??= buildShared();
  return shared;
}

// "Lily-Mae" and "al-Hassan" count if one part is a name and every part is name-like (so not
// "two-year-olds" or "amber-rated"); "O'Connor", "D'Souza" by the part after "O'".
function parts(word: string, nameLike: (w: string) => boolean): string[] {
  const w = word.toLowerCase();
  if (!w.includes('-') && !w.includes("'")) return [w];
  const pieces = w.split('-');
  const out = [w, ...(pieces.every(nameLike) ? pieces : [])];
  const elided = /^(?:o|d|l)'(.+)$/u.exec(w);
  if (elided?.[1]) out.push(elided[1]);
  return out;
}

let plain: NameLists | undefined;

/** Any character beyond ASCII (not fast-regex's isAscii, which keeps its answer for the whole text). */
function beyondAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return true;
  return false;
}

/** "Siobhán" → "Siobhan", "Ștefan" → "Stefan": the letters without their accents and marks. */
export function withoutMarks(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

// The data sets and our lists mostly spell names without marks, writers often with them. An
// English word written with its accent ("café") stays a word, though its bare form is a surname.
function orUnmarked(lookup: (word: string) => boolean, everyday: ReadonlySet<string>): (word: string) => boolean {
  return (w) => {
    if (lookup(w)) return true;
    if (!beyondAscii(w) || everyday.has(w.toLowerCase())) return false;
    const plainWord = withoutMarks(w);
    return plainWord !== w && lookup(plainWord);
  };
}

// A name in Cyrillic or Greek letters is looked up as it reads in Latin letters, with the case it has
// (transliterate.ts): "Іван" is "Ivan", "Шевченко" is "Shevchenko".
function orLatin(lookup: (word: string) => boolean): (word: string) => boolean {
  return (w) => lookup(w) || (beyondAscii(w) && latinReadings(w).some((r) => lookup(isTitleCase(w) ? r.charAt(0).toUpperCase() + r.slice(1) : r)));
}

// Words repeat from text to text, and every answer below depends on the word alone, so answers are
// kept. The limit bounds memory on a long import of unusual words; clearing only costs speed.
const REMEMBERED_WORDS = 50_000;

function remembered(lookup: (word: string) => boolean): (word: string) => boolean {
  const answers = new Map<string, boolean>();
  return (word) => {
    let answer = answers.get(word);
    if (answer === undefined) {
      answer = lookup(word);
      if (answers.size >= REMEMBERED_WORDS) answers.clear();
      answers.set(word, answer);
    }
    return answer;
  };
}

export function buildNameLists(extraNames: readonly string[] = []): NameLists {
  if (extraNames.length === 0) return (plain ??= makeLists([]));
  return makeLists(extraNames);
}

function makeLists(extraNames: readonly string[]): NameLists {
  const s = sharedLists();
  const extra = new Set<string>();
  const extraAmbiguous = new Set<string>();
  const phrases: string[][] = [];
  for (const raw of extraNames) {
    const words = raw.trim().toLowerCase().split(/\s+/u).filter((w) => w.length >= 2);
    const first = words[0];
    if (!first) continue;
    // A caller's "May" or "Grace" is still a month or a virtue in ordinary text.
    if (s.ambiguous.has(first) || isNotAName(first)) extraAmbiguous.add(first);
    else extra.add(first);
    if (words.length > 1) phrases.push(words);
  }
  const isEveryday = remembered((w) => s.everyday.has(w.toLowerCase()) || isNotAName(w));
  const isAmbiguous = (w: string): boolean => s.ambiguous.has(w.toLowerCase()) || extraAmbiguous.has(w.toLowerCase());
  const nameLike = (p: string): boolean => s.listed.has(p) || s.ambiguous.has(p) || s.surnames.has(p) || SURNAME_PARTICLES.has(p) || extra.has(p);
  return {
    // "rater" in small letters is a word; "Rater" may be a surname.
    isListed: remembered(orLatin(orUnmarked((w) => !isAmbiguous(w) && !(s.rareWords.has(w) && w === w.toLowerCase())
      && parts(w, nameLike).some((p) => (s.listed.has(p) && !isNotAName(p)) || extra.has(p)), s.everyday))),
    isAmbiguous: remembered(isAmbiguous),
    isSurname: remembered(orLatin(orUnmarked((w) => parts(w, nameLike).some((p) => s.surnames.has(p)) || (w.charCodeAt(0) === 77 && /^ma?c\p{Lu}\p{Ll}{2,}$/u.test(w)), s.everyday))),
    isEveryday,
    isCommon: remembered((w) => s.common.has(w.toLowerCase()) || NOT_NAMES.has(w.toLowerCase())),
    isWord: remembered((w) => isEveryday(w) || s.rare.has(w.toLowerCase())),
    isKnownFirstName: (w) => s.firstNames.has(w.toLowerCase()) || extra.has(w.toLowerCase()),
    phrases,
  };
}

/**
 * "AAC", "PECS", "NEET", "LADO" in ordinary text: two to four capitals spell an acronym, unless
 * they are a known first name ("JACK", "OMAR"). No cue makes one a name ("AAC (Y3)", "pupils
 * using AAC, aged 5 to 7"). In text written all in capitals the two cannot be told apart.
 */
export function isShortAcronym(word: string, lists: NameLists, shouted: boolean): boolean {
  if (shouted || word.length < 2 || word.length > 4 || word !== word.toUpperCase() || word === word.toLowerCase()) return false;
  return !lists.isKnownFirstName(word) || SECTOR_ACRONYMS.has(word);
}

/**
 * Acronyms of the SEND sector (two to four letters, as isShortAcronym reads) that may also be first names: in capitals they are the acronym
 * ("ELSA training"); written as a name ("Elsa in Year 3") they are still screened as one.
 */
export const SECTOR_ACRONYMS: ReadonlySet<string> = new Set(['ELSA', 'SALT', 'EHCP', 'SEMH', 'ASD', 'ADHD', 'PDA', 'DCD', 'MLD', 'SLD', 'PMLD', 'VI', 'HI', 'MSI', 'LAC', 'CLA', 'CIN', 'CP', 'TAC', 'TAF', 'EP', 'OT', 'SLT', 'TA', 'LSA', 'HLTA', 'AP', 'PRU', 'EY', 'EYFS', 'KS', 'DSL', 'LADO', 'PCF', 'PCAN', 'ICB', 'LA', 'DFE', 'SEN', 'SEND', 'NHS', 'GP', 'AAC', 'PECS']);

/**
 * Could this word be a person's name, given a cue of this strength? Listed names always can.
 * Strong cues accept any word that is not an everyday word. Weaker cues never accept months or
 * known non-names ("Maths (Year 6)", "Art in Year 4"); a weak cue accepts an unlisted word only
 * when the writer capitalised it away from the start of a sentence.
 */
export function isCandidateName(word: string, lists: NameLists, strength: CueStrength, ctx: { atSentenceStart: boolean; capitalised: boolean }): boolean {
  if (strength === 'none' || word.length < 2 || PRONOUN_CONTRACTION.test(word)) return false;
  if (lists.isListed(word)) return true;
  // A word in another script ("Олександр", "محمد") or with marks English words lack ("Aoibhín")
  // next to a child cue is a name, unless it is an English word with an accent ("café").
  if (beyondAscii(word) && !lists.isEveryday(word) && !lists.isEveryday(withoutMarks(word))) return true;
  const lower = word.toLowerCase();
  if (strength === 'owner') return lists.isAmbiguous(word) && ctx.capitalised && !ctx.atSentenceStart && !isNotAName(word);
  if (strength === 'naming') return lists.isAmbiguous(word) || !lists.isEveryday(word);
  if (strength === 'adjacent' && WORD_NAMES.has(lower)) return true;
  // "my son Will" is a name; "my son will be there" is not: small letters need an uncommon word,
  // or a first name that is a word but not a verb ("my daughter joy").
  if (strength === 'strong' || strength === 'adjacent') {
    return (lists.isAmbiguous(word) && (ctx.capitalised || !lists.isCommon(word))) || !lists.isEveryday(word)
      || (WORD_NAMES.has(lower) && !VERB_NAMES.has(lower));
  }
  if (MONTHS.has(lower) || WEEKDAYS.has(lower) || isNotAName(word)) return false;
  // "Grace in year 3", "mark in year 5.": not after a subject, as in "we mark in year 5". Beyond
  // our list, a first name of the data sets counts when the writer gave it a capital, common word
  // or not ("Jay in yr 9", "Storm year 5 -", "Blue in Year 2", "Bear in Reception"): what comes
  // before a year group otherwise is a subject or a part of school life, which are not names.
  const wordName = WORD_NAMES.has(lower) || (ctx.capitalised && lists.isKnownFirstName(word));
  if (strength === 'year' && wordName && (ctx.atSentenceStart || ctx.capitalised)) return true;
  if ((strength === 'medium' || strength === 'listed') && lists.isAmbiguous(word)) return true;
  // At a sentence start every word has a capital, so it says nothing. A word in no English word
  // list, nor any list of ours, right before a year group or an age is a name the data sets lack
  // ("Yerlan in Year 7", "Selam (Y9)", "Shvan is 14"): what else would be in a year group? Tools
  // and programmes ("Numicon in Year 1") are in vocabulary.ts's list of words that are not names.
  const unheardOf = ctx.capitalised && ctx.atSentenceStart && strength !== 'weak' && word.length >= 3 && !lists.isWord(word);
  if (strength === 'listed') return unheardOf;
  // Capitals mean something away from a sentence start; in small letters (or shouting) only a name
  // from the data sets that is not among the commonest words will do ("smith in year 4").
  if (ctx.capitalised) return unheardOf || (!ctx.atSentenceStart && (lists.isAmbiguous(word) || !lists.isEveryday(word)));
  return lists.isAmbiguous(word) && !lists.isCommon(word);
}
