// The Experts at Hand request card: the same card in the pool channel and the requester's chat,
// refreshed per viewer. Each step (claim, answer, close) is an Action.Execute carrying the request
// id and the version shown; who may take it is decided by the bot, never by the card.
import type { RequestStep, RequestView } from '../../domain/experts/index.js';
import { ANSWER_KINDS, capitalise, REQUEST_STATUS_LABELS, SPECIALISM_LABELS, stepsForStatus, SUPPORT_KIND_LABELS } from '../../domain/experts/index.js';
import type { IsoDate, Phase } from '../../domain/plan/types.js';
import { formatDate, formatLongDate } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import { adaptiveCard, facts, heading, text, type Card, type CardElement } from '../common.js';
import { noticeBlock, START_REQUEST_VERB, type Notice } from '../meetings/meeting-card.js';
import { refreshBlock } from '../meetings/refresh.js';

export const EXPERT_VERBS = {
  start: START_REQUEST_VERB,
  open: 'expert.open',
  claim: 'expert.claim',
  answer: 'expert.answer',
  close: 'expert.close',
  refresh: 'expert.refresh',
} as const;

export const PHASE_LABELS: Record<Phase, string> = {
  early_years: 'early years', primary: 'primary', secondary: 'secondary', post_16: 'post-16', special: 'special school',
};

export interface RequestDraft { answerKind?: string; answerText?: string; answerDate?: string; answerTime?: string; outcome?: string }

export interface RequestCardOptions {
  /** The steps offered; unset: whatever the status allows (the shared card). */
  steps?: RequestStep[];
  /** When the first response is due (shown while nobody has picked it up). */
  dueDate?: IsoDate;
  notice?: Notice;
  refreshFor?: string[];
  draft?: RequestDraft;
  today: IsoDate;
}

export function statusWords(r: RequestView): string {
  if (r.status === 'assigned' && r.assignee) return `picked up by ${r.assignee.name}`;
  if (r.status === 'answered' && r.assignee) return `answered by ${r.assignee.name}`;
  return REQUEST_STATUS_LABELS[r.status];
}

export function requestTitle(r: RequestView): string {
  return `${r.ref}: ${capitalise(SPECIALISM_LABELS[r.specialism])}`;
}

export function requestCard(r: RequestView, o: RequestCardOptions): Card {
  const body: CardElement[] = [];
  if (o.notice) body.push(noticeBlock(o.notice));
  body.push(heading(requestTitle(r)));
  body.push(text(`Experts at Hand request, ${statusWords(r)}.`, { isSubtle: true, spacing: 'None' }));
  body.push(facts([
    ['Setting', `${r.setting.name} (${PHASE_LABELS[r.setting.phase]})`],
    ['Cluster', r.cluster.name],
    ['Support', capitalise(SUPPORT_KIND_LABELS[r.kind])],
    ['Asked by', r.requester.name],
    ['Opened', formatDate(londonDate(r.createdAt))],
    ['First response due', r.status === 'new' && o.dueDate ? formatLongDate(o.dueDate) : ''],
    ['Picked up by', r.assignee ? `${r.assignee.name}${r.assignee.jobTitle ? `, ${r.assignee.jobTitle}` : ''}` : ''],
    ['Closed', r.closedAt ? formatDate(londonDate(r.closedAt)) : ''],
  ]));
  body.push(text('Summary', { weight: 'Bolder', spacing: 'Medium' }));
  body.push(text(r.summary));
  if (r.answer) {
    body.push(text('Answer', { weight: 'Bolder', spacing: 'Medium' }));
    body.push(text(r.answer));
  }
  if (r.outcome) {
    body.push(text('Outcome', { weight: 'Bolder', spacing: 'Medium' }));
    body.push(text(r.outcome));
  }
  const steps = o.steps ?? stepsForStatus(r.status);
  const data = { requestId: r.id, version: r.version };
  const actions: CardElement[] = [];
  if (steps.includes('claim')) actions.push({ type: 'Action.Execute', verb: EXPERT_VERBS.claim, title: 'Pick this up', style: 'positive', data });
  if (steps.includes('answer')) actions.push(answerAction(r, data, o));
  if (steps.includes('close')) actions.push(closeAction(data, o.draft));
  return {
    ...adaptiveCard(body, actions, `${requestTitle(r)}, ${statusWords(r)}.`),
    refresh: refreshBlock(EXPERT_VERBS.refresh, { requestId: r.id }, o.refreshFor),
  };
}

function answerAction(r: RequestView, data: Record<string, unknown>, o: RequestCardOptions): CardElement {
  const d = o.draft ?? {};
  return {
    type: 'Action.ShowCard', title: r.status === 'answered' ? 'Answer again' : 'Answer',
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.ChoiceSet', id: 'answerKind', label: 'Your answer', style: 'expanded', value: d.answerKind ?? 'advice',
          choices: ANSWER_KINDS.map((k) => ({ title: k === 'advice' ? 'Advice' : `Offer a ${k}`, value: k })),
        },
        { type: 'Input.Text', id: 'answerText', label: 'Advice or a note (anonymised: no child names)', isMultiline: true, maxLength: 2000, value: d.answerText ?? '' },
        { type: 'Input.Date', id: 'answerDate', label: 'Date (for a visit or call)', min: o.today, ...(d.answerDate ? { value: d.answerDate } : {}) },
        { type: 'Input.Time', id: 'answerTime', label: 'Time', value: d.answerTime ?? '10:00' },
      ],
      actions: [{ type: 'Action.Execute', verb: EXPERT_VERBS.answer, title: 'Send the answer', data }],
    },
  };
}

function closeAction(data: Record<string, unknown>, d: RequestDraft = {}): CardElement {
  return {
    type: 'Action.ShowCard', title: 'Close',
    card: {
      type: 'AdaptiveCard',
      body: [{ type: 'Input.Text', id: 'outcome', label: 'Outcome: what happened, what changed (anonymised)', isMultiline: true, maxLength: 1000, value: d.outcome ?? '' }],
      actions: [{ type: 'Action.Execute', verb: EXPERT_VERBS.close, title: 'Close the request', data }],
    },
  };
}
