// What every scheduled job looks like. A job is one plain function: given the moment it runs,
// the period that run belongs to, and its dependencies, it queues outbox rows (never sends
// directly) and says what it queued. The scheduler, the CLI and the tests all call it the same way.
import type { Config } from '../config.js';
import type { WorkingCalendar } from '../domain/time/bank-holidays.js';
import type { Logger } from '../log/logger.js';
import type { JobStores } from '../store/job-stores.js';

export interface JobDeps {
  /** Repositories, built once by whoever starts the jobs: the jobs never query the database themselves. */
  stores: JobStores;
  config: Config;
  log: Logger;
  /** England and Wales working days plus EXTRA_BANK_HOLIDAYS. */
  calendar: WorkingCalendar;
  /** DATA_DIR: where files a job produces are kept (e.g. reports/). */
  dataDir: string;
}

export interface JobRun {
  /** The moment of this run (CLOCK_NOW honoured). */
  now: Date;
  /**
   * The period this run belongs to, e.g. '2026-11-23' (day) or '2026-W48' (week). Put it in every
   * outbox row's period so a second run of the same period (retry, restart, other replica, a run
   * moved off a bank holiday) queues nothing new.
   */
  period: string;
}

export interface JobResult {
  /** Outbox rows newly written by this run (duplicates of an earlier run are not counted). */
  queued: number;
  /** Messages this run wanted to send (queued + already queued before). */
  wanted: number;
  /** One line for logs and the CLI. */
  summary: string;
  details?: Record<string, unknown>;
}

/**
 * - 'day': every run on one London working day is the same period (a run moved from a bank holiday
 *   to the next working day merges with that day's own run).
 * - 'week': the ISO week of the scheduled (not the moved) day: a Monday digest moved to Tuesday is
 *   still that week's digest.
 * - 'occurrence': each scheduled time is its own period (frequent jobs such as meeting reminders).
 */
export type PeriodKind = 'day' | 'week' | 'occurrence';

export interface JobDefinition {
  /** The name used by `npm run job -- <name>`, in leases and in outbox rows. */
  name: string;
  /** One sentence for `npm run job -- --list` and logs. */
  description: string;
  /** The cron expression (Europe/London) from config. */
  cron(config: Config): string;
  /** Default 'day'. */
  period?: PeriodKind;
  /** Default true: nothing runs at weekends or on bank holidays; such a run moves to the next working day. */
  workingDaysOnly?: boolean;
  run(run: JobRun, deps: JobDeps): Promise<JobResult>;
}
