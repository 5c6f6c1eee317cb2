// Personal names: listed first names used as people, name + surname pairs, titles ("Mrs Khan"),
// the caller's extra names, and any name-like word that context marks as a person ("a pupil
// called …", "… (Year 5)", "…'s mum"). Words that are also ordinary English need such a cue.
import { NAME, YEAR_GROUP, cue, oneOf } from './cues.js';
import { type CueStrength, type NameLists, isCandidateName } from './name-lists.js';
import { isSentenceStart, isTitleCase, tokenize, type Token } from './text.js';
import type { Finding } from './types.js';
import { INSTITUTION_WORDS, NAME_PREFIXES_NOT_PEOPLE, isNotAName } from './vocabulary.js';

const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr']);

const PERSON_NOUNS = [
  'pupil', 'child', 'student', 'learner', 'boy', 'girl', 'son', 'daughter', 'young person', 'young man',
  'young woman', 'young lady', 'youngster', 'toddler', 'baby', 'brother', 'sister', 'sibling', 'twin', 'lad',
  'he', 'she', 'YP', 'CYP', 'year old', 'year-old',
];
const RELATIVES = [
  'son', 'daughter', 'grandson', 'granddaughter', 'nephew', 'niece', 'stepson', 'stepdaughter', 'brother',
  'sister', 'twin', 'foster child', 'child',
];
const FAMILY_OF_ONE = [
  'mum', 'mother', 'mummy', 'dad', 'father', 'daddy', 'stepmum', 'stepdad', 'carer', 'foster carer', 'gran',
  'grandma', 'nan', 'nana', 'grandad', 'grandpa', 'grandmother', 'grandfather', 'aunt', 'auntie', 'uncle',
  'brother', 'sister', 'sibling', 'twin', 'social worker', 'key worker', 'keyworker',
];

interface NameCue {
  pattern: RegExp;
  strength: CueStrength;
}

const OWNERS = ['my', 'our', 'her', 'his', 'their', 'your'];
const CHILD_WORDS = ['child', 'pupil', 'student', 'learner', 'young person', 'CYP', 'YP'];
const CALLED = String.raw`(?:is\s+|was\s+)?(?:called|named|known\s+as)`;

// The name each cue captures is checked by isCandidateName with the cue's strength.
const NAME_CUES: readonly NameCue[] = [
  // "a pupil in Year 4 called …", "a girl named …", "she is known as …"
  {
    pattern: cue(String.raw`\b${oneOf(PERSON_NOUNS)}\b,?(?:\s+[\p{L}\d'’-]+,?){0,4}?\s+${CALLED}\s+${NAME}`),
    strength: 'strong',
  },
  // "my son …", "her sister …"
  { pattern: cue(String.raw`\b${oneOf(OWNERS)}\s+${oneOf(RELATIVES)},?\s+${NAME}`), strength: 'strong' },
  // "the child's name is …", and "Name: …" at the start of a line
  {
    pattern: cue(String.raw`\b${oneOf(CHILD_WORDS)}['’]?s?\s+(?:first\s+|full\s+)?name\s*(?:is|was|:|-|–)\s*${NAME}`),
    strength: 'strong',
  },
  {
    pattern: cue(String.raw`(?:^|\n)[ \t]*(?:${oneOf(['full', 'first', 'child', 'pupil'])}\s+)?${oneOf(['name'])}\s*[:\-–]\s*${NAME}`),
    strength: 'strong',
  },
  // "…'s mum", "…'s social worker"
  { pattern: cue(String.raw`${NAME}['’]s\s+${oneOf(FAMILY_OF_ONE)}\b`), strength: 'strong' },
  // "… (Year 5)", "… (Y5", "… (Reception)"
  {
    pattern: cue(String.raw`${NAME}\s*\(\s*(?:${YEAR_GROUP}|${oneOf(['reception', 'nursery'])}|YR|EYFS)`),
    strength: 'medium',
  },
  // "… in Year 3", "…, Year 3", "… from Y6", "… in Reception"
  {
    pattern: cue(String.raw`${NAME},?\s+(?:${oneOf(['in', 'from'])}\s+)?(?:${YEAR_GROUP}|Reception\b|Nursery\b)`),
    strength: 'weak',
  },
];

function isAdjacent(text: string, a: Token, b: Token): boolean {
  return /^[ \t]+$/u.test(text.slice(a.end, b.start));
}

/** "Victoria Primary School", "Oliver class", "St Mary's": the name is part of something else. */
function isPartOfProperNoun(text: string, tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (!token) return false;
  const prev = tokens[i - 1];
  const prefixed = prev && /^[ \t.]+$/u.test(text.slice(prev.end, token.start)) && NAME_PREFIXES_NOT_PEOPLE.has(prev.base.toLowerCase());
  if (prefixed) return true;
  for (let j = i + 1; j <= i + 4; j++) {
    const next = tokens[j];
    const before = tokens[j - 1];
    if (!next || !before || !isAdjacent(text, before, next)) return false;
    const lower = next.base.toLowerCase();
    // A lower-case follower counts only straight after a plain name: "Willow class", not "Oliver's house".
    if (!isTitleCase(next.base) && !(j === i + 1 && token.text === token.base)) return false;
    if (INSTITUTION_WORDS.has(lower)) return true;
    if (!isTitleCase(next.base)) return false;
  }
  return false;
}

function scanTokens(text: string, lists: NameLists): Finding[] {
  const tokens = tokenize(text);
  const found: Finding[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    // "Mrs Khan", "Dr. Ahmed"
    if (TITLES.has(token.base) && next && /^\.?[ \t]+$/u.test(text.slice(token.end, next.start)) && isTitleCase(next.base)
      && (lists.isListed(next.base) || lists.isAmbiguous(next.base) || lists.isSurname(next.base) || !isNotAName(next.base))) {
      found.push({ code: 'personal_name', start: token.start, end: next.end });
      return;
    }
    if (!isTitleCase(token.base) || isPartOfProperNoun(text, tokens, i)) return;
    if (lists.isListed(token.base)) {
      found.push({ code: 'personal_name', start: token.start, end: token.end });
      return;
    }
    // "Grace Patel", "Tiago Silva": a name-like word followed by a known surname.
    if (next && lists.isSurname(next.base) && isTitleCase(next.base) && isAdjacent(text, token, next)
      && (lists.isAmbiguous(token.base) || !isNotAName(token.base)) && !isPartOfProperNoun(text, tokens, i + 1)) {
      found.push({ code: 'personal_name', start: token.start, end: next.end });
    }
  });
  return found;
}

function scanPhrases(text: string, lists: NameLists): Finding[] {
  const found: Finding[] = [];
  const words = tokenize(text);
  for (const phrase of lists.phrases) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      const run = words.slice(i, i + phrase.length);
      if (run.every((w, k) => w.base.toLowerCase() === phrase[k])) {
        const first = run[0];
        const last = run[run.length - 1];
        if (first && last) found.push({ code: 'personal_name', start: first.start, end: last.end });
      }
    }
  }
  return found;
}

function scanCues(text: string, lists: NameLists): Finding[] {
  const found: Finding[] = [];
  for (const { pattern, strength } of NAME_CUES) {
    for (const m of text.matchAll(pattern)) {
      const span = m.indices?.groups?.name;
      const name = m.groups?.name;
      if (!span || !name) continue;
      if (isCandidateName(name, lists, strength, isSentenceStart(text, span[0]))) {
        found.push({ code: 'personal_name', start: span[0], end: span[1] });
      }
    }
  }
  return found;
}

export function detectNames(text: string, lists: NameLists): Finding[] {
  return [...scanTokens(text, lists), ...scanPhrases(text, lists), ...scanCues(text, lists)];
}
