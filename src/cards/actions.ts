// Cards about actions: a list (sorted by urgency, paged) and one action's details.
import {
  actionSet, adaptiveCard, askButton, facts, heading, plain, text, updateButton, type Card, type CardElement, type TextColour,
} from './common.js';
import { md } from './markup.js';

/** One action, already in words. */
export interface ActionView {
  id: number;
  version: number;
  ref: string;
  title: string;
  /** Full name, or 'No owner'. */
  owner: string;
  /** '14 November 2026'. */
  due: string;
  /** 'Saturday 14 November 2026'. */
  dueLong: string;
  /** 'on track', 'at risk', … */
  status: string;
  statusColour: TextColour;
  /** Whole days late; 0 when not overdue. */
  daysLate: number;
  /** '8 days late', 'due in 5 days', 'due today', 'complete'. */
  timing: string;
  workstream: string;
  area: string | null;
  lastUpdate: string | null;
  /** '20 November 2026' or null. */
  lastUpdateOn: string | null;
  /** Show the Update button (the card flow lives elsewhere). */
  canUpdate: boolean;
}

export interface ActionListCardInput {
  title: string;
  /** e.g. '6 actions, most overdue first'. */
  subtitle: string;
  rows: ActionView[];
  /** Position of the first row in the whole list (0-based). */
  offset: number;
  total: number;
  /** A question that shows the rest, and the button's title ('Show all 23'). */
  more?: { title: string; question: string };
}

/** Teams refuses cards over 28 KB; a list card is kept under this. */
export const LIST_CARD_BUDGET_BYTES = 24 * 1024;

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s;
}

function lateText(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'} late`;
}

function row(a: ActionView, compact: boolean, withUpdate: boolean): CardElement {
  const statusItems: CardElement[] = [text(a.status, { color: a.statusColour, weight: 'Bolder', horizontalAlignment: 'Right' })];
  if (a.daysLate > 0) statusItems.push(text(lateText(a.daysLate), { color: 'Attention', size: 'Small', spacing: 'None', horizontalAlignment: 'Right' }));
  const items: CardElement[] = [
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [text(md`**${a.ref}** ${clip(plain(a.title), 140)}`)] },
        { type: 'Column', width: 'auto', items: statusItems },
      ],
    },
    text(`${clip(a.owner, 60)} · due ${a.due}${compact ? '' : ` · ${clip(a.workstream, 80)}`}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
  ];
  if (withUpdate && a.lastUpdate) items.push(text(`Latest update${a.lastUpdateOn ? ` (${a.lastUpdateOn})` : ''}: ${clip(plain(a.lastUpdate), 200)}`, { size: 'Small', spacing: 'Small' }));
  if (a.canUpdate) items.push(actionSet([updateButton(a.id, a.version)]));
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

export function actionListCard(input: ActionListCardInput): Card {
  const compact = input.rows.length > 10;
  const body: CardElement[] = [heading(input.title), text(input.subtitle, { isSubtle: true, spacing: 'None' })];
  // A short list (three or fewer) has room for each action's latest update: no second question needed.
  const withUpdate = input.rows.length <= 3;
  for (const a of input.rows) body.push(row(a, compact, withUpdate));
  const last = input.offset + input.rows.length;
  if (input.total > input.rows.length) {
    body.push(text(`Showing ${input.offset + 1} to ${last} of ${input.total}.`, { isSubtle: true, size: 'Small', separator: true }));
  }
  const actions = input.more ? [askButton(input.more.title, input.more.question, 'Show more')] : [];
  return adaptiveCard(body, actions, `${input.title}: ${input.subtitle}`);
}

export function actionDetailCard(a: ActionView): Card {
  const pairs: [string, string][] = [
    ['Owner', a.owner],
    ['Due', a.dueLong],
    ['Status', a.status],
    ...(a.daysLate > 0 ? [['Late by', lateText(a.daysLate)] as [string, string]] : []),
    ['Workstream', a.workstream],
    ['Area for improvement', a.area ?? 'None'],
  ];
  const body: CardElement[] = [
    heading(`${a.ref} ${plain(a.title)}`),
    {
      type: 'ColumnSet',
      spacing: 'Small',
      columns: [
        { type: 'Column', width: 'auto', items: [text(a.status, { color: a.statusColour, weight: 'Bolder' })] },
        { type: 'Column', width: 'stretch', items: [text(a.timing, { color: a.daysLate > 0 ? 'Attention' : 'Default', isSubtle: a.daysLate === 0 })] },
      ],
    },
    facts(pairs),
    text(a.lastUpdate ? `Latest update${a.lastUpdateOn ? ` (${a.lastUpdateOn})` : ''}: ${plain(a.lastUpdate)}` : 'No update yet.', { separator: true, spacing: 'Medium' }),
  ];
  return adaptiveCard(body, a.canUpdate ? [updateButton(a.id, a.version)] : [], `${a.ref}: ${a.status}, due ${a.due}`);
}
