// Experts at Hand cards: the request form (from chat or a meeting card), and the request card's
// steps (pick up, answer, close), each an Action.Execute on the same card. Who may take a step is
// decided from the Teams identity (from.aadObjectId), never from card data; the card carries only
// the request id and the version it showed. A step that changed the request also updates the
// shared card (in the pool channel) and queues the messages it causes in the same transaction.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Card } from '../../cards/common.js';
import { MEETING_VERBS, type Notice } from '../../cards/meetings/meeting-card.js';
import { answeredMessages, claimedMessages, closedMessages, newRequestMessages, toOutbox, type PoolTarget } from '../../cards/experts/messages.js';
import { EXPERT_VERBS, requestCard, type RequestDraft } from '../../cards/experts/request-card.js';
import { requestForm } from '../../cards/experts/request-form.js';
import type { RequestStep, RequestView } from '../../domain/experts/index.js';
import {
  allowedSteps, NO_SETTING_MESSAGE, checkAnswer, checkOutcome, checkRequestForm, decideStep, firstResponseDue, requestFacts, SPECIALISM_LABELS,
} from '../../domain/experts/index.js';
import type { Person, Specialism } from '../../domain/plan/types.js';
import { createWorkingCalendar } from '../../domain/time/bank-holidays.js';
import { londonDate } from '../../domain/time/london.js';
import { ExpertRequestStore, type StepChange } from '../../store/expert-requests.js';
import type { ScreenOptions } from '../../domain/privacy/index.js';
import type { Services } from '../services.js';
import { conversationKind, whoIsSpeaking } from '../turn.js';
import { answerInvoke, attention, good, idOf, isAutomaticRefresh, str, updateSharedCard, type Data } from './cluster-cards.js';

export const EXPERTS_JOB = 'experts-at-hand';

interface ExpertTurn { context: TurnContext; services: Services; store: ExpertRequestStore; person: Person | null; now: Date }

/** Where pool messages go for a specialism: its channel, or each of its experts. */
export async function poolTarget(store: ExpertRequestStore, requester: { id: number }, specialism: Specialism): Promise<PoolTarget> {
  const [chat, experts] = await Promise.all([store.poolChat(specialism), store.experts(specialism)]);
  const audience = chat?.kind === 'channel' ? await store.audience({ requester, specialism }) : [];
  return { chat, experts, audience };
}

function dueDate(t: ExpertTurn, r: RequestView) {
  return firstResponseDue(r.createdAt, t.services.config.EXPERT_FIRST_RESPONSE_DAYS, createWorkingCalendar(t.services.config.EXTRA_BANK_HOLIDAYS));
}

/** The card for the person who clicked: only the steps they may take. */
async function viewerCard(t: ExpertTurn, r: RequestView, extra: { notice?: Notice; draft?: RequestDraft } = {}): Promise<Card> {
  return requestCard(r, { today: londonDate(t.now), dueDate: dueDate(t, r), steps: allowedSteps(t.person, requestFacts(r)), refreshFor: await channelAudience(t, r), ...extra });
}

/** The shared card, as everyone sees it before their own refresh. */
async function sharedCard(t: ExpertTurn, r: RequestView): Promise<Card> {
  return requestCard(r, { today: londonDate(t.now), dueDate: dueDate(t, r), refreshFor: await channelAudience(t, r) });
}

/** In a channel: the viewer, the requester and the specialism's experts refresh automatically. */
async function channelAudience(t: ExpertTurn, r: RequestView): Promise<string[] | undefined> {
  if (conversationKind(t.context) !== 'channel') return undefined;
  return [t.context.activity.from?.id ?? '', ...await t.store.audience(r)].filter(Boolean);
}

// ── The request form ────────────────────────────────────────────────────────────────────────────

async function start(t: ExpertTurn, data: Data): Promise<string> {
  if (!t.person) return answerInvoke(t.context, "I don't recognise you, so I can't open a request for you.");
  const settings = await t.store.settingsFor(t.person);
  if (settings.length === 0) return answerInvoke(t.context, NO_SETTING_MESSAGE);
  const meetingId = idOf(data, 'meetingId') || undefined;
  return answerInvoke(t.context, withBackToMeeting(requestForm(settings, { meetingId, firstResponseDays: t.services.config.EXPERT_FIRST_RESPONSE_DAYS }), meetingId));
}

async function open(t: ExpertTurn, data: Data): Promise<string> {
  if (!t.person) return answerInvoke(t.context, "I don't recognise you, so I can't open a request for you.");
  const settings = await t.store.settingsFor(t.person);
  if (settings.length === 0) return answerInvoke(t.context, NO_SETTING_MESSAGE);
  const meetingId = idOf(data, 'meetingId') || undefined;
  const checked = checkRequestForm(data, settings.map((s) => s.id), { adultNames: await t.services.people.adultNames() });
  if (!checked.ok) {
    const draft = { settingId: str(data.settingId), specialism: str(data.specialism), kind: str(data.kind), summary: str(data.summary) };
    return answerInvoke(t.context, withBackToMeeting(requestForm(settings, { draft, meetingId, notice: attention(checked.message), firstResponseDays: t.services.config.EXPERT_FIRST_RESPONSE_DAYS }), meetingId));
  }
  const pool = await poolTarget(t.store, t.person, checked.value.specialism);
  const today = londonDate(t.now);
  const view = await t.store.open(t.person.id, checked.value, t.now, (v) =>
    toOutbox(EXPERTS_JOB, v.ref, newRequestMessages(v, pool, { today, dueDate: dueDate(t, v) })));
  const where = pool.chat ? `the ${SPECIALISM_LABELS[view.specialism]} pool channel` : `the ${SPECIALISM_LABELS[view.specialism]} experts`;
  const notice = good(`Sent: ${view.ref} has gone to ${where}. I'll tell you when an expert picks it up.`);
  return answerInvoke(t.context, withBackToMeeting(await viewerCard(t, view, { notice }), meetingId));
}

/** Opened from a meeting card: a button back to it (the meeting card is this viewer's again). */
function withBackToMeeting(card: Card, meetingId: number | undefined): Card {
  if (!meetingId) return card;
  const actions = Array.isArray(card.actions) ? card.actions : [];
  return { ...card, actions: [...actions, { type: 'Action.Execute', verb: MEETING_VERBS.refresh, title: 'Back to the meeting', data: { meetingId } }] };
}

// ── Steps on the request card ───────────────────────────────────────────────────────────────────

type Prepared = { ok: true; change: Omit<StepChange, 'id' | 'version' | 'now'>; notice: string } | { ok: false; message: string; draft?: RequestDraft };

function prepare(step: RequestStep, t: ExpertTurn, r: RequestView, data: Data, screen: ScreenOptions): Prepared {
  const person = t.person!;
  const ctx = { today: londonDate(t.now), dueDate: dueDate(t, r) };
  if (step === 'claim') {
    return {
      ok: true, notice: `You have picked up ${r.ref}. I've told ${r.requester.name}.`,
      change: { actorId: person.id, event: 'claimed', note: null, data: { status: 'assigned', assigneeId: person.id, firstResponseAt: r.firstResponseAt ?? t.now }, messages: (v) => toOutbox(EXPERTS_JOB, v.ref, claimedMessages(v, ctx)) },
    };
  }
  if (step === 'answer') {
    const checked = checkAnswer(data, t.now, screen);
    if (!checked.ok) return { ok: false, message: checked.message, draft: { answerKind: str(data.answerKind), answerText: str(data.answerText), answerDate: str(data.answerDate), answerTime: str(data.answerTime) } };
    return {
      ok: true, notice: `Answer sent to ${r.requester.name}.`,
      change: { actorId: person.id, event: 'answered', note: checked.value.note, data: { status: 'answered' }, messages: (v) => toOutbox(EXPERTS_JOB, v.ref, answeredMessages(v, ctx)) },
    };
  }
  const checked = checkOutcome(data, screen);
  if (!checked.ok) return { ok: false, message: checked.message, draft: { outcome: str(data.outcome) } };
  return {
    ok: true, notice: `${r.ref} is closed. Thank you.`,
    change: { actorId: person.id, event: 'closed', note: checked.value, data: { status: 'closed', closedAt: t.now, outcome: checked.value }, messages: (v) => toOutbox(EXPERTS_JOB, v.ref, closedMessages(v, person.id, ctx)) },
  };
}

async function takeStep(step: RequestStep, t: ExpertTurn, data: Data): Promise<string> {
  const current = await t.store.view(idOf(data, 'requestId'));
  if (!current) return answerInvoke(t.context, "I can't find that request any more.");
  const decision = decideStep(step, t.person, requestFacts(current));
  if (!decision.ok) return answerInvoke(t.context, await viewerCard(t, current, { notice: attention(decision.message) }));
  if (current.version !== idOf(data, 'version')) {
    return answerInvoke(t.context, await viewerCard(t, current, { notice: attention('This request changed since your card was shown. Here it is now: check it and try again.') }));
  }
  const prepared = prepare(step, t, current, data, { adultNames: await t.services.people.adultNames() });
  if (!prepared.ok) return answerInvoke(t.context, await viewerCard(t, current, { notice: attention(prepared.message), draft: prepared.draft }));
  const result = await t.store.applyStep({ ...prepared.change, id: current.id, version: current.version, now: t.now });
  if (!result.ok) {
    // Someone else changed it between our read and our write: say what happened, from the fresh state.
    if (!result.view) return answerInvoke(t.context, "I can't find that request any more.");
    const again = decideStep(step, t.person, requestFacts(result.view));
    const message = again.ok ? 'This request changed a moment ago. Here it is now: check it and try again.' : again.message;
    return answerInvoke(t.context, await viewerCard(t, result.view, { notice: attention(message) }));
  }
  await updateSharedCard(t.context, await sharedCard(t, result.view), t.services);
  return answerInvoke(t.context, await viewerCard(t, result.view, { notice: good(prepared.notice) }));
}

async function refresh(t: ExpertTurn, data: Data): Promise<string> {
  const current = await t.store.view(idOf(data, 'requestId'));
  if (!current) return answerInvoke(t.context, "I can't find that request any more.");
  return answerInvoke(t.context, await viewerCard(t, current));
}

export function registerExpertCardRoutes(app: Application<TurnState>, services: Services): void {
  const store = new ExpertRequestStore(services.store.db);
  const route = (verb: string, handler: (t: ExpertTurn, data: Data) => Promise<string>) =>
    app.adaptiveCards.actionExecute<Data>(verb, async (context, _state, data) => {
      const t = { context, services, store, person: await whoIsSpeaking(context, services), now: services.clock.now() };
      return isAutomaticRefresh(context) && verb !== EXPERT_VERBS.refresh ? refresh(t, data) : handler(t, data);
    });
  route(EXPERT_VERBS.refresh, refresh);
  route(EXPERT_VERBS.start, start);
  route(EXPERT_VERBS.open, open);
  route(EXPERT_VERBS.claim, (t, d) => takeStep('claim', t, d));
  route(EXPERT_VERBS.answer, (t, d) => takeStep('answer', t, d));
  route(EXPERT_VERBS.close, (t, d) => takeStep('close', t, d));
}
