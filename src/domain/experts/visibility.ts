// Who sees what of an Experts at Hand request, in answers. One rule for every answer, so a request
// a person may look up by its words is one whose detail they may read:
// - its words (the summary) and who raised it: the requester, the expert on it, admins and the
//   programme lead (who is told of requests nobody picks up, programme-lead.ts);
// - finding it by the words of its summary: those, and the experts of its specialism, who may
//   pick it up.
// Everyone else who may list requests sees their progress only.
import type { Person } from '../plan/types.js';
import { isExpertsAtHandWorkstream } from './programme-lead.js';

export interface RequestParties { requesterId: number; assigneeId: number | null; specialism: string }

/** Does this person lead a workstream that runs Experts at Hand? */
export function leadsExpertsAtHand(person: Person, workstreams: readonly { name: string; leadId: number | null }[]): boolean {
  return workstreams.some((w) => w.leadId === person.id && isExpertsAtHandWorkstream(w.name));
}

export function seesRequestDetail(person: Person, r: RequestParties, programmeLead: boolean): boolean {
  return person.roles.includes('admin') || programmeLead || person.id === r.requesterId || person.id === r.assigneeId;
}

export function findsRequestByWords(person: Person, r: RequestParties, programmeLead: boolean): boolean {
  return seesRequestDetail(person, r, programmeLead) || (person.roles.includes('expert') && person.specialism === r.specialism);
}
