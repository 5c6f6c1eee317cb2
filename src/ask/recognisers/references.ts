// Questions that name a reference: an Experts at Hand request ("EAH-R-0002"), then an action
// ("COM-06", "com 6"), then something shaped like a reference that the plan does not have ("XYZ99").
import type { ActionStatus } from '../../domain/plan/types.js';
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';
import { ORIGIN_RE } from './experts.js';

// "whose request is EAH-R-0001", "who's the requester of …": who raised it, beside ORIGIN_RE's "who made …".
const RAISER_RE = /\bwhose\b|\brequester\b|\bwho (?:put in|logged|filed|created|started)\b|\bwho (?:is|s|'s|was) (?:the )?(?:person|one|member of staff|senco) (?:who|that) (?:made|raised|sent|asked)\b/;

export function requestReference(q: Question): Intent | undefined {
  if (!q.refs.requests.length) return undefined;
  const who = ORIGIN_RE.test(q.lower) || RAISER_RE.test(q.lower);
  return { kind: 'request', refs: q.refs.requests, ...(who ? { who } : {}) };
}

export function actionReference(q: Question): Intent | undefined {
  return q.refs.actions.length ? { kind: 'action', refs: q.refs.actions.slice(0, 5), aspects: q.aspects } : undefined;
}

export function unknownReference(q: Question): Intent | undefined {
  const glued = q.refs.glued[0];
  return glued ? { kind: 'unknown', what: 'action', name: glued } : undefined;
}

// "I'd like to update SUF-01 to at risk", "can I change DAT 3 to green", "I want to mark …".
const SET_RE = /^(?:please |can you |could you |pls |i(?:'d| would) like to |i want to |i need to |can i |could i |let me |i'll |i will )?(?:please )?(?:mark|set|change|move|put|make|switch|update)\b/;
const DONE_RE = /\b(?:is|has been|was|now|are|have been) (?:now |all |finally )?(?:done|finished|complete|completed|closed|sorted|delivered)\b/;

/** "Mark INC-02 as complete", "set DAT 3 to at risk", "COM3 is done": a change, not a question. */
export function setStatus(q: Question): Intent | undefined {
  const ref = q.refs.actions[0];
  if (!ref || q.refs.actions.length > 1 || /\?\s*$/.test(q.compact) || /^(?:is|has|was|when|who|what|how)\b/.test(q.compact)) return undefined;
  const after = q.lower.slice(ref.end);
  const set = SET_RE.test(q.compact);
  if (!set && !DONE_RE.test(after)) return undefined;
  const statuses: ActionStatus[] = q.status.statuses.length ? q.status.statuses : DONE_RE.test(after) ? ['complete'] : [];
  const status = statuses.length === 1 ? statuses[0] : undefined;
  if (set && !status) return undefined;
  return status ? { kind: 'setStatus', ref, status } : undefined;
}
