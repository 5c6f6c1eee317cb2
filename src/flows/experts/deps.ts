// The repositories, clock and settings the Experts at Hand flows run over, and the cards every
// step shares: the viewer's own card (only the steps they may take) and the shared card.
import type { Card } from '../../cards/common.js';
import { requestCard, type RequestDraft } from '../../cards/experts/request-card.js';
import type { Notice } from '../../cards/meetings/meeting-card.js';
import type { PoolTarget } from '../../cards/experts/messages.js';
import { allowedSteps, firstResponseDue, requestFacts, type RequestView } from '../../domain/experts/index.js';
import type { IsoDate, Specialism } from '../../domain/plan/types.js';
import type { WorkingCalendar } from '../../domain/time/bank-holidays.js';
import type { Clock } from '../../domain/time/clock.js';
import { londonDate } from '../../domain/time/london.js';
import type { ExpertRequestStore } from '../../store/expert-requests.js';
import type { PeopleRepository } from '../../store/people.js';
import { channelAudience, type GroupViewer } from '../group-turn.js';

export const EXPERTS_JOB = 'experts-at-hand';

export interface ExpertFlowDeps {
  clock: Clock;
  requests: ExpertRequestStore;
  people: Pick<PeopleRepository, 'screenDirectory'>;
  calendar: WorkingCalendar;
  /** Working days to a first response (EXPERT_FIRST_RESPONSE_DAYS). */
  firstResponseDays: number;
}

export class ExpertViews {
  constructor(readonly deps: ExpertFlowDeps) {}

  now(): Date { return this.deps.clock.now(); }

  dueDate(r: RequestView): IsoDate {
    return firstResponseDue(r.createdAt, this.deps.firstResponseDays, this.deps.calendar);
  }

  /** In a channel: the viewer, the requester and the specialism's experts refresh automatically. */
  async audience(viewer: GroupViewer, r: RequestView): Promise<string[] | undefined> {
    return viewer.conversationKind === 'channel' ? channelAudience(viewer, await this.deps.requests.audience(r)) : undefined;
  }

  /** The card for this viewer: only the steps they may take. */
  async viewerCard(viewer: GroupViewer, r: RequestView, extra: { notice?: Notice; draft?: RequestDraft } = {}): Promise<Card> {
    return requestCard(r, {
      today: londonDate(this.now()), dueDate: this.dueDate(r), steps: allowedSteps(viewer.person, requestFacts(r)),
      refreshFor: await this.audience(viewer, r), ...extra,
    });
  }

  /** The shared card, as everyone sees it before their own refresh. */
  async sharedCard(viewer: GroupViewer, r: RequestView): Promise<Card> {
    return requestCard(r, { today: londonDate(this.now()), dueDate: this.dueDate(r), refreshFor: await this.audience(viewer, r) });
  }

  /** Where pool messages go for a specialism: its channel, or each of its experts. */
  async poolTarget(requester: { id: number }, specialism: Specialism): Promise<PoolTarget> {
    const store = this.deps.requests;
    const [chat, experts] = await Promise.all([store.poolChat(specialism), store.experts(specialism)]);
    const audience = chat?.kind === 'channel' ? await store.audience({ requester, specialism }) : [];
    return { chat, experts, audience };
  }
}
