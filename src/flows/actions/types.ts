// What the action and maturity flows take and give: who is looking, and the card (with a sentence
// for chat) that answers them. Plain data: the Teams edge turns it into an invoke response or a
// message.
import type { Card } from '../../cards/action-update/index.js';
import type { PlanExamples } from '../../domain/phrasing/welcome.js';
import type { Person } from '../../domain/plan/types.js';
import type { Clock } from '../../domain/time/clock.js';
import type { ActionUpdateStore } from '../../store/action-updates.js';
import type { ConversationRepository } from '../../store/conversations.js';
import type { MeasureStore } from '../../store/measures.js';
import type { PeopleRepository } from '../../store/people.js';

/** Who is looking at the card, and where. */
export interface Viewer {
  person: Person | null;
  /** The Teams user id (MRI) of the viewer, for refresh.userIds in channels. */
  userId: string | undefined;
  conversationKind: 'personal' | 'groupChat' | 'channel';
}

/** What a flow produced: the card for this viewer, an optional sentence for chat, and a log word. */
export interface FlowResult {
  card: Card;
  text?: string;
  outcome: string;
  /** Extra log fields (ids and counts only, never typed text). */
  log?: Record<string, unknown>;
  /** In chat, the sentence says it all (an unknown reference, nothing to update). */
  sentenceOnly?: boolean;
}

/** Where a change came from, for the history. */
export type Via = 'card' | 'chat';

/** The repositories and the clock the action flows run over. */
export interface ActionFlowDeps {
  clock: Clock;
  actions: ActionUpdateStore;
  conversations: Pick<ConversationRepository, 'personalUserIds'>;
  people: Pick<PeopleRepository, 'screenDirectory'>;
  /** Real references for the "check the reference" hint; none when the plan is empty. */
  examples(): Promise<PlanExamples>;
  /** The action's outcome measures, for new figures on the update card; none when absent. */
  measures?: Pick<MeasureStore, 'forAction' | 'recordReading'>;
}
