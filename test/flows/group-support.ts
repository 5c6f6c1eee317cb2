// The group flows (Experts at Hand, cluster meetings) over the demo data in an embedded test
// store, built as the runtime builds them, with a fixed clock: no adapter, no HTTP. The viewer is
// built the way the Teams edge builds it.
import { createWorkingCalendar } from '../../src/domain/time/bank-holidays.js';
import { fixedClock } from '../../src/domain/time/clock.js';
import type { GroupFlows, GroupViewer } from '../../src/flows/groups.js';
import { createFlows } from '../../src/flows/index.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { reportArchive } from '../../src/reports/store.js';
import type { Store } from '../../src/store/database.js';
import { createJobStores } from '../../src/store/job-stores.js';
import { createRepositories } from '../../src/store/repositories.js';
import { createTestStore } from '../support/store.js';

export const NOW = '2026-11-22T09:00:00Z';

export interface FlowWorld {
  store: Store;
  flows: GroupFlows;
  /** The viewer for a person of the demo data (or null for someone unknown). */
  viewer(key: string | null, where?: Partial<Omit<GroupViewer, 'person'>>): Promise<GroupViewer>;
}

export async function flowWorld(now = NOW): Promise<FlowWorld> {
  const store = await createTestStore('embedded');
  const clock = fixedClock(now);
  await loadDemoDataIfEmpty(store.db, clock.now());
  const repositories = createRepositories(store.db);
  const flows = createFlows({
    clock, repositories, calendar: createWorkingCalendar(), reports: reportArchive(createJobStores(store.db), '/nonexistent-reports'),
    examples: async () => ({ clusterName: 'Batley' }), expertFirstResponseDays: 3,
  }).groups;
  return {
    store, flows,
    async viewer(key, where = {}) {
      const person = key === null ? null : await repositories.people.byKey(key);
      if (key !== null && !person) throw new Error(`No person ${key}`);
      return { person, conversationKind: 'personal', userId: person ? `29:${person.aadObjectId}` : '29:stranger', conversationId: 'a:flow-test', ...where };
    },
  };
}

/** Titles of a card's top-level buttons. */
export function buttons(card: Record<string, unknown>): string[] {
  return ((card.actions as Array<{ title?: string }> | undefined) ?? []).map((a) => a.title ?? '');
}

/** Every text on a card, joined (what a person would read). */
export function cardText(card: Record<string, unknown>): string {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (!n || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n)) {
      if (typeof v === 'string' && ['text', 'title', 'value'].includes(k)) out.push(v);
      else if (typeof v === 'object') walk(v);
    }
  };
  walk(card);
  return out.join('\n');
}
