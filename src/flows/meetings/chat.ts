// Cluster meetings from chat: the form to schedule a meeting, and what a chat linked to a cluster
// is told (the next meeting's card).
import { meetingCard } from '../../cards/meetings/meeting-card.js';
import { scheduleForm } from '../../cards/meetings/schedule-form.js';
import { nextMeetingSentence } from '../../cards/meetings/text.js';
import { canScheduleMeeting, type ClusterFacts } from '../../domain/clusters/index.js';
import { escapeTeamsMarkdown as asText } from '../../domain/text/escape.js';
import { londonDate } from '../../domain/time/london.js';
import type { LinkedChat } from '../../store/chat-links.js';
import { say, type ChatReply, type GroupViewer } from '../group-turn.js';
import type { MeetingCommand } from './commands.js';
import type { MeetingViews } from './deps.js';

export class MeetingChatFlows {
  constructor(private readonly v: MeetingViews) {}

  run(_command: MeetingCommand, viewer: GroupViewer): Promise<ChatReply> {
    return this.scheduleForm(viewer);
  }

  /** What a chat just linked to a cluster is told (src/flows/links links it): the next meeting's card. */
  async linked(viewer: GroupViewer, cluster: ClusterFacts, replaced: LinkedChat | null): Promise<ChatReply> {
    const store = this.v.deps.clusters;
    const was = replaced ? ` It replaces the previous ${cluster.name} chat${replaced.name ? ` (${asText(replaced.name)})` : ''}.` : '';
    const now = this.v.now();
    const next = await store.nextMeeting(cluster.id, now);
    const text = `Linked: this is now the ${cluster.name} cluster chat. I'll post ${cluster.name} meeting cards and reminders here.${was}`;
    if (!next) return say(`${text} No meeting is scheduled yet: the chair can say "schedule a cluster meeting".`);
    // The posted card is shared: in a channel only the people it matters to refresh it.
    const refreshFor = viewer.conversationKind === 'channel' ? await store.audience(cluster.id) : undefined;
    return say(`${text} ${nextMeetingSentence(next)}`, [meetingCard(next, { now, refreshFor, calendarUrl: this.v.calendarUrl(next) })]);
  }

  async scheduleForm(viewer: GroupViewer): Promise<ChatReply> {
    const store = this.v.deps.clusters;
    const clusters = (await store.clusters()).filter((c) => canScheduleMeeting(viewer.person, c).ok);
    if (clusters.length === 0) return say(viewer.person ? 'Only cluster chairs and admins can schedule cluster meetings.' : "I don't recognise you, so I can't schedule a meeting for you.");
    const here = viewer.conversationId ? await store.clusterForChat(viewer.conversationId) : null;
    const clusterId = here && clusters.some((c) => c.id === here.id) ? String(here.id) : undefined;
    const today = londonDate(this.v.now());
    return say('Fill in the meeting, then press "Schedule the meeting".', [scheduleForm(clusters, { today, draft: clusterId ? { clusterId } : {} })]);
  }
}
