// What each step of a request tells whom. Pure: a request in, messages (recipient, kind, text,
// card) out; src/teams and src/jobs queue them in the outbox with the step's transaction.
import type { RequestView } from '../../domain/experts/index.js';
import { SPECIALISM_LABELS, SPECIALIST_LABELS } from '../../domain/experts/index.js';
import type { IsoDate } from '../../domain/plan/types.js';
import { formatLongDate } from '../../domain/time/format.js';
import type { Card } from '../common.js';
import { messageText } from '../markup.js';
import { requestCard } from './request-card.js';

export type Recipient = { personKey: string } | { conversationId: string };
export interface Message { to: Recipient; kind: string; text: string; card: Card }

/** Where pool messages go: the specialism's linked channel, or else each expert of it personally. */
export interface PoolTarget {
  chat: { conversationId: string; kind: string } | null;
  experts: Array<{ key: string }>;
  /** Teams user ids for card refresh when the pool is a channel. */
  audience: string[];
}

export interface MessageContext { today: IsoDate; dueDate: IsoDate }

function poolMessages(r: RequestView, pool: PoolTarget, kind: string, text: string, c: MessageContext): Message[] {
  if (pool.chat) {
    const refreshFor = pool.chat.kind === 'channel' ? pool.audience : undefined;
    return [{ to: { conversationId: pool.chat.conversationId }, kind, text, card: requestCard(r, { today: c.today, dueDate: c.dueDate, refreshFor }) }];
  }
  return pool.experts.map((e) => ({ to: { personKey: e.key }, kind, text, card: requestCard(r, { today: c.today, dueDate: c.dueDate, steps: ['claim'] }) }));
}

export function newRequestMessages(r: RequestView, pool: PoolTarget, c: MessageContext): Message[] {
  const text = `New Experts at Hand request ${r.ref} for ${SPECIALISM_LABELS[r.specialism]} from ${messageText(r.setting.name)} (${messageText(r.cluster.name)}). First response due ${formatLongDate(c.dueDate)}.`;
  return poolMessages(r, pool, 'new-request', text, c);
}

/** The card the requester sees in their own chat: they may close it while it is open. */
function requesterCard(r: RequestView, c: MessageContext): Card {
  return requestCard(r, { today: c.today, dueDate: c.dueDate, steps: r.status === 'closed' ? [] : ['close'] });
}

export function claimedMessages(r: RequestView, c: MessageContext): Message[] {
  const who = r.assignee ? messageText(`${r.assignee.name}${r.assignee.jobTitle ? ` (${r.assignee.jobTitle})` : ''}`) : 'An expert';
  return [{ to: { personKey: r.requester.key }, kind: 'claimed', text: `${who} has picked up your Experts at Hand request ${r.ref} and will be in touch.`, card: requesterCard(r, c) }];
}

export function answeredMessages(r: RequestView, c: MessageContext): Message[] {
  const text = `${messageText(r.assignee?.name ?? 'The expert')} has answered your Experts at Hand request ${r.ref}: ${messageText(r.answer ?? '')} When it is done, close it from the card with the outcome.`;
  return [{ to: { personKey: r.requester.key }, kind: `answered-v${r.version}`, text, card: requesterCard(r, c) }];
}

export function closedMessages(r: RequestView, closedById: number, c: MessageContext): Message[] {
  const closer = closedById === r.requester.id ? r.requester : r.assignee;
  const other = closedById === r.requester.id ? r.assignee : r.requester;
  if (!other || !closer) return [];
  return [{ to: { personKey: other.key }, kind: 'closed', text: `${messageText(closer.name)} closed Experts at Hand request ${r.ref}. Outcome: ${messageText(r.outcome ?? '')}`, card: requestCard(r, { today: c.today, steps: [] }) }];
}

export function poolReminderMessages(r: RequestView, pool: PoolTarget, waitingDays: number, c: MessageContext): Message[] {
  const text = `Reminder: Experts at Hand request ${r.ref} (${SPECIALISM_LABELS[r.specialism]}, ${messageText(r.setting.name)}) has waited ${waitingDays} working days and nobody has picked it up. Could ${SPECIALIST_LABELS[r.specialism]}s take a look today?`;
  return poolMessages(r, pool, 'pool-reminder', text, c);
}

export function leadEscalationMessages(r: RequestView, leads: Array<{ key: string }>, waitingDays: number, target: number, c: MessageContext): Message[] {
  const text = `Experts at Hand request ${r.ref} (${SPECIALISM_LABELS[r.specialism]}, ${messageText(r.setting.name)}, ${messageText(r.cluster.name)}) has not been picked up after ${waitingDays} working days; the target is ${target}. The pool was reminded. You are told as the Experts at Hand programme lead.`;
  return leads.map((l) => ({ to: { personKey: l.key }, kind: 'lead-escalation', text, card: requestCard(r, { today: c.today, dueDate: c.dueDate, steps: [] }) }));
}

/** Outbox rows for messages (the shape src/store/outbox.ts queues); the period keeps each one once. */
export function toOutbox(job: string, period: string, messages: Message[]): Array<{ job: string; period: string; recipient: Recipient; kind: string; payload: { text: string; cards: Card[] } }> {
  return messages.map((m) => ({ job, period, recipient: m.to, kind: m.kind, payload: { text: m.text, cards: [m.card] } }));
}
