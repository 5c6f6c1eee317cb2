// The outbox sender's throttle: the even pace, the rolling second and the per-conversation limits
// (send-pacing.ts), and what 429s do to them: each slows this sender at once; 429s that persist
// for seconds pause every sender through a shared lease row, for longer while they last.
import type { Logger } from '../log/logger.js';
import type { LeaseRepository } from '../store/leases.js';
import { DEFAULT_PAUSE, PAUSE_LEASE, type PauseOptions } from './outbox-sender-options.js';
import { ConversationLimiter, Pacer, RollingSecond } from './send-pacing.js';

export interface ThrottleOptions {
  ratePerSecond: number;
  perConversation: { perSecond: number; perThirtySeconds: number };
  pause?: PauseOptions;
  leases: LeaseRepository;
  holder: string;
  sleep: (ms: number) => Promise<void>;
  nowMs: () => number;
  log?: Logger;
}

/** A row's turn: it went (its send under way), or it is given back until a later time. */
export type Turn<T> = { go: true; sending: Promise<T> } | { go: false; atMs: number };

export class SendThrottle {
  private readonly limiter: ConversationLimiter;
  private readonly pacer: Pacer;
  private readonly second: RollingSecond;
  private readonly recent429: number[] = [];
  private readonly recentAttempts: number[] = [];
  private pauseLevel = 0;
  private last429 = 0;
  /** Until when every sender is paused, as last read or set (ms). */
  pausedUntilMs = 0;

  constructor(private readonly o: ThrottleOptions) {
    this.limiter = new ConversationLimiter(o.perConversation.perSecond, o.perConversation.perThirtySeconds);
    this.pacer = new Pacer(o.ratePerSecond);
    this.second = new RollingSecond(Math.max(1, Math.floor(o.ratePerSecond)));
  }

  /** The end of the shared pause (0 or a past time: none), read from the lease when ours has run out. */
  async pausedUntil(now: number): Promise<number> {
    if (this.pausedUntilMs > now) return this.pausedUntilMs;
    const lease = await this.o.leases.get(PAUSE_LEASE);
    this.pausedUntilMs = lease ? lease.expiresAt.getTime() : 0;
    return this.pausedUntilMs;
  }

  /**
   * Waits for this row's turn: the even pace first; then, at the moment of sending, this
   * conversation's limits and the rolling second (checked and recorded with no await in between).
   * A conversation more than a second from a free place gives its row back for later, as does a
   * pause, or a claim about to lapse (another sender may take the row over). `send` starts in the
   * same tick as the recording, so the limits hold for the times the messages really go.
   */
  async takeTurn<T>(conversationId: string, lockedUntilMs: number, lockMargin: number, send: () => Promise<T>): Promise<Turn<T>> {
    const paceWait = this.pacer.reserve(this.o.nowMs());
    if (paceWait > 0) await this.o.sleep(paceWait);
    let now = this.o.nowMs();
    for (;;) {
      const convWait = this.limiter.waitMs(conversationId, now);
      if (convWait > 1_000) return { go: false, atMs: now + convWait };
      const wait = Math.max(convWait, this.second.waitMs(now));
      if (wait <= 0) break;
      await this.o.sleep(wait);
      now = this.o.nowMs();
    }
    if (this.pausedUntilMs > now) return { go: false, atMs: this.pausedUntilMs };
    if (now > lockedUntilMs - lockMargin) return { go: false, atMs: now };
    this.limiter.record(conversationId, now);
    this.second.record(now);
    return { go: true, sending: send() };
  }

  /** An attempt was made (its answer came back at `atMs`). */
  attempted(atMs: number): void {
    this.recentAttempts.push(atMs);
    if (this.recentAttempts.length > 10_000) this.recentAttempts.splice(0, 5_000);
  }

  /** A success: the pace recovers a little; a calm half-minute ends the pause escalation. */
  succeeded(atMs: number): void {
    this.pacer.recover(atMs);
    this.second.limit = Math.max(1, Math.floor(this.pacer.current));
    if (this.pauseLevel > 0 && atMs - this.last429 > 30_000) this.pauseLevel = 0;
  }

  /** Records a 429: slows down; when they persist, pauses every sender. True when this one started a pause. */
  async throttled(atMs: number, retryAfterMs?: number): Promise<boolean> {
    const p = this.o.pause ?? DEFAULT_PAUSE;
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
    await this.o.leases.extendTo(PAUSE_LEASE, this.o.holder, new Date(this.pausedUntilMs), new Date(atMs));
    this.o.log?.warn({ pauseMs }, 'outbox: Teams keeps answering 429, pausing every sender');
    return true;
  }
}
