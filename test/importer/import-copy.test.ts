import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCsv, writeCsv } from '../../src/importer/csv.js';
import { DEMO_DATA_DIR, loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { ImportError, importFolder } from '../../src/importer/import-folder.js';
import { openStore, type Store } from '../../src/store/database.js';
import { ADMIN_URL, adminQuery, createTestStore, describeEachStore, postgresReachable } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const LATER = new Date('2026-11-23T10:00:00Z');
const temps: string[] = [];
afterAll(() => { for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true }); });

/** A folder holding only actions.csv: the demo's header and first action's workstream and owner, with these new rows. */
function actionsFolder(rows: { ref: string; title: string; last_update: string }[]): string {
  const [header, first] = parseCsv(fs.readFileSync(path.join(DEMO_DATA_DIR, 'actions.csv'), 'utf8')).records.map((r) => r.fields);
  const at = (name: string): number => header!.indexOf(name);
  const lines = rows.map((r) => first!.map((v, i) => (i === at('ref') ? r.ref : i === at('title') ? r.title : i === at('last_update') ? r.last_update : i === at('status') ? 'on_track' : v)));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-copy-'));
  temps.push(dir);
  fs.writeFileSync(path.join(dir, 'actions.csv'), writeCsv([header!, ...lines]));
  return dir;
}

describeEachStore('Import: what a person wrote is stored as written, and nothing is left behind', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, NOW);
  });
  afterAll(async () => { await store.close(); });

  const stagingTables = async (): Promise<number> => (await store.db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'import\_stage\_%'`)[0]!.n;

  it('keeps tabs, line breaks, backslashes and "\\N" in a title and a last update exactly', async () => {
    const title = 'Review the C:\\SEND\\plans folder\tand the \\N file';
    const update = 'Chased twice.\nStill waiting on the \\\\server\\share copy.';
    await importFolder(store.db, actionsFolder([{ ref: 'TXT-01', title, last_update: update }]), { now: LATER });
    const stored = await store.db.action.findUniqueOrThrow({ where: { ref: 'TXT-01' }, include: { history: true } });
    expect(stored.title).toBe(title);
    expect(stored.lastUpdate).toBe(update);
    expect(stored.history.map((h) => [h.note, h.statusTo, h.version, h.via])).toEqual([[update, 'on_track', 1, 'import']]);
  });

  it('writes the new actions and their history in the order of the file', async () => {
    const refs = ['ORD-03', 'ORD-01', 'ORD-02'];
    await importFolder(store.db, actionsFolder(refs.map((ref) => ({ ref, title: `Ordered ${ref}`, last_update: '' }))), { now: LATER });
    const actions = await store.db.action.findMany({ where: { ref: { startsWith: 'ORD-' } }, orderBy: { id: 'asc' }, include: { history: true } });
    expect(actions.map((a) => a.ref)).toEqual(refs);
    expect(actions.map((a) => a.history.length)).toEqual([1, 1, 1]);
    const historyIds = actions.map((a) => a.history[0]!.id);
    expect([...historyIds].sort((x, y) => x - y)).toEqual(historyIds);
  });

  it('leaves no staging table behind, after an import that worked and one that did not', async () => {
    expect(await stagingTables()).toBe(0);
    const wrong = actionsFolder([{ ref: 'BAD-01', title: '', last_update: '' }]);
    await expect(importFolder(store.db, wrong, { now: LATER })).rejects.toBeInstanceOf(ImportError);
    expect(await stagingTables()).toBe(0);
    expect(await store.db.action.count({ where: { ref: 'BAD-01' } })).toBe(0);
  });
});

// A server configured for one connection per process cannot lend the import a second one to copy on.
(await postgresReachable() ? it : it.skip)('imports on PostgreSQL with a single connection (connection_limit=1)', async () => {
  const name = `bot_one_${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  url.searchParams.set('connection_limit', '1');
  const store = await openStore({ databaseUrl: url.toString() });
  try {
    await loadDemoDataIfEmpty(store.db, NOW);
    expect(await store.db.action.count()).toBeGreaterThan(0);
    expect(await store.db.actionHistory.count()).toBe(await store.db.action.count());
  } finally {
    await store.close();
    await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}, 60_000);
