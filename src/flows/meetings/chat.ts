// Cluster meetings from chat: linking a chat to a cluster, and the form to schedule a meeting.
import { meetingCard } from '../../cards/meetings/meeting-card.js';
import { scheduleForm } from '../../cards/meetings/schedule-form.js';
import { nextMeetingSentence } from '../../cards/meetings/text.js';
import { canLinkClusterChat, canScheduleMeeting, matchCluster } from '../../domain/clusters/index.js';
import { londonDate } from '../../domain/time/london.js';
import type { ClusterRow } from '../../store/clusters.js';
import { say, type ChatReply, type GroupViewer } from '../group-turn.js';
import type { MeetingCommand } from './commands.js';
import type { MeetingViews } from './deps.js';

export class MeetingChatFlows {
  constructor(private readonly v: MeetingViews) {}

  run(command: MeetingCommand, viewer: GroupViewer): Promise<ChatReply> {
    return command.kind === 'link-chat' ? this.link(viewer, command.phrase) : this.scheduleForm(viewer);
  }

  async link(viewer: GroupViewer, phrase: string): Promise<ChatReply> {
    if (viewer.conversationKind === 'personal' || !viewer.conversationId) {
      return say("Say this in the cluster's group chat or team channel (mentioning me there), and I'll link that chat to the cluster.");
    }
    const store = this.v.deps.clusters;
    const found = resolveCluster(phrase, await store.clusters());
    if (!found.ok) return found.reply;
    const cluster = found.cluster;
    const allowed = canLinkClusterChat(viewer.person, cluster);
    if (!allowed.ok) return say(allowed.message);
    const linked = await store.linkChat(viewer.conversationId, cluster.id);
    if (!linked) return say("I couldn't link this chat just now. Please try again in a moment.");
    const replaced = linked.replaced ? ` It replaces the previous ${cluster.name} chat${linked.replaced.name ? ` (${linked.replaced.name})` : ''}.` : '';
    const now = this.v.now();
    const next = await store.nextMeeting(cluster.id, now);
    const text = `Linked: this is now the ${cluster.name} cluster chat. I'll post ${cluster.name} meeting cards and reminders here.${replaced}`;
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

/** The cluster a phrase names, or the answer for when it names none or several. */
function resolveCluster(phrase: string, clusters: ClusterRow[]): { ok: true; cluster: ClusterRow } | { ok: false; reply: ChatReply } {
  const match = matchCluster(phrase, clusters);
  if (match.kind === 'one') return { ok: true, cluster: match.cluster };
  if (match.kind === 'many') return { ok: false, reply: say(`Which cluster do you mean: ${match.clusters.map((c) => c.name).join(' or ')}?`) };
  return { ok: false, reply: say(`I don't know a cluster called "${phrase.slice(0, 60)}". The clusters are: ${clusters.map((c) => c.name).join(', ')}.`) };
}
