// The flows for groups of people: Experts at Hand requests, cluster SENCO meetings and the links
// from a group chat or channel to a cluster, pool, workstream or the partnership. Built once
// in the runtime over repositories and a clock, and handed to the Teams edge, which reads the
// viewer from the activity and renders what comes back.
import type { PlanExamples } from '../domain/phrasing/welcome.js';
import type { WorkingCalendar } from '../domain/time/bank-holidays.js';
import type { Clock } from '../domain/time/clock.js';
import type { SchoolTerm } from '../domain/time/school-terms.js';
import type { ChatLinkStore } from '../store/chat-links.js';
import type { ClusterStore } from '../store/clusters.js';
import type { ExpertRequestStore } from '../store/expert-requests.js';
import type { FollowUpStore } from '../store/follow-ups.js';
import type { PeopleRepository } from '../store/people.js';
import { ExpertChatFlows } from './experts/chat.js';
import { parseExpertCommand } from './experts/commands.js';
import { ExpertViews } from './experts/deps.js';
import { ExpertRequestFlows } from './experts/requests.js';
import type { ChatReply, GroupViewer } from './group-turn.js';
import { LinkFlows } from './links/chat.js';
import { parseLinkCommand } from './links/commands.js';
import { MeetingCardFlows } from './meetings/cards.js';
import { MeetingChatFlows } from './meetings/chat.js';
import { parseMeetingCommand } from './meetings/commands.js';
import { MeetingViews } from './meetings/deps.js';
import { FollowUpFlows } from './meetings/follow-ups.js';

export type { CardData, CardReply, ChatReply, GroupViewer } from './group-turn.js';

export interface GroupFlowDeps {
  clock: Clock;
  requests: ExpertRequestStore;
  clusters: ClusterStore;
  followUps: FollowUpStore;
  links: ChatLinkStore;
  people: Pick<PeopleRepository, 'screenDirectory' | 'byId'>;
  calendar: WorkingCalendar;
  firstResponseDays: number;
  examples(): Promise<PlanExamples>;
  /** A meeting's signed calendar address, when the bot has a public one. */
  calendarUrl?(meetingId: number): string | undefined;
  /** The imported school terms (a series "this term"). */
  schoolTerms?(): Promise<SchoolTerm[]>;
}

export interface GroupFlows {
  /** A chat command about links, meetings or Experts at Hand, answered; undefined when the text is none. */
  chat(text: string, viewer: GroupViewer): Promise<ChatReply | undefined>;
  /** Steps on Experts at Hand cards. */
  requests: ExpertRequestFlows;
  /** Steps on cluster meeting cards. */
  meetings: MeetingCardFlows;
  /** A meeting's follow-ups: owner and date, done, made a plan action. */
  followUps: FollowUpFlows;
}

export function createGroupFlows(deps: GroupFlowDeps): GroupFlows {
  const expertViews = new ExpertViews(deps);
  const meetingViews = new MeetingViews(deps);
  const expertChat = new ExpertChatFlows(expertViews);
  const meetingChat = new MeetingChatFlows(meetingViews);
  const followUps = new FollowUpFlows(meetingViews);
  const links = new LinkFlows({ links: deps.links, clusterLinked: (viewer, cluster, replaced) => meetingChat.linked(viewer, cluster, replaced) });
  return {
    async chat(text, viewer) {
      // Links first: "link this chat to …" names a cluster, a pool, a workstream or the partnership.
      const link = parseLinkCommand(text);
      if (link) return links.run(link, viewer);
      const meeting = parseMeetingCommand(text);
      if (meeting) return meetingChat.run(meeting, viewer);
      const expert = parseExpertCommand(text);
      return expert ? expertChat.run(expert, viewer) : undefined;
    },
    requests: new ExpertRequestFlows(expertViews, followUps),
    meetings: new MeetingCardFlows(meetingViews),
    followUps,
  };
}
