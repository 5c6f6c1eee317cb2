// Indexes a bulk import owes (src/store/owed-indexes.ts): noted in the import's transaction,
// built after the commit. What must hold: the note commits or rolls back with the rows; building
// gives back exactly the indexes that were dropped; an index someone else built meanwhile is no
// error; a process that died before building leaves the note, and the next start builds it; and a
// first import big enough to be a bulk load on PostgreSQL ends with every index and no note.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { importFolder } from '../../src/importer/import-folder.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { withIndexesDeferred } from '../../src/store/bulk-load.js';
import type { Store } from '../../src/store/database.js';
import { buildOwedIndexes, oweIndexes } from '../../src/store/owed-indexes.js';
import { startTestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const temps: string[] = [];
afterAll(() => { for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true }); });

describeEachStore('Indexes owed by a bulk import', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, NOW);
  });
  afterEach(async () => { await store.close(); });

  const indexes = async () => (await store.db.$queryRaw<{ def: string }[]>`
    SELECT pg_get_indexdef(indexrelid) AS def FROM pg_index WHERE indrelid = to_regclass('actions') ORDER BY 1`).map((r) => r.def);
  const owed = async () => (await store.db.owedIndex.findMany({ orderBy: { name: 'asc' } })).map((o) => o.name);
  const deferOwing = (fail = false) => store.db.$transaction(async (tx) => {
    await withIndexesDeferred(tx, ['actions'], async () => {
      await tx.$executeRaw`UPDATE actions SET title = title || ' (bulk)' WHERE ref = 'COM-06'`;
      if (fail) throw new Error('a row was wrong');
    }, (dropped) => oweIndexes(tx, dropped, NOW));
  });

  it('commits the note with the rows, and building gives back the same indexes', async () => {
    const before = await indexes();
    const secondary = before.filter((d) => !d.includes('UNIQUE'));
    expect(secondary.some((d) => d.includes('gin_trgm_ops'))).toBe(true);
    await deferOwing();
    expect(await indexes()).toEqual(before.filter((d) => d.includes('UNIQUE')));
    expect(await owed()).toHaveLength(secondary.length);
    const built = await buildOwedIndexes(store.db);
    expect(built.map((b) => b.name).sort()).toEqual(secondary.map((d) => /INDEX (\S+) ON/.exec(d)?.[1]).sort());
    expect(await indexes()).toEqual(before);
    expect(await owed()).toEqual([]);
    expect(await buildOwedIndexes(store.db)).toEqual([]);
  });

  it('owes nothing when the transaction rolls back', async () => {
    const before = await indexes();
    await expect(deferOwing(true)).rejects.toThrow('a row was wrong');
    expect(await indexes()).toEqual(before);
    expect(await owed()).toEqual([]);
  });

  it('takes an index built meanwhile by another process as paid', async () => {
    const before = await indexes();
    await deferOwing();
    const [first] = await store.db.owedIndex.findMany({ orderBy: { name: 'asc' } });
    await store.db.$executeRawUnsafe(first!.definition);
    await buildOwedIndexes(store.db);
    expect(await indexes()).toEqual(before);
    expect(await owed()).toEqual([]);
  });

  it('is paid by the next start when the importing process died before building', async () => {
    const before = await indexes();
    await deferOwing();
    const bot = await startTestBot(store);
    try {
      await expect.poll(owed, { timeout: 20_000 }).toEqual([]);
      expect(await indexes()).toEqual(before);
    } finally {
      await bot.close();
    }
  });
});

describeEachStore('A first import large enough to be a bulk load', (kind) => {
  it('ends with every index of a migrated plan and owes none', async () => {
    const store = await createTestStore(kind);
    try {
      const names = async () => (await store.db.$queryRaw<{ name: string }[]>`
        SELECT indexname::text AS name FROM pg_indexes WHERE tablename IN ('actions', 'action_history') ORDER BY 1`).map((r) => r.name);
      const migrated = await names();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'owed-bulk-'));
      temps.push(dir);
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/generate-plan.ts', '--actions', '21000', '--people', '300', '--out', dir], { stdio: 'ignore' });
      await importFolder(store.db, dir, { now: NOW });
      expect(await names()).toEqual(migrated);
      expect(await store.db.owedIndex.count()).toBe(0);
      const found = await store.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM actions`;
      expect(found[0]?.n).toBe(21000);
    } finally {
      await store.close();
    }
  }, 180_000);
});
