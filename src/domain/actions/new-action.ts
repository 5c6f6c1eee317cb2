// A new plan action added from the bot (a meeting follow-up made a plan action): its reference
// follows the workstream's own, "COM-06" → "COM-07", so it reads like the imported ones.
import type { Person, Workstream } from '../plan/types.js';

const REF = /^([A-Z][A-Z0-9]*)-(\d+)$/;

/** The prefix most of the workstream's actions use; its code (letters and digits) when it has none. */
export function actionRefPrefix(workstreamRefs: readonly string[], workstreamCode: string): string {
  const counts = new Map<string, number>();
  for (const ref of workstreamRefs) {
    const m = REF.exec(ref);
    if (m) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  return best ?? (workstreamCode.toUpperCase().replace(/[^A-Z0-9]/g, '') || 'ACT');
}

/** One past the highest number any action with this prefix has (other workstreams may share it). */
export function nextActionRef(prefix: string, refsWithPrefix: readonly string[]): string {
  let highest = 0;
  for (const ref of refsWithPrefix) {
    const m = REF.exec(ref);
    if (m && m[1] === prefix) highest = Math.max(highest, Number(m[2]));
  }
  return `${prefix}-${String(highest + 1).padStart(2, '0')}`;
}

/** Who may add an action to a workstream: its lead, or an admin. */
export function canAddAction(person: Pick<Person, 'id' | 'roles' | 'active'> | null, workstream: Pick<Workstream, 'leadId'>): boolean {
  if (!person?.active) return false;
  return person.roles.includes('admin') || (workstream.leadId !== null && workstream.leadId === person.id);
}
