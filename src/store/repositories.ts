// Every repository, built once over one database by the composition root (src/runtime.ts) and
// handed to the flows and the Teams edge, so nothing else builds them per call.
import { ActionUpdateStore } from './action-updates.js';
import { ChatLinkStore } from './chat-links.js';
import { ClusterStore } from './clusters.js';
import { ConversationRepository } from './conversations.js';
import type { Db } from './database.js';
import { ExpertRequestStore } from './expert-requests.js';
import { FollowUpStore } from './follow-ups.js';
import { MaturityStore } from './maturity.js';
import { MeasureStore } from './measures.js';
import { OutboxSenderRepository } from './outbox-sender-repo.js';
import { PeopleRepository } from './people.js';
import { ReachRepository } from './reach.js';
import { ReminderRepository } from './reminders.js';
import { UpdateRoundRepository } from './update-rounds.js';

export interface Repositories {
  people: PeopleRepository;
  conversations: ConversationRepository;
  /** Chats linked to a cluster, pool, workstream or the partnership. */
  links: ChatLinkStore;
  // ---- actions, maturity, reminders and reports (flows/actions, flows/maturity, flows/jobs-commands) ----
  actions: ActionUpdateStore;
  maturity: MaturityStore;
  measures: MeasureStore;
  reminders: ReminderRepository;
  reach: ReachRepository;
  outbox: OutboxSenderRepository;
  rounds: UpdateRoundRepository;
  // ---- end of actions, maturity, reminders and reports ----
  // ---- Experts at Hand and cluster meetings (flows/experts, flows/meetings) ----
  requests: ExpertRequestStore;
  clusters: ClusterStore;
  /** Meeting follow-ups: owners, due dates, done, made plan actions. */
  followUps: FollowUpStore;
  // ---- end of Experts at Hand and cluster meetings ----
}

export function createRepositories(db: Db): Repositories {
  return {
    people: new PeopleRepository(db),
    conversations: new ConversationRepository(db),
    links: new ChatLinkStore(db),
    // ---- actions, maturity, reminders and reports ----
    actions: new ActionUpdateStore(db),
    maturity: new MaturityStore(db),
    measures: new MeasureStore(db),
    reminders: new ReminderRepository(db),
    reach: new ReachRepository(db),
    outbox: new OutboxSenderRepository(db),
    rounds: new UpdateRoundRepository(db),
    // ---- end of actions, maturity, reminders and reports ----
    // ---- Experts at Hand and cluster meetings ----
    requests: new ExpertRequestStore(db),
    clusters: new ClusterStore(db),
    followUps: new FollowUpStore(db),
    // ---- end of Experts at Hand and cluster meetings ----
  };
}
