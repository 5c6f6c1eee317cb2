// Cluster SENCO meetings as cards and answers need them, RSVP words and counts, and when the
// reminders are due.
import type { FollowUpView } from './follow-ups.js';

export const RSVP_RESPONSES = ['attending', 'not_attending', 'maybe'] as const;
export type RsvpResponse = (typeof RSVP_RESPONSES)[number];

/** Button titles and the words for counts. */
export const RSVP_BUTTONS: Record<RsvpResponse, string> = { attending: 'Attending', not_attending: "Can't make it", maybe: 'Maybe' };
export const RSVP_WORDS: Record<RsvpResponse, string> = { attending: 'attending', not_attending: "can't make it", maybe: 'maybe' };

export type RsvpCounts = Record<RsvpResponse, number>;

export function isRsvpResponse(v: unknown): v is RsvpResponse {
  return typeof v === 'string' && (RSVP_RESPONSES as readonly string[]).includes(v);
}

export function countResponses(responses: Iterable<RsvpResponse>): RsvpCounts {
  const counts: RsvpCounts = { attending: 0, not_attending: 0, maybe: 0 };
  for (const r of responses) counts[r]++;
  return counts;
}

export interface MeetingView {
  id: number;
  version: number;
  cluster: { id: number; code: string; name: string; area: string; chairId: number | null };
  startsAt: Date;
  durationMinutes: number;
  location: string;
  agenda: string[];
  notes: string | null;
  followUps: FollowUpView[];
  counts: RsvpCounts;
  /** The viewer's own reply, when the view was built for someone. */
  myResponse?: RsvpResponse | null;
}

/** What a meeting is called on its card and in calendars: "Batley cluster SENCO meeting". */
export function meetingTitle(m: Pick<MeetingView, 'cluster'>): string {
  return `${m.cluster.name} cluster SENCO meeting`;
}

export const REMINDERS = ['day_before', 'hour_before'] as const;
export type ReminderKind = (typeof REMINDERS)[number];

const HOUR = 3_600_000;

/**
 * Which reminder is due now: the day-before one from 24 hours before the start until an hour
 * before; the hour-before one in the last hour. A run that misses a window skips that reminder
 * rather than sending it late (an hour-before reminder after the start is noise).
 */
export function dueReminder(startsAt: Date, now: Date): ReminderKind | null {
  const left = startsAt.getTime() - now.getTime();
  if (left <= 0) return null;
  if (left <= HOUR) return 'hour_before';
  if (left <= 24 * HOUR) return 'day_before';
  return null;
}
