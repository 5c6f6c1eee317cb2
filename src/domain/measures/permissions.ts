// Who may record a reading: whoever answers for what the measure belongs to (the action's owner
// and its workstream's lead; the workstream's lead), or an admin. An area for improvement has no
// single owner, so only admins record its measures.
import type { Person } from '../plan/types.js';
import type { Measure } from './types.js';

export interface MeasureResponsibility {
  /** The people who answer for the measure's action or workstream (ids), empty for an area. */
  responsibleIds: readonly number[];
}

export function mayRecordReading(person: Pick<Person, 'id' | 'roles' | 'active'>, measure: MeasureResponsibility): boolean {
  if (!person.active) return false;
  return person.roles.includes('admin') || measure.responsibleIds.includes(person.id);
}

/** Who may record for a measure, in words for a refusal: "the owner of EHC-01, the lead of its workstream, or an admin". */
export function whoMayRecord(measure: Pick<Measure, 'owner'>): string {
  const o = measure.owner;
  if (o.kind === 'action') return `the owner of ${o.ref}, the lead of its workstream, or an admin`;
  if (o.kind === 'workstream') return `the lead of ${o.code} or an admin`;
  return 'an admin';
}
