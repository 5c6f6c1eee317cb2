// The repositories the scheduled jobs, the outbox sender and the reports use, built once over one
// database by whoever starts the jobs (src/runtime.ts, the job CLI) and handed to them.
import { ChatLinkStore } from './chat-links.js';
import { ClusterStore } from './clusters.js';
import type { Db } from './database.js';
import { ExpertRequestStore } from './expert-requests.js';
import { FollowUpStore } from './follow-ups.js';
import { GlossaryStore } from './glossary.js';
import { LeaseRepository } from './leases.js';
import { lacksAutovacuum, vacuumAnalyse } from './maintenance.js';
import { MeasureStore } from './measures.js';
import { OutboxRepository } from './outbox.js';
import { OutboxSenderRepository } from './outbox-sender-repo.js';
import { OutboxWaitingRepository } from './outbox-waiting.js';
import { PlanLoadRepository } from './plan-load.js';
import { QuarterlyCycleRepository } from './quarterly-cycles.js';

export interface JobStores {
  plan: PlanLoadRepository;
  outbox: OutboxRepository;
  cycles: QuarterlyCycleRepository;
  /** Outcome measures and their readings (the public plan page, the report). */
  measures: MeasureStore;
  /** The partnership's glossary (the public pages, the report). */
  glossary: GlossaryStore;
  clusters: ClusterStore;
  /** Meeting follow-ups (the owner nudges list the open ones). */
  followUps: FollowUpStore;
  /** Chats linked to a workstream or the partnership (digests, quarterly summaries). */
  links: ChatLinkStore;
  experts: ExpertRequestStore;
  leases: LeaseRepository;
  /** The sender's side of the outbox: claims, results, failures. */
  sending: OutboxSenderRepository;
  waiting: OutboxWaitingRepository;
  /** Vacuum and statistics upkeep of the plan tables. */
  upkeep: { lacksAutovacuum(): Promise<boolean>; vacuumAnalyse(): Promise<number> };
}

export function createJobStores(db: Db): JobStores {
  return {
    plan: new PlanLoadRepository(db),
    outbox: new OutboxRepository(db),
    cycles: new QuarterlyCycleRepository(db),
    measures: new MeasureStore(db),
    glossary: new GlossaryStore(db),
    clusters: new ClusterStore(db),
    followUps: new FollowUpStore(db),
    links: new ChatLinkStore(db),
    experts: new ExpertRequestStore(db),
    leases: new LeaseRepository(db),
    sending: new OutboxSenderRepository(db),
    waiting: new OutboxWaitingRepository(db),
    upkeep: { lacksAutovacuum: () => lacksAutovacuum(db), vacuumAnalyse: () => vacuumAnalyse(db) },
  };
}
