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
// - One sender at a time: with several replicas, the one holding the drain lease sends and the
//   others stand by (src/jobs/drain-lease.ts), so the limits above hold for the bot as a whole.
// - A person the bot cannot reach yet (no personal chat): the message waits for them (see
//   src/store/outbox-waiting.ts) instead of failing.
// Time is injected (clock + sleep) so tests run without real waiting.
import crypto from 'node:crypto';
import { LeaseRepository } from '../store/leases.js';
import { OutboxSenderRepository, type ClaimedMessage } from '../store/outbox-sender-repo.js';
import { OutboxWaitingRepository } from '../store/outbox-waiting.js';
import type { SendResult } from '../teams/messenger.js';
import {
  DEFAULT_BACKOFF, DEFAULT_PER_CONVERSATION, emptyStats, isRetryable, type DrainStats, type SenderOptions,
} from './outbox-sender-options.js';
import { DrainLease } from './drain-lease.js';
import { SendThrottle } from './send-throttle.js';

export { ConversationLimiter } from './send-pacing.js';
export { PAUSE_LEASE, isRetryable, type DrainStats, type SenderOptions } from './outbox-sender-options.js';

export class OutboxSender {
  private readonly repo: OutboxSenderRepository;
  private readonly leases: LeaseRepository;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly throttle: SendThrottle;
  private readonly conversationCache = new Map<string, { id: string; at: number }>();
  private readonly waitingRepo: OutboxWaitingRepository;
  /** Rows Teams accepted whose "sent" mark could not be written yet (id → when sent). */
  private readonly unmarked = new Map<number, Date>();
  private stopped = false;
  private readonly drainLease: DrainLease;
  /** True while another sender holds the drain lease and this one waits to take over. */
  private standingByNow = false;
  private wake: (() => void) | undefined;
  readonly holder: string;
  readonly totals: DrainStats = emptyStats();

  constructor(private readonly o: SenderOptions) {
    this.repo = new OutboxSenderRepository(o.db);
    this.leases = new LeaseRepository(o.db);
    this.waitingRepo = new OutboxWaitingRepository(o.db);
    this.sleep = o.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = o.random ?? Math.random;
    this.holder = o.holder ?? `sender-${crypto.randomUUID().slice(0, 8)}`;
    this.drainLease = new DrainLease(this.leases, this.holder, o.drainLeaseMs);
    this.throttle = new SendThrottle({
      ratePerSecond: o.ratePerSecond, perConversation: o.perConversation ?? DEFAULT_PER_CONVERSATION, pause: o.pause,
      leases: this.leases, holder: this.holder, sleep: this.sleep, nowMs: () => this.nowMs(), log: o.log,
    });
  }

  private get batchSize(): number { return this.o.batchSize ?? Math.max(5, Math.ceil(this.o.ratePerSecond * 3)); }
  private get lockMs(): number { return this.o.lockMs ?? 60_000; }
  private get concurrency(): number { return this.o.concurrency ?? Math.min(32, Math.max(1, Math.ceil(this.o.ratePerSecond / 5))); }
  private nowMs(): number { return this.o.clock.now().getTime(); }

  /** The exponential backoff with jitter for the attempt that just failed (1-based). */
  backoffMs(attempt: number, retryAfterMs?: number): number {
    const { baseMs, maxMs } = this.o.backoff ?? DEFAULT_BACKOFF;
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
      this.standingByNow = !(await this.drainLease.hold(now));
      if (this.standingByNow) break;
      const pause = await this.throttle.pausedUntil(now);
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
      if (this.stopped || this.nowMs() - started > maxWaitMs) break;
      if (this.standingByNow) { await this.sleep(this.o.idlePollMs ?? 1_000); continue; }
      const { pending, inFlightUntil } = await this.repo.nextDue();
      if (!pending && !inFlightUntil) break;
      const now = this.nowMs();
      if (now - started > maxWaitMs) break;
      const pause = await this.throttle.pausedUntil(now);
      // Rows due later: sleep until then. Rows another sender is sending: look again shortly
      // (they usually finish long before their claim would expire).
      const poll = this.o.idlePollMs ?? 1_000;
      const untilPending = pending ? pending.getTime() - now : Infinity;
      const untilFlight = inFlightUntil ? Math.min(poll, inFlightUntil.getTime() - now) : Infinity;
      const wait = Math.max(Math.min(untilPending, untilFlight), pause - now, 0);
      if (wait > 0) await this.sleep(Math.min(wait, 60_000));
      else if (s.attempts + s.released + s.failed === 0) await this.sleep(10); // nothing moved: never spin
    }
    await this.drainLease.release(this.nowMs());
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
      const pause = this.throttle.pausedUntilMs - this.nowMs();
      if (pause > 0) wait = Math.max(wait, Math.min(pause, 60_000));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, wait);
        this.wake = () => { clearTimeout(t); resolve(); };
      });
      this.wake = undefined;
    }
    await this.drainLease.release(this.nowMs()).catch(() => undefined);
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

  /** True when the last drain found another sender holding the drain lease (this one stood by). */
  get standingBy(): boolean { return this.standingByNow; }

  /** Hands the drain lease back, so that a standing-by sender (the running bot) takes over at once. */
  async handOver(): Promise<void> { await this.drainLease.release(this.nowMs()); }

  /** Starts the next drain now rather than at the next poll. */
  poke(): void { this.wake?.(); }

  stop(): void {
    this.stopped = true;
    this.wake?.();
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

  private count(stats: DrainStats, key: keyof DrainStats): void {
    stats[key]++;
    this.totals[key]++;
  }

  private async processRow(row: ClaimedMessage, stats: DrainStats): Promise<void> {
    const lockMargin = Math.min(10_000, this.lockMs / 4);
    const give = async (atMs: number) => {
      await this.repo.release([row.id], new Date(atMs));
      this.count(stats, 'released');
    };
    if (this.stopped) { await give(this.nowMs()); return; }

    const conversationId = await this.resolveConversation(row);
    if (!conversationId) { await this.unreachable(row, stats); return; }
    // Only the lease holder sends (renewed here without a round trip most of the time): a sender
    // that lost it mid-batch gives its rows back rather than send beside the new holder.
    if (!(await this.drainLease.hold(this.nowMs()))) { await give(this.nowMs()); return; }
    const turn = await this.throttle.takeTurn(conversationId, row.lockedUntil.getTime(), lockMargin, () => this.send(conversationId, row));
    if (!turn.go) { await give(turn.atMs); return; }
    const { result, at } = await turn.sending;
    this.count(stats, 'attempts');
    this.throttle.attempted(at);

    if (result.ok) {
      this.count(stats, 'sent');
      try {
        await this.repo.markSentSoon(row.id, new Date(at));
      } catch (err) {
        // Sent, but not marked: remember it, so it is marked (not sent again) once the database is back.
        this.unmarked.set(row.id, new Date(at));
        throw err;
      }
      this.throttle.succeeded(at);
      return;
    }
    await this.failedAttempt(row, result, at, stats);
  }

  /** One attempt and when its answer came; a messenger that throws counts as a failed send. */
  private async send(conversationId: string, row: ClaimedMessage): Promise<{ result: SendResult; at: number }> {
    let result: SendResult;
    try {
      result = await this.o.messenger.send({ conversationId, ...row.payload });
    } catch (err) {
      result = { ok: false, error: `send threw: ${err instanceof Error ? err.message : String(err)}` };
    }
    return { result, at: this.nowMs() };
  }

  /** No conversation for the row: a person waits until the bot can reach them; anything else fails. */
  private async unreachable(row: ClaimedMessage, stats: DrainStats): Promise<void> {
    if (!row.recipientKey.startsWith('person:')) {
      await this.repo.markFailed(row.id, null, `unreachable: no stored conversation ${row.recipientKey}`);
      this.count(stats, 'failed');
      return;
    }
    await this.waitingRepo.markWaiting(row.id, `waiting: ${row.recipientKey.slice('person:'.length)} has no personal chat with the bot yet (install the app for them, or ask them to write to it)`);
    this.count(stats, 'waiting');
  }

  /** A send that did not succeed: retried later with backoff, or failed for good. */
  private async failedAttempt(row: ClaimedMessage, result: SendResult, at: number, stats: DrainStats): Promise<void> {
    const code = result.status ?? 0;
    const error = result.error ?? (code ? `HTTP ${code}` : 'no answer');
    if (code === 429) {
      this.count(stats, 'throttled');
      if (await this.throttle.throttled(at, result.retryAfterMs)) this.count(stats, 'pauses');
    }
    const attempt = row.attempts + 1;
    if (isRetryable(result) && attempt < this.o.maxAttempts) {
      const delay = this.backoffMs(attempt, result.retryAfterMs);
      await this.repo.markRetry(row.id, new Date(at + delay), code, error);
      this.count(stats, 'retried');
      this.o.log?.debug({ id: row.id, status: code, attempt, delayMs: delay }, 'outbox: will retry');
    } else {
      const why = isRetryable(result) ? `gave up after ${attempt} attempts: ${error}` : error;
      await this.repo.markFailed(row.id, code, why);
      this.count(stats, 'failed');
      this.o.log?.warn({ id: row.id, job: row.job, kind: row.kind, status: code, attempts: attempt }, 'outbox: message failed');
    }
  }
}
