// Proactive sending for jobs and notifications: the jobs never import Teams, they get a Messenger.
//
// One send is one HTTP request to the connector and nothing more. The Bot Framework connector
// client normally retries on its own (429 with Retry-After, 5xx, dropped connections) while the
// caller waits; that would hide attempts from the outbox's accounting, ignore the shared pause
// and, after a timeout, risk a second copy. So the client's retry policy is removed for these
// sends and a per-request timeout is added: the outbox sender owns every retry.
import { CardFactory, MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder';
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

export interface MessengerOptions {
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
}

/** Statuses that will never succeed by trying again: blocked or removed bot, unknown conversation, bad payload. */
const FINAL_STATUSES = new Set([400, 401, 403, 404, 405, 409, 413, 415, 422]);

interface PipelineLike {
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: { name: string; sendRequest(req: { timeout: number }, next: (req: unknown) => Promise<unknown>): Promise<unknown> }, options?: Record<string, unknown>): void;
  getOrderedPolicies?(): { name: string }[];
}

const TIMEOUT_POLICY = 'partnershipBotSendTimeout';

/** Removes the connector client's own retries and sets a request timeout on this turn's client. */
function tuneConnectorClient(ctx: TurnContext, timeoutMs: number): void {
  const key = (ctx.adapter as unknown as { ConnectorClientKey?: symbol }).ConnectorClientKey;
  const client = key ? ctx.turnState.get(key) as { client?: { pipeline?: PipelineLike } } | undefined : undefined;
  const pipeline = client?.client?.pipeline;
  if (!pipeline) return;
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
  pipeline.removePolicy({ name: 'exponentialRetryPolicy' });
  pipeline.removePolicy({ name: 'systemErrorRetryPolicy' });
  pipeline.removePolicy({ name: 'throttlingRetryPolicy' });
  if (!pipeline.getOrderedPolicies?.().some((p) => p.name === TIMEOUT_POLICY)) {
    pipeline.addPolicy({
      name: TIMEOUT_POLICY,
      sendRequest: (req, next) => { req.timeout = timeoutMs; return next(req); },
    });
  }
}

/** Reads Retry-After (seconds or an HTTP date) and the Azure millisecond variants from an error's response. */
export function retryAfterMsOf(err: unknown, nowMs: number = Date.now()): number | undefined {
  const response = (err as { response?: { headers?: unknown } } | null)?.response;
  const headers = response?.headers as { get?: (n: string) => string | undefined | null } | Record<string, string> | undefined;
  const read = (name: string): string | undefined => {
    if (!headers) return undefined;
    if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(n: string): string | undefined | null }).get(name) ?? undefined;
    const rec = headers as Record<string, string>;
    return rec[name] ?? rec[name.toLowerCase()];
  };
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const v = Number(read(name));
    if (read(name) !== undefined && Number.isFinite(v) && v >= 0) return v;
  }
  const raw = read('retry-after');
  if (raw === undefined || raw === '') return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Turns whatever the connector threw into a SendResult the outbox sender understands. */
export function classifySendError(err: unknown): SendResult {
  const e = (err ?? {}) as { statusCode?: unknown; status?: unknown; response?: { status?: unknown }; name?: unknown; code?: unknown; message?: unknown };
  const statusRaw = e.statusCode ?? e.status ?? e.response?.status;
  const status = typeof statusRaw === 'number' && statusRaw > 0 ? statusRaw : undefined;
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (status === undefined) {
    const timedOut = e.name === 'AbortError' || /aborted|timed? ?out/i.test(message);
    return { ok: false, error: timedOut ? 'timeout' : `network error: ${typeof e.code === 'string' ? e.code : message}`.slice(0, 300) };
  }
  const retryAfterMs = retryAfterMsOf(err);
  return {
    ok: false, status, final: FINAL_STATUSES.has(status), error: `HTTP ${status}: ${message}`.slice(0, 300),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

export function createMessenger(bot: Bot, services: Services, options: MessengerOptions = {}): Messenger {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const botAppId = services.config.BOT_ID ?? '';
  return {
    async send(message) {
      const stored = await services.conversations.byConversationId(message.conversationId);
      if (!stored) return { ok: false, final: true, error: `no stored conversation ${message.conversationId}` };
      const reference = stored.reference as Partial<ConversationReference>;
      const cards = message.cards ?? [];
      const activity = cards.length > 0
        ? MessageFactory.attachment(CardFactory.adaptiveCard(cards[0]), message.text)
        : MessageFactory.text(message.text ?? '');
      if (cards.length > 1) activity.attachments = cards.map((c) => CardFactory.adaptiveCard(c));

      let failure: unknown;
      let sent = false;
      const guard = new Promise<'guard'>((resolve) => { const t = setTimeout(() => resolve('guard'), timeoutMs + 5_000); t.unref(); });
      try {
        const outcome = await Promise.race([
          bot.adapter.continueConversationAsync(botAppId, reference, async (ctx) => {
            tuneConnectorClient(ctx, timeoutMs);
            // Caught here: an error escaping the callback would reach the adapter's turn error handler,
            // which would try to apologise into the very conversation that just failed.
            try { await ctx.sendActivity(activity); sent = true; } catch (err) { failure = err; }
          }).then(() => 'done' as const),
          guard,
        ]);
        if (outcome === 'guard' && !sent) return { ok: false, error: 'timeout' };
      } catch (err) {
        failure ??= err;
      }
      if (sent) return { ok: true, status: 200 };
      return classifySendError(failure ?? new Error('the connector did not accept the message'));
    },
  };
}
