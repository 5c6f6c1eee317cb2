// Cluster meetings from chat: the form to schedule a meeting, what a chat linked to a cluster is
// told (the next meeting's card), and a person's open follow-ups.
import { meetingCard } from '../../cards/meetings/meeting-card.js';
import { scheduleForm } from '../../cards/meetings/schedule-form.js';
import { nextMeetingSentence } from '../../cards/meetings/text.js';
import { canScheduleMeeting, type ClusterFacts } from '../../domain/clusters/index.js';
import { escapeTeamsMarkdown as asText } from '../../domain/text/escape.js';
import { formatDate, formatRelativeDue } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import type { LinkedChat } from '../../store/chat-links.js';
import { say, type ChatReply, type GroupViewer } from '../group-turn.js';
import type { MeetingCommand } from './commands.js';
import type { MeetingViews } from './deps.js';

export class MeetingChatFlows {
  constructor(private readonly v: MeetingViews) {}

  run(command: MeetingCommand, viewer: GroupViewer): Promise<ChatReply> {
    return command.kind === 'my-follow-ups' ? this.myFollowUps(viewer) : this.scheduleForm(viewer);
  }

  /** "my follow-ups": the viewer's open meeting follow-ups, earliest due first. */
  async myFollowUps(viewer: GroupViewer): Promise<ChatReply> {
    if (!viewer.person) return say("I don't recognise you, so I can't look up your follow-ups.");
    const mine = await this.v.deps.followUps.openFor(viewer.person.id);
    if (mine.length === 0) return say('You have no open follow-ups from cluster meetings.');
    const today = londonDate(this.v.now());
    const lines = mine.map((f, i) => {
      const due = f.dueDate ? `due ${formatDate(f.dueDate)}, ${formatRelativeDue(f.dueDate, today)}` : 'no due date';
      const asked = f.requestRef ? `; Experts at Hand: ${f.requestRef}` : '';
      return `${i + 1}. ${asText(f.text)} (${f.clusterName} cluster meeting of ${formatDate(londonDate(f.meetingStartsAt))}; ${due}${asked})`;
    });
    const head = mine.length === 1 ? 'You have 1 open follow-up from cluster meetings:' : `You have ${mine.length} open follow-ups from cluster meetings:`;
    return say(`${head}\n\n${lines.join('\n')}\n\nMark one done with **Done** on its meeting card in the cluster chat.`);
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
