// Starts the scheduler and the outbox sender inside the running bot.
import type { Messenger } from '../teams/messenger.js';
import type { Services } from '../teams/services.js';

export interface RunningJobs { stop(): Promise<void> }

export function startJobs(_services: Services, _messenger: Messenger): RunningJobs {
  return { stop: async () => undefined };
}
