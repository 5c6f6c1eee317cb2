// Builds the group flows (Experts at Hand, cluster meetings) over their repositories, once per
// process: the runtime, and the job command that starts a bot to send with.
import type { Config } from './config.js';
import type { PlanExamples } from './domain/phrasing/welcome.js';
import { createWorkingCalendar } from './domain/time/bank-holidays.js';
import type { Clock } from './domain/time/clock.js';
import { createGroupFlows, type GroupFlows } from './flows/groups.js';
import { ClusterStore } from './store/clusters.js';
import type { Db } from './store/database.js';
import { ExpertRequestStore } from './store/expert-requests.js';
import type { PeopleRepository } from './store/people.js';

export function createGroupFlowsOver(db: Db, o: { clock: Clock; config: Config; people: Pick<PeopleRepository, 'adultNames'>; examples(): Promise<PlanExamples> }): GroupFlows {
  return createGroupFlows({
    clock: o.clock,
    requests: new ExpertRequestStore(db),
    clusters: new ClusterStore(db),
    people: o.people,
    calendar: createWorkingCalendar(o.config.EXTRA_BANK_HOLIDAYS),
    firstResponseDays: o.config.EXPERT_FIRST_RESPONSE_DAYS,
    examples: o.examples,
  });
}
