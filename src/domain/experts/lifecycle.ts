// The life cycle of an Experts at Hand request, as a small state machine with its permissions:
//
//   new ──claim──▶ assigned ──answer──▶ answered ──answer (follow-up)──▶ answered
//    └──────────────┴────────────────────┴──close (with an outcome)──▶ closed
//
// - Claim: an active expert of the request's specialism, while nobody has it.
// - Answer: the expert who claimed it (advice, or a visit or call offered with a date).
// - Close: the requester or the expert who has it; an outcome is required.
// Closed is final. Every decision says why in a sentence a person can act on.
import type { Person, RequestStatus, Specialism } from '../plan/types.js';
import { SPECIALIST_LABELS, withArticle } from './labels.js';

export const REQUEST_STEPS = ['claim', 'answer', 'close'] as const;
export type RequestStep = (typeof REQUEST_STEPS)[number];

/** The facts about a request that decide who may do what. */
export interface RequestFacts {
  ref: string;
  status: RequestStatus;
  specialism: Specialism;
  requesterId: number;
  assigneeId: number | null;
  assigneeName: string | null;
}

export type Decision = { ok: true } | { ok: false; code: DecisionCode; message: string };
export type DecisionCode = 'unknown_person' | 'not_expert' | 'wrong_specialism' | 'taken' | 'wrong_status' | 'not_party' | 'closed';

const TRANSITIONS: Record<RequestStep, Partial<Record<RequestStatus, RequestStatus>>> = {
  claim: { new: 'assigned' },
  answer: { assigned: 'answered', answered: 'answered' },
  close: { new: 'closed', assigned: 'closed', answered: 'closed' },
};

/** The status after a step, or null when the step does not apply to that status. */
export function nextStatus(status: RequestStatus, step: RequestStep): RequestStatus | null {
  return TRANSITIONS[step][status] ?? null;
}

const refuse = (code: DecisionCode, message: string): Decision => ({ ok: false, code, message });
const OK: Decision = { ok: true };

function isExpertOf(person: Person, specialism: Specialism): boolean {
  return person.active && person.roles.includes('expert') && person.specialism === specialism;
}

export function decideClaim(actor: Person | null, r: RequestFacts): Decision {
  if (!actor) return refuse('unknown_person', "I don't recognise you, so I can't give you this request.");
  if (r.status === 'closed') return refuse('closed', `${r.ref} is already closed.`);
  if (!isExpertOf(actor, r.specialism)) {
    return actor.roles.includes('expert')
      ? refuse('wrong_specialism', `${r.ref} needs ${withArticle(SPECIALIST_LABELS[r.specialism])}; only experts of that specialism can pick it up.`)
      : refuse('not_expert', `Only ${SPECIALIST_LABELS[r.specialism]}s in the Experts at Hand pool can pick up ${r.ref}.`);
  }
  if (r.assigneeId === actor.id) return refuse('taken', `You already have ${r.ref}.`);
  if (r.status !== 'new' || r.assigneeId !== null) return refuse('taken', `${r.assigneeName ?? 'Another expert'} has already picked up ${r.ref}.`);
  return OK;
}

export function decideAnswer(actor: Person | null, r: RequestFacts): Decision {
  if (!actor) return refuse('unknown_person', "I don't recognise you, so I can't take your answer.");
  if (r.status === 'closed') return refuse('closed', `${r.ref} is already closed.`);
  if (!isExpertOf(actor, r.specialism)) {
    return refuse(actor.roles.includes('expert') ? 'wrong_specialism' : 'not_expert',
      `Only the ${SPECIALIST_LABELS[r.specialism]} who picked up ${r.ref} can answer it.`);
  }
  if (r.status === 'new') return refuse('wrong_status', `Pick up ${r.ref} first, then answer it.`);
  if (r.assigneeId !== actor.id) return refuse('taken', `${r.assigneeName ?? 'Another expert'} has ${r.ref}; only they can answer it.`);
  return OK;
}

export function decideClose(actor: Person | null, r: RequestFacts): Decision {
  if (!actor) return refuse('unknown_person', "I don't recognise you, so I can't close this request.");
  if (r.status === 'closed') return refuse('closed', `${r.ref} is already closed.`);
  if (actor.id !== r.requesterId && actor.id !== r.assigneeId) {
    return refuse('not_party', `Only the person who asked for ${r.ref}, or the expert who has it, can close it.`);
  }
  return OK;
}

export function decideStep(step: RequestStep, actor: Person | null, r: RequestFacts): Decision {
  if (step === 'claim') return decideClaim(actor, r);
  if (step === 'answer') return decideAnswer(actor, r);
  return decideClose(actor, r);
}

/** The steps this person may take now (what their view of the card offers). */
export function allowedSteps(actor: Person | null, r: RequestFacts): RequestStep[] {
  return REQUEST_STEPS.filter((s) => decideStep(s, actor, r).ok);
}

/** The steps the request's status allows anyone (the shared card, before it is tailored to a viewer). */
export function stepsForStatus(status: RequestStatus): RequestStep[] {
  return REQUEST_STEPS.filter((s) => nextStatus(status, s) !== null);
}

/** The deciding facts of a request as the store returns it. */
export function requestFacts(r: { ref: string; status: RequestStatus; specialism: Specialism; requester: { id: number }; assignee: { id: number; name: string } | null }): RequestFacts {
  return { ref: r.ref, status: r.status, specialism: r.specialism, requesterId: r.requester.id, assigneeId: r.assignee?.id ?? null, assigneeName: r.assignee?.name ?? null };
}
