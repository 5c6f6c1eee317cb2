// Experts by what a child needs ("who can help with sensory processing", "anyone for a pupil who
// stammers", "someone to advise on behaviour") and what an expert's specialism is ("what kind of
// expert is Fatima Ali"). The needs and the specialism each goes to are data: src/domain/experts/needs.ts.
import { findNeed, findSpecialism } from '../../domain/experts/index.js';
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';

// Someone or something that helps: without one, a need's word is a title's ("the communication actions").
const HELP_CUE_RE = /\b(?:who|whom|any ?one|any1|any ?body|some ?one|some1|some ?body|experts?|specialists?|therapists?|professionals?|psychologists?)\b|\b(?:help|helps|helping|advice|advise|support|guidance|strategies|ideas|input|assess|assessment)\b|\b(?:need|needs|needed|want|looking for|is there|are there|ask about|talk to|speak to|go to|covers?|deals? with)\b/;
// What makes it a question about the plan's work instead: its owners, progress or services.
const PLAN_WORK_RE = /\b(?:actions?|tasks?|owns?|owner|owned|leads?|leading|lead by|in charge|responsible|status|due|deadline|progress|waits|waiting (?:times?|lists?)|services|recruit\w*|reduce|workstreams?|ws ?\d|area|overdue|late|at risk|off track|meetings?|clusters?|agenda)\b|\b(?:needs?|needing|requires?|requiring|wants?) (?:my |our |your |urgent |some |any )?attention\b|\battention (?:items?|list)\b/;
// Requests spoken of, unless it is to make one ("how do I make a request for help with handwriting").
const REQUEST_WORD_RE = /\b(?:requests?|referrals?)\b/;
const MAKE_REQUEST_RE = /\b(?:make|raise|send|put in|open|start|do|submit) (?:a |an )?(?:new )?(?:request|referral)\b/;

/** "Who can help with sensory needs?", "need advice about a pupil who stammers": the experts for that need. */
export function expertsForNeed(q: Question): Intent | undefined {
  if (q.refs.actions.length || q.refs.requests.length) return undefined;
  const found = findNeed(q.lower);
  if (!found || !HELP_CUE_RE.test(q.lower) || PLAN_WORK_RE.test(q.lower) || q.cues.lead) return undefined;
  if (REQUEST_WORD_RE.test(q.lower) && !MAKE_REQUEST_RE.test(q.lower)) return undefined;
  // "who asked for the sensory walk through": a request already made, not a need to meet.
  if (/^(?:and )?(?:who|which (?:school|setting)) (?:asked|requested)\b/.test(q.compact)) return undefined;
  // A profession said outright ("a speech therapist for a child who stammers") is the one meant.
  const named = findSpecialism(q.lower)?.specialism;
  return { kind: 'expertsForNeed', need: found.need.label, specialisms: named ? [named] : [...found.need.specialisms] };
}

const SPECIALISM_ASKED_RE = /\bspeciali[sz](?:m|ms|e|es|ing|ation|t)\b|\b(?:kind|sort|type) of (?:expert|specialist|therapist)\b|\bwhich (?:expert|specialist|therapist|specialism)\b|\bwhat (?:expert|specialist|therapist)\b|\bexpert in\b/;

const COVERS_RE = /\bwhat (?:area|areas|field|fields|kind of thing|sort of thing)s? does\b|\bwhat does [a-z' ]{1,60} cover\b|\b(?:an? )?expert (?:in|on) what\b/;

/** "What is Chloe Barnes's specialism?", "which expert is Marcus Reid", "is Marcus an OT?". */
export function expertSpecialism(q: Question): Intent | undefined {
  const person = q.mentions.owner;
  if (!person || q.mentions.ownerIsAsker || q.refs.actions.length || /\b(?:actions?|tasks?|requests?)\b/.test(q.lower)) return undefined;
  const asked = findSpecialism(q.lower)?.specialism;
  const isA = asked && /^(?:is|are|isn't|is not)\b/.test(q.compact);
  // "What does Marcus Reid cover?" asks an expert's specialism; of anyone else, their work.
  const covers = person.roles.includes('expert') && COVERS_RE.test(q.lower);
  if (!SPECIALISM_ASKED_RE.test(q.lower) && !isA && !covers) return undefined;
  return { kind: 'expertSpecialism', person, ...(isA ? { asked } : {}) };
}
