// Small pieces shared by the action-update cards: Adaptive Card 1.5 with Universal Actions
// (Action.Execute, each falling back to Action.Submit for older clients), refresh, notices.
// Cards carry ids and versions only; everything shown comes from the store at build time.
import { cardMarkdown, type Markup } from '../markup.js';

export type Card = Record<string, unknown>;
export type Element = Record<string, unknown>;

export const CARD_VERSION = '1.5';
/** Teams lists at most this many users in refresh.userIds. */
export const MAX_REFRESH_USER_IDS = 60;
/** Teams refuses cards near 28 KB; every card here stays under this budget. */
export const CARD_BYTE_BUDGET = 24 * 1024;

export const VERBS = {
  edit: 'action.edit',
  view: 'action.view',
  save: 'action.save',
  refresh: 'action.refresh',
  history: 'action.history',
  saveMany: 'actions.saveMany',
  refreshMany: 'actions.refreshMany',
  maturityEdit: 'maturity.edit',
  maturitySave: 'maturity.save',
  maturityRefresh: 'maturity.refresh',
  maturityMatrix: 'maturity.matrix',
} as const;
export type Verb = (typeof VERBS)[keyof typeof VERBS];
export const ALL_VERBS: readonly string[] = Object.values(VERBS);

export interface ExecuteOptions {
  style?: 'positive' | 'destructive';
  /** 'none' for buttons that must not send (or validate) the card's inputs. */
  associatedInputs?: 'auto' | 'none';
}

/**
 * An Action.Execute button. Clients without Universal Actions use the Action.Submit fallback,
 * whose data names the verb so the bot can route the resulting message.
 */
export function execute(title: string, verb: Verb, data: Record<string, unknown>, opts: ExecuteOptions = {}): Element {
  const shared = {
    title,
    ...(opts.style ? { style: opts.style } : {}),
    ...(opts.associatedInputs ? { associatedInputs: opts.associatedInputs } : {}),
  };
  return {
    type: 'Action.Execute',
    verb,
    data,
    ...shared,
    fallback: { type: 'Action.Submit', data: { verb, ...data }, ...shared },
  };
}

/**
 * The refresh section: each viewer's client asks the bot for their own view. In chats of 60 people
 * or fewer leave `userIds` out (everyone refreshes); otherwise list at most 60.
 */
export function refreshSection(verb: Verb, data: Record<string, unknown>, userIds?: readonly string[] | null): Element {
  return {
    action: { type: 'Action.Execute', title: 'Refresh', verb, data },
    ...(userIds ? { userIds: [...new Set(userIds)].slice(0, MAX_REFRESH_USER_IDS) } : {}),
  };
}

export function adaptiveCard(body: Element[], actions: Element[], refresh?: Element | null): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    ...(refresh ? { refresh } : {}),
    body,
    ...(actions.length ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export function text(value: string | Markup, opts: Record<string, unknown> = {}): Element {
  return { type: 'TextBlock', text: cardMarkdown(value), wrap: true, ...opts };
}

export function heading(value: string | Markup): Element {
  return text(value, { size: 'Medium', weight: 'Bolder', style: 'heading' });
}

export function subtle(value: string, opts: Record<string, unknown> = {}): Element {
  return text(value, { isSubtle: true, size: 'Small', spacing: 'None', ...opts });
}

export type Tone = 'good' | 'warning' | 'attention' | 'accent';

const TONE_STYLE: Record<Tone, string> = { good: 'good', warning: 'warning', attention: 'attention', accent: 'accent' };

/** A coloured strip with a sentence: saved, out of date, refused, something to fix. */
export function notice(value: string, tone: Tone): Element {
  return { type: 'Container', style: TONE_STYLE[tone], bleed: true, items: [text(value, { weight: 'Bolder' })] };
}

/** A short sentence under an input that needs fixing. */
export function fieldError(value: string | undefined): Element[] {
  return value ? [text(value, { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
}

/** Cuts long text for display, on a word boundary, with an ellipsis. */
export function clip(value: string, max: number): string {
  const chars = [...value];
  if (chars.length <= max) return value;
  const cut = chars.slice(0, max).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Text people typed (notes, reasons, titles): a RichTextBlock's TextRun is never read as markdown,
 * so "1. " or "*" in a note shows as typed.
 */
export function typed(value: string, opts: { subtle?: boolean; italic?: boolean; size?: string } = {}): Element {
  return {
    type: 'RichTextBlock',
    inlines: [{
      type: 'TextRun', text: value,
      ...(opts.subtle ? { isSubtle: true } : {}), ...(opts.italic ? { italic: true } : {}), ...(opts.size ? { size: opts.size } : {}),
    }],
  };
}

/** UTF-8 size of the card as Teams receives it. */
export function cardBytes(card: Card): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

export function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
