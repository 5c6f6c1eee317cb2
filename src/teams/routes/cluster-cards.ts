// Cluster meeting cards: RSVP, agenda items, notes, scheduling, and the per-viewer refresh.
// Every Action.Execute is answered with an invoke response set here, never with teams-ai's default
// edit of the shared message: an automatic refresh only returns the viewer's card (editing the
// message would trigger another refresh, forever); a real change also edits the shared message so
// the counts and agenda are current for everyone. Refusals (permissions, privacy) go only to the
// person who clicked, with what they typed kept in the form, and are never stored or logged.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import type { Card } from '../../cards/common.js';
import { MEETING_VERBS, meetingCard, type MeetingCardOptions, type Notice } from '../../cards/meetings/meeting-card.js';
import { scheduledSentence, scheduleForm, type ScheduleDraft } from '../../cards/meetings/schedule-form.js';
import type { MeetingView } from '../../domain/clusters/index.js';
import {
  canAddAgendaItem, canScheduleMeeting, canRsvp, canWriteNotes, checkAgendaItem, checkMeetingForm, checkNotes, isRsvpResponse, RSVP_WORDS,
} from '../../domain/clusters/index.js';
import type { Person } from '../../domain/plan/types.js';
import { formNumber } from '../../domain/experts/index.js';
import { londonDate } from '../../domain/time/london.js';
import { ClusterStore } from '../../store/clusters.js';
import type { Services } from '../services.js';
import { conversationKind, turnLog, whoIsSpeaking } from '../turn.js';

/** What a card action carries: its data and the card's inputs. */
export type Data = Record<string, unknown>;

// ── Invoke helpers (shared with expert-cards.ts) ────────────────────────────────────────────────

/** Answers the invoke ourselves: a card replaces the clicked card for this viewer; a string shows as a banner. */
export async function answerInvoke(context: TurnContext, value: Card | string): Promise<string> {
  const body = typeof value === 'string'
    ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value }
    : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  return ''; // teams-ai sees the invoke response already set and adds nothing
}

export function isAutomaticRefresh(context: TurnContext): boolean {
  return (context.activity.value as { trigger?: unknown } | undefined)?.trigger === 'automatic';
}

/** Replaces the shared message everyone sees (the card that was clicked). Failure only costs freshness. */
export async function updateSharedCard(context: TurnContext, card: Card, services: Services): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) return;
  try {
    await context.updateActivity({ id, type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] });
  } catch (err) {
    turnLog(context, services.log).warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'could not update the shared card');
  }
}

export const good = (text: string): Notice => ({ text, tone: 'good' });
export const attention = (text: string): Notice => ({ text, tone: 'attention' });

export const idOf = (data: Data, key: string): number => {
  const n = formNumber(data[key]);
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/** A card input as typed (kept as it was for the form that goes back). */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

// ── Meeting cards ───────────────────────────────────────────────────────────────────────────────

interface MeetingTurn { context: TurnContext; services: Services; store: ClusterStore; person: Person | null; now: Date }

/** The card for one viewer: their reply, and only the buttons they may use. */
async function viewerCard(t: MeetingTurn, meeting: MeetingView, extra: Partial<MeetingCardOptions> = {}): Promise<Card> {
  const sencoClusters = t.person ? await t.store.sencoClusterIds(t.person.id) : [];
  return meetingCard(meeting, {
    now: t.now,
    viewer: {
      canAddAgenda: canAddAgendaItem(t.person, meeting.cluster, sencoClusters, meeting, t.now).ok,
      canWriteNotes: canWriteNotes(t.person, meeting.cluster, meeting, t.now).ok,
    },
    refreshFor: await refreshAudience(t, meeting),
    ...extra,
  });
}

/** In a channel: the viewer, the chair and the cluster's SENCOs refresh automatically. */
async function refreshAudience(t: MeetingTurn, meeting: MeetingView): Promise<string[] | undefined> {
  if (conversationKind(t.context) !== 'channel') return undefined;
  return [t.context.activity.from?.id ?? '', ...await t.store.audience(meeting.cluster.id)].filter(Boolean);
}

/** The shared card, as everyone sees it before their own refresh. */
async function sharedCard(t: MeetingTurn, meeting: MeetingView): Promise<Card> {
  return meetingCard({ ...meeting, myResponse: undefined }, { now: t.now, refreshFor: await refreshAudience(t, meeting) });
}

async function withMeeting(t: MeetingTurn, data: Data, run: (m: MeetingView) => Promise<string>): Promise<string> {
  const meeting = await t.store.meeting(idOf(data, 'meetingId'), t.person?.id);
  if (!meeting) {
    const cluster = (await t.services.examples()).clusterName;
    return answerInvoke(t.context, `I can't find that meeting any more. Ask for the next one, such as "${cluster ? `next ${cluster} meeting` : 'next cluster meeting'}".`);
  }
  return run(meeting);
}

async function rsvp(t: MeetingTurn, data: Data): Promise<string> {
  return withMeeting(t, data, async (meeting) => {
    const response = data.response;
    const allowed = canRsvp(t.person, meeting, t.now);
    if (!allowed.ok || !t.person || !isRsvpResponse(response)) {
      return answerInvoke(t.context, await viewerCard(t, meeting, { notice: attention(allowed.ok ? 'Choose attending, can\'t make it or maybe.' : allowed.message) }));
    }
    await t.store.rsvp(meeting.id, t.person.id, response, t.now);
    const fresh = (await t.store.meeting(meeting.id, t.person.id))!;
    await updateSharedCard(t.context, await sharedCard(t, fresh), t.services);
    return answerInvoke(t.context, await viewerCard(t, fresh, { notice: good(`Thanks, ${t.person.name}: you're down as ${RSVP_WORDS[response]}.`) }));
  });
}

async function addAgenda(t: MeetingTurn, data: Data): Promise<string> {
  return withMeeting(t, data, async (meeting) => {
    const sencoClusters = t.person ? await t.store.sencoClusterIds(t.person.id) : [];
    const allowed = canAddAgendaItem(t.person, meeting.cluster, sencoClusters, meeting, t.now);
    if (!allowed.ok) return answerInvoke(t.context, await viewerCard(t, meeting, { notice: attention(allowed.message) }));
    const checked = checkAgendaItem(data, { adultNames: await t.services.people.adultNames() });
    if (!checked.ok) return answerInvoke(t.context, await viewerCard(t, meeting, { notice: attention(checked.message), draft: { agendaItem: str(data.agendaItem) } }));
    const fresh = await t.store.addAgendaItem(meeting.id, checked.value);
    fresh.myResponse = meeting.myResponse;
    await updateSharedCard(t.context, await sharedCard(t, fresh), t.services);
    return answerInvoke(t.context, await viewerCard(t, fresh, { notice: good(`Added to the agenda as item ${fresh.agenda.length}.`) }));
  });
}

async function saveNotes(t: MeetingTurn, data: Data): Promise<string> {
  return withMeeting(t, data, async (meeting) => {
    const allowed = canWriteNotes(t.person, meeting.cluster, meeting, t.now);
    if (!allowed.ok) return answerInvoke(t.context, await viewerCard(t, meeting, { notice: attention(allowed.message) }));
    const draft = { notes: str(data.notes), followUps: str(data.followUps) };
    const checked = checkNotes(data, { adultNames: await t.services.people.adultNames() });
    if (!checked.ok) return answerInvoke(t.context, await viewerCard(t, meeting, { notice: attention(checked.message), draft }));
    const saved = await t.store.saveNotes(meeting.id, idOf(data, 'version'), checked.value);
    if (saved === 'stale') {
      return answerInvoke(t.context, await viewerCard(t, meeting, { notice: attention('Someone changed the notes while you were writing. Here they are now, with your text kept below: check it and save again.'), draft }));
    }
    saved.myResponse = meeting.myResponse;
    await updateSharedCard(t.context, await sharedCard(t, saved), t.services);
    return answerInvoke(t.context, await viewerCard(t, saved, { notice: good('Notes and follow-ups saved.') }));
  });
}

async function schedule(t: MeetingTurn, data: Data): Promise<string> {
  const all = await t.store.clusters();
  const allowed = all.filter((c) => canScheduleMeeting(t.person, c).ok);
  const today = londonDate(t.now);
  if (allowed.length === 0) return answerInvoke(t.context, 'Only cluster chairs and admins can schedule cluster meetings.');
  const draft: ScheduleDraft = {
    clusterId: str(data.clusterId), date: str(data.date), time: str(data.time), durationMinutes: str(data.durationMinutes), location: str(data.location), agenda: str(data.agenda),
  };
  const checked = checkMeetingForm(data, allowed.map((c) => c.id), t.now, { adultNames: await t.services.people.adultNames() });
  if (!checked.ok) return answerInvoke(t.context, scheduleForm(allowed, { draft, today, notice: attention(checked.message) }));
  const chat = await t.store.linkedChat(checked.value.clusterId);
  const here = chat?.conversationId === t.context.activity.conversation?.id;
  const audience = chat?.kind === 'channel' ? await t.store.audience(checked.value.clusterId) : undefined;
  const created = await t.store.createMeeting(checked.value, t.now, (m) => (chat && !here ? [{
    job: 'cluster-meetings', period: `meeting-${m.id}`, recipient: { conversationId: chat.conversationId }, kind: 'meeting-card',
    payload: { text: `New ${m.cluster.name} cluster SENCO meeting: reply from the card.`, cards: [meetingCard(m, { now: t.now, refreshFor: audience })] },
  }] : []));
  if (created === 'duplicate') {
    return answerInvoke(t.context, scheduleForm(allowed, { draft, today, notice: attention('That cluster already has a meeting starting at that time. Choose another time.') }));
  }
  const notice = good(scheduledSentence(created, here ? 'here' : chat ? 'linked' : 'unlinked'));
  if (here) await updateSharedCard(t.context, await sharedCard(t, created), t.services);
  return answerInvoke(t.context, await viewerCard(t, { ...created, myResponse: null }, { notice }));
}

async function refresh(t: MeetingTurn, data: Data): Promise<string> {
  return withMeeting(t, data, async (meeting) => answerInvoke(t.context, await viewerCard(t, meeting)));
}

export function registerClusterCardRoutes(app: Application<TurnState>, services: Services): void {
  const store = new ClusterStore(services.store.db);
  const route = (verb: string, handler: (t: MeetingTurn, data: Data) => Promise<string>) =>
    app.adaptiveCards.actionExecute<Data>(verb, async (context, _state, data) => {
      const person = await whoIsSpeaking(context, services);
      const t = { context, services, store, person, now: services.clock.now() };
      // An automatic refresh never changes anything, whatever verb it carries.
      return isAutomaticRefresh(context) && verb !== MEETING_VERBS.refresh ? refresh(t, data) : handler(t, data);
    });
  route(MEETING_VERBS.refresh, refresh);
  route(MEETING_VERBS.rsvp, rsvp);
  route(MEETING_VERBS.addAgenda, addAgenda);
  route(MEETING_VERBS.saveNotes, saveNotes);
  route(MEETING_VERBS.schedule, schedule);
}
