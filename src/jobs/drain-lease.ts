// One sender at a time, whatever the number of replicas. Teams' limits (the tenant-wide rate, and
// per conversation 7 a second and 60 in 30 seconds) apply to the bot, not to a process; each
// sender keeps its pacing in memory, so two senders draining together could each stay within the
// limits and still exceed them together. The sender that holds this lease drains; the others
// stand by and take over when it stops (it hands the lease back) or dies (the lease expires).
import type { LeaseRepository } from '../store/leases.js';

export const DRAIN_LEASE = 'outbox:drain';

export class DrainLease {
  private heldUntilMs = 0;
  private renewedAtMs = 0;

  constructor(
    private readonly leases: LeaseRepository,
    private readonly holder: string,
    /** How long the lease lasts without renewal: the longest a dead sender blocks the others. */
    private readonly ttlMs = 30_000,
  ) {}

  /**
   * True when this sender may send now: it holds the lease, renewed when a third of its time has
   * gone (so a database round trip is not paid per batch), or has just taken a free or lapsed one.
   */
  async hold(nowMs: number): Promise<boolean> {
    if (this.heldUntilMs > nowMs && nowMs - this.renewedAtMs < this.ttlMs / 3) return true;
    // The sender's workers all ask at once when a renewal falls due: one round trip answers them all.
    this.asking ??= this.ask(nowMs).finally(() => { this.asking = undefined; });
    return this.asking;
  }

  private asking: Promise<boolean> | undefined;

  private async ask(nowMs: number): Promise<boolean> {
    const now = new Date(nowMs);
    if (this.heldUntilMs > nowMs) {
      if (await this.leases.renew(DRAIN_LEASE, this.holder, now, this.ttlMs)) return this.held(nowMs);
      this.heldUntilMs = 0; // lost it (it lapsed and another sender took it)
    }
    if (await this.leases.acquire(DRAIN_LEASE, this.holder, now, this.ttlMs)) return this.held(nowMs);
    return false;
  }

  private held(nowMs: number): true {
    this.renewedAtMs = nowMs;
    this.heldUntilMs = nowMs + this.ttlMs;
    return true;
  }

  /** Hands the lease back (on stop), so that a standing-by sender takes over at its next look. */
  async release(nowMs: number): Promise<void> {
    if (this.heldUntilMs <= nowMs) return;
    this.heldUntilMs = 0;
    await this.leases.settle(DRAIN_LEASE, this.holder, this.holder, new Date(nowMs));
  }

}
