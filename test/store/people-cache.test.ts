// Who is who, kept briefly: a burst of messages or saves asks the database once, and a change to
// the people (an import, a new person) shows within the cache's few seconds, or at once after forget().
import { afterEach, beforeEach, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { PeopleRepository } from '../../src/store/people.js';
import { createTestStore, describeEachStore } from '../support/store.js';

describeEachStore('the directory of adults, kept briefly', (kind) => {
  let store: Store;
  let clock = 0;
  let people: PeopleRepository;
  beforeEach(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date('2026-11-22T09:00:00Z'));
    clock = 0;
    people = new PeopleRepository(store.db, 5_000, () => clock);
  });
  afterEach(async () => { await store.close(); });

  const addPerson = () => store.db.person.create({ data: { key: 'newbie', name: 'Wiktoria Nowak', roles: ['owner'] } });

  it('gives the same names, the same array, within the cache time', async () => {
    const first = await people.adultNames();
    expect(first.length).toBeGreaterThan(5);
    await addPerson();
    clock = 4_999;
    expect(await people.adultNames()).toBe(first);
  });

  it('reads again after the cache time, and at once after forget()', async () => {
    const first = await people.adultNames();
    await addPerson();
    clock = 5_000;
    const later = await people.adultNames();
    expect(later).not.toBe(first);
    expect(later).toContain('Wiktoria Nowak');
    await store.db.person.update({ where: { key: 'newbie' }, data: { name: 'Wiktoria Nowak-Lis' } });
    people.forget();
    expect(await people.adultNames()).toContain('Wiktoria Nowak-Lis');
  });
});

describeEachStore('the directory the privacy screen is given', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date('2026-11-22T09:00:00Z'));
  });
  afterEach(async () => { await store.close(); });

  it('holds the plan\'s people, settings and clusters, the same object within the cache time', async () => {
    let clock = 0;
    const people = new PeopleRepository(store.db, 5_000, () => clock);
    const first = await people.screenDirectory();
    expect(first.adultNames).toContain('Owen Price');
    expect(first.placeNames).toEqual(expect.arrayContaining(['Greenbank College', 'Holme Valley']));
    clock = 4_000;
    expect(await people.screenDirectory()).toBe(first);
    expect(await people.adultNames()).toBe(first.adultNames);
  });
});
