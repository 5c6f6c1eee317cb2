// Personal names, in any case: listed names used as people, name + surname pairs, names with
// surname particles ("van der", "al-"), the caller's extra names, and any word that context marks
// as a person ("a pupil called …", "… (Year 5)", "…'s mum"). Names that are also everyday words
// need such a cue.
import { allMatches, forText, isAscii, mayMatch } from './fast-regex.js';
import { SURNAME_PARTICLES } from './detect-adults.js';
import { NAME, YEAR_GROUP, cue, gate, matchNear, oneOf } from './cues.js';
import { familyNameBefore } from './family-first.js';
import { inListOfPlaces, namesCondition, placeAfterInstitution } from './named-things.js';
import { type CueStrength, type NameLists, isCandidateName, isShortAcronym } from './name-lists.js';
import { type Token, isAcronym, isTitleCase, joined, wordContext } from './text.js';
import type { Finding } from './types.js';
import { DETERMINERS, INSTITUTION_WORDS, MONTHS, NAME_PREFIXES_NOT_PEOPLE, VERB_MARKERS, isMonthAsDate, isNotAName } from './vocabulary.js';

/** A finding from a context cue, or from the word alone (which a directory entry may excuse). */
export interface NameFinding extends Finding { byCue: boolean }

const PERSON_NOUNS = [
  'pupil', 'child', 'student', 'learner', 'boy', 'girl', 'son', 'daughter', 'young person', 'young man',
  'young woman', 'young lady', 'youngster', 'toddler', 'baby', 'brother', 'sister', 'sibling', 'twin', 'lad',
  'kid', 'he', 'she', 'YP', 'CYP', 'year old', 'year-old', 'yo',
];
const RELATIVES = [
  'son', 'daughter', 'grandson', 'granddaughter', 'nephew', 'niece', 'stepson', 'stepdaughter', 'brother',
  'sister', 'twin', 'foster child', 'child', 'kid', 'little one', 'boy', 'girl', 'cousin', 'pupil', 'student',
];
const FAMILY_OF_ONE = [
  'mum', 'mother', 'mummy', 'mom', 'dad', 'father', 'daddy', 'stepmum', 'stepdad', 'carer', 'foster carer',
  'gran', 'grandma', 'nan', 'nana', 'grandad', 'grandpa', 'grandmother', 'grandfather', 'aunt', 'auntie',
  'uncle', 'brother', 'sister', 'sibling', 'twin', 'social worker', 'key worker', 'keyworker', 'parents',
  'family', 'teacher', 'class teacher', 'ta', 'ehcp', 'ehc plan', 'plan', 'behaviour', 'reading', 'speech',
  'attendance', 'diagnosis', 'needs', 'sen', 'send', 'placement', 'school place', 'transport', 'annual review',
  'one-page profile', 'support plan', 'ehc needs assessment', 'exclusion', 'timetable',
];
const OWNERS = ['my', 'our', 'her', 'his', 'their', 'your'];
// A word that may stand between "my" and the relative: "my little girl", "our eldest son".
const KIN_ADJECTIVE = String.raw`(?:(?:little|youngest|eldest|oldest|younger|older|middle|baby|adopted|foster|step|twin|autistic|disabled)\s+)?`;
const OWNER_NEEDS = ['my', 'our', 'her', 'his']; // "their" holds "her", "your" holds "our"
const CHILD_WORDS = ['child', 'pupil', 'student', 'learner', 'young person', 'CYP', 'YP', 'her', 'his', 'their', 'son', 'daughter'];
// Common misspellings of the cue words count too ("caled", "namd"): the cue is what matters.
const CALLED = String.raw`(?:is\s+|was\s+|goes\s+by\s+)?(?:call?l?e?d|nam?e?d|known\s+as|nicknamed)`;
// "the adopted child, Ruby, …", "the boy, Rezan, who …": a name set off by commas after a child noun.
const APPOSED_TO = ['child', 'pupil', 'student', 'learner', 'boy', 'girl', 'son', 'daughter', 'young person', 'toddler', 'baby'];

// Verbs that make the word before them the subject: "our Faith has", "May (Y2) is".
const SUBJECT_VERBS = ['is', 'was', 'has', 'had', 'needs', 'goes', 'gets', 'does', "isn't", "wasn't", "hasn't", "doesn't", "can't", 'cannot', "won't", 'keeps', 'struggles', 'loves', 'hates', 'refuses', 'finds', 'will'];

/**
 * gate: a cheap test for the cue's anchor; the pattern runs only near its matches. needs: lower-case
 * words of which the gate cannot match without one ("my" covers "my son"; "our" covers "your").
 */
interface NameCue { pattern: RegExp; gate: RegExp; needs?: readonly string[]; strength: CueStrength | ((m: RegExpExecArray) => CueStrength); wholeText?: boolean }

// The name each cue captures is checked by isCandidateName with the cue's strength.
const NAME_CUES: readonly NameCue[] = [
  // "a pupil in Year 4 called …", "a girl named …", "she is known as …"
  { pattern: cue(String.raw`\b${oneOf(PERSON_NOUNS)}\b,?(?:\s+[\p{L}\d'-]+,?){0,4}?\s+${CALLED}\s+${NAME}`), gate: gate(String.raw`\b(?:call?l?e?d|nam?e?d|known|nicknamed)\b`), needs: ['cal', 'na', 'known'], strength: 'naming' },
  // "we call him …", "they call her …"
  // Strong, not naming: "call her back", "call them later" are the phrasal verb.
  { pattern: cue(String.raw`\bcalls?\s+(?:him|her|them)\s+${NAME}`), gate: gate(String.raw`\bcalls?\s+(?:him|her|them)\b`), needs: ['call'], strength: 'strong' },
  { pattern: cue(String.raw`\b${oneOf(APPOSED_TO)}\s*,\s*${NAME}\s*,`), gate: gate(String.raw`\b${oneOf(APPOSED_TO)}\s*,`), needs: [','], strength: 'strong' },
  // "the little girl in Y1 – Semhar – has …", "one pupil - Shkurte - needs …": set off by dashes, a year group between.
  {
    pattern: cue(String.raw`\b${oneOf(APPOSED_TO)}(?:\s+(?:in|from)\s+${YEAR_GROUP})?\s*(?:[–—]|\s-)\s*${NAME}\s*(?:[–—]|-\s)`),
    gate: gate(String.raw`\b${oneOf(APPOSED_TO)}\b[^–—]{0,16}(?:[–—]|\s-\s)`),
    needs: ['–', '—', ' - '],
    strength: 'strong',
  },
  // "my son …", "her sister …", "my little girl …", "our eldest …"
  { pattern: cue(String.raw`\b${oneOf(OWNERS)}\s+${KIN_ADJECTIVE}${oneOf(RELATIVES)},?\s+${NAME}`), gate: gate(String.raw`\b${oneOf(OWNERS)}\s+${KIN_ADJECTIVE}${oneOf(RELATIVES)}\b`), needs: OWNER_NEEDS, strength: 'strong' },
  // "Frank, a Y3 pupil, …", "Amir, our Year 6 boy, …": a name set off before a child noun.
  { pattern: cue(String.raw`${NAME}\s*,\s*(?:a|an|our|the|my)\s+(?:(?:y|yr|year)\s?\d{1,2}\s+|reception\s+|nursery\s+|new\s+|little\s+)?${oneOf(APPOSED_TO)}\b`), gate: gate(String.raw`,\s*(?:a|an|our|the|my)\s`), needs: [','], strength: 'strong' },
  // "my son will is on …": a word that a verb follows directly is the subject, so a name, even
  // when it is also an everyday word ("will", "grace") written in small letters.
  { pattern: cue(String.raw`\b${oneOf(OWNERS)}\s+${oneOf(RELATIVES)},?\s+${NAME}(?=\s+(?:is|was|has|had|needs|goes|gets|does|isn't|wasn't|hasn't|doesn't)\b)`), gate: gate(String.raw`\b${oneOf(OWNERS)}\s+${oneOf(RELATIVES)}\b`), needs: OWNER_NEEDS, strength: 'naming' },
  // "Our Faith has just been diagnosed …": "our" or "my" before a family member's name, as people
  // here say it, when a verb makes the name the subject.
  { pattern: cue(String.raw`\b(?:our|my)\s+${NAME}(?=\s+(?:${SUBJECT_VERBS.join('|')})\b)`), gate: gate(String.raw`\b(?:our|my)\s`), needs: ['our', 'my'], strength: 'owner' },
  // "the child's name is …", "her name is …", and "Name: …" at the start of a line
  {
    pattern: cue(String.raw`\b${oneOf(CHILD_WORDS)}(?:'s)?\s+(?:first\s+|full\s+|real\s+)?name\s*(?:is|was|:|-|–)\s*${NAME}`),
    gate: gate(String.raw`\bname\b`),
    needs: ['name'],
    strength: 'naming',
  },
  {
    pattern: cue(String.raw`(?:^|\n)[ \t]*(?:${oneOf(['full', 'first', 'child', 'pupil', "child's", "pupil's"])}\s+)?name\s*[:\-–]\s*${NAME}`),
    gate: gate(String.raw`name\s*[:\-–]`),
    needs: ['name'],
    strength: 'naming',
    wholeText: true,
  },
  // "…'s mum", "…'s social worker", "…'s EHCP"
  { pattern: cue(String.raw`${NAME}'s\s+${oneOf(FAMILY_OF_ONE)}\b`), gate: gate(String.raw`'s\s+${oneOf(FAMILY_OF_ONE)}\b`), needs: ["'s"], strength: 'strong' },
  // "… (Year 5)", "… (Y5", "… (Reception)"
  // "Learner Oleksandr needs …": a child noun used as a title; the word must not be everyday.
  { pattern: cue(String.raw`\b${oneOf(['learner', 'pupil', 'student', 'child'])}\s+${NAME}`), gate: gate(String.raw`\b(?:learner|pupil|student|child)\s`), needs: ['learner', 'pupil', 'student', 'child'], strength: 'weak' },
  // "… (Year 5)", "SMITH J (Y4)": a register-style initial may sit between name and year group.
  { pattern: cue(String.raw`${NAME}(?:\s+\p{L}\.?)?\s*\(\s*${YEAR_GROUP}`), gate: gate(String.raw`\(\s*${YEAR_GROUP}`), needs: ['('], strength: 'medium' },
  // "… in Year 3", "…, Year 3", "… - Y6 -", "… from Y6", "… in Reception"
  // With "in", "from" or a comma the year group belongs to the word ("Grace in year 3"); bare, it
  // may be the verb's object ("Mark Year 6 books"), unless a dash, colon or verb after it sets the
  // pair apart as who and which year ("Faith Y5 - attendance", "Sofiia y5 has no EHCP").
  {
    pattern: cue(String.raw`${NAME}(?<via>,|\s*[-–—])?\s+(?:(?<in>${oneOf(['in', 'from', 'is in', 'in the'])})\s+)?${YEAR_GROUP}(?<apart>\s*[-–—:]|\s+${oneOf(SUBJECT_VERBS)}\b)?`),
    gate: gate(String.raw`\b${YEAR_GROUP}`),
    strength: (m) => (m.groups?.via || m.groups?.in || m.groups?.apart ? 'year' : 'weak'),
  },
  // "Ruby in Otters class", "Jay from Class Oak": a class as schools name them, held like a year
  // group; the class's name has its capital ("mute in class but", "in music class" are not names).
  {
    pattern: cue(String.raw`${NAME}\s+(?:in|from)\s+(?:the\s+)?(?:(?<before>\p{L}+)\s+class\b|class\s+(?<after>\p{L}+)\b)`),
    gate: gate(String.raw`\bclass\b`),
    needs: ['class'],
    strength: (m) => (/^\p{Lu}/u.test(m.groups?.before ?? m.groups?.after ?? '') ? 'year' : 'none'),
  },
];

export interface Scan { text: string; tokens: Token[]; lists: NameLists; shouted: boolean }

const LINKS_IN_PLACE_NAMES = new Set(['of', 'upon', 'under', 'and']);
const NAMED_TOOLS = new Set(['profile', 'profiles', 'scales', 'scale', 'checklist', 'questionnaire', 'screener', 'inventory', 'toolkit', 'framework', 'method', 'approach', 'programme', 'technique']);

/** "Victoria Primary School", "Oliver class", "St Mary's", "Rett syndrome": the name is part of something else. */
function isPartOfProperNoun(scan: Scan, i: number): boolean {
  const { text, tokens, lists } = scan;
  const token = tokens[i];
  if (!token) return false;
  if (namesCondition(text, tokens, i) || inListOfPlaces(text, tokens, i)) return true;
  const prev = tokens[i - 1];
  if (prev && /^[ \t.]+$/u.test(text.slice(prev.end, token.start)) && NAME_PREFIXES_NOT_PEOPLE.has(prev.lower)) return true;
  if (placeAfterInstitution(text, tokens, i)) return true;
  // "Boxall profile", "Reynell scales": a tool named after its author, unless the word is a first name.
  const after = tokens[i + 1];
  if (after && NAMED_TOOLS.has(after.lower) && joined(text, token, after) && !lists.isKnownFirstName(token.base)) return true;
  for (let j = i + 1; j <= i + 4; j++) {
    const next = tokens[j];
    const before = tokens[j - 1];
    if (!next || !before || !joined(text, before, next)) return false;
    if (INSTITUTION_WORDS.has(next.lower)) return true;
    // Only a chain of capitalised words ("Valley Head High School", "Shepley and Emley first
    // schools", "Bank of England") can end
    // in an institution word: "Kwame at Meadow Lane" is a child at a place, not a place.
    if (!isTitleCase(next.base) && !LINKS_IN_PLACE_NAMES.has(next.lower)) return false;
  }
  return false;
}

const PERSON_NOUN_SET = new Set([...PERSON_NOUNS, ...RELATIVES].filter((w) => !w.includes(' ')));

/**
 * A listed name that is also an everyday word ("jack", "sue", "harry", "tom"), where grammar makes
 * it the word: written without the writer's capital, straight after a verb marker ("may sue", "to
 * sue", "don't harry") or within three words of a determiner ("a jack", "the car jack", "a new
 * car jack"; not "the boy harry", where a word between is a child). Cues still find such names.
 */
function usedAsWord({ text, tokens, lists, shouted }: Scan, i: number): boolean {
  const token = tokens[i] as Token;
  if (!(token.base === token.lower || shouted) || !lists.isEveryday(token.lower)) return false;
  const prev = tokens[i - 1];
  if (!prev || !joined(text, prev, token)) return false;
  if (VERB_MARKERS.has(prev.lower) || DETERMINERS.has(prev.lower)) return true;
  // Up to two small words between: "the car jack", "a new car jack"; not "the boy harry".
  for (let k = i - 2, between = [prev]; k >= Math.max(0, i - 3); between.push(tokens[k]!), k--) {
    const before = tokens[k]!;
    if (!joined(text, before, tokens[k + 1]!) || between.some((t) => PERSON_NOUN_SET.has(t.lower) || (t.base !== t.lower && !shouted))) return false;
    if (DETERMINERS.has(before.lower)) return true;
  }
  return false;
}

/** "Will Smith", "Grace Patel", "Zebedee van der Merwe", "Amal al-Rashid". */
function pairedName(scan: Scan, i: number): Finding | undefined {
  const { text, tokens, lists, shouted } = scan;
  const token = tokens[i];
  const next = tokens[i + 1];
  if (!token || !next || !(lists.isSurname(next.base) || SURNAME_PARTICLES.has(next.lower))) return undefined;
  // "THEY WILL SUE", "to mark Hall's work": a word that grammar makes a verb or noun starts no name.
  if (usedAsWord(scan, i)) return undefined;
  // Two particles in a row ("van der", "de la") mark a surname in any case.
  const twoParticles = SURNAME_PARTICLES.has(next.lower) && SURNAME_PARTICLES.has(tokens[i + 2]?.lower ?? '');
  const beforeParticle = SURNAME_PARTICLES.has(next.lower) && (isTitleCase(token.base) || twoParticles);
  if ((isNotAName(token.base) && !beforeParticle) || isAcronym(token.base, shouted)) return undefined;
  let j = i + 1;
  while (tokens[j] && SURNAME_PARTICLES.has(tokens[j]?.lower ?? '') && j < i + 3) j++;
  const last = tokens[j];
  const gapOk = tokens.slice(i, j + 1).every((t, k, all) => k === 0 || joined(text, all[k - 1] as Token, t));
  if (!last || !gapOk || !lists.isSurname(last.base) || isNotAName(last.base)) return undefined;
  const named = lists.isAmbiguous(token.base) || lists.isListed(token.base);
  const capitals = !shouted && isTitleCase(token.base) && isTitleCase(last.base);
  const particles = j > i + 1;
  const surnameIsWord = lists.isEveryday(last.base);
  // An everyday-word first name ("Will", "Grace") pairs only when the writer capitalised both.
  const listed = lists.isListed(token.base);
  if ((named && (capitals || shouted || (listed && !surnameIsWord))) || (particles && (capitals || listed || twoParticles))) {
    if (!particles && isNotAName(token.base)) return undefined;
    return { code: 'personal_name', start: token.start, end: last.end };
  }
  return undefined;
}

function scanTokens(scan: Scan): NameFinding[] {
  const found: NameFinding[] = [];
  scan.tokens.forEach((token, i) => {
    // The cheap set lookups first: most words are neither names nor the start of a pair.
    if (scan.lists.isListed(token.base)) {
      if (isAcronym(token.base, scan.shouted) || SURNAME_PARTICLES.has(token.lower) || isPartOfProperNoun(scan, i)) return;
      if (isShortAcronym(token.base, scan.lists, scan.shouted) || usedAsWord(scan, i)) return;
      found.push({ code: 'personal_name', start: token.start, end: token.end, byCue: false });
      return;
    }
    const pair = pairedName(scan, i);
    if (pair && !isPartOfProperNoun(scan, i) && !isPartOfProperNoun(scan, i + 1)) found.push({ ...pair, byCue: false });
  });
  return found;
}

function scanPhrases({ tokens, lists }: Scan): NameFinding[] {
  const found: NameFinding[] = [];
  for (const phrase of lists.phrases) {
    for (let i = 0; i + phrase.length <= tokens.length; i++) {
      if (phrase.every((w, k) => tokens[i + k]?.lower === w)) {
        const first = tokens[i];
        const last = tokens[i + phrase.length - 1];
        if (first && last) found.push({ code: 'personal_name', start: first.start, end: last.end, byCue: true });
      }
    }
  }
  return found;
}

function wholeTextMatches(text: string, pattern: RegExp, near: RegExp): RegExpExecArray[] {
  near.lastIndex = 0;
  return near.test(text) ? allMatches(pattern, text) : [];
}

const SEASONS_AND_MONTHS = new Set(['summer', 'autumn', 'spring', 'winter', ...MONTHS]);
const BEFORE_A_TIME = /\b(?:in|by|from|until|till|since|during|of|on|before|after|early|late|mid|end|this|last|next|the|every|each|over)[ \t]+$/iu;
const PERSONAL = /\b(?:she|her|he|his|him|herself|himself)\b/iu;
// …unless what follows describes a time: "Spring (Y1) is when …", "Summer (Y6) is a busy term".
const VERB_NEXT = new RegExp(String.raw`^[\s)\]]*(?:${SUBJECT_VERBS.join('|')})\b(?!\s+(?:when|a|an|the|about|always|usually|often|busy|our|for|full|term|time)\b)`, 'iu');

// "May (Y4) is a young carer": what follows says the word is a person, not a time.
const A_PERSON_NEXT = /^[\s)\]]*(?:is|was)[ \t]+an?[ \t]+(?:[a-z-]+[ \t]+)?(?:carer|pupil|boy|girl|child|student|learner|twin|sibling|member|reader|refugee)\b/iu;

// "Summer in Year 3 has started hitting out": what a person does, not what a term has.
const A_PERSON_DOES_NEXT = /^[\s)\]]*(?:-[ \t]*)?(?:struggles|refuses|keeps|hates|loves|won't|can't|cannot|has[ \t]+started[ \t]+\w+ing|is[ \t]+(?:struggling|refusing|finding|hitting|biting|kicking|running)|has[ \t]+been[ \t]+(?:excluded|hitting|biting|kicking|refusing|absent|off))\b/iu;

/**
 * "little Summer in year 2 … her own name", "Autumn in Reception is pulling her hair out", "May
 * (Y2) is selectively mute": a season or month the writer capitalised, not after a time word, with
 * a year group after it, is a girl's name when the sentence goes on about a person (a pronoun, or
 * "little" before, or what only a person does), or, with the year group in brackets, when a verb
 * makes it the subject.
 */
function seasonAsName(text: string, m: RegExpExecArray, level: CueStrength, shouted: boolean): boolean {
  const span = m.indices?.groups?.name;
  const name = m.groups?.name;
  if (!span || !name || shouted || (level !== 'year' && level !== 'medium') || !SEASONS_AND_MONTHS.has(name.toLowerCase()) || !isTitleCase(name)) return false;
  const before = text.slice(Math.max(0, span[0] - 12), span[0]);
  if (BEFORE_A_TIME.test(before)) return false;
  // What follows the year group, including a verb the cue took in to set the pair apart.
  const end = m.indices?.groups?.apart?.[0] ?? (m.index ?? 0) + m[0].length;
  const sentence = text.slice(end, end + 200).split(/[.!?;\n]/u)[0] ?? '';
  if (PERSONAL.test(sentence) || /\blittle[ \t]+$/iu.test(before)) return true;
  if (level === 'year' && A_PERSON_DOES_NEXT.test(sentence)) return true;
  return level === 'medium' && (VERB_NEXT.test(sentence) || A_PERSON_NEXT.test(sentence));
}

function scanCues({ text, lists, shouted }: Scan): NameFinding[] {
  const found: NameFinding[] = [];
  const ascii = isAscii(text);
  for (const { pattern, gate: near, needs, strength, wholeText } of NAME_CUES) {
    if (!mayMatch(text, needs)) continue;
    const matches = wholeText ? wholeTextMatches(text, forText(pattern, ascii), forText(near, ascii)) : matchNear(text, pattern, near);
    for (const m of matches) {
      const span = m.indices?.groups?.name;
      const name = m.groups?.name;
      if (!span || !name || isAcronym(name, shouted) || isShortAcronym(name, lists, shouted)) continue;
      if (isMonthAsDate(text, span[0], name)) continue;
      const level = typeof strength === 'function' ? strength(m) : strength;
      if (level === 'none') continue;
      const before = familyNameBefore(text, span[0], name, shouted);
      if (before !== undefined || isCandidateName(name, lists, level, wordContext(text, span[0], name, shouted)) || seasonAsName(text, m, level, shouted)) {
        found.push({ code: 'personal_name', start: before ?? span[0], end: span[1], byCue: true });
      }
    }
  }
  return found;
}

export function detectNames(scan: Scan): NameFinding[] {
  return [...scanTokens(scan), ...scanPhrases(scan), ...scanCues(scan)];
}
