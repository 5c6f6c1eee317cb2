// The outbox sender's pacing: an even pace that slows on 429, at most N in any rolling second,
// and Teams' per-conversation limits. Pure, over times in milliseconds.

/**
 * Sliding-window limits per conversation (Teams: 7 a second, 60 in 30 seconds per bot per
 * conversation), over the times messages really went. Check and record with no await between, so
 * concurrent senders never both take the last place.
 */
export class ConversationLimiter {
  private readonly sent = new Map<string, number[]>();
  constructor(private readonly perSecond: number, private readonly perThirtySeconds: number) {}

  /** The earliest time one more message may go to this conversation. */
  private slot(times: readonly number[], nowMs: number): number {
    let at = nowMs;
    if (times.length >= this.perSecond) at = Math.max(at, times[times.length - this.perSecond]! + 1_000);
    if (times.length >= this.perThirtySeconds) at = Math.max(at, times[times.length - this.perThirtySeconds]! + 30_000);
    return at;
  }

  private recent(conversationId: string, nowMs: number): number[] {
    const times = (this.sent.get(conversationId) ?? []).filter((t) => t > nowMs - 30_000);
    this.sent.set(conversationId, times);
    return times;
  }

  /** Milliseconds until one more message may go to this conversation (0: now). */
  waitMs(conversationId: string, nowMs: number): number {
    return this.slot(this.recent(conversationId, nowMs), nowMs) - nowMs;
  }

  /** Records a send now (call straight after waitMs said 0, with no await in between). */
  record(conversationId: string, atMs: number): void {
    const times = this.sent.get(conversationId) ?? [];
    times.push(atMs);
    this.sent.set(conversationId, times);
    if (this.sent.size > 50_000) this.prune(atMs);
  }

  private prune(nowMs: number): void {
    for (const [k, v] of this.sent) if (!v.some((t) => t > nowMs - 30_000)) this.sent.delete(k);
  }
}

/**
 * Paces sends evenly (no bursts): each send reserves the next free slot. The pace starts at
 * `rate`; a 429 lowers it by a third (at most once a second: the answers to requests already in
 * flight are the same overload), and it climbs back by 5 % of `rate` per second without one.
 */
export class Pacer {
  private next = 0;
  private lastCut = -Infinity;
  private lastRise = 0;
  current: number;
  constructor(private readonly rate: number) { this.current = rate; }
  reserve(nowMs: number): number {
    const at = Math.max(nowMs, this.next);
    this.next = at + 1000 / this.current;
    return at - nowMs;
  }
  slowDown(nowMs: number): void {
    if (nowMs - this.lastCut < 1_000) return;
    this.current = Math.max(this.rate / 20, this.current * (2 / 3));
    this.lastCut = nowMs;
    this.lastRise = nowMs;
  }
  recover(nowMs: number): void {
    if (this.current >= this.rate) { this.lastRise = nowMs; return; }
    const elapsed = Math.max(0, nowMs - this.lastRise);
    this.current = Math.min(this.rate, this.current + (this.rate * 0.05 * elapsed) / 1000);
    this.lastRise = nowMs;
  }
}

/** At most `limit` sends in any rolling second, over the times they really went (a stalled event loop cannot release a burst). */
export class RollingSecond {
  private readonly times: number[] = [];
  constructor(public limit: number) {}
  waitMs(nowMs: number): number {
    while (this.times.length > 0 && this.times[0]! <= nowMs - 1_000) this.times.shift();
    return this.times.length < this.limit ? 0 : this.times[this.times.length - this.limit]! + 1_000 - nowMs;
  }
  record(atMs: number): void { this.times.push(atMs); }
}
