// Small Adaptive Card 1.5 building blocks shared by the digest, nudge and quarterly cards.
import type { ActionStatus, IsoDate } from '../../domain/plan/types.js';
import { statusColour, statusWord } from '../../domain/plan/status.js';
import { formatDate, formatDays } from '../../domain/time/format.js';
import { execute, VERBS } from '../action-update/common.js';
import { cardMarkdown, md, type Markup } from '../markup.js';

export type Card = Record<string, unknown>;
export type Element = Record<string, unknown>;

export function adaptiveCard(body: Element[], actions: Element[] = []): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    msteams: { width: 'Full' },
  };
}

export function heading(text: string | Markup, size: 'Large' | 'Medium' = 'Large'): Element {
  return { type: 'TextBlock', text: cardMarkdown(text), size, weight: 'Bolder', wrap: true, style: 'heading' };
}

export function sectionTitle(text: string | Markup): Element {
  return { type: 'TextBlock', text: cardMarkdown(text), weight: 'Bolder', wrap: true, spacing: 'Medium', separator: true };
}

export function para(text: string | Markup, opts: { subtle?: boolean; colour?: string; spacing?: string } = {}): Element {
  return {
    type: 'TextBlock', text: cardMarkdown(text), wrap: true,
    ...(opts.subtle ? { isSubtle: true } : {}),
    ...(opts.colour ? { color: opts.colour } : {}),
    ...(opts.spacing ? { spacing: opts.spacing } : { spacing: 'Small' }),
  };
}

export function facts(pairs: [string, string][]): Element {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title: cardMarkdown(title), value: cardMarkdown(value) })) };
}

/** The Update button the status-update cards answer (verb action.edit, with an Action.Submit fallback). */
export function updateButton(actionId: number, version: number): Element {
  return execute('Update', VERBS.edit, { actionId, version });
}

export function statusText(status: ActionStatus): Element {
  return { type: 'TextBlock', text: statusWord(status), color: statusColour(status), weight: 'Bolder', wrap: true, spacing: 'None' };
}

/** '8 days late', 'due today', 'due in 5 days (27 November 2026)'. */
export function dueWords(dueDate: IsoDate, daysUntilDue: number): string {
  if (daysUntilDue < 0) return `${formatDays(-daysUntilDue)} late (due ${formatDate(dueDate)})`;
  if (daysUntilDue === 0) return `due today (${formatDate(dueDate)})`;
  if (daysUntilDue === 1) return `due tomorrow (${formatDate(dueDate)})`;
  return `due in ${formatDays(daysUntilDue)} (${formatDate(dueDate)})`;
}

export interface ActionLine {
  actionId: number;
  ref: string;
  title: string;
  status: ActionStatus;
  dueDate: IsoDate;
  daysUntilDue: number;
  version: number;
  /** Extra plain words under the title (owner, last update…). */
  detail?: string;
}

/** One action: reference and title, status and due date, optional detail, and (optionally) its Update button. */
export function actionBlock(a: ActionLine, withUpdate: boolean): Element {
  const items: Element[] = [
    { type: 'TextBlock', text: cardMarkdown(md`**${a.ref}** ${a.title}`), wrap: true },
    {
      type: 'ColumnSet', spacing: 'None', columns: [
        { type: 'Column', width: 'auto', items: [statusText(a.status)] },
        { type: 'Column', width: 'stretch', items: [{ type: 'TextBlock', text: dueWords(a.dueDate, a.daysUntilDue), isSubtle: true, wrap: true, spacing: 'None' }] },
      ],
    },
  ];
  if (a.detail) items.push({ type: 'TextBlock', text: cardMarkdown(a.detail), isSubtle: true, wrap: true, spacing: 'None' });
  if (withUpdate) items.push({ type: 'ActionSet', spacing: 'Small', actions: [updateButton(a.actionId, a.version)] });
  return { type: 'Container', spacing: 'Medium', items };
}

/** A list capped at `max` items, with an 'and N more' line so a card never outgrows Teams' size limit. */
export function capped<T>(items: readonly T[], max: number, render: (item: T) => Element, more: (n: number) => string): Element[] {
  const out = items.slice(0, max).map(render);
  if (items.length > max) out.push(para(more(items.length - max), { subtle: true }));
  return out;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Teams refuses cards near 28 KB; these cards stay under this budget. */
export const CARD_BUDGET_BYTES = 24 * 1024;

export function cardBytes(cards: readonly Card[]): number {
  return Buffer.byteLength(JSON.stringify(cards));
}

/**
 * Builds a message with at most `max` items per list, trying smaller lists until its cards fit
 * the budget (the lists say "and N more" for the rest).
 */
export function fitToBudget<M extends { cards: Card[] }>(
  build: (max: number) => M,
  steps: readonly number[] = [8, 6, 4, 3, 2, 1, 0],
  /** A cheap upper bound on the bytes for a given max; when under budget, no serialising to measure. */
  upperBound?: (max: number) => number,
): M {
  if (upperBound && steps.length > 0 && upperBound(steps[0]!) <= CARD_BUDGET_BYTES) return build(steps[0]!);
  let last: M | undefined;
  let ceiling = Infinity;
  for (const max of steps) {
    if (max > ceiling) continue;
    last = build(max);
    const bytes = cardBytes(last.cards);
    if (bytes <= CARD_BUDGET_BYTES) return last;
    // Skip straight to a size that should fit (items dominate the size).
    ceiling = Math.floor((max * CARD_BUDGET_BYTES) / bytes);
  }
  return last!;
}

/** Bytes an action block can take beyond its free text (measured ~700; generous on purpose). */
export const ACTION_BLOCK_OVERHEAD_BYTES = 1_500;
/** Bytes a card's fixed parts (headings, notes) can take beyond the action blocks. */
export const CARD_OVERHEAD_BYTES = 3_000;

/** Upper bound for a card listing these free-text items (UTF-8: at most 3 bytes per UTF-16 unit, JSON escapes at most 6). */
export function listBound(texts: readonly (readonly (string | null | undefined)[])[], max: number, extraText = 0): number {
  let total = CARD_OVERHEAD_BYTES + extraText * 6;
  const n = Math.min(max, texts.length);
  for (let i = 0; i < n; i++) {
    total += ACTION_BLOCK_OVERHEAD_BYTES;
    for (const t of texts[i]!) total += (t?.length ?? 0) * 6;
  }
  return total;
}
