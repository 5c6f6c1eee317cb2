// Adults are not children. A professional title with a surname ("Mrs Khan", "Dr. A. van der
// Berg", "mr o'connor") and a person in the plan's directory (full name) are named as staff and
// partners are in every plan: their spans are accepted. A directory person's first name or
// surname on its own is accepted only where no child cue points at it (see screen.ts).
import type { NameLists } from './name-lists.js';
import { shortFormsOf } from './short-names.js';
import { type Token, isTitleCase } from './text.js';
import type { Finding } from './types.js';
import { NOT_NAMES } from './vocabulary.js';

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'mister', 'madam', 'mme', 'mlle', 'cllr', 'councillor', 'rev', 'revd', 'reverend', 'sr', 'fr', 'rabbi', 'imam', 'canon', 'sir', 'dame']);

/**
 * Jobs only adults hold. A name joined to one ("Helen Carr, Head of Inclusion", "our SENCO Sarah
 * Hughes", "Tom Barker (SEND Transport Manager)") is a member of staff or a partner, named as
 * staff are in every plan. Words a child could be ("pupil", "student", "learner") are not here.
 */
const ROLES = new Set([
  'head', 'headteacher', 'headmaster', 'headmistress', 'deputy', 'principal', 'senco', 'sendco', 'teacher', 'tutor', 'manager',
  'officer', 'lead', 'coordinator', 'co-ordinator', 'director', 'therapist', 'psychologist', 'nurse', 'consultant', 'clinician',
  'practitioner', 'worker', 'adviser', 'advisor', 'chair', 'governor', 'commissioner', 'paediatrician', 'gp', 'doctor', 'ot', 'salt',
  'slt', 'ep', 'caseworker', 'administrator', 'ceo', 'councillor', 'inspector', 'specialist', 'senior', 'assistant', 'leader',
  'secretary', 'mp', 'apprentice', 'volunteer', 'trustee', 'dsl', 'inclusion', 'camhs', 'hr',
]);
/** Words that may stand between a name and its job: "Helen Carr, our acting Head of …". */
const ROLE_LEAD_INS = new Set([
  'the', 'our', 'their', 'your', 'a', 'an', 'acting', 'interim', 'new', 'as', 'and', 'of', 'for',
  // What kind of job: "our educational psychologist", "the designated safeguarding lead".
  'educational', 'clinical', 'designated', 'safeguarding', 'speech', 'language', 'occupational', 'physio', 'school', 'class',
  'transport', 'inclusion', 'send', 'sen', 'ehc', 'nhs', 'family', 'support', 'service', 'services', 'strategic', 'programme',
  'project', 'health', 'mental', 'community', 'specialist', 'advisory', 'learning', 'autism', 'virtual', 'attendance',
]);

/** Lower-case particles of multi-part surnames: "van der Berg", "de la Cruz", "bin Ahmad". */
export const SURNAME_PARTICLES = new Set([
  'van', 'von', 'der', 'den', 'de', 'la', 'le', 'du', 'da', 'di', 'del', 'della', 'dos', 'das', 'bin', 'bint', 'ibn',
  'al', 'el', 'ap', 'ter', 'ten', 'st',
]);

const gapOk = (text: string, a: Token, b: Token, allowDot: boolean): boolean =>
  (allowDot ? /^\.?[ \t]+$/u : /^[ \t]+$/u).test(text.slice(a.end, b.start));

function surnameLike(t: Token, lists: NameLists, shouted: boolean): boolean {
  if (NOT_NAMES.has(t.lower)) return false;
  // In shouted text every word has capitals: only words of the name lists look like names there
  // ("SALT OBSERVE JAKUB NOWAK" is a job, a verb and a child).
  if (shouted) return lists.isSurname(t.base) || lists.isListed(t.base) || lists.isAmbiguous(t.base) || /^(?:ma?c|o'|d')\p{L}/iu.test(t.base);
  return isTitleCase(t.base) || lists.isSurname(t.base) || lists.isListed(t.base) || /^(?:ma?c|o'|d')\p{L}/iu.test(t.base);
}

/** "Mrs Khan", "Dr J. Smith", "Ms de la Cruz", "Mr Ali Hassan": the title and up to three words. */
function titledSpans(text: string, tokens: Token[], lists: NameLists, shouted: boolean): Finding[] {
  const spans: Finding[] = [];
  tokens.forEach((title, i) => {
    if (!TITLES.has(title.lower)) return;
    let end = -1;
    let prev = title;
    for (let j = i + 1; j <= i + 5; j++) {
      const t = tokens[j];
      if (!t || !gapOk(text, prev, t, true)) break;
      const initial = t.base.length === 1;
      const particle = SURNAME_PARTICLES.has(t.lower) && j < i + 5;
      if (!initial && !particle && !surnameLike(t, lists, shouted)) break;
      if (!initial && !particle) end = t.end;
      prev = t;
    }
    if (end > 0) spans.push({ code: 'personal_name', start: title.start, end });
  });
  return spans;
}

/** Directory people by full name, in any case: looked up by each token, not each person. */
function directorySpans(tokens: Token[], byFirst: ReadonlyMap<string, string[][]>): Finding[] {
  const spans: Finding[] = [];
  tokens.forEach((first, i) => {
    for (const phrase of byFirst.get(first.lower) ?? []) {
      if (!phrase.every((w, k) => tokens[i + k]?.lower === w)) continue;
      const last = tokens[i + phrase.length - 1];
      if (last) spans.push({ code: 'personal_name', start: first.start, end: last.end });
    }
  });
  return spans;
}

/** A run of two or three capitalised name words from token i: its last index, or -1. */
function fullNameEnd(text: string, tokens: Token[], i: number, lists: NameLists, shouted: boolean): number {
  let last = -1;
  for (let j = i; j < i + 3; j++) {
    const t = tokens[j];
    // The capital first: it is read from two character codes, the rest are look-ups.
    if (!t || (!shouted && !isTitleCase(t.base))) break;
    if ((j > i && !gapOk(text, tokens[j - 1]!, t, false)) || ROLES.has(t.lower) || !surnameLike(t, lists, shouted)) break;
    last = j;
  }
  return last > i ? last : -1;
}

/** A job within a few words after `from` ("…, Head of Inclusion", "(SENCO)", "- our EP"). */
function roleAfter(text: string, tokens: Token[], from: number): boolean {
  for (let j = from + 1; j <= from + 4; j++) {
    const t = tokens[j];
    if (!t) return false;
    // Only a comma, a bracket or a dash before the job, and only spaces within it: no digits, no cue.
    const gap = text.slice(tokens[j - 1]!.end, t.start);
    if (j === from + 1 ? !/^\s*[,(–—-]?\s*$/u.test(gap) : !/^\s+$/u.test(gap)) return false;
    if (isRole(tokens, j)) return true;
    if (!ROLE_LEAD_INS.has(t.lower)) return false;
  }
  return false;
}

/** A job just before token i ("our SENCO Sarah Hughes", "Head of Inclusion, Joanne Whitaker"). */
function roleBefore(text: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return prev !== undefined && isRole(tokens, i - 1) && /^\s*,?\s*$/u.test(text.slice(prev.end, tokens[i]!.start));
}

/** A job word as a job: not someone's ("the teacher's son"), not a pupil's ("head girl", "lead pupil"). */
function isRole(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  if (!ROLES.has(t.lower) || t.text !== t.base) return false;
  return !/^(?:boy|girl|boys|girls|pupil|pupils|student|students|learner|child|children|prefect)$/u.test(tokens[j + 1]?.lower ?? '');
}

/** Full names joined to an adult's job, either side. */
function roleSpans(text: string, tokens: Token[], lists: NameLists, shouted: boolean): Finding[] {
  const spans: Finding[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const end = fullNameEnd(text, tokens, i, lists, shouted);
    if (end < 0) continue;
    if (roleBefore(text, tokens, i) || roleAfter(text, tokens, end)) spans.push({ code: 'personal_name', start: tokens[i]!.start, end: tokens[end]!.end });
    i = end;
  }
  return spans;
}

export function adultSpans(text: string, tokens: Token[], lists: NameLists, directory: Directory, shouted: boolean): Finding[] {
  return [...titledSpans(text, tokens, lists, shouted), ...roleSpans(text, tokens, lists, shouted), ...directorySpans(tokens, directory.byFirst)];
}

export interface Directory {
  /** Each person's lower-case words, listed under their first word. */
  byFirst: Map<string, string[][]>;
  /** Every word of every name. */
  words: Set<string>;
  /** Short forms of their first names ("liz", "steph"): accepted as the first names are, in chat only. */
  shortForms: Set<string>;
}

const directoryCache = new WeakMap<readonly string[], Directory>();

/**
 * The directory made ready for lookups; kept per array, so one import's directory is read once.
 * Each first name's short forms count as well ("Liz" for Elizabeth, "Steph" for Stephanie).
 */
export function directoryWords(adultNames: readonly string[], isFirstName: (w: string) => boolean = () => false): Directory {
  const cached = directoryCache.get(adultNames);
  if (cached) return cached;
  const byFirst = new Map<string, string[][]>();
  const words = new Set<string>();
  const shortForms = new Set<string>();
  const add = (ws: string[]): void => {
    const first = ws[0] as string;
    byFirst.set(first, [...(byFirst.get(first) ?? []), ws]);
  };
  for (const raw of adultNames) {
    const ws = raw.normalize('NFKC').toLowerCase().replace(/[\u2019]/gu, "'").split(/[^\p{L}'-]+/u).filter((w) => w.length >= 2);
    const first = ws[0];
    if (!first) continue;
    add(ws);
    for (const w of ws) words.add(w);
    for (const short of shortFormsOf(first, isFirstName)) {
      add([short, ...ws.slice(1)]);
      shortForms.add(short);
    }
  }
  const directory = { byFirst, words, shortForms };
  directoryCache.set(adultNames, directory);
  return directory;
}
