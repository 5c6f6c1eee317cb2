// Starts the scheduler and the outbox sender inside the running bot. Every replica runs a sender
// (claims never overlap) unless SENDER=0; every replica runs the scheduler unless SCHEDULER=0
// (leases make one of them run each job's period).
import type { Config } from '../config.js';
import type { Clock } from '../domain/time/clock.js';
import type { Logger } from '../log/logger.js';
import type { JobStores } from '../store/job-stores.js';
import type { Messenger } from './messenger.js';
import { advancingClock, jobDeps } from './deps.js';
import { OutboxSender } from './outbox-sender.js';
import { jobRegistry } from './registry.js';
import { Scheduler } from './scheduler.js';
import type { JobDefinition } from './types.js';

export interface RunningJobs {
  stop(): Promise<void>;
  /** The sender, so callers that queue messages can ask for them to go now. */
  sender?: OutboxSender;
  scheduler?: Scheduler;
}

/** What the runtime hands the jobs (a subset of the app's services). */
export interface JobsHost { config: Config; clock: Clock; log: Logger; jobStores: JobStores }

export function startJobs(services: JobsHost, messenger: Messenger, registry: readonly JobDefinition[] = jobRegistry): RunningJobs {
  const { config, log } = services;
  const sender = new OutboxSender({
    stores: services.jobStores, messenger, log, clock: advancingClock(services.clock),
    ratePerSecond: config.SEND_RATE_PER_SECOND, maxAttempts: config.SEND_MAX_ATTEMPTS,
  });
  // SENDER=0 leaves queued messages for another replica, or for a test to deliver on purpose.
  const senderLoop = config.SENDER ? sender.run() : Promise.resolve();
  let scheduler: Scheduler | undefined;
  if (config.SCHEDULER) {
    scheduler = new Scheduler({ registry, deps: jobDeps(services), clock: services.clock, log, onQueued: () => sender.poke() });
    scheduler.start();
    log.info({ jobs: registry.map((j) => `${j.name} (${j.cron(config)})`) }, 'scheduler started');
  }
  return {
    sender,
    ...(scheduler ? { scheduler } : {}),
    async stop() {
      await scheduler?.stop();
      sender.stop();
      await senderLoop;
    },
  };
}
