// How the public pages speak of people: by role, never by name. The plan is public; the people
// who carry it out are named inside Teams only. Owners appear by job title and organisation, and
// their notes appear only when they name nobody.
import type { Person, Workstream } from '../plan/types.js';
import { namesAnyone } from '../privacy/public-text.js';

export const WITHHELD_NOTE = 'update withheld from the public page';

/** "Communications Officer, Kirklees Council"; what is known of the owner, never their name. */
export function publicOwner(person: Pick<Person, 'jobTitle' | 'organisation'> | null | undefined): string {
  if (!person) return 'no owner yet';
  const parts = [person.jobTitle, person.organisation].map((p) => p?.trim() ?? '').filter((p) => p.length > 0);
  return parts.length > 0 ? parts.join(', ') : 'an officer of the partnership';
}

/** A note as a public page shows it: as written, withheld when it names anyone, null when there is none. */
export type PublicNote = { kind: 'shown'; text: string } | { kind: 'withheld' } | null;

/** The names a public note must not carry: every person in the plan's directory. */
export function directoryNames(people: Iterable<Pick<Person, 'name'>>): string[] {
  return [...people].map((p) => p.name);
}

export function publicNote(note: string | null | undefined, names: readonly string[]): PublicNote {
  if (!note || note.trim() === '') return null;
  return namesAnyone(note, names) ? { kind: 'withheld' } : { kind: 'shown', text: note };
}

/** The note's words for a page: the note itself, or the plain words that it was withheld. */
export function publicNoteWords(note: PublicNote): string | null {
  if (note === null) return null;
  return note.kind === 'shown' ? note.text : WITHHELD_NOTE;
}

/** A code followed by what it means: "WS3, the Data and Insight workstream". */
export function workstreamWords(ws: Pick<Workstream, 'code' | 'name'> | undefined): string {
  if (!ws) return 'a workstream no longer in the plan';
  return `${ws.code}, the ${ws.name} workstream`;
}
