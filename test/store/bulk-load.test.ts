import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { isBulkLoad, withIndexesDeferred } from '../../src/store/bulk-load.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');

describeEachStore('Bulk load: secondary indexes built after the rows', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, NOW);
  });
  afterAll(async () => { await store.close(); });

  const indexes = async (table: string) => (await store.db.$queryRaw<{ def: string }[]>`
    SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = to_regclass(${table}) ORDER BY 1`).map((r) => r.def);
  const addActions = (tx: Parameters<Parameters<Store['db']['$transaction']>[0]>[0], n: number) => tx.$executeRaw`
    INSERT INTO actions (ref, title, workstream_id, due_date, status, updated_at)
    SELECT 'BULK-' || i, 'Bulk action ' || i, (SELECT min(id) FROM workstreams), DATE '2027-01-01', 'on_track', now()
    FROM generate_series(1, ${n}::int) AS i`;

  it('drops only the indexes nothing depends on while writing, and builds the same ones again', async () => {
    const before = await indexes('actions');
    expect(before.some((d) => d.includes('gin_trgm_ops'))).toBe(true);
    let during: string[] = [];
    await store.db.$transaction(async (tx) => {
      await withIndexesDeferred(tx, ['actions'], async () => {
        during = (await tx.$queryRaw<{ def: string }[]>`
          SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = to_regclass('actions') ORDER BY 1`).map((r) => r.def);
        await addActions(tx, 500);
      });
    });
    // The primary key and the unique ref stay (they check the rows as they come); the rest return.
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((d) => d.includes('UNIQUE'))).toBe(true);
    expect(await indexes('actions')).toEqual(before);
    expect(await store.db.action.count({ where: { ref: { startsWith: 'BULK-' } } })).toBe(500);
    const found = await store.db.$queryRaw<{ ref: string }[]>`SELECT ref FROM actions WHERE title ILIKE '%action 417%'`;
    expect(found.map((r) => r.ref)).toEqual(['BULK-417']);
    await store.db.action.deleteMany({ where: { ref: { startsWith: 'BULK-' } } });
  });

  it('leaves the indexes as they were when the transaction rolls back', async () => {
    const before = await indexes('actions');
    const failed = store.db.$transaction(async (tx) => {
      await withIndexesDeferred(tx, ['actions', 'action_history'], async () => {
        await addActions(tx, 200);
        throw new Error('a row was wrong');
      });
    });
    await expect(failed).rejects.toThrow('a row was wrong');
    expect(await indexes('actions')).toEqual(before);
    expect((await indexes('action_history')).length).toBeGreaterThan(1);
    expect(await store.db.action.count({ where: { ref: { startsWith: 'BULK-' } } })).toBe(0);
  });

  const foreignKeys = async (table: string) => (await store.db.$queryRaw<{ def: string }[]>`
    SELECT conname || ' ' || pg_get_constraintdef(oid) AS def FROM pg_constraint
    WHERE conrelid = to_regclass(${table}) AND contype = 'f' ORDER BY 1`).map((r) => r.def);

  it('checks the foreign keys once after the rows, and they are the same ones after', async () => {
    const before = await foreignKeys('actions');
    expect(before.some((d) => d.includes('REFERENCES workstreams'))).toBe(true);
    let during: string[] = [];
    await store.db.$transaction(async (tx) => {
      await withIndexesDeferred(tx, ['actions'], async () => {
        during = (await tx.$queryRaw<{ n: number }[]>`
          SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = to_regclass('actions') AND contype = 'f'`).map((r) => String(r.n));
        await addActions(tx, 300);
      });
    });
    expect(await foreignKeys('actions')).toEqual(before);
    expect(await store.db.action.count({ where: { ref: { startsWith: 'BULK-' } } })).toBe(300);
    await store.db.action.deleteMany({ where: { ref: { startsWith: 'BULK-' } } });
    expect(during).toEqual(['0']);
  });

  it('still refuses a row that points at nothing, and then nothing is written', async () => {
    const failed = store.db.$transaction(async (tx) => {
      await withIndexesDeferred(tx, ['actions'], async () => {
        await addActions(tx, 100);
        await tx.$executeRaw`UPDATE actions SET owner_id = 999999 WHERE ref = 'BULK-7'`;
      });
    });
    await expect(failed).rejects.toThrow();
    expect(await store.db.action.count({ where: { ref: { startsWith: 'BULK-' } } })).toBe(0);
    expect((await foreignKeys('actions')).length).toBeGreaterThan(0);
  });

  it('counts as a bulk load only many rows that at least double the table', async () => {
    const stored = await store.db.action.count();
    await store.db.$transaction(async (tx) => {
      expect(await isBulkLoad(tx, 'actions', stored * 2, 10)).toBe(true);
      expect(await isBulkLoad(tx, 'actions', stored - 1, 10)).toBe(false);
      expect(await isBulkLoad(tx, 'actions', 9, 10)).toBe(false);
    });
  });
});
