// Experts at Hand on cards: the request form (from chat or a meeting card), and the request's
// steps (pick up, answer, close). Who may take a step is decided from the viewer (the Teams
// identity), never from card data; the card carries only the request id and the version it
// showed. A step that changed the request returns the shared card too, and queues the messages it
// causes in the same transaction.
import type { Card } from '../../cards/common.js';
import { answeredMessages, claimedMessages, closedMessages, newRequestMessages, toOutbox } from '../../cards/experts/messages.js';
import type { RequestDraft } from '../../cards/experts/request-card.js';
import { requestForm } from '../../cards/experts/request-form.js';
import { MEETING_VERBS } from '../../cards/meetings/meeting-card.js';
import {
  checkAnswer, checkOutcome, checkRequestForm, decideStep, NO_SETTING_MESSAGE, requestFacts, SPECIALISM_LABELS, type RequestStep, type RequestView,
} from '../../domain/experts/index.js';
import type { Person } from '../../domain/plan/types.js';
import type { ScreenOptions } from '../../domain/privacy/index.js';
import { londonDate } from '../../domain/time/london.js';
import type { StepChange } from '../../store/expert-requests.js';
import { attention, good, idOf, str, type CardData, type CardReply, type GroupViewer } from '../group-turn.js';
import { EXPERTS_JOB, type ExpertViews } from './deps.js';

const GONE = "I can't find that request any more.";
const UNKNOWN = "I don't recognise you, so I can't open a request for you.";

type Prepared = { ok: true; change: Omit<StepChange, 'id' | 'version' | 'now'>; notice: string } | { ok: false; message: string; draft?: RequestDraft };

/** A meeting follow-up the form was opened for: may this viewer ask for it, and the request noted on it. */
export interface FollowUpRequests {
  forRequest(viewer: GroupViewer, meetingId: number, followUpId: number): Promise<{ ok: true; text: string } | { ok: false; message: string }>;
  requestOpened(followUpId: number, requestRef: string): Promise<void>;
}

export class ExpertRequestFlows {
  constructor(private readonly v: ExpertViews, private readonly followUps?: FollowUpRequests) {}

  /** expert.start (and a follow-up's "Ask Experts at Hand"): the request form, from a meeting card with a way back to it. */
  async start(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    if (!viewer.person) return { message: UNKNOWN };
    const settings = await this.v.deps.requests.settingsFor(viewer.person);
    if (settings.length === 0) return { message: NO_SETTING_MESSAGE };
    const meetingId = idOf(data, 'meetingId') || undefined;
    const followUp = await this.followUp(viewer, data);
    if (followUp && !followUp.ok) return { message: followUp.message };
    const followUpId = followUp ? idOf(data, 'followUpId') : undefined;
    const draft = followUp ? { summary: followUp.text } : undefined;
    return { card: withBackToMeeting(requestForm(settings, { meetingId, followUpId, draft, firstResponseDays: this.v.deps.firstResponseDays }), meetingId) };
  }

  /** The follow-up the card names, checked for this viewer; undefined when it names none. */
  private async followUp(viewer: GroupViewer, data: CardData) {
    const followUpId = idOf(data, 'followUpId');
    if (!followUpId || !this.followUps) return undefined;
    return this.followUps.forRequest(viewer, idOf(data, 'meetingId'), followUpId);
  }

  /** expert.open: a new request, sent to the specialism's pool. */
  async open(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    const person = viewer.person;
    if (!person) return { message: UNKNOWN };
    const { requests, people, firstResponseDays } = this.v.deps;
    const settings = await requests.settingsFor(person);
    if (settings.length === 0) return { message: NO_SETTING_MESSAGE };
    const meetingId = idOf(data, 'meetingId') || undefined;
    const followUp = await this.followUp(viewer, data);
    const followUpId = followUp?.ok ? idOf(data, 'followUpId') : undefined;
    const checked = followUp && !followUp.ok ? { ok: false as const, message: followUp.message } : checkRequestForm(data, settings.map((s) => s.id), await people.screenDirectory());
    if (!checked.ok) {
      const draft = { settingId: str(data.settingId), specialism: str(data.specialism), kind: str(data.kind), summary: str(data.summary) };
      return { card: withBackToMeeting(requestForm(settings, { draft, meetingId, followUpId, notice: attention(checked.message), firstResponseDays }), meetingId) };
    }
    const pool = await this.v.poolTarget(person, checked.value.specialism);
    const now = this.v.now();
    const today = londonDate(now);
    const view = await requests.open(person.id, checked.value, now, (r) =>
      toOutbox(EXPERTS_JOB, r.ref, newRequestMessages(r, pool, { today, dueDate: this.v.dueDate(r) })));
    if (followUpId) await this.followUps?.requestOpened(followUpId, view.ref);
    const where = pool.chat ? `the ${SPECIALISM_LABELS[view.specialism]} pool channel` : `the ${SPECIALISM_LABELS[view.specialism]} experts`;
    const noted = followUpId ? ' I\'ve noted it against the meeting follow-up.' : '';
    const notice = good(`Sent: ${view.ref} has gone to ${where}. I'll tell you when an expert picks it up.${noted}`);
    return { card: withBackToMeeting(await this.v.viewerCard(viewer, view, { notice }), meetingId) };
  }

  /** expert.refresh: this viewer's own card. */
  async refresh(viewer: GroupViewer, data: CardData): Promise<CardReply> {
    const current = await this.v.deps.requests.view(idOf(data, 'requestId'));
    return current ? { card: await this.v.viewerCard(viewer, current) } : { message: GONE };
  }

  /** expert.claim, expert.answer, expert.close: one step, if this viewer may and the card is current. */
  async step(step: RequestStep, viewer: GroupViewer, data: CardData): Promise<CardReply> {
    const { requests, people } = this.v.deps;
    const current = await requests.view(idOf(data, 'requestId'));
    if (!current) return { message: GONE };
    const refuse = async (r: RequestView, message: string, draft?: RequestDraft) => ({ card: await this.v.viewerCard(viewer, r, { notice: attention(message), draft }) });
    const decision = decideStep(step, viewer.person, requestFacts(current));
    if (!decision.ok) return refuse(current, decision.message);
    if (current.version !== idOf(data, 'version')) return refuse(current, 'This request changed since your card was shown. Here it is now: check it and try again.');
    const now = this.v.now();
    const prepared = this.prepare(step, viewer.person!, current, data, await people.screenDirectory(), now);
    if (!prepared.ok) return refuse(current, prepared.message, prepared.draft);
    const result = await requests.applyStep({ ...prepared.change, id: current.id, version: current.version, now });
    if (!result.ok) {
      // Someone else changed it between our read and our write: say what happened, from the fresh state.
      if (!result.view) return { message: GONE };
      const again = decideStep(step, viewer.person, requestFacts(result.view));
      return refuse(result.view, again.ok ? 'This request changed a moment ago. Here it is now: check it and try again.' : again.message);
    }
    return { card: await this.v.viewerCard(viewer, result.view, { notice: good(prepared.notice) }), shared: await this.v.sharedCard(viewer, result.view) };
  }

  private prepare(step: RequestStep, person: Person, r: RequestView, data: CardData, screen: ScreenOptions, now: Date): Prepared {
    const ctx = { today: londonDate(now), dueDate: this.v.dueDate(r) };
    if (step === 'claim') {
      return {
        ok: true, notice: `You have picked up ${r.ref}. I've told ${r.requester.name}.`,
        change: { actorId: person.id, event: 'claimed', note: null, data: { status: 'assigned', assigneeId: person.id, firstResponseAt: r.firstResponseAt ?? now }, messages: (v) => toOutbox(EXPERTS_JOB, v.ref, claimedMessages(v, ctx)) },
      };
    }
    if (step === 'answer') {
      const checked = checkAnswer(data, now, screen);
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
      change: { actorId: person.id, event: 'closed', note: checked.value, data: { status: 'closed', closedAt: now, outcome: checked.value }, messages: (v) => toOutbox(EXPERTS_JOB, v.ref, closedMessages(v, person.id, ctx)) },
    };
  }
}

/** Opened from a meeting card: a button back to it (the meeting card is this viewer's again). */
function withBackToMeeting(card: Card, meetingId: number | undefined): Card {
  if (!meetingId) return card;
  const actions = Array.isArray(card.actions) ? card.actions : [];
  return { ...card, actions: [...actions, { type: 'Action.Execute', verb: MEETING_VERBS.refresh, title: 'Back to the meeting', data: { meetingId } }] };
}
