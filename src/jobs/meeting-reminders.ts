// Cluster meeting reminders: the day before (from 24 hours to 1 hour before the start) and in the
// last hour, to the cluster's linked chat, each once per meeting (the outbox key holds
// meeting-<id> as its period, so reruns, restarts and other replicas add nothing).
import { calendarLinks } from '../calendar/links.js';
import { meetingCard } from '../cards/meetings/meeting-card.js';
import { reminderText } from '../cards/meetings/text.js';
import { dueReminder } from '../domain/clusters/index.js';
import type { JobStores } from '../store/job-stores.js';
import type { QueuedMessage } from '../store/outbox.js';
import type { JobDefinition, JobResult } from './types.js';

export const MEETING_REMINDERS_JOB = 'meeting-reminders';

export async function runMeetingReminders(stores: Pick<JobStores, 'clusters' | 'outbox'>, now: Date, calendarUrl?: (meetingId: number) => string | undefined): Promise<JobResult> {
  const store = stores.clusters;
  const messages: QueuedMessage[] = [];
  for (const { meeting, chat } of await store.upcomingWithChats(now, 24 * 3_600_000)) {
    const kind = dueReminder(meeting.startsAt, now);
    if (!kind) continue;
    const refreshFor = chat.kind === 'channel' ? await store.audience(meeting.cluster.id) : undefined;
    messages.push({
      job: MEETING_REMINDERS_JOB, period: `meeting-${meeting.id}`, recipient: { conversationId: chat.conversationId }, kind: kind.replace('_', '-'),
      payload: { text: reminderText(meeting, kind, now), cards: [meetingCard(meeting, { now, refreshFor, calendarUrl: calendarUrl?.(meeting.id) })] },
    });
  }
  const queued = await stores.outbox.enqueue(messages, now);
  return { queued, wanted: messages.length, summary: `meeting-reminders: ${queued} queued (${messages.length} due)` };
}

export const meetingRemindersJob: JobDefinition = {
  name: MEETING_REMINDERS_JOB,
  description: 'Reminds each cluster chat of its SENCO meeting the day before and an hour before.',
  cron: (config) => config.MEETING_REMINDER_CRON,
  period: 'occurrence',
  workingDaysOnly: false,
  run: (run, deps) => runMeetingReminders(deps.stores, run.now, calendarLinks(deps.config).urlFor),
};
