import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Store } from '../src/store/database.js';
import { createTestStore, describeEachStore } from './support/store.js';

describeEachStore('store opens migrated', (kind) => {
  let store: Store;
  beforeAll(async () => { store = await createTestStore(kind); });
  afterAll(async () => { await store.close(); });
  it('answers a ping and has the plan tables', async () => {
    expect(await store.ping()).toBe(true);
    expect(await store.db.action.count()).toBe(0);
  });
});
