// Proactive sending for jobs and notifications: the jobs never import Teams, they get a Messenger.
import type { Bot } from './app.js';
import type { Services } from './services.js';

export interface OutgoingMessage {
  /** A stored conversation (conversation_refs.conversation_id). */
  conversationId: string;
  text?: string;
  cards?: Record<string, unknown>[];
}

export interface SendResult { ok: boolean; status?: number; retryAfterMs?: number; final?: boolean; error?: string }

export interface Messenger {
  send(message: OutgoingMessage): Promise<SendResult>;
}

export function createMessenger(_bot: Bot, _services: Services): Messenger {
  return {
    send: async () => ({ ok: false, final: true, error: 'proactive sending is not wired yet' }),
  };
}
