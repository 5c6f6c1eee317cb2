// Meetings in sentences, for chat replies and reminders.
import { messageText } from '../markup.js';
import type { MeetingView, ReminderKind } from '../../domain/clusters/index.js';
import { formatWhen } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';

export function nextMeetingSentence(m: MeetingView): string {
  return `The next ${m.cluster.name} cluster SENCO meeting is on ${formatWhen(m.startsAt)}, at ${messageText(m.location)}.`;
}

export function reminderText(m: MeetingView, kind: ReminderKind, now: Date): string {
  const when = kind === 'hour_before' ? 'starts within the hour' : londonDate(m.startsAt) === londonDate(now) ? 'is today' : 'is tomorrow';
  return `Reminder: the ${m.cluster.name} cluster SENCO meeting ${when}, ${formatWhen(m.startsAt)}, at ${messageText(m.location)}.`;
}
