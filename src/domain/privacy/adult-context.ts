// Adults named the way colleagues name each other: "I spoke to Priya Patel from the ICB", "Tom from
// the council will send it", "ask Grace Okafor, she leads on this", "Liz is leading on transition".
// Without a title, a job or the directory, the words around the name still say it is someone at
// work: a body they work for, a way one contacts a colleague, a piece of work they do. Such a name
// is accepted unless a child cue points at it ("Tom from Year 4", "my son Jack", "Priya's mum",
// which screen.ts keeps) or the sentence is about a child ("… a pupil …", "… aged 9 …").
import type { NameLists } from './name-lists.js';
import { type Token, isTitleCase, joined, sentenceSpan } from './text.js';
import type { Finding } from './types.js';
import { CHILD_IN_SENTENCE, NOT_NAMES } from './vocabulary.js';
import { workSentence } from './work-sentence.js';

/** Bodies adults work for or in: "from the ICB", "at the council", "of the local authority". */
const BODIES = new Set([
  'council', 'icb', 'ccg', 'trust', 'nhs', 'camhs', 'la', 'authority', 'dfe', 'department', 'ofsted', 'sendiass', 'iass',
  'forum', 'partnership', 'board', 'directorate', 'service', 'services', 'team', 'office', 'charity', 'commissioners',
  'university', 'police', 'ministry', 'agency', 'consortium', 'network', 'panel', 'commissioning', 'salt', 'slt', 'ep', 'eps',
  'portage', 'hub', 'integrated', 'local', 'regional', 'county', 'borough', 'district', 'government', 'health',
]);
/** Acronyms a child can be "from" (a provision they attend), so no body: "Jack from ARP". */
const CHILD_PLACES = new Set(['arp', 'pru', 'ap', 'srp', 'rb', 'eyfs', 'yr', 'ks', 'ehcp', 'sen', 'send']);

/** Ways one reaches a colleague, straight before the name: "spoke to", "ask", "cc", "thanks to". */
const CONTACT_BEFORE = [
  'spoke to', 'spoke with', 'speak to', 'speak with', 'speaking to', 'speaking with', 'talked to', 'talked with', 'talk to',
  'talk with', 'met with', 'meeting with', 'ask', 'asked', 'email', 'emailed', 'contact', 'contacted', 'cc', 'thanks to',
  'thank', 'check with', 'checked with', 'liaise with', 'liaising with', 'according to', 'chaired by', 'led by',
  'presented by', 'copy in', 'copied in', 'forward to', 'forwarded to', 'sent to', 'phone', 'phoned', 'ring', 'rang',
  'loop in', 'looped in', 'looping in', 'heard from', 'heard back from', 'hear from', 'hearing from', 'thank you to',
  'thanks go to', 'shout out to', 'big thanks to', 'apologies from', 'handover from',
  // Greetings: a note that speaks to someone speaks to a colleague ("Hi Steph,", "Thanks, Liz").
  'hi', 'hello', 'dear', 'thanks', 'cheers', 'morning', 'afternoon',
  // Goodbyes and good wishes at work: "happy retirement Pauline", "welcome to the team, Mel".
  'happy retirement', 'congratulations', 'congrats', 'welcome', 'well done', 'good luck', 'bye',
].map((p) => p.split(' '));

/**
 * Words after a name that speak to the reader ("Rach can you forward …", "Anna please add me"):
 * whoever reads a note on the plan's Teams is a colleague, so the name they are called by is an adult's.
 */
const ADDRESS_AFTER = ['can you', 'could you', 'would you', 'will you', 'are you', 'do you', 'have you', 'did you', 'please', 'pls', 'plz']
  .map((p) => p.split(' '));

/** Work an adult does, straight after the name: "will circulate", "leads on", "is leading", "chaired". */
const WORK_AFTER = [
  'will send', 'will circulate', 'will share', 'will chase', 'will forward', 'will update', 'will present', 'will chair',
  'will lead', 'will bring', 'will confirm', 'will arrange', 'will email', 'will contact', 'will follow', 'will report',
  'will draft', 'will check', 'will book', 'will invite', 'will set', 'will organise', 'will coordinate', 'leads on',
  'is leading', 'led on', 'is the lead', 'chaired', 'presented', 'circulated', 'emailed', 'to circulate', 'to send',
  'to chase', 'to share', 'to confirm', 'to present', 'to chair', 'has the figures', 'has the data', 'is chairing',
  'is organising', 'is coordinating', 'will be chairing', 'will be leading', 'is drafting', 'drafted', 'is our lead',
  'is our contact', 'is the contact', 'is our link', 'will review', 'will cover', 'will run', 'will take', 'will pick',
  'will do', 'will ring', 'will call', 'is covering', 'is sending', 'is bringing', 'is pulling', 'is supporting',
  'is updating', 'is designing', 'is recruiting', 'is reviewing', 'is running', 'is booking', 'is arranging', 'can do',
  'can send', 'can share', 'has the', 'has built', 'has sent', 'has shared', 'has agreed', 'has offered',
  // Apologies for a meeting and leave from work are an adult's: "Bev sent apologies", "Chloe's on leave".
  'sent apologies', 'sends apologies', 'has sent apologies', 'gave apologies', 'is on leave', 'is on annual leave',
  'is on maternity leave', 'is on paternity leave', 'is on secondment', 'is happy to', 'can upload', 'can host',
  // Back from leave (not "back from hospital"), away on training, covering a class.
  'is back from maternity', 'is back from paternity', 'is back from annual', 'is back from leave', 'is back from secondment',
  'is on a course', 'is on training', 'is at a conference', 'covered reception', 'covered the class', 'covered class',
  'covered year', 'covered for', 'is the named contact', 'is the main contact', 'is our new',
  'is presenting the', 'are running the', 'are running a', 'is running the', 'are presenting the', 'are presenting',
  'is on the panel', 'are on the panel', 'are both on the panel', 'is picking up', 'is new in the',
].map((p) => p.split(' '));
/**
 * The same work said with "'s" for "is": "Chloe's on leave", "Rav's chairing". "'s covering" only
 * with work after it ("Kwame's covering EP consultations"): a child's covering their ears.
 */
const CONTRACTED = WORK_AFTER.filter((p) => p[0] === 'is' && p.length > 1 && p[1] !== 'covering').map((p) => p.slice(1));
const COVERED_WORK = new Set(['consultations', 'clinics', 'visits', 'panel', 'panels', 'meetings', 'caseload', 'referrals', 'reviews', 'duty', 'cover']);

/**
 * Said of someone once where they work is named ("Imran from Locala confirmed the slots", "Sophie
 * in the SEND assessment team says …"); alone ("Jack said …") these are any person's words.
 */
const REPORTED = new Set(['confirmed', 'says', 'said', 'agreed', 'reported', 'explained', 'suggested', 'advised', 'sent', 'shared']);

/** Phrases listed under one of their words, so each token looks up only its own few. */
function byWord(phrases: string[][], pick: (p: string[]) => string): Map<string, string[][]> {
  const map = new Map<string, string[][]>();
  for (const p of phrases) map.set(pick(p), [...(map.get(pick(p)) ?? []), p]);
  return map;
}
const CONTACT_BY_LAST = byWord(CONTACT_BEFORE, (p) => p[p.length - 1] as string);
const WORK_BY_FIRST = byWord(WORK_AFTER, (p) => p[0] as string);


function nameWord(t: Token, lists: NameLists): boolean {
  if (NOT_NAMES.has(t.lower) || t.text !== t.base) return false;
  // A word that is also an everyday one ("will", "grace") only with the writer's capital.
  return lists.isListed(t.base) || ((lists.isAmbiguous(t.base) || lists.isSurname(t.base)) && isTitleCase(t.base));
}

function phraseAt(text: string, tokens: Token[], at: number, phrase: string[]): boolean {
  return phrase.every((w, k) => tokens[at + k]?.lower === w && (k === 0 || joined(text, tokens[at + k - 1]!, tokens[at + k]!)));
}

function contactBefore(text: string, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  if (!prev || !joined(text, prev, tokens[i]!, true)) return false;
  return (CONTACT_BY_LAST.get(prev.lower) ?? []).some((p) => i - p.length >= 0 && phraseAt(text, tokens, i - p.length, p));
}

function workAfter(text: string, tokens: Token[], end: number): boolean {
  const next = tokens[end + 1];
  if (!next || !joined(text, tokens[end]!, next, true)) return false;
  // "Grace Okafor, she leads on this": a pronoun after a comma may stand between.
  let from = /^(?:she|he|they)$/u.test(next.lower) && text.slice(tokens[end]!.end, next.start).includes(',') ? end + 2 : end + 1;
  if (/^(?:both|all)$/u.test(tokens[from]?.lower ?? '')) from++; // "Bev and Tomasz both sent apologies"
  const workAt = (k: number) => (WORK_BY_FIRST.get(tokens[k]?.lower ?? '') ?? []).some((p) => phraseAt(text, tokens, k, p));
  const reportAt = (k: number) => REPORTED.has(tokens[k]?.lower ?? '');
  if (workAt(from)) return true;
  // "Gareth at Locala will confirm", "Wendy in the SEN team is covering": where they work may
  // come between the name and the work, a few words in the same clause.
  if (!/^(?:at|from|in|on)$/u.test(next.lower) || !joined(text, tokens[end]!, next)) return false;
  for (let k = end + 2; k < Math.min(tokens.length, end + 8) && joined(text, tokens[k - 1]!, tokens[k]!); k++) if (workAt(k) || reportAt(k)) return true;
  return false;
}

/** "Ravi can you ring me after 3", "hi all, Tom can you …": the name opens the text, a line, a sentence or a clause, and speaks to its reader. */
function addressed(text: string, tokens: Token[], i: number, end: number): boolean {
  const prev = tokens[i - 1];
  if (prev && !/[.!?,\n]/u.test(text.slice(prev.end, tokens[i]!.start))) return false;
  const next = tokens[end + 1];
  if (!next || !joined(text, tokens[end]!, next, true)) return false;
  return ADDRESS_AFTER.some((p) => phraseAt(text, tokens, end + 1, p));
}

/** "from the ICB", "at the council", "of the local authority", "from CAMHS". */
function bodyAfter(text: string, tokens: Token[], end: number): boolean {
  const prep = tokens[end + 1];
  if (!prep || !/^(?:from|at|of|with)$/u.test(prep.lower) || !joined(text, tokens[end]!, prep)) return false;
  let j = end + 2;
  if (tokens[j]?.lower === 'the') j++;
  // The body's own name may come first: "from Kirklees Council", "at Locala Health".
  for (let k = 0; k < 2 && tokens[j + 1] && isTitleCase(tokens[j]!.base) && !BODIES.has(tokens[j]!.lower); k++) j++;
  const body = tokens[j];
  if (!body || CHILD_PLACES.has(body.lower)) return false;
  if (BODIES.has(body.lower)) return true;
  // An acronym of two to six capitals, after "from" only: "from CAMHS", "from the EWS".
  return prep.lower === 'from' && (j === end + 2 || (j === end + 3 && tokens[end + 2]?.lower === 'the')) && /^[A-Z]{2,6}$/u.test(body.base);
}

/** Jobs only adults hold, as people name colleagues by them: "Bilal, the attendance officer", "our TA Claire". */
const JOBS = new Set([
  'officer', 'caretaker', 'head', 'headteacher', 'deputy', 'solicitor', 'manager', 'ta', 'tas', 'teacher', 'senco', 'sendco',
  'coordinator', 'director', 'assistant', 'administrator', 'clerk', 'therapist', 'psychologist', 'nurse', 'doctor', 'gp',
  'paediatrician', 'governor', 'chair', 'adviser', 'advisor', 'practitioner', 'consultant', 'commissioner', 'librarian',
  'receptionist', 'secretary', 'bursar', 'inspector', 'lead', 'elsa', 'hlta', 'lsa', 'dsl', 'principal', 'caseworker',
  'analyst', 'worker', 'specialist', 'accountant', 'planner', 'counsellor', 'midwife', 'visitor', 'headteacher', 'chief',
  'co-ordinator', 'ordinator',
]);
/** Parts of an organisation one is "from" or "in": "Sarah from admissions", "Dave in transport". */
const DEPARTMENTS = new Set([
  'admissions', 'transport', 'finance', 'hr', 'it', 'estates', 'admin', 'commissioning', 'safeguarding', 'legal', 'payroll',
  'procurement', 'comms', 'communications', 'facilities', 'sendiass', 'camhs', 'housing', 'education', 'inclusion',
]);


/** A job right after the name ("Bilal, the attendance officer", "Pete the LA solicitor") or right before it ("our TA Claire", "the caretaker, Steve"). */
function jobAround(text: string, tokens: Token[], i: number, end: number): boolean {
  // After a comma the words up to the next mark are an apposition: a job may end it, whatever
  // words qualify it ("Shabana Iqbal, Team Manager for SEN Transport", "Wei Chen, data analyst").
  const apposition = tokens[end + 1] !== undefined && /^\s*,\s*$/u.test(text.slice(tokens[end]!.end, tokens[end + 1]!.start));
  for (let j = end + 1, seen = 0; j < tokens.length && seen < (apposition ? 7 : 4) && joined(text, tokens[j - 1]!, tokens[j]!, j === end + 1); j++, seen++) {
    if (JOBS.has(tokens[j]!.lower)) return true;
    // A clause about the person is not their job: "Jack Smith, who sees the SENCO, …".
    if (apposition && /^(?:who|whose|which|that|sees|saw|seen|see|with|by|to|his|her|their|needs|has|had|is|was|in|year|aged|attends|goes)$/u.test(tokens[j]!.lower)) break;
    if (!apposition && !/^(?:the|our|a|an|is|deputy|assistant|attendance|inclusion|site|school|class|la|sen|send|lead|family|support|business|data)$/u.test(tokens[j]!.lower)) break;
  }
  const before = tokens[i - 1];
  const further = tokens[i - 2];
  if (before && JOBS.has(before.lower) && joined(text, before, tokens[i]!, true)) return !further || /^(?:the|our|my|your|their|a|an)$/u.test(further.lower) || JOBS.has(further.lower) || /^[a-z]/u.test(further.lower);
  return false;
}

/** A named part of an organisation: "in the Local Offer team", "in the EHC hub" (a pupil is in a class, a set or a house). */
const UNITS = new Set(['team', 'hub', 'service', 'office', 'unit', 'directorate']);
const PUPIL_GROUPS = new Set(['football', 'netball', 'rugby', 'cricket', 'hockey', 'sports', 'sport', 'house', 'red', 'blue', 'green', 'yellow', 'school', 'year', 'class']);
/** A word of a unit's name: capitalised or an acronym, and not a pupils' team. */
const isNamedUnitWord = (t: Token): boolean => /^\p{Lu}/u.test(t.base) && !PUPIL_GROUPS.has(t.lower);

/** "from admissions", "in transport", "from the parent carer forum": a department, or a body a few words on. */
function departmentAfter(text: string, tokens: Token[], end: number): boolean {
  const prep = tokens[end + 1];
  if (!prep || !/^(?:from|in)$/u.test(prep.lower) || !joined(text, tokens[end]!, prep)) return false;
  for (let j = end + 2; j < Math.min(tokens.length, end + 6) && joined(text, tokens[j - 1]!, tokens[j]!); j++) {
    const w = tokens[j]!.lower;
    if (DEPARTMENTS.has(w) || (prep.lower === 'from' && BODIES.has(w))) return !CHILD_PLACES.has(w);
    // "from the virtual school": the council's service for children in care, so its staff.
    if (w === 'school' && tokens[j - 1]?.lower === 'virtual' && j > end + 2) return true;
    if (UNITS.has(w) && j > end + 2) return true;
    if (!/^(?:the|our|parent|carer|carers|parents|local|sen|send|school|admissions|pupil|family|early|years|help|assessment|statutory|casework|inclusion|virtual)$/u.test(w) && !isNamedUnitWord(tokens[j]!)) return false;
  }
  return false;
}

/** The sentence around tokens i..end says "child" in so many words (the name itself aside). */
function childSentence(text: string, tokens: Token[], i: number, end: number): boolean {
  const { from, to } = sentenceSpan(text, tokens, i);
  for (let j = from; j <= to; j++) if ((j < i || j > end) && CHILD_IN_SENTENCE.has(tokens[j]!.lower)) return true;
  return false;
}

/** "Sanjay (finance)", "Ciarán (headteacher at Hillside)": a job or a part of an organisation in brackets after the name. */
function roleInBrackets(text: string, tokens: Token[], end: number): boolean {
  const first = tokens[end + 1];
  if (!first || !/^\s*[([]\s*$/u.test(text.slice(tokens[end]!.end, first.start))) return false;
  for (let j = end + 1; j < Math.min(tokens.length, end + 6); j++) {
    const w = tokens[j]!.lower;
    if (JOBS.has(w) || DEPARTMENTS.has(w) || (BODIES.has(w) && !CHILD_PLACES.has(w))) return true;
    if (j + 1 < tokens.length && /[)\]]/u.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) return false;
  }
  return false;
}

/** "Kwame's covering EP consultations", "Chloe's on leave": "'s" for "is", then work. */
function contractedWork(text: string, tokens: Token[], i: number, lists: NameLists): boolean {
  const t = tokens[i]!;
  if (!/'s$/iu.test(t.text) || t.text.length !== t.base.length + 2 || !nameWord({ ...t, text: t.base }, lists)) return false;
  if (!tokens[i + 1] || !joined(text, t, tokens[i + 1]!)) return false;
  if (tokens[i + 1]!.lower === 'covering') {
    const work = tokens.slice(i + 2, i + 4);
    // An acronym ("EP clinics"), not a small word in capitals ("AMIR'S COVERING HIS EARS").
    return work.some((w) => COVERED_WORK.has(w.lower)) || (/^[A-Z]{2,6}$/u.test(work[0]?.base ?? '') && !NOT_NAMES.has(work[0]!.lower));
  }
  return CONTRACTED.some((p) => phraseAt(text, tokens, i + 1, p));
}

function possessiveAtWork(text: string, tokens: Token[], i: number, lists: NameLists): boolean {
  const t = tokens[i]!;
  return t.text !== t.base && /'s$/iu.test(t.text) && nameWord({ ...t, text: t.base }, lists) && workSentence(text, tokens, i);
}

/** Names of one to three words that the words around them place at work. */
export function adultContextSpans(text: string, tokens: Token[], lists: NameLists): Finding[] {
  const found: { i: number; end: number; atWork: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (contractedWork(text, tokens, i, lists)) { found.push({ i, end: i, atWork: true }); continue; }
    // "Emma's retirement do", "Olumide's contract ends": a name with "'s" in a sentence about work.
    if (possessiveAtWork(text, tokens, i, lists)) {
      const start = i > 0 && nameWord(tokens[i - 1]!, lists) && joined(text, tokens[i - 1]!, tokens[i]!) ? i - 1 : i;
      found.push({ i: start, end: i, atWork: true });
      continue;
    }
    if (!nameWord(tokens[i]!, lists)) continue;
    let end = i;
    while (end < i + 2 && tokens[end + 1] && nameWord(tokens[end + 1]!, lists) && joined(text, tokens[end]!, tokens[end + 1]!)) end++;
    const atWork = contactBefore(text, tokens, i) || addressed(text, tokens, i, end) || bodyAfter(text, tokens, end) || workAfter(text, tokens, end)
      || jobAround(text, tokens, i, end) || departmentAfter(text, tokens, end) || roleInBrackets(text, tokens, end) || workSentence(text, tokens, i);
    found.push({ i, end, atWork });
    i = end;
  }
  // "Bev and Tomasz both sent apologies": a name joined by "and" to a colleague at work is one too.
  for (let k = found.length - 2; k >= 0; k--) {
    const [a, b] = [found[k]!, found[k + 1]!];
    if (!a.atWork && b.atWork && b.i === a.end + 2 && tokens[a.end + 1]?.lower === 'and') a.atWork = true;
  }
  return found.filter((f) => f.atWork && !childSentence(text, tokens, f.i, f.end))
    .map((f) => ({ code: 'personal_name' as const, start: tokens[f.i]!.start, end: tokens[f.end]!.end }));
}
