// Experts at Hand and cluster meeting cards: every Action.Execute is read (zod) into card data and
// a viewer, handed to the flow in src/flows, and answered with an invoke response set here, never
// with teams-ai's default edit of the shared message: an automatic refresh only returns the
// viewer's card (editing the message would trigger another refresh, forever); a real change also
// edits the shared message so it is current for everyone.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { Card } from '../../cards/common.js';
import { EXPERT_VERBS } from '../../cards/experts/request-card.js';
import { FOLLOW_UP_VERBS } from '../../cards/meetings/follow-ups.js';
import { MEETING_VERBS } from '../../cards/meetings/meeting-card.js';
import type { CardData, CardReply, GroupViewer } from '../../flows/groups.js';
import type { Services } from '../services.js';
import { answerInvoke as answerWith } from '../reply.js';
import { turnLog, viewerOf, whoIsSpeaking } from '../turn.js';

/** Card data is an object of inputs; anything else (an old or damaged card) counts as empty. */
const CardDataSchema = z.record(z.string(), z.unknown()).catch({});

/**
 * A follow-up button or form names its meeting (and follow-up) by whole ids; a card without them
 * (old or damaged) counts as empty. The inputs themselves are checked, with kind words, in
 * src/domain/clusters/follow-ups.ts.
 */
const wholeId = z.union([z.number().int().positive(), z.string().regex(/^\d{1,10}$/)]);
const FollowUpDataSchema = z.object({ meetingId: wholeId, followUpId: wholeId.optional() }).passthrough().catch({ meetingId: 0 });

/** A flow's reply as the invoke's answer (the one helper in reply.ts). */
function answerInvoke(context: TurnContext, reply: CardReply): Promise<string> {
  return answerWith(context, 'message' in reply ? reply.message : reply.card);
}

function isAutomaticRefresh(context: TurnContext): boolean {
  return (context.activity.value as { trigger?: unknown } | undefined)?.trigger === 'automatic';
}

/** Replaces the shared message everyone sees (the card that was clicked). Failure only costs freshness. */
async function updateSharedCard(context: TurnContext, card: Card, services: Services): Promise<void> {
  const id = context.activity.replyToId;
  if (!id) return;
  try {
    await context.updateActivity({ id, type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] });
  } catch (err) {
    turnLog(context, services.log).warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'could not update the shared card');
  }
}

type Flow = (viewer: GroupViewer, data: CardData) => Promise<CardReply>;

export function registerGroupCardRoutes(app: Application<TurnState>, services: Services): void {
  const { requests, meetings, followUps } = services.flows.groups;
  const route = (verb: string, flow: Flow, refresh: Flow, schema: z.ZodType<CardData> = CardDataSchema) =>
    app.adaptiveCards.actionExecute<CardData>(verb, async (context, _state, raw) => {
      const viewer = viewerOf(context, await whoIsSpeaking(context, services));
      const data = schema.parse(raw);
      // An automatic refresh never changes anything, whatever verb it carries.
      const reply = await (isAutomaticRefresh(context) ? refresh : flow)(viewer, data);
      if ('shared' in reply && reply.shared) await updateSharedCard(context, reply.shared, services);
      return answerInvoke(context, reply);
    });
  const request = requests.refresh.bind(requests);
  route(EXPERT_VERBS.refresh, request, request);
  route(EXPERT_VERBS.start, requests.start.bind(requests), request);
  route(EXPERT_VERBS.open, requests.open.bind(requests), request);
  route(EXPERT_VERBS.claim, (v, d) => requests.step('claim', v, d), request);
  route(EXPERT_VERBS.answer, (v, d) => requests.step('answer', v, d), request);
  route(EXPERT_VERBS.close, (v, d) => requests.step('close', v, d), request);
  const meeting = meetings.refresh.bind(meetings);
  route(MEETING_VERBS.refresh, meeting, meeting);
  route(MEETING_VERBS.rsvp, meetings.rsvp.bind(meetings), meeting);
  route(MEETING_VERBS.addAgenda, meetings.addAgenda.bind(meetings), meeting);
  route(MEETING_VERBS.saveNotes, meetings.saveNotes.bind(meetings), meeting);
  route(MEETING_VERBS.schedule, meetings.schedule.bind(meetings), meeting);
  route(FOLLOW_UP_VERBS.set, followUps.set.bind(followUps), meeting, FollowUpDataSchema);
  route(FOLLOW_UP_VERBS.done, followUps.done.bind(followUps), meeting, FollowUpDataSchema);
  route(FOLLOW_UP_VERBS.planForm, followUps.planForm.bind(followUps), meeting, FollowUpDataSchema);
  route(FOLLOW_UP_VERBS.planSave, followUps.planSave.bind(followUps), meeting, FollowUpDataSchema);
  route(FOLLOW_UP_VERBS.experts, requests.start.bind(requests), meeting, FollowUpDataSchema);
}
