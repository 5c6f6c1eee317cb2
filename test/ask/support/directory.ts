// A directory like the demo data's, built in memory for understanding tests (no database).
import type { PlanDirectory } from '../../../src/domain/plan/reader.js';
import type { Cluster, Person, Role, Setting, Workstream } from '../../../src/domain/plan/types.js';

let nextId = 1;
export function person(key: string, name: string, roles: Role[] = ['owner'], jobTitle: string | null = null): Person {
  return { id: nextId++, key, name, email: `${key}@example.org`, jobTitle, organisation: null, aadObjectId: null, roles, specialism: null, active: true };
}

export const people = {
  amorgan: person('amorgan', 'Alex Morgan', ['lead', 'admin'], 'Service Director'),
  pshah: person('pshah', 'Priya Shah', ['lead', 'owner']),
  swhitaker: person('swhitaker', 'Sam Whitaker', ['lead', 'owner'], 'Head of Data and Insight'),
  hcarr: person('hcarr', 'Helen Carr', ['lead', 'owner']),
  dpatel: person('dpatel', 'Dev Patel', ['lead', 'owner']),
  gokafor: person('gokafor', 'Grace Okafor'),
  lbyrne: person('lbyrne', 'Liam Byrne', ['lead', 'owner']),
  rellis: person('rellis', 'Ruth Ellis', ['lead', 'owner']),
  oprice: person('oprice', 'Owen Price'),
  eclarke: person('eclarke', 'Emma Clarke', ['senco']),
  akhan: person('akhan', 'Aisha Khan', ['senco']),
  mwill: person('mwill', 'Will Hart'),
};

function ws(id: number, code: string, name: string, pillar: string, lead: Person): Workstream {
  return { id, code, name, pillar, leadId: lead.id };
}

export const workstreams = [
  ws(1, 'WS1', 'Co-production, Voice and Partnership Engagement', '1', people.pshah),
  ws(2, 'WS2', 'System Leadership, Governance and Accountability', '2', people.amorgan),
  ws(3, 'WS3', 'Understanding Need, Demand and Experience (Data and Insight)', '3', people.swhitaker),
  ws(4, 'WS4', 'Inclusive Universal Offer (Mainstream First)', '4', people.hcarr),
  ws(5, 'WS5', 'Earlier Specialist Advice and Intervention (Expert Support)', '6', people.dpatel),
  ws(6, 'WS6', 'Preparing for Adulthood (PfA) and Post-16', '5', people.lbyrne),
  ws(7, 'WS7', 'Resources, Sufficiency and Financial Sustainability', '7', people.rellis),
];

export const clusters: Cluster[] = [
  { id: 1, code: 'BS1', name: 'Batley', area: 'Batley and Spen', chairId: people.eclarke.id },
  { id: 2, code: 'DM1', name: 'Dewsbury North', area: 'Dewsbury and Mirfield', chairId: people.akhan.id },
  { id: 3, code: 'DM2', name: 'Dewsbury South', area: 'Dewsbury and Mirfield', chairId: null },
  { id: 4, code: 'KR2', name: 'Holme Valley', area: 'Kirklees Rural', chairId: null },
];

export const settings: Setting[] = [
  { id: 1, name: 'Oakfield Primary School', phase: 'primary', clusterId: 1, sencoId: people.eclarke.id },
  { id: 2, name: 'Riverside Academy', phase: 'secondary', clusterId: 2, sencoId: people.akhan.id },
  { id: 3, name: 'Valley Head High School', phase: 'secondary', clusterId: 4, sencoId: null },
];

export function directory(extra: { people?: Person[]; workstreams?: Workstream[] } = {}): PlanDirectory {
  return {
    people: [...Object.values(people), ...(extra.people ?? [])],
    workstreams: [...workstreams, ...(extra.workstreams ?? [])],
    clusters,
    settings,
    actionPrefixes: ['COM', 'DAT', 'EAH', 'EHC', 'GOV', 'HLT', 'INC', 'PFA', 'RFM', 'SUF'],
    sources: ['Big Plan 3', 'SEND reform plan 2026'],
    loadedAt: new Date('2026-11-22T09:00:00Z'),
  };
}
