// Who may change an action, and who may rate a maturity-matrix pillar. Pure: the caller loads the
// person (from the activity's aadObjectId, never from card data), the action and its workstream.
import type { Action, Person, Workstream } from '../plan/types.js';

/** Why a person may change an action; null when they may not. */
export type ChangeRight = 'owner' | 'lead' | 'admin';

type Actor = Pick<Person, 'id' | 'roles' | 'active'>;

/** The strongest reason this person may change the action: owner, then workstream lead, then admin. */
export function changeRight(
  person: Actor | null | undefined,
  action: Pick<Action, 'ownerId' | 'workstreamId'>,
  workstream: Pick<Workstream, 'id' | 'leadId'> | null | undefined,
): ChangeRight | null {
  if (!person || !person.active) return null;
  if (action.ownerId !== null && action.ownerId === person.id) return 'owner';
  if (workstream && workstream.id === action.workstreamId && workstream.leadId !== null && workstream.leadId === person.id) return 'lead';
  if (person.roles.includes('admin')) return 'admin';
  return null;
}

/** The rule: an action's owner, its workstream's lead, or an admin. */
export function canChangeAction(
  person: Actor | null | undefined,
  action: Pick<Action, 'ownerId' | 'workstreamId'>,
  workstream: Pick<Workstream, 'id' | 'leadId'> | null | undefined,
): boolean {
  return changeRight(person, action, workstream) !== null;
}

/**
 * The maturity-matrix pillar views of a workstream pillar: pillar 5 is rated as 5a, 5b and 5c;
 * every other pillar is rated as itself.
 */
export function pillarViews(pillar: string): string[] {
  return pillar === '5' ? ['5a', '5b', '5c'] : [pillar];
}

/** The pillar a rated view belongs to: '5b' → '5'. */
export function pillarOfView(view: string): string {
  return /^5[abc]$/.test(view) ? '5' : view;
}

/** Pillar views this person may rate: those of the workstreams they lead; an admin may rate every one. */
export function ratablePillars(person: Actor | null | undefined, workstreams: readonly Pick<Workstream, 'pillar' | 'leadId'>[]): string[] {
  if (!person || !person.active) return [];
  const all = person.roles.includes('admin');
  const views = workstreams.filter((w) => all || w.leadId === person.id).flatMap((w) => pillarViews(w.pillar));
  return sortPillars([...new Set(views)]);
}

export function canRatePillar(person: Actor | null | undefined, view: string, workstreams: readonly Pick<Workstream, 'pillar' | 'leadId'>[]): boolean {
  return ratablePillars(person, workstreams).includes(view);
}

/** '1' < '2' < … < '5a' < '5b' < '5c' < '6' < '7' < '10'. */
export function sortPillars(views: string[]): string[] {
  return [...views].sort((a, b) => {
    const na = parseInt(a, 10);
    const nb = parseInt(b, 10);
    return na !== nb ? (Number.isNaN(na) ? 1 : Number.isNaN(nb) ? -1 : na - nb) : a.localeCompare(b);
  });
}
