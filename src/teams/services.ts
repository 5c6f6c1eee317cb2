// What the Teams edge needs from the rest of the app, built once in src/runtime.ts.
import type { Config } from '../config.js';
import type { Flows } from '../flows/index.js';
import type { Answer, Asker } from '../ask/context.js';
import type { FoundActions } from '../ask/find-actions.js';
import type { PlanExamples } from '../domain/phrasing/welcome.js';
import type { Clock } from '../domain/time/clock.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/database.js';
import type { ConversationRepository } from '../store/conversations.js';
import type { JobStores } from '../store/job-stores.js';
import type { PeopleRepository } from '../store/people.js';

// An answer model: one plain sentence (or a few) and Adaptive Card JSON objects.
export type { Answer, Asker };

export interface Services {
  config: Config;
  clock: Clock;
  log: Logger;
  store: Store;
  people: PeopleRepository;
  conversations: ConversationRepository;
  /** The use cases (src/flows), built once in the runtime over the repositories. */
  flows: Flows;
  /** The jobs' and reports' repositories (built once in src/runtime.ts). */
  jobStores: JobStores;
  /** Question understanding (src/ask), injected so the edge never depends on how it works. */
  ask(text: string, asker: Asker): Promise<Answer>;
  /** Actions for a message extension search or a link preview: by reference, title words, or the asker's own. */
  findActions(text: string, asker: Asker, window: { skip: number; count: number }): Promise<FoundActions>;
  /** Real references, workstreams and clusters for examples in welcomes and refusals; none when the plan is empty. */
  examples(): Promise<PlanExamples>;
}
