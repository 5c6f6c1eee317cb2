// Chat commands for cluster SENCO meetings:
//   "link this chat to the Batley cluster"   (in the cluster's group chat or channel; admin or chair)
//   "schedule a cluster meeting"             (admin or chair: a form card)
// "next Batley meeting" and "meetings this month" are read-only questions: src/ask answers them.
import { meetingCard } from '../../cards/meetings/meeting-card.js';
import { scheduleForm } from '../../cards/meetings/schedule-form.js';
import { nextMeetingSentence } from '../../cards/meetings/text.js';
import type { ClusterRow } from '../../store/clusters.js';
import { ClusterStore } from '../../store/clusters.js';
import { canLinkClusterChat, canScheduleMeeting, matchCluster } from '../../domain/clusters/index.js';
import { londonDate } from '../../domain/time/london.js';
import { sendAnswer } from '../reply.js';
import type { ChatCommand, CommandTurn } from './command.js';

const LINK = /^(?:please )?link this (?:group )?(?:chat|channel|conversation) (?:to|with) (?!.*\bpool\b)(.+?)\.?$/i;
const SCHEDULE = /^(?:please )?(?:schedule|arrange|book|set up|plan) (?:a |an |the |our |the next )?(?:new )?(?:cluster )?(?:senco )?meeting(?: for (?:the )?[\w '&-]+)?\.?$/i;
/** Workstream links are not cluster links: leave them to whoever handles them. */
const NOT_A_CLUSTER = /\b(?:ws\d+|workstream)\b/i;

const say = (turn: CommandTurn, text: string, cards: Record<string, unknown>[] = []) => sendAnswer(turn.context, { text, cards }).then(() => true);

/** The cluster a phrase names, answering for it when it names none or several. */
async function resolveCluster(turn: CommandTurn, phrase: string, clusters: ClusterRow[]): Promise<ClusterRow | null> {
  const match = matchCluster(phrase, clusters);
  if (match.kind === 'one') return match.cluster;
  if (match.kind === 'many') await say(turn, `Which cluster do you mean: ${match.clusters.map((c) => c.name).join(' or ')}?`);
  else await say(turn, `I don't know a cluster called "${phrase.slice(0, 60)}". The clusters are: ${clusters.map((c) => c.name).join(', ')}.`);
  return null;
}

async function link(turn: CommandTurn, phrase: string): Promise<boolean> {
  if (turn.conversationKind === 'personal') {
    return say(turn, "Say this in the cluster's group chat or team channel (mentioning me there), and I'll link that chat to the cluster.");
  }
  const store = new ClusterStore(turn.services.store.db);
  const cluster = await resolveCluster(turn, phrase, await store.clusters());
  if (!cluster) return true;
  const allowed = canLinkClusterChat(turn.person, cluster);
  if (!allowed.ok) return say(turn, allowed.message);
  const linked = await store.linkChat(turn.context.activity.conversation.id, cluster.id);
  if (!linked) return say(turn, "I couldn't link this chat just now. Please try again in a moment.");
  const replaced = linked.replaced ? ` It replaces the previous ${cluster.name} chat${linked.replaced.name ? ` (${linked.replaced.name})` : ''}.` : '';
  const now = turn.services.clock.now();
  const next = await store.nextMeeting(cluster.id, now);
  const text = `Linked: this is now the ${cluster.name} cluster chat. I'll post ${cluster.name} meeting cards and reminders here.${replaced}`;
  if (!next) return say(turn, `${text} No meeting is scheduled yet: the chair can say "schedule a cluster meeting".`);
  const refreshFor = turn.conversationKind === 'channel' ? await store.audience(cluster.id) : undefined;
  return say(turn, `${text} ${nextMeetingSentence(next)}`, [meetingCard(next, { now, refreshFor })]);
}

async function scheduleCommand(turn: CommandTurn): Promise<boolean> {
  const store = new ClusterStore(turn.services.store.db);
  const clusters = (await store.clusters()).filter((c) => canScheduleMeeting(turn.person, c).ok);
  if (clusters.length === 0) return say(turn, turn.person ? 'Only cluster chairs and admins can schedule cluster meetings.' : "I don't recognise you, so I can't schedule a meeting for you.");
  const conversationId = turn.context.activity.conversation?.id;
  const here = conversationId ? await store.clusterForChat(conversationId) : null;
  const clusterId = here && clusters.some((c) => c.id === here.id) ? String(here.id) : undefined;
  const today = londonDate(turn.services.clock.now());
  return say(turn, 'Fill in the meeting, then press "Schedule the meeting".', [scheduleForm(clusters, { today, draft: clusterId ? { clusterId } : {} })]);
}

export const clusterCommands: ChatCommand[] = [
  {
    name: 'link-cluster-chat',
    async tryHandle(turn) {
      const m = LINK.exec(turn.text);
      return m && !NOT_A_CLUSTER.test(m[1]!) ? link(turn, m[1]!) : false;
    },
  },
  {
    name: 'schedule-cluster-meeting',
    async tryHandle(turn) {
      return SCHEDULE.test(turn.text) ? scheduleCommand(turn) : false;
    },
  },
];
