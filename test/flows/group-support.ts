// The group flows over the demo data in an embedded test store, with a fixed clock: no adapter,
// no HTTP. The viewer is built the way the Teams edge builds it.
import type { Config } from '../../src/config.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/domain/time/clock.js';
import type { GroupFlows, GroupViewer } from '../../src/flows/groups.js';
import { createGroupFlowsOver } from '../../src/groups-wiring.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { PeopleRepository } from '../../src/store/people.js';
import { createTestStore } from '../support/store.js';

export const NOW = '2026-11-22T09:00:00Z';

export interface FlowWorld {
  store: Store;
  flows: GroupFlows;
  config: Config;
  /** The viewer for a person of the demo data (or null for someone unknown). */
  viewer(key: string | null, where?: Partial<Omit<GroupViewer, 'person'>>): Promise<GroupViewer>;
}

export async function flowWorld(now = NOW): Promise<FlowWorld> {
  const store = await createTestStore('embedded');
  const clock = fixedClock(now);
  await loadDemoDataIfEmpty(store.db, clock.now());
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const people = new PeopleRepository(store.db);
  const flows = createGroupFlowsOver(store.db, { clock, config, people, examples: async () => ({ clusterName: 'Batley' }) });
  return {
    store, flows, config,
    async viewer(key, where = {}) {
      const person = key === null ? null : await people.byKey(key);
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
