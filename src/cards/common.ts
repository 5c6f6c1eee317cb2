// Adaptive Card 1.5 building blocks. Pure JSON: no Teams or database types. Text is escaped here
// (src/cards/markup.ts): a plain string always shows as typed; bot markup is built with md`…`.
import { cardMarkdown, type Markup } from './markup.js';

export type CardElement = Record<string, unknown>;
export type Card = Record<string, unknown>;

export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function adaptiveCard(body: CardElement[], actions: CardElement[] = [], fallbackText?: string): Card {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    ...(actions.length ? { actions } : {}),
    ...(fallbackText ? { fallbackText } : {}),
  };
}

export type TextColour = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';

export interface TextOptions {
  weight?: 'Default' | 'Lighter' | 'Bolder';
  size?: 'Default' | 'Small' | 'Medium' | 'Large' | 'ExtraLarge';
  color?: TextColour;
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large';
  horizontalAlignment?: 'Left' | 'Center' | 'Right';
  separator?: boolean;
}

export function text(value: string | Markup, options: TextOptions = {}): CardElement {
  return { type: 'TextBlock', text: cardMarkdown(value), wrap: true, ...options };
}

export function heading(value: string | Markup): CardElement {
  return text(value, { weight: 'Bolder', size: 'Medium' });
}

export function facts(pairs: [string, string][]): CardElement {
  return { type: 'FactSet', facts: pairs.filter(([, v]) => v !== '').map(([title, value]) => ({ title: cardMarkdown(title), value: cardMarkdown(value) })) };
}

/** A button that sends a question back as if the person typed it (Teams messageBack). */
export function askButton(title: string, question: string, displayText = question): CardElement {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'messageBack', text: question, displayText } } };
}

/** The "Update" button on an action; the card flow handles verb 'action.edit'. */
export function updateButton(actionId: number, version: number): CardElement {
  return { type: 'Action.Execute', verb: 'action.edit', title: 'Update', data: { actionId, version } };
}

export function actionSet(actions: CardElement[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** Free text on one line (card text blocks read newlines as paragraph breaks). */
export function plain(s: string): string {
  return s.replace(/\s*\r?\n\s*/g, ' ').trim();
}
