// "Schedule a cluster meeting": date, time, length, place (or Teams) and agenda items.
import type { MeetingView } from '../../domain/clusters/index.js';
import { MEETING_LENGTHS } from '../../domain/clusters/index.js';
import { formatWhen } from '../../domain/time/format.js';
import { adaptiveCard, heading, text, type Card, type CardElement } from '../common.js';
import { MEETING_VERBS, noticeBlock, type Notice } from './meeting-card.js';

export interface ScheduleDraft {
  clusterId?: string;
  date?: string;
  time?: string;
  durationMinutes?: string;
  location?: string;
  agenda?: string;
  repeat?: string;
}

/** 90 → '1 hour 30 minutes'. */
export function lengthLabel(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} hour${h > 1 ? 's' : ''}` : '', m ? `${m} minutes` : ''].filter(Boolean).join(' ');
}

export function scheduleForm(clusters: Array<{ id: number; name: string }>, o: { draft?: ScheduleDraft; notice?: Notice; today: string }): Card {
  const d = o.draft ?? {};
  const body: CardElement[] = [];
  if (o.notice) body.push(noticeBlock(o.notice));
  body.push(heading('Schedule a cluster SENCO meeting'));
  body.push(text('Times are UK time. The meeting card goes to the cluster\'s linked chat, with reply buttons and reminders the day before and an hour before.', { isSubtle: true }));
  body.push({
    type: 'Input.ChoiceSet', id: 'clusterId', label: 'Cluster', isRequired: true, errorMessage: 'Choose a cluster',
    value: d.clusterId ?? String(clusters[0]?.id ?? ''), choices: clusters.map((c) => ({ title: c.name, value: String(c.id) })),
  });
  body.push({ type: 'Input.Date', id: 'date', label: 'Date', isRequired: true, errorMessage: 'Choose a date', min: o.today, ...(d.date ? { value: d.date } : {}) });
  body.push({ type: 'Input.Time', id: 'time', label: 'Start time', isRequired: true, errorMessage: 'Choose a start time', value: d.time ?? '13:30' });
  body.push({
    type: 'Input.ChoiceSet', id: 'durationMinutes', label: 'Length', value: d.durationMinutes ?? '90',
    choices: MEETING_LENGTHS.map((m) => ({ title: lengthLabel(m), value: String(m) })),
  });
  body.push({ type: 'Input.Text', id: 'location', label: 'Where (a school, a room, or Teams)', isRequired: true, errorMessage: 'Say where', maxLength: 200, value: d.location ?? '' });
  body.push({ type: 'Input.Text', id: 'agenda', label: 'Agenda items, one per line (anonymised: no child names)', isMultiline: true, value: d.agenda ?? '' });
  body.push({
    type: 'Input.Text', id: 'repeat', label: 'Repeat (leave empty for one meeting)', maxLength: 120, value: d.repeat ?? '',
    placeholder: 'for example: every second Wednesday of the month this term',
  });
  return adaptiveCard(body, [{ type: 'Action.Execute', verb: MEETING_VERBS.schedule, title: 'Schedule the meeting', data: {} }], 'Schedule a cluster SENCO meeting');
}

/** The sentence under a scheduled meeting, for the person who scheduled it. */
export function scheduledSentence(m: MeetingView, where: 'here' | 'linked' | 'unlinked'): string {
  const base = `${m.cluster.name} cluster SENCO meeting scheduled for ${formatWhen(m.startsAt)}.`;
  if (where === 'here') return `${base} Everyone here can reply from the card.`;
  if (where === 'linked') return `${base} I've posted the card in the ${m.cluster.name} cluster chat.`;
  return `${base} ${m.cluster.name} has no linked chat yet: in the cluster's group chat or channel, say "link this chat to the ${m.cluster.name} cluster" and I'll post it there.`;
}
