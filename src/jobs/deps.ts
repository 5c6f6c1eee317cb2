// Job dependencies from the app's services (the runtime, the CLI and chat commands share this).
import type { Config } from '../config.js';
import { createWorkingCalendar } from '../domain/time/bank-holidays.js';
import type { Clock } from '../domain/time/clock.js';
import type { Logger } from '../log/logger.js';
import type { JobStores } from '../store/job-stores.js';
import type { JobDeps } from './types.js';

export function jobDeps(s: { config: Config; log: Logger; jobStores: JobStores }): JobDeps {
  return {
    stores: s.jobStores, config: s.config, log: s.log,
    calendar: createWorkingCalendar(s.config.EXTRA_BANK_HOLIDAYS),
    dataDir: s.config.DATA_DIR,
  };
}

/**
 * A clock for the sender that moves in real time from the app clock's "now". With CLOCK_NOW
 * pinned, queued rows (stamped with the pinned time) are due at once and retries still come due;
 * with the real clock it is the real clock.
 */
export function advancingClock(from: Clock, monotonic: () => number = () => performance.now()): Clock {
  const base = from.now().getTime();
  const started = monotonic();
  return { now: () => new Date(base + (monotonic() - started)) };
}
