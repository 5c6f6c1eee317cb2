// Who may do what with a cluster and its SENCO meetings.
// - Link a group chat or channel to a cluster, schedule a meeting, write notes and follow-ups:
//   an admin, or that cluster's chair.
// - Add an agenda item: an admin, the chair, or the SENCO of a setting in that cluster, until the
//   meeting starts.
// - Reply attending / can't make it / maybe: anyone the partnership knows, until the meeting
//   starts; a new reply replaces the old one.
// - Notes and follow-ups: once the meeting has started.
// - Link a channel to an Experts at Hand specialism pool: an admin.
import type { Person } from '../plan/types.js';

export type Permission = { ok: true } | { ok: false; message: string };

export interface ClusterFacts { id: number; name: string; chairId: number | null }
export interface MeetingTiming { startsAt: Date; durationMinutes: number }

const OK: Permission = { ok: true };
const no = (message: string): Permission => ({ ok: false, message });

export function isAdmin(person: Person | null): boolean {
  return !!person?.active && person.roles.includes('admin');
}

export function isChair(person: Person | null, cluster: ClusterFacts): boolean {
  return !!person?.active && cluster.chairId === person.id;
}

function adminOrChair(person: Person | null, cluster: ClusterFacts, what: string): Permission {
  if (!person) return no(`I don't recognise you, so I can't ${what}.`);
  if (isAdmin(person) || isChair(person, cluster)) return OK;
  return no(`Only the ${cluster.name} cluster chair or an admin can ${what}.`);
}

export function canLinkClusterChat(person: Person | null, cluster: ClusterFacts): Permission {
  return adminOrChair(person, cluster, `link a chat to the ${cluster.name} cluster`);
}

export function canScheduleMeeting(person: Person | null, cluster: ClusterFacts): Permission {
  return adminOrChair(person, cluster, `schedule ${cluster.name} cluster meetings`);
}

export function hasStarted(meeting: MeetingTiming, now: Date): boolean {
  return now.getTime() >= meeting.startsAt.getTime();
}

export function hasEnded(meeting: MeetingTiming, now: Date): boolean {
  return now.getTime() >= meeting.startsAt.getTime() + meeting.durationMinutes * 60_000;
}

export function canWriteNotes(person: Person | null, cluster: ClusterFacts, meeting: MeetingTiming, now: Date): Permission {
  const who = adminOrChair(person, cluster, 'write the meeting notes');
  if (!who.ok) return who;
  return hasStarted(meeting, now) ? OK : no('Notes and follow-ups can be added once the meeting has started.');
}

/** sencoClusterIds: the clusters of the settings this person is SENCO for. */
export function canAddAgendaItem(person: Person | null, cluster: ClusterFacts, sencoClusterIds: number[], meeting: MeetingTiming, now: Date): Permission {
  if (!person) return no("I don't recognise you, so I can't add to the agenda.");
  if (hasStarted(meeting, now)) return no('The meeting has started, so the agenda is closed.');
  if (isAdmin(person) || isChair(person, cluster) || sencoClusterIds.includes(cluster.id)) return OK;
  return no(`Only SENCOs of ${cluster.name} settings, the cluster chair or an admin can add to the agenda.`);
}

export function canRsvp(person: Person | null, meeting: MeetingTiming, now: Date): Permission {
  if (!person) return no("I don't recognise you, so I can't record your reply. Ask an admin to add you to the partnership's people list.");
  return hasStarted(meeting, now) ? no('This meeting has already started, so replies are closed.') : OK;
}

export function canLinkPool(person: Person | null): Permission {
  if (!person) return no("I don't recognise you, so I can't link this channel.");
  return isAdmin(person) ? OK : no('Only an admin can choose the channel for an Experts at Hand pool.');
}
