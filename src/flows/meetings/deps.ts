// The repositories and clock the cluster meeting flows run over, and the cards they share: the
// viewer's own meeting card (their reply, only the buttons they may use) and the shared card.
import type { Card } from '../../cards/common.js';
import { meetingCard, type MeetingCardOptions } from '../../cards/meetings/meeting-card.js';
import type { FollowUpButtons } from '../../cards/meetings/follow-ups.js';
import {
  actionWorkstreams, canAddAgendaItem, canAskExpertsFor, canMarkFollowUpDone, canSetFollowUps, canWriteNotes, isOpenFollowUp, type FollowUpView, type MeetingView,
} from '../../domain/clusters/index.js';
import type { PlanExamples } from '../../domain/phrasing/welcome.js';
import type { Clock } from '../../domain/time/clock.js';
import type { SchoolTerm } from '../../domain/time/school-terms.js';
import type { ClusterStore } from '../../store/clusters.js';
import type { FollowUpStore } from '../../store/follow-ups.js';
import type { PeopleRepository } from '../../store/people.js';
import { attention, channelAudience, good, idOf, type CardData, type CardReply, type GroupViewer } from '../group-turn.js';

export interface MeetingFlowDeps {
  clock: Clock;
  clusters: ClusterStore;
  followUps: FollowUpStore;
  people: Pick<PeopleRepository, 'screenDirectory' | 'byId'>;
  /** Real cluster names for hints; none when the plan is empty. */
  examples(): Promise<PlanExamples>;
  /** A meeting's signed calendar address, when the bot has a public one. */
  calendarUrl?(meetingId: number): string | undefined;
  /** The imported school terms, for series "this term" (none known: every date counts). */
  schoolTerms?(): Promise<SchoolTerm[]>;
}

export class MeetingViews {
  constructor(readonly deps: MeetingFlowDeps) {}

  now(): Date { return this.deps.clock.now(); }

  calendarUrl(meeting: MeetingView): string | undefined { return this.deps.calendarUrl?.(meeting.id); }

  async schoolTerms(): Promise<SchoolTerm[]> { return (await this.deps.schoolTerms?.()) ?? []; }

  /** In a channel: the viewer, the chair and the cluster's SENCOs refresh automatically. */
  async audience(viewer: GroupViewer, clusterId: number): Promise<string[] | undefined> {
    return viewer.conversationKind === 'channel' ? channelAudience(viewer, await this.deps.clusters.audience(clusterId)) : undefined;
  }

  /** The card for one viewer: their reply, and only the buttons they may use. */
  async viewerCard(viewer: GroupViewer, meeting: MeetingView, extra: Partial<MeetingCardOptions> = {}): Promise<Card> {
    const now = this.now();
    const sencoClusters = viewer.person ? await this.deps.clusters.sencoClusterIds(viewer.person.id) : [];
    return meetingCard(meeting, {
      now,
      viewer: {
        canAddAgenda: canAddAgendaItem(viewer.person, meeting.cluster, sencoClusters, meeting, now).ok,
        canWriteNotes: canWriteNotes(viewer.person, meeting.cluster, meeting, now).ok,
        ...(await this.followUpRights(viewer, meeting)),
      },
      refreshFor: await this.audience(viewer, meeting.cluster.id),
      calendarUrl: this.calendarUrl(meeting),
      ...extra,
    });
  }

  /** Runs with the meeting the card names, or says it is gone. */
  async withMeeting(viewer: GroupViewer, data: CardData, run: (m: MeetingView) => Promise<CardReply>): Promise<CardReply> {
    const meeting = await this.deps.clusters.meeting(idOf(data, 'meetingId'), viewer.person?.id);
    if (meeting) return run(meeting);
    const cluster = (await this.deps.examples()).clusterName;
    return { message: `I can't find that meeting any more. Ask for the next one, such as "${cluster ? `next ${cluster} meeting` : 'next cluster meeting'}".` };
  }

  /** The viewer's card with a refusal on it (and what they typed kept); nothing shared changes. */
  async refuse(viewer: GroupViewer, meeting: MeetingView, message: string, draft?: Record<string, string>): Promise<CardReply> {
    return { card: await this.viewerCard(viewer, meeting, { notice: attention(message), ...(draft ? { draft } : {}) }) };
  }

  /** A real change: the viewer's card with the notice, and the shared card for everyone. */
  async changed(viewer: GroupViewer, fresh: MeetingView, notice: string): Promise<CardReply> {
    return { card: await this.viewerCard(viewer, fresh, { notice: good(notice) }), shared: await this.sharedCard(viewer, fresh) };
  }

  /** The follow-up buttons this viewer may use, and the people to choose from when they may set owners. */
  private async followUpRights(viewer: GroupViewer, meeting: MeetingView): Promise<{ followUpOwners?: Array<{ id: number; name: string }>; followUpButtons: (f: FollowUpView) => FollowUpButtons }> {
    const open = meeting.followUps.some(isOpenFollowUp);
    const person = viewer.person;
    const planner = open && actionWorkstreams(person, await this.deps.followUps.workstreams()).length > 0;
    const setter = open && canSetFollowUps(person, meeting.cluster).ok;
    return {
      ...(setter ? { followUpOwners: await this.deps.followUps.ownerChoices() } : {}),
      followUpButtons: (f) => ({
        done: canMarkFollowUpDone(person, meeting.cluster, f).ok,
        plan: planner,
        experts: canAskExpertsFor(person, meeting.cluster, f).ok,
      }),
    };
  }

  /** The shared card, as everyone sees it before their own refresh. */
  async sharedCard(viewer: GroupViewer, meeting: MeetingView): Promise<Card> {
    return meetingCard({ ...meeting, myResponse: undefined }, { now: this.now(), refreshFor: await this.audience(viewer, meeting.cluster.id), calendarUrl: this.calendarUrl(meeting) });
  }
}
