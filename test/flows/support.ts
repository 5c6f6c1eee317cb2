// The flows over a test store, with no adapter: the repositories and use cases as the runtime
// builds them, a clock the test moves, and viewers by person key.
import os from 'node:os';
import path from 'node:path';
import type { PlanExamples } from '../../src/domain/phrasing/welcome.js';
import { createWorkingCalendar } from '../../src/domain/time/bank-holidays.js';
import type { Clock } from '../../src/domain/time/clock.js';
import type { Viewer } from '../../src/flows/actions/index.js';
import { createFlows, type Flows } from '../../src/flows/index.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { reportArchive } from '../../src/reports/store.js';
import type { Store } from '../../src/store/database.js';
import { createRepositories, type Repositories } from '../../src/store/repositories.js';

/** When the demo plan is loaded (as in the end-to-end tests). */
const DEMO_NOW = '2026-11-22T09:00:00Z';

export interface FlowRig {
  flows: Flows;
  repositories: Repositories;
  /** The viewer for a person key (null: someone the plan does not know). */
  viewer(key: string | null, conversationKind?: Viewer['conversationKind'], userId?: string): Promise<Viewer>;
}

/** The flows over the demo plan; reports are kept under `dataDir`. */
export async function flowRig(store: Store, clock: Clock, opts: { examples?: PlanExamples; dataDir?: string } = {}): Promise<FlowRig> {
  await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
  const repositories = createRepositories(store.db);
  const flows = createFlows({
    clock, repositories,
    calendar: createWorkingCalendar(),
    reports: reportArchive(store.db, opts.dataDir ?? path.join(os.tmpdir(), 'flows-test-reports')),
    examples: async () => opts.examples ?? {},
  });
  return {
    flows, repositories,
    viewer: async (key, conversationKind = 'personal', userId) => ({
      person: key ? await repositories.people.byKey(key) : null, userId, conversationKind,
    }),
  };
}
