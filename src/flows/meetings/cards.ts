// Cluster meeting cards: RSVP, agenda items, notes, scheduling, and the per-viewer refresh. A real
// change returns the shared card too, so the counts and agenda are current for everyone; an
// automatic refresh only returns the viewer's card. Refusals (permissions, privacy) go only to the
// person who clicked, with what they typed kept in the form, and are never stored or logged.
import { meetingCard } from '../../cards/meetings/meeting-card.js';
import { scheduledSentence, scheduleForm, type ScheduleDraft } from '../../cards/meetings/schedule-form.js';
import {
  canAddAgendaItem, canRsvp, canScheduleMeeting, canWriteNotes, checkAgendaItem, checkMeetingForm, checkNotes, defaultFollowUpDue, isRsvpResponse, RSVP_WORDS, type MeetingView,
} from '../../domain/clusters/index.js';
import { londonDate } from '../../domain/time/london.js';
import type { FollowUpDefaults } from '../../store/clusters.js';
import { attention, good, idOf, str, type CardData, type CardReply, type GroupViewer } from '../group-turn.js';
import type { MeetingViews } from './deps.js';
import { createLater, laterDates } from './series.js';

export class MeetingCardFlows {
  constructor(private readonly v: MeetingViews) {}

  private withMeeting(viewer: GroupViewer, data: CardData, run: (m: MeetingView) => Promise<CardReply>): Promise<CardReply> {
    return this.v.withMeeting(viewer, data, run);
  }

  private refuse(viewer: GroupViewer, meeting: MeetingView, message: string, draft?: Record<string, string>): Promise<CardReply> {
    return this.v.refuse(viewer, meeting, message, draft);
  }

  private changed(viewer: GroupViewer, fresh: MeetingView, notice: string): Promise<CardReply> {
    return this.v.changed(viewer, fresh, notice);
  }

  refresh(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    return this.withMeeting(viewer, data, async (meeting) => ({ card: await this.v.viewerCard(viewer, meeting) }));
  }

  rsvp(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    return this.withMeeting(viewer, data, async (meeting) => {
      const now = this.v.now();
      const response = data.response;
      const allowed = canRsvp(viewer.person, meeting, now);
      if (!allowed.ok || !viewer.person || !isRsvpResponse(response)) {
        return this.refuse(viewer, meeting, allowed.ok ? 'Choose attending, can\'t make it or maybe.' : allowed.message);
      }
      await this.v.deps.clusters.rsvp(meeting.id, viewer.person.id, response, now);
      const fresh = (await this.v.deps.clusters.meeting(meeting.id, viewer.person.id))!;
      return this.changed(viewer, fresh, `Thanks, ${viewer.person.name}: you're down as ${RSVP_WORDS[response]}.`);
    });
  }

  addAgenda(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    return this.withMeeting(viewer, data, async (meeting) => {
      const { clusters, people } = this.v.deps;
      const sencoClusters = viewer.person ? await clusters.sencoClusterIds(viewer.person.id) : [];
      const allowed = canAddAgendaItem(viewer.person, meeting.cluster, sencoClusters, meeting, this.v.now());
      if (!allowed.ok) return this.refuse(viewer, meeting, allowed.message);
      const checked = checkAgendaItem(data, await people.screenDirectory());
      if (!checked.ok) return this.refuse(viewer, meeting, checked.message, { agendaItem: str(data.agendaItem) });
      const fresh = await clusters.addAgendaItem(meeting.id, checked.value);
      fresh.myResponse = meeting.myResponse;
      return this.changed(viewer, fresh, `Added to the agenda as item ${fresh.agenda.length}.`);
    });
  }

  saveNotes(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    return this.withMeeting(viewer, data, async (meeting) => {
      const allowed = canWriteNotes(viewer.person, meeting.cluster, meeting, this.v.now());
      if (!allowed.ok) return this.refuse(viewer, meeting, allowed.message);
      const draft = { notes: str(data.notes), followUps: str(data.followUps) };
      const checked = checkNotes(data, await this.v.deps.people.screenDirectory());
      if (!checked.ok) return this.refuse(viewer, meeting, checked.message, draft);
      const saved = await this.v.deps.clusters.saveNotes(meeting.id, idOf(data, 'version'), checked.value, await this.followUpDefaults(meeting, viewer));
      if (saved === 'stale') {
        return this.refuse(viewer, meeting, 'Someone changed the notes while you were writing. Here they are now, with your text kept below: check it and save again.', draft);
      }
      saved.myResponse = meeting.myResponse;
      return this.changed(viewer, saved, 'Notes and follow-ups saved.');
    });
  }

  /** A new follow-up's owner (the chair, else whoever saves) and due date (before the next meeting, else in 14 days). */
  private async followUpDefaults(meeting: MeetingView, viewer: GroupViewer): Promise<FollowUpDefaults> {
    const next = await this.v.deps.clusters.followingMeetingStart(meeting.cluster.id, meeting.startsAt);
    const dueDate = defaultFollowUpDue(londonDate(meeting.startsAt), next ? londonDate(next) : null, londonDate(this.v.now()));
    return { ownerId: meeting.cluster.chairId ?? viewer.person?.id ?? null, dueDate };
  }

  /** meeting.schedule: a new meeting, announced in the cluster's chat when it is not this one. */
  async schedule(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    const { clusters, people } = this.v.deps;
    const allowed = (await clusters.clusters()).filter((c) => canScheduleMeeting(viewer.person, c).ok);
    const now = this.v.now();
    const today = londonDate(now);
    if (allowed.length === 0) return { message: 'Only cluster chairs and admins can schedule cluster meetings.' };
    const draft: ScheduleDraft = {
      clusterId: str(data.clusterId), date: str(data.date), time: str(data.time), durationMinutes: str(data.durationMinutes), location: str(data.location), agenda: str(data.agenda),
      repeat: str(data.repeat),
    };
    const checked = checkMeetingForm(data, allowed.map((c) => c.id), now, await people.screenDirectory());
    if (!checked.ok) return { card: scheduleForm(allowed, { draft, today, notice: attention(checked.message) }) };
    const later = await laterDates(draft.repeat ?? '', checked.value, today, () => this.v.schoolTerms());
    if (!Array.isArray(later)) return { card: scheduleForm(allowed, { draft, today, notice: attention(later.error) }) };
    const chat = await clusters.linkedChat(checked.value.clusterId);
    const here = chat !== null && chat.conversationId === viewer.conversationId;
    const audience = chat?.kind === 'channel' ? await clusters.audience(checked.value.clusterId) : undefined;
    const created = await clusters.createMeeting(checked.value, now, (m) => (chat && !here ? [{
      job: 'cluster-meetings', period: `meeting-${m.id}`, recipient: { conversationId: chat.conversationId }, kind: 'meeting-card',
      payload: { text: `New ${m.cluster.name} cluster SENCO meeting: reply from the card.`, cards: [meetingCard(m, { now, refreshFor: audience, calendarUrl: this.v.calendarUrl(m) })] },
    }] : []));
    if (created === 'duplicate') {
      return { card: scheduleForm(allowed, { draft, today, notice: attention('That cluster already has a meeting starting at that time. Choose another time.') }) };
    }
    const series = later.length ? await createLater(clusters, checked.value, draft.time ?? '', later, now) : '';
    const notice = good([scheduledSentence(created, here ? 'here' : chat ? 'linked' : 'unlinked'), series].filter(Boolean).join(' '));
    const card = await this.v.viewerCard(viewer, { ...created, myResponse: null }, { notice });
    return here ? { card, shared: await this.v.sharedCard(viewer, created) } : { card };
  }
}
