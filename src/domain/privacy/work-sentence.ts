// A sentence about the running of the service: rotas, minutes, contracts, posts, retirements,
// projectors. Only adults have these, so a bare first name in such a sentence ("Grace is covering
// the EP rota", "Roza manages the interpreting contract") is a colleague's, provided nothing in the
// sentence speaks of a child: no child word, no year group, no class, no age-sized number. A name
// with a child cue of its own ("Tyler (Y5)", "my son Jack") is refused before this is asked.
import { NUMBER_WORDS } from './cues.js';
import { type Token, sentenceSpan } from './text.js';
import { CHILD_IN_SENTENCE } from './vocabulary.js';

/** Things of adult working life, which a note about a child does not hold. */
const WORK_THINGS = new Set([
  'rota', 'rotas', 'invite', 'invites', 'invitation', 'invitations', 'contract', 'contracts', 'retirement', 'secondment',
  'trainee', 'projector', 'toolkit', 'leaflet', 'leaflets', 'newsletter', 'agenda', 'invoice', 'invoices', 'recruitment',
  'appraisal', 'appraisals', 'vacancy', 'post', 'role',
  'co-deliver', 'co-chair', 'workshop', 'workshops', 'webinar', 'network', 'commissioning', 'tender', 'timesheet',
  'timesheets', 'payroll', 'mileage', 'expenses', 'spreadsheet', 'dashboard', 'inbox', 'supervisions', 'cpd', 'twilight',
  'inset', 'helpline', 'minutes', 'band',
  // Leave, moves and milestones of working life.
  'paternity', 'maternity', 'retires', 'retiring', 'retired', 'promoted', 'promotion', 'locum', 'locums', 'seconded',
  'workstream', 'workstreams', 'conference', 'conferences', 'colleague', 'colleagues', 'shadowing', 'co-chairing',
  'co-chairs', 'coproduction', 'co-production',
]);
/** Work things that are a child's after some words: a behaviour contract, role play, ten minutes. */
const CHILD_BEFORE: Record<string, RegExp> = { contract: /^(?:behaviour|behavior|home-school|learning|attendance)$/u, minutes: /^(?!the$)/u };
const CHILD_AFTER: Record<string, RegExp> = { role: /^(?:play|plays|playing|model|models)$/u, post: /^\d/u };

/** Words that bring a child into the sentence, whoever else it names: those that make any sentence a child's, and more. */
const CHILD_WORDS = new Set([
  ...CHILD_IN_SENTENCE, 'pupils', 'student', 'students', 'learner', 'learners', 'child', 'children', 'kids', 'family',
  'families', 'age', 'year', 'yr', 'reception', 'nursery', 'class', 'form', 'ehcp', 'ehc', 'iep', 'diagnosis', 'diagnosed',
  'excluded', 'exclusion', 'referral', 'referred', 'born', 'dob', 'young', 'school', 'council',
]);

/** Numbers a child's age or year could be, unless they count something else ("band 6", "room 12"). */
const COUNTED = new Set(['band', 'room', 'level', 'page', 'item', 'step', 'week', 'weeks', 'module', 'session', 'sessions', 'cohort', 'slide', 'grade', 'at']);

/** Leave counted in time, not years of age: "for two weeks", "for 3 months" (not "ten minutes of calm"). */
const SPANS = new Set(['days', 'weeks', 'months']);

/** One to nineteen in words: an age or a year group as much as the same in figures. */
const SMALL_NUMBERS = new Set(NUMBER_WORDS.slice(0, 19));

function childLike(t: Token, prev: Token | undefined, next: Token | undefined): boolean {
  if (CHILD_WORDS.has(t.lower) || /^(?:y|yr|p)\d{1,2}$|^\d{1,2}[a-z]$/u.test(t.lower) || /^\d+\s*(?:yo|yrs?)$/u.test(t.lower)) return true;
  const small = SMALL_NUMBERS.has(t.lower) || (/^\d{1,2}$/u.test(t.lower) && Number(t.lower) < 20);
  return small && !COUNTED.has(prev?.lower ?? '') && !(prev?.lower === 'for' && SPANS.has(next?.lower ?? ''));
}

/**
 * Someone's caseload is a worker's ("Dev's caseload is full", "has taken over Leanne's caseload");
 * a child is on one ("Oliver is on Dev's caseload", "on the SALT caseload").
 */
function workersCaseload(sentence: readonly Token[], k: number): boolean {
  const owner = sentence[k - 1];
  return sentence[k]!.lower === 'caseload' && owner !== undefined && owner.text !== owner.base && !/^(?:on|onto|off|from)$/u.test(sentence[k - 2]?.lower ?? '');
}

/** The sentence of token i is about work and about no child. */
export function workSentence(text: string, tokens: Token[], i: number): boolean {
  const { from, to } = sentenceSpan(text, tokens, i);
  const sentence = tokens.slice(from, to + 1);
  let work = false;
  for (let k = 0; k < sentence.length; k++) {
    const t = sentence[k]!;
    if (childLike(t, sentence[k - 1], sentence[k + 1])) return false;
    if (WORK_THINGS.has(t.lower) && !CHILD_BEFORE[t.lower]?.test(sentence[k - 1]?.lower ?? '') && !CHILD_AFTER[t.lower]?.test(sentence[k + 1]?.lower ?? '')) work = true;
    if (workersCaseload(sentence, k)) work = true;
  }
  return work;
}
