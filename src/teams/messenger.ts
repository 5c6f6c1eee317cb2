// Proactive sending for jobs and notifications: the Teams implementation of the jobs' Messenger
// (src/jobs/messenger.ts), so the jobs never import Teams.
//
// One send is one HTTP request to the connector and nothing more. The Bot Framework connector
// client normally retries on its own (429 with Retry-After, 5xx, dropped connections) while the
// caller waits; that would hide attempts from the outbox's accounting, ignore the shared pause
// and, after a timeout, risk a second copy. So the client's retry policy is removed for these
// sends and a per-request timeout is added: the outbox sender owns every retry.
import { CardFactory, MessageFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { Messenger, OutgoingMessage, SendResult } from '../jobs/messenger.js';
import type { Bot } from './app.js';
import type { Services } from './services.js';

export type { Messenger, OutgoingMessage, SendResult };

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

type ConnectorLike = { client?: { pipeline?: PipelineLike } };

/** Removes the connector client's own retries and sets a request timeout on it. */
function tune(client: ConnectorLike, timeoutMs: number): void {
  const pipeline = client.client?.pipeline;
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

/**
 * The adapter makes a new connector client (and so a new HTTP connection) for every proactive
 * turn. The first client made for a service URL is tuned and kept; later turns to that service URL
 * use it, so sends reuse one kept-alive connection (about ten times faster).
 */
function useKeptClient(ctx: TurnContext, kept: Map<string, ConnectorLike>, timeoutMs: number): void {
  const key = (ctx.adapter as unknown as { ConnectorClientKey?: symbol }).ConnectorClientKey;
  if (!key) return;
  const serviceUrl = ctx.activity.serviceUrl ?? '';
  let client = kept.get(serviceUrl);
  if (!client) {
    client = ctx.turnState.get(key) as ConnectorLike | undefined;
    if (!client) return;
    tune(client, timeoutMs);
    if (kept.size > 100) kept.clear();
    kept.set(serviceUrl, client);
  }
  ctx.turnState.set(key, client);
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
  const kept = new Map<string, ConnectorLike>();
  // References change rarely (re-install, new service URL): keep them for a minute.
  const references = new Map<string, { at: number; reference: Partial<ConversationReference> | null }>();
  const referenceFor = async (conversationId: string) => {
    const hit = references.get(conversationId);
    if (hit && Date.now() - hit.at < 60_000) return hit.reference;
    const stored = await services.conversations.byConversationId(conversationId);
    const reference = stored ? stored.reference as Partial<ConversationReference> : null;
    if (references.size > 20_000) references.clear();
    // "Not stored" is not kept: the conversation may be captured a moment later.
    if (reference) references.set(conversationId, { at: Date.now(), reference });
    return reference;
  };
  return {
    async send(message) {
      const reference = await referenceFor(message.conversationId);
      if (!reference) return { ok: false, final: true, error: `no stored conversation ${message.conversationId}` };
      const cards = message.cards ?? [];
      const activity = cards.length > 0
        ? MessageFactory.attachment(CardFactory.adaptiveCard(cards[0]), message.text)
        : MessageFactory.text(message.text ?? '');
      if (cards.length > 1) activity.attachments = cards.map((c) => CardFactory.adaptiveCard(c));

      let failure: unknown;
      let sent = false;
      let timer: NodeJS.Timeout | undefined;
      const guard = new Promise<'guard'>((resolve) => { timer = setTimeout(() => resolve('guard'), timeoutMs + 5_000); timer.unref(); });
      try {
        const outcome = await Promise.race([
          bot.adapter.continueConversationAsync(botAppId, reference, async (ctx) => {
            useKeptClient(ctx, kept, timeoutMs);
            // Caught here: an error escaping the callback would reach the adapter's turn error handler,
            // which would try to apologise into the very conversation that just failed.
            try { await ctx.sendActivity(activity); sent = true; } catch (err) { failure = err; }
          }).then(() => 'done' as const),
          guard,
        ]);
        if (outcome === 'guard' && !sent) return { ok: false, error: 'timeout' };
      } catch (err) {
        failure ??= err;
      } finally {
        clearTimeout(timer);
      }
      if (sent) return { ok: true, status: 200 };
      if (isGone(failure)) references.delete(message.conversationId);
      return classifySendError(failure ?? new Error('the connector did not accept the message'));
    },
  };
}

function isGone(err: unknown): boolean {
  const status = (err as { statusCode?: unknown } | null)?.statusCode;
  return status === 403 || status === 404;
}
