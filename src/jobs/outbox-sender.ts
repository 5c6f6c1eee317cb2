// The outbox sender: drains queued messages to Teams under Teams' limits.
//
// - Pace: SEND_RATE_PER_SECOND for the whole sender, evenly spaced and never more than that in any
//   rolling second (Teams allows 50 a second per app per tenant; the default is well below), and
//   per conversation at most 7 a second and 60 in 30 seconds.
// - Retries: 429 (after Retry-After when given), 408, 412, 5xx, timeouts and dropped connections,
//   with exponential backoff and jitter, up to SEND_MAX_ATTEMPTS; then the row fails with every
//   status code it saw. 400, 401, 403 (blocked, app disabled) and 404 are final at once.
// - A 429 slows this sender down at once (the pace drops by a third and recovers a little with
//   each success); 429s that persist for seconds despite that pause every sender (a shared lease
//   row) for a while, growing while they last.
// - Crash-safe: rows are claimed with a lock that expires; a row is marked sent straight after the
//   connector accepts it (within 5 ms, in one UPDATE with the others that succeeded then). A
//   sender that dies leaves its claimed rows to be claimed again: at least once to the connector,
//   exactly once unless the process dies in the instant between Teams' answer and that UPDATE.
//   If that UPDATE fails (the database went away), the sender remembers the rows and marks them
//   sent before it claims anything again, so a database outage does not send them twice.
// - A person the bot cannot reach yet (no personal chat): the message waits for them (see
//   src/store/outbox-waiting.ts) instead of failing.
// Time is injected (clock + sleep) so tests run without real waiting.
import crypto from 'node:crypto';
import type { Clock } from '../domain/time/clock.js';
import type { Logger } from '../log/logger.js';
import type { JobStores } from '../store/job-stores.js';
import type { LeaseRepository } from '../store/leases.js';
import type { OutboxSenderRepository, ClaimedMessage } from '../store/outbox-sender-repo.js';
import type { OutboxWaitingRepository } from '../store/outbox-waiting.js';
import type { Messenger, SendResult } from './messenger.js';
import { ConversationLimiter, Pacer, RollingSecond } from './send-pacing.js';

export { ConversationLimiter } from './send-pacing.js';

export const PAUSE_LEASE = 'outbox:pause';

export interface SenderOptions {
  stores: Pick<JobStores, 'sending' | 'leases' | 'waiting'>;
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
  pause?: { after: number; windowMs: number; spanMs: number; share: number; baseMs: number; maxMs: number };
  /** Poll interval when idle (the running bot). */
  idlePollMs?: number;
  holder?: string;
}

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

const emptyStats = (): DrainStats => ({ sent: 0, retried: 0, failed: 0, attempts: 0, throttled: 0, pauses: 0, released: 0, waiting: 0 });

/** Retryable unless the messenger or the status says otherwise. */
export function isRetryable(r: SendResult): boolean {
  if (r.ok) return false;
  if (r.final) return false;
  if (r.status === undefined) return true; // timeout, dropped connection
  if (r.status === 429 || r.status === 408 || r.status === 412) return true;
  return r.status >= 500;
}

export class OutboxSender {
  private readonly repo: OutboxSenderRepository;
  private readonly leases: LeaseRepository;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly limiter: ConversationLimiter;
  private readonly pacer: Pacer;
  private readonly second: RollingSecond;
  private readonly recent429: number[] = [];
  private readonly recentAttempts: number[] = [];
  private pauseLevel = 0;
  private last429 = 0;
  private pausedUntilMs = 0;
  private readonly conversationCache = new Map<string, { id: string; at: number }>();
  private readonly waitingRepo: OutboxWaitingRepository;
  /** Rows Teams accepted whose "sent" mark could not be written yet (id → when sent). */
  private readonly unmarked = new Map<number, Date>();
  private stopped = false;
  private wake: (() => void) | undefined;
  readonly holder: string;
  readonly totals: DrainStats = emptyStats();

  constructor(private readonly o: SenderOptions) {
    this.repo = o.stores.sending;
    this.leases = o.stores.leases;
    this.waitingRepo = o.stores.waiting;
    this.sleep = o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = o.random ?? Math.random;
    const pc = o.perConversation ?? { perSecond: 7, perThirtySeconds: 60 };
    this.limiter = new ConversationLimiter(pc.perSecond, pc.perThirtySeconds);
    this.pacer = new Pacer(o.ratePerSecond);
    this.second = new RollingSecond(Math.max(1, Math.floor(o.ratePerSecond)));
    this.holder = o.holder ?? `sender-${crypto.randomUUID().slice(0, 8)}`;
  }

  private get batchSize(): number { return this.o.batchSize ?? Math.max(5, Math.ceil(this.o.ratePerSecond * 3)); }
  private get lockMs(): number { return this.o.lockMs ?? 60_000; }
  private get concurrency(): number { return this.o.concurrency ?? Math.min(32, Math.max(1, Math.ceil(this.o.ratePerSecond / 5))); }
  private nowMs(): number { return this.o.clock.now().getTime(); }

  /** The exponential backoff with jitter for the attempt that just failed (1-based). */
  backoffMs(attempt: number, retryAfterMs?: number): number {
    const { baseMs, maxMs } = this.o.backoff ?? { baseMs: 2_000, maxMs: 15 * 60_000 };
    const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
    const jittered = exp / 2 + this.random() * (exp / 2); // "equal jitter": never sooner than half
    return Math.max(retryAfterMs ?? 0, Math.round(jittered));
  }

  /** Sends everything due now, then returns (rows retrying later stay queued). */
  async drainDue(): Promise<DrainStats> {
    const stats = emptyStats();
    // Before anything is claimed: rows already sent are marked so (never sent twice), and rows
    // waiting for a person who can now be reached go back in the queue.
    await this.markUnmarked();
    await this.waitingRepo.releaseReachable(new Date(this.nowMs()));
    for (;;) {
      if (this.stopped) break;
      const now = this.nowMs();
      const pause = await this.pausedUntil(now);
      if (pause > now) break;
      await this.repo.failAbandoned(new Date(now), this.o.maxAttempts);
      const claimed = await this.repo.claim(new Date(now), new Date(now + this.lockMs), this.batchSize, this.o.maxAttempts);
      if (claimed.length === 0) break;
      const batch = claimed.filter((r) => !this.unmarked.has(r.id));
      if (batch.length < claimed.length) await this.markUnmarked();
      await this.processBatch(batch, stats);
    }
    return stats;
  }

  /**
   * Sends until nothing is pending or in flight, waiting (through the injected sleep) for retries
   * and pauses. For the CLI, tests and benchmarks. Gives up after maxWaitMs of clock time.
   */
  async drainAll(maxWaitMs = 24 * 3_600_000): Promise<DrainStats> {
    const stats = emptyStats();
    const started = this.nowMs();
    for (;;) {
      const s = await this.drainDue();
      for (const k of Object.keys(stats) as (keyof DrainStats)[]) stats[k] += s[k];
      if (this.stopped) break;
      const { pending, inFlightUntil } = await this.repo.nextDue();
      if (!pending && !inFlightUntil) break;
      const now = this.nowMs();
      if (now - started > maxWaitMs) break;
      const pause = await this.pausedUntil(now);
      // Rows due later: sleep until then. Rows another sender is sending: look again shortly
      // (they usually finish long before their claim would expire).
      const poll = this.o.idlePollMs ?? 1_000;
      const untilPending = pending ? pending.getTime() - now : Infinity;
      const untilFlight = inFlightUntil ? Math.min(poll, inFlightUntil.getTime() - now) : Infinity;
      const wait = Math.max(Math.min(untilPending, untilFlight), pause - now, 0);
      if (wait > 0) await this.sleep(Math.min(wait, 60_000));
      else if (s.attempts + s.released + s.failed === 0) await this.sleep(10); // nothing moved: never spin
    }
    return stats;
  }

  /** The running bot: drain, then wait for more (or a nudge from a job that just queued). */
  async run(): Promise<void> {
    while (!this.stopped) {
      try {
        await this.drainDue();
      } catch (err) {
        this.o.log?.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'outbox sender: drain failed, trying again shortly');
      }
      if (this.stopped) break;
      let wait = this.o.idlePollMs ?? 2_000;
      const pause = this.pausedUntilMs - this.nowMs();
      if (pause > 0) wait = Math.max(wait, Math.min(pause, 60_000));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait);
        this.wake = () => { clearTimeout(t); resolve(); };
      });
      this.wake = undefined;
    }
  }

  /** Writes the "sent" marks that failed earlier; throws (and keeps them) while the database is away. */
  private async markUnmarked(): Promise<void> {
    if (this.unmarked.size === 0) return;
    const rows = [...this.unmarked].map(([id, at]) => ({ id, at }));
    await this.repo.markSentMany(rows);
    for (const r of rows) this.unmarked.delete(r.id);
    this.o.log?.info({ rows: rows.length }, 'outbox: sent messages marked after the database came back');
  }

  /** Rows sent whose mark is still to be written (tests, shutdown). */
  get unmarkedCount(): number { return this.unmarked.size; }

  /** Starts the next drain now rather than at the next poll. */
  poke(): void { this.wake?.(); }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private async pausedUntil(now: number): Promise<number> {
    if (this.pausedUntilMs > now) return this.pausedUntilMs;
    const lease = await this.leases.get(PAUSE_LEASE);
    this.pausedUntilMs = lease ? lease.expiresAt.getTime() : 0;
    return this.pausedUntilMs;
  }

  private async resolveConversation(row: ClaimedMessage): Promise<string | null> {
    if (row.conversationId) return row.conversationId;
    const personKey = row.recipientKey.startsWith('person:') ? row.recipientKey.slice('person:'.length) : null;
    if (!personKey) return null;
    const now = this.nowMs();
    const hit = this.conversationCache.get(personKey);
    if (hit && now - hit.at < 60_000) return hit.id;
    const id = await this.repo.personalConversationId(personKey);
    // Only answers are kept: "no chat yet" may change with the person's next message.
    if (id) this.conversationCache.set(personKey, { id, at: now });
    if (this.conversationCache.size > 50_000) this.conversationCache.clear();
    return id;
  }

  private async processBatch(batch: ClaimedMessage[], stats: DrainStats): Promise<void> {
    let index = 0;
    const worker = async () => {
      while (index < batch.length) {
        const row = batch[index++]!;
        await this.processRow(row, stats);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, batch.length) }, worker));
  }

  private async processRow(row: ClaimedMessage, stats: DrainStats): Promise<void> {
    const lockMargin = Math.min(10_000, this.lockMs / 4);
    const give = async (atMs: number) => {
      await this.repo.release([row.id], new Date(atMs));
      stats.released++; this.totals.released++;
    };
    if (this.stopped) { await give(this.nowMs()); return; }

    const conversationId = await this.resolveConversation(row);
    if (!conversationId) {
      if (!row.recipientKey.startsWith('person:')) {
        await this.repo.markFailed(row.id, null, `unreachable: no stored conversation ${row.recipientKey}`);
        stats.failed++; this.totals.failed++;
        return;
      }
      await this.waitingRepo.markWaiting(row.id, `waiting: ${row.recipientKey.slice('person:'.length)} has no personal chat with the bot yet (install the app for them, or ask them to write to it)`);
      stats.waiting++; this.totals.waiting++;
      return;
    }

    // The even pace first; then, at the moment of sending, this conversation's limits and the
    // rolling second (checked and recorded with no await in between). A conversation that is
    // more than a second from a free place gives its row back for later.
    const paceWait = this.pacer.reserve(this.nowMs());
    if (paceWait > 0) await this.sleep(paceWait);
    let now = this.nowMs();
    for (;;) {
      const convWait = this.limiter.waitMs(conversationId, now);
      if (convWait > 1_000) { await give(now + convWait); return; }
      const wait = Math.max(convWait, this.second.waitMs(now));
      if (wait <= 0) break;
      await this.sleep(wait);
      now = this.nowMs();
    }
    if (this.pausedUntilMs > now) { await give(this.pausedUntilMs); return; }
    // Never send a row whose claim is about to lapse: another sender may take it over.
    if (now > row.lockedUntil.getTime() - lockMargin) { await give(now); return; }
    this.limiter.record(conversationId, now);
    this.second.record(now);

    let result: SendResult;
    try {
      result = await this.o.messenger.send({ conversationId, ...row.payload });
    } catch (err) {
      result = { ok: false, error: `send threw: ${err instanceof Error ? err.message : String(err)}` };
    }
    stats.attempts++; this.totals.attempts++;
    const at = this.nowMs();
    this.recentAttempts.push(at);
    if (this.recentAttempts.length > 10_000) this.recentAttempts.splice(0, 5_000);

    if (result.ok) {
      stats.sent++; this.totals.sent++;
      try {
        await this.repo.markSentSoon(row.id, new Date(at));
      } catch (err) {
        // Sent, but not marked: remember it, so it is marked (not sent again) once the database is back.
        this.unmarked.set(row.id, new Date(at));
        throw err;
      }
      this.pacer.recover(at);
      this.second.limit = Math.max(1, Math.floor(this.pacer.current));
      if (this.pauseLevel > 0 && at - this.last429 > 30_000) this.pauseLevel = 0;
      return;
    }

    const code = result.status ?? 0;
    const error = result.error ?? (code ? `HTTP ${code}` : 'no answer');
    if (code === 429) {
      stats.throttled++; this.totals.throttled++;
      if (await this.note429(at, result.retryAfterMs)) { stats.pauses++; this.totals.pauses++; }
    }
    const attempt = row.attempts + 1;
    if (isRetryable(result) && attempt < this.o.maxAttempts) {
      const delay = this.backoffMs(attempt, result.retryAfterMs);
      await this.repo.markRetry(row.id, new Date(at + delay), code, error);
      stats.retried++; this.totals.retried++;
      this.o.log?.debug({ id: row.id, status: code, attempt, delayMs: delay }, 'outbox: will retry');
    } else {
      const why = isRetryable(result) ? `gave up after ${attempt} attempts: ${error}` : error;
      await this.repo.markFailed(row.id, code, why);
      stats.failed++; this.totals.failed++;
      this.o.log?.warn({ id: row.id, job: row.job, kind: row.kind, status: code, attempts: attempt }, 'outbox: message failed');
    }
  }

  /** Records a 429: slows down; when they persist, pauses every sender. True when this one started a pause. */
  private async note429(atMs: number, retryAfterMs?: number): Promise<boolean> {
    const p = this.o.pause ?? { after: 5, windowMs: 10_000, spanMs: 2_000, share: 0.2, baseMs: 5_000, maxMs: 5 * 60_000 };
    this.pacer.slowDown(atMs);
    this.second.limit = Math.max(1, Math.floor(this.pacer.current));
    this.last429 = atMs;
    this.recent429.push(atMs);
    while (this.recent429.length > 0 && this.recent429[0]! <= atMs - p.windowMs) this.recent429.shift();
    while (this.recentAttempts.length > 0 && this.recentAttempts[0]! <= atMs - p.windowMs) this.recentAttempts.shift();
    if (this.recent429.length < p.after || atMs - this.recent429[0]! < p.spanMs) return false;
    if (this.recent429.length < p.share * this.recentAttempts.length) return false;
    const pauseMs = Math.max(retryAfterMs ?? 0, Math.min(p.maxMs, p.baseMs * 2 ** this.pauseLevel));
    this.pauseLevel++;
    this.recent429.length = 0;
    this.pausedUntilMs = Math.max(this.pausedUntilMs, atMs + pauseMs);
    await this.leases.extendTo(PAUSE_LEASE, this.holder, new Date(this.pausedUntilMs), new Date(atMs));
    this.o.log?.warn({ pauseMs }, 'outbox: Teams keeps answering 429, pausing every sender');
    return true;
  }
}
