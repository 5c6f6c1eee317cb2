// The outbox sender's settings and counters, its defaults, and which answers are worth retrying.
import type { Clock } from '../domain/time/clock.js';
import type { Logger } from '../log/logger.js';
import type { Db } from '../store/database.js';
import type { Messenger, SendResult } from '../teams/messenger.js';

/** The lease row whose expiry pauses every sender while Teams keeps answering 429. */
export const PAUSE_LEASE = 'outbox:pause';

export interface PauseOptions { after: number; windowMs: number; spanMs: number; share: number; baseMs: number; maxMs: number }

export interface SenderOptions {
  db: Db;
  messenger: Messenger;
  clock: Clock;
  log?: Logger;
  /** Real waiting by default; tests pass one that moves a manual clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source, [0, 1). */
  random?: () => number;
  ratePerSecond: number;
  maxAttempts: number;
  /** Rows claimed at a time (default: about three seconds of sending). */
  batchSize?: number;
  /** How long a claim holds (default 60 s); a crashed sender's rows are retried after it. */
  lockMs?: number;
  /** Sends in flight at once (default grows with the rate: 1 up to 5 a second). */
  concurrency?: number;
  perConversation?: { perSecond: number; perThirtySeconds: number };
  backoff?: { baseMs: number; maxMs: number };
  /**
   * 429s that pause every sender: at least `after` within windowMs, at least `share` of the
   * attempts in that window, spread over at least spanMs (one burst of in-flight requests, or a
   * few among hundreds of successes, is not "persisting"); the pause lasts baseMs, doubling while
   * they persist, up to maxMs.
   */
  pause?: PauseOptions;
  /** Poll interval when idle (the running bot). */
  idlePollMs?: number;
  /** How long the one-sender-at-a-time lease lasts unrenewed (default 30 s); see drain-lease.ts. */
  drainLeaseMs?: number;
  holder?: string;
}

export const DEFAULT_PAUSE: PauseOptions = { after: 5, windowMs: 10_000, spanMs: 2_000, share: 0.2, baseMs: 5_000, maxMs: 5 * 60_000 };
export const DEFAULT_PER_CONVERSATION = { perSecond: 7, perThirtySeconds: 60 };
export const DEFAULT_BACKOFF = { baseMs: 2_000, maxMs: 15 * 60_000 };

export interface DrainStats {
  sent: number;
  retried: number;
  failed: number;
  /** HTTP requests made (one per send call). */
  attempts: number;
  throttled: number;
  pauses: number;
  /** Claimed rows given back without an attempt (conversation limit, pause, lock nearly out). */
  released: number;
  /** Rows parked for a person the bot cannot reach yet. */
  waiting: number;
}

export const emptyStats = (): DrainStats => ({ sent: 0, retried: 0, failed: 0, attempts: 0, throttled: 0, pauses: 0, released: 0, waiting: 0 });

/** Retryable unless the messenger or the status says otherwise. */
export function isRetryable(r: SendResult): boolean {
  if (r.ok) return false;
  if (r.final) return false;
  if (r.status === undefined) return true; // timeout, dropped connection
  if (r.status === 429 || r.status === 408 || r.status === 412) return true;
  return r.status >= 500;
}
