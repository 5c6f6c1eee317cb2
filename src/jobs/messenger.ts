// What the jobs need to deliver a message: the outbox sender calls a Messenger, and src/teams
// implements it over the Bot Framework connector. Owned here so the jobs never import Teams.

export interface OutgoingMessage {
  /** A stored conversation (conversation_refs.conversation_id). */
  conversationId: string;
  text?: string;
  cards?: Record<string, unknown>[];
}

/**
 * One attempt's outcome. `final`: trying again will never succeed (blocked bot, unknown
 * conversation, bad payload); `retryAfterMs`: the service asked for a pause.
 */
export interface SendResult { ok: boolean; status?: number; retryAfterMs?: number; final?: boolean; error?: string }

export interface Messenger {
  send(message: OutgoingMessage): Promise<SendResult>;
}
