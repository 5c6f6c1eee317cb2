// What an action's cards and rules need, read in one statement: the action, its workstream, owner,
// lead and the newest history row, and the mapping from that row to an ActionRecord.
import { Prisma } from '../generated/prisma/client.js';
import type { LastChange } from '../domain/actions/phrasing.js';
import type { Action, ChangeChannel, Person, Workstream } from '../domain/plan/types.js';
import { actionFromRow, instant } from './action-row.js';
import { toPerson } from './people.js';

/** An action with everything its cards and rules need. */
export interface ActionRecord {
  action: Action;
  workstream: Workstream;
  owner: Person | null;
  lead: Person | null;
  /** The latest history row (who changed it last, and when). */
  lastChange: LastChange | null;
}

// One round trip per read: the action, its workstream, owner, lead and newest history row (the
// newest written, not the latest `at`, so a clock moved back cannot hide a change) in one query.
export const RECORD_SELECT = Prisma.sql`
  SELECT a.id, a.ref, a.title, a.workstream_id, a.area::text AS area, a.owner_id, to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
    a.status::text AS status, a.last_update, a.last_update_at, a.success_measure, a.source, a.version, a.created_at, a.updated_at, a.plain_title,
    w.code AS w_code, w.name AS w_name, w.pillar AS w_pillar, w.lead_id AS w_lead_id,
    o.id AS o_id, o.key AS o_key, o.name AS o_name, o.email AS o_email, o.job_title AS o_job_title, o.organisation AS o_organisation, o.aad_object_id AS o_aad,
    o.roles AS o_roles, o.specialism::text AS o_specialism, o.active AS o_active,
    l.id AS l_id, l.key AS l_key, l.name AS l_name, l.email AS l_email, l.job_title AS l_job_title, l.organisation AS l_organisation, l.aad_object_id AS l_aad,
    l.roles AS l_roles, l.specialism::text AS l_specialism, l.active AS l_active,
    h.at AS h_at, h.via::text AS h_via, ha.name AS h_actor
  FROM actions a
  JOIN workstreams w ON w.id = a.workstream_id
  LEFT JOIN people o ON o.id = a.owner_id
  LEFT JOIN people l ON l.id = w.lead_id
  LEFT JOIN LATERAL (SELECT x.at, x.via, x.actor_id FROM action_history x WHERE x.action_id = a.id ORDER BY x.id DESC LIMIT 1) h ON true
  LEFT JOIN people ha ON ha.id = h.actor_id`;

export type Maybe<T> = T | null;
export interface RecordRow {
  id: number; ref: string; title: string; workstream_id: number; area: Maybe<string>; owner_id: Maybe<number>; due_date: string;
  status: string; last_update: Maybe<string>; last_update_at: Maybe<Date | string>; success_measure: Maybe<string>; source: Maybe<string>;
  version: number; created_at: Date | string; updated_at: Date | string; plain_title?: Maybe<string>;
  w_code: string; w_name: string; w_pillar: string; w_lead_id: Maybe<number>;
  o_id: Maybe<number>; o_key: Maybe<string>; o_name: Maybe<string>; o_email: Maybe<string>; o_job_title: Maybe<string>; o_organisation: Maybe<string>; o_aad: Maybe<string>;
  o_roles: Maybe<string[]>; o_specialism: Maybe<string>; o_active: Maybe<boolean>;
  l_id: Maybe<number>; l_key: Maybe<string>; l_name: Maybe<string>; l_email: Maybe<string>; l_job_title: Maybe<string>; l_organisation: Maybe<string>; l_aad: Maybe<string>;
  l_roles: Maybe<string[]>; l_specialism: Maybe<string>; l_active: Maybe<boolean>;
  h_at: Maybe<Date | string>; h_via: Maybe<string>; h_actor: Maybe<string>;
  total?: bigint | number;
}

function personFrom(r: RecordRow, p: 'o' | 'l'): Person | null {
  const id = r[`${p}_id`];
  if (id === null || id === undefined) return null;
  return toPerson({
    id, key: r[`${p}_key`] ?? '', name: r[`${p}_name`] ?? '', email: r[`${p}_email`], jobTitle: r[`${p}_job_title`], organisation: r[`${p}_organisation`], aadObjectId: r[`${p}_aad`],
    roles: r[`${p}_roles`] ?? [], specialism: r[`${p}_specialism`], active: r[`${p}_active`] ?? false,
  });
}

export function toRecord(r: RecordRow): ActionRecord {
  return {
    action: actionFromRow(r),
    workstream: { id: r.workstream_id, code: r.w_code, name: r.w_name, pillar: r.w_pillar, leadId: r.w_lead_id },
    owner: personFrom(r, 'o'),
    lead: personFrom(r, 'l'),
    lastChange: r.h_at === null ? null : { actorName: r.h_actor, at: instant(r.h_at), via: (r.h_via ?? 'system') as ChangeChannel },
  };
}
