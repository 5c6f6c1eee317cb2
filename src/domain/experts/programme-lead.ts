// Who hears about Experts at Hand requests nobody has picked up: the programme lead. No setting
// names them; the rule is
//   1. the leads of every workstream whose name mentions "Expert Support" or "Experts at Hand"
//      (in the Kirklees plan: WS5 "Earlier Specialist Advice and Intervention (Expert Support)",
//      led by Dev Patel);
//   2. if there is no such workstream or it has no active lead: every active admin.
import type { Person } from '../plan/types.js';

const PROGRAMME_WORKSTREAM = /\bexperts?\s+(?:support|at\s+hand)\b/i;

export interface WorkstreamLead { name: string; lead: Person | null }

export function isExpertsAtHandWorkstream(name: string): boolean {
  return PROGRAMME_WORKSTREAM.test(name);
}

export function programmeLeads(workstreams: WorkstreamLead[], people: Person[]): Person[] {
  const leads = new Map<number, Person>();
  for (const w of workstreams) {
    if (w.lead?.active && isExpertsAtHandWorkstream(w.name)) leads.set(w.lead.id, w.lead);
  }
  if (leads.size > 0) return [...leads.values()];
  return people.filter((p) => p.active && p.roles.includes('admin'));
}
