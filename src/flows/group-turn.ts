// What the Experts at Hand and cluster meeting flows take and give. Plain data: the Teams edge
// reads the viewer from the activity and turns a reply into an invoke response or a message.
import type { Card } from '../cards/common.js';
import type { Notice } from '../cards/meetings/meeting-card.js';
import { formNumber } from '../domain/experts/index.js';
import type { Person } from '../domain/plan/types.js';

/** Who pressed or typed, and where. */
export interface GroupViewer {
  person: Person | null;
  /** The Teams user id (29:…) of the viewer, for refresh.userIds in channels. */
  userId?: string;
  conversationId?: string;
  conversationKind: 'personal' | 'groupChat' | 'channel';
}

/**
 * The answer to a card action: a card in place of the one pressed (and, when the change matters
 * to everyone, the shared card to put in the message), or a message shown as a banner.
 */
export type CardReply = { card: Card; shared?: Card } | { message: string };

/** The answer to a chat command: a sentence and cards. */
export interface ChatReply { text: string; cards: Card[] }

/** What a card action carries: its data and the card's inputs. */
export type CardData = Record<string, unknown>;

export const good = (text: string): Notice => ({ text, tone: 'good' });
export const attention = (text: string): Notice => ({ text, tone: 'attention' });
export const say = (text: string, cards: Card[] = []): ChatReply => ({ text, cards });

/** A positive whole id from card data, or 0. */
export function idOf(data: CardData, key: string): number {
  const n = formNumber(data[key]);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

/** A card input as typed (kept as it was for the form that goes back). */
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The refresh audience in a channel: the viewer and the people the card matters to. */
export function channelAudience(viewer: GroupViewer, people: string[]): string[] | undefined {
  if (viewer.conversationKind !== 'channel') return undefined;
  return [viewer.userId ?? '', ...people].filter(Boolean);
}
