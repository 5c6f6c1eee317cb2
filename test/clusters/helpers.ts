// Helpers for the cluster and Experts at Hand tests: card validation with the adaptivecards
// parser, and Action.Execute invokes through /api/messages.
import { createRequire } from 'node:module';
import type { TestBot, ChatKind } from '../support/bot.js';
import { visibleText } from '../support/bot.js';

const require = createRequire(import.meta.url);
// The UMD bundle runs in Node without a DOM for parsing and validation.
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; validateProperties(): { validationEvents: Array<{ message: string }> } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
};

/** Everything the adaptivecards parser complains about (unknown elements, bad values, duplicate ids). */
export function cardProblems(card: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (card.type !== 'AdaptiveCard' || card.version !== '1.5') problems.push('not an Adaptive Card 1.5');
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(ctx.getEventAt(i).message);
  problems.push(...parsed.validateProperties().validationEvents.map((e) => e.message));
  const refresh = card.refresh as { action?: { type?: string; verb?: string }; userIds?: unknown[] } | undefined;
  if (refresh && (refresh.action?.type !== 'Action.Execute' || !refresh.action.verb)) problems.push('refresh without an Action.Execute verb');
  if (refresh?.userIds && refresh.userIds.length > 60) problems.push('refresh.userIds over 60');
  return problems;
}

/** Adaptive Card attachments of bot activities. */
export function cardsOf(activities: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  return activities.flatMap((a) => ((a.attachments as Array<{ contentType: string; content: Record<string, unknown> }> | undefined) ?? [])
    .filter((x) => x.contentType === 'application/vnd.microsoft.card.adaptive').map((x) => x.content));
}

export interface InvokeResult {
  status: number;
  /** The card the invoke answered with, or null when it answered with a message. */
  card: Record<string, unknown> | null;
  message: string | null;
  /** Everything the person would read on that card (or the message). */
  text: string;
}

export interface InvokeOptions {
  as: string | null;
  verb: string;
  data?: Record<string, unknown>;
  chat?: ChatKind;
  conversationId?: string;
  trigger?: 'manual' | 'automatic';
  /** The id of the message holding the clicked card. */
  replyToId?: string;
}

export async function invoke(bot: TestBot, o: InvokeOptions): Promise<InvokeResult> {
  const act = await bot.activity({ as: o.as, chat: o.chat ?? 'personal', conversationId: o.conversationId });
  const res = await bot.post({
    ...act, type: 'invoke', name: 'adaptiveCard/action', replyToId: o.replyToId ?? 'card-message-1',
    value: { action: { type: 'Action.Execute', verb: o.verb, data: o.data ?? {} }, trigger: o.trigger ?? 'manual' },
  });
  const body = res.body ? (JSON.parse(res.body) as { type?: string; value?: unknown }) : {};
  const card = body.type === 'application/vnd.microsoft.card.adaptive' ? (body.value as Record<string, unknown>) : null;
  const message = body.type === 'application/vnd.microsoft.activity.message' ? String(body.value) : null;
  const text = card ? visibleText([{ attachments: [{ content: card }] }]) : message ?? '';
  return { status: res.status, card, message, text };
}

/** The value of an input anywhere in a card (including inside Action.ShowCard cards). */
export function inputValue(card: Record<string, unknown>, id: string): unknown {
  let found: unknown;
  const walk = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) { node.forEach(walk); return; }
    const n = node as Record<string, unknown>;
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.id === id) { found = n.value ?? null; return; }
    Object.values(n).forEach(walk);
  };
  walk(card);
  return found;
}

/** Titles of the buttons on a card (top level). */
export function buttonTitles(card: Record<string, unknown>): string[] {
  return ((card.actions as Array<{ title?: string }> | undefined) ?? []).map((a) => a.title ?? '');
}
