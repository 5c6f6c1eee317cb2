// The scheduler: a node-cron tick every minute (Europe/London) asks, for each job in the
// registry, "is a run due now, and which period is it?" (src/jobs/schedule.ts). A due run takes
// the lease `job:<name>:<period>` in the database, so only one replica runs it; the lease is
// renewed while the run lasts and expires if its holder dies, letting another replica take over
// (the outbox's dedup keys make the re-run queue nothing twice). A finished run settles the lease
// as done until well after the period; a failed run is retried after a few minutes.
import crypto from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Clock } from '../domain/time/clock.js';
import type { Logger } from '../log/logger.js';
import type { LeaseRepository } from '../store/leases.js';
import { dueOccurrence, type ScheduleOptions } from './schedule.js';
import type { JobDefinition, JobDeps, JobResult } from './types.js';

export interface SchedulerOptions {
  registry: readonly JobDefinition[];
  deps: JobDeps;
  clock: Clock;
  log?: Logger;
  holder?: string;
  /** How long a running job's lease lasts without renewal (default 10 minutes). */
  leaseTtlMs?: number;
  /** How long a finished period stays marked done (default: 2 days for day and occurrence periods, 9 for weeks: past any catch-up). */
  doneForMs?: number;
  /** How long after a failure the period is tried again (default 5 minutes). */
  retryAfterFailureMs?: number;
  /** Called after a run queued something (the sender starts at once). */
  onQueued?: (job: string, result: JobResult) => void;
}

export type RunOutcome =
  | { job: string; period: string; outcome: 'ran'; result: JobResult }
  | { job: string; period: string; outcome: 'held' }
  | { job: string; period: string; outcome: 'failed'; error: string };

export function leaseName(job: string, period: string): string {
  return `job:${job}:${period}`;
}

export function scheduleOptions(job: JobDefinition, deps: Pick<JobDeps, 'calendar'>): ScheduleOptions {
  return { period: job.period ?? 'day', workingDaysOnly: job.workingDaysOnly ?? true, calendar: deps.calendar };
}

export class Scheduler {
  readonly holder: string;
  private readonly leases: LeaseRepository;
  private task: ScheduledTask | undefined;
  private inFlight: Promise<unknown> = Promise.resolve();
  private lastPrune = 0;

  constructor(private readonly o: SchedulerOptions) {
    this.holder = o.holder ?? `scheduler-${crypto.randomUUID().slice(0, 8)}`;
    this.leases = o.deps.stores.leases;
  }

  /** Runs every job due at `now` whose period nobody has run (or is running). */
  async tick(now: Date = this.o.clock.now()): Promise<RunOutcome[]> {
    const out: RunOutcome[] = [];
    for (const job of this.o.registry) {
      let due;
      try {
        due = dueOccurrence(job.cron(this.o.deps.config), now, scheduleOptions(job, this.o.deps));
      } catch (err) {
        this.o.log?.error({ job: job.name, err: { message: String(err) } }, 'scheduler: bad schedule');
        continue;
      }
      if (!due) continue;
      out.push(await this.runPeriod(job, due.period, now));
    }
    if (now.getTime() - this.lastPrune > 3_600_000) {
      this.lastPrune = now.getTime();
      await this.leases.prune(new Date(now.getTime() - 86_400_000), 'job:').catch(() => 0);
    }
    return out;
  }

  /** Runs one job for one period under its lease. 'held': another replica has it (or it is done). */
  async runPeriod(job: JobDefinition, period: string, now: Date): Promise<RunOutcome> {
    const name = leaseName(job.name, period);
    const ttl = this.o.leaseTtlMs ?? 10 * 60_000;
    if (!(await this.leases.acquire(name, this.holder, now, ttl))) return { job: job.name, period, outcome: 'held' };
    const heartbeat = setInterval(() => {
      this.leases.renew(name, this.holder, this.o.clock.now(), ttl).catch(() => undefined);
    }, Math.max(1_000, ttl / 3));
    heartbeat.unref();
    try {
      const result = await job.run({ now, period }, this.o.deps);
      clearInterval(heartbeat);
      await this.leases.settle(name, this.holder, `done:${this.holder}`, new Date(now.getTime() + (this.o.doneForMs ?? (job.period === 'week' ? 9 : 2) * 86_400_000)));
      this.o.log?.info({ job: job.name, period, queued: result.queued, wanted: result.wanted }, result.summary);
      if (result.queued > 0) this.o.onQueued?.(job.name, result);
      return { job: job.name, period, outcome: 'ran', result };
    } catch (err) {
      clearInterval(heartbeat);
      const message = err instanceof Error ? err.message : String(err);
      await this.leases.settle(name, this.holder, `failed:${this.holder}`, new Date(now.getTime() + (this.o.retryAfterFailureMs ?? 5 * 60_000))).catch(() => false);
      this.o.log?.error({ job: job.name, period, err: { message } }, 'scheduler: job failed; it will be tried again');
      return { job: job.name, period, outcome: 'failed', error: message };
    }
  }

  /** Ticks every minute (and once now, to catch up a run missed while the bot was down). */
  start(): void {
    const tick = () => {
      const p = this.tick().catch((err: unknown) => {
        this.o.log?.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'scheduler: tick failed');
        return [];
      });
      this.inFlight = p;
      return p;
    };
    this.task = cron.schedule('* * * * *', tick, { timezone: 'Europe/London', name: 'partnership-scheduler', noOverlap: true });
    void tick();
  }

  async stop(): Promise<void> {
    if (this.task) {
      await this.task.stop();
      await this.task.destroy();
      this.task = undefined;
    }
    await this.inFlight.catch(() => undefined);
  }
}
