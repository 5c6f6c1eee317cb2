// The repositories and clock the cluster meeting flows run over, and the cards they share: the
// viewer's own meeting card (their reply, only the buttons they may use) and the shared card.
import type { Card } from '../../cards/common.js';
import { meetingCard, type MeetingCardOptions } from '../../cards/meetings/meeting-card.js';
import { canAddAgendaItem, canWriteNotes, type MeetingView } from '../../domain/clusters/index.js';
import type { PlanExamples } from '../../domain/phrasing/welcome.js';
import type { Clock } from '../../domain/time/clock.js';
import type { SchoolTerm } from '../../domain/time/school-terms.js';
import type { ClusterStore } from '../../store/clusters.js';
import type { PeopleRepository } from '../../store/people.js';
import { channelAudience, type GroupViewer } from '../group-turn.js';

export interface MeetingFlowDeps {
  clock: Clock;
  clusters: ClusterStore;
  people: Pick<PeopleRepository, 'screenDirectory'>;
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
      },
      refreshFor: await this.audience(viewer, meeting.cluster.id),
      calendarUrl: this.calendarUrl(meeting),
      ...extra,
    });
  }

  /** The shared card, as everyone sees it before their own refresh. */
  async sharedCard(viewer: GroupViewer, meeting: MeetingView): Promise<Card> {
    return meetingCard({ ...meeting, myResponse: undefined }, { now: this.now(), refreshFor: await this.audience(viewer, meeting.cluster.id), calendarUrl: this.calendarUrl(meeting) });
  }
}
