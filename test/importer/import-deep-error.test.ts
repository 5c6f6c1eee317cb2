// A big first import whose one wrong row comes near the end of actions.csv. On PostgreSQL the
// actions are copied into the database while the file is still being read (stage-actions.ts), so
// these check that the copy never reaches the plan: the mistake is reported at its file and line,
// nothing is written, and no staging table is left; and that a good file comes out exactly as the
// row-by-row path writes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { parseCsv, writeCsv } from '../../src/importer/csv.js';
import { DEMO_DATA_DIR } from '../../src/importer/demo-data.js';
import { ImportError, importFolder } from '../../src/importer/import-folder.js';
import { stagerFor } from '../../src/store/bulk-copy.js';
import { readAndStage } from '../../src/importer/stage-actions.js';
import type { Store } from '../../src/store/database.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');
/** Enough rows for the copy to fill its buffers and wait for the database several times. */
const ROWS = 6_000;
const temps: string[] = [];
afterAll(() => { for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true }); });

const demo = (file: string): string[][] => parseCsv(fs.readFileSync(path.join(DEMO_DATA_DIR, file), 'utf8')).records.map((r) => r.fields);

/**
 * The demo's people and workstreams, and ROWS generated actions; `change(i, row)` may alter row i
 * (from 0; it starts on line lineOf(i)). Owners and updates vary, some cells empty; every fourth update
 * has a line break.
 */
function bigFolder(change?: (i: number, row: string[]) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-deep-'));
  temps.push(dir);
  for (const file of ['people.csv', 'workstreams.csv']) fs.copyFileSync(path.join(DEMO_DATA_DIR, file), path.join(dir, file));
  const owners = demo('people.csv').slice(1).map((p) => p[0]!);
  const workstreams = demo('workstreams.csv').slice(1).map((w) => w[0]!);
  const header = ['ref', 'title', 'workstream', 'area_for_improvement', 'owner', 'due', 'status', 'last_update', 'source'];
  const rows = Array.from({ length: ROWS }, (_, i) => {
    const row = [`BIG-${String(i + 1).padStart(6, '0')}`, `Review the transitions protocol, part ${i % 97}`, workstreams[i % workstreams.length]!,
      i % 3 === 0 ? 'EHC plans' : '', i % 5 === 0 ? '' : owners[i % owners.length]!, `2027-0${(i % 9) + 1}-1${i % 10}`,
      i % 2 === 0 ? 'on_track' : 'at_risk', i % 4 === 0 ? 'Draft shared with partners.\nComments by Friday.' : '', i % 7 === 0 ? '' : 'Big Plan 3'];
    change?.(i, row);
    return row;
  });
  fs.writeFileSync(path.join(dir, 'actions.csv'), writeCsv([header, ...rows]));
  return dir;
}

/** The wrong row's index: long after the copy has sent its first rows to the database. */
const DEEP = ROWS - 500;
/** Row i's physical line: after the header and rows before it, every fourth of which takes two lines. */
const lineOf = (i: number): number => i + 2 + Math.ceil(i / 4);

describeEachStore('A big first import with one wrong row near the end of actions.csv', (kind) => {
  let store: Store;
  beforeEach(async () => { store = await createTestStore(kind); }, 60_000);
  afterEach(async () => { await store.close(); }, 60_000);

  const nothingWritten = async (): Promise<void> => {
    expect(await store.db.action.count()).toBe(0);
    expect(await store.db.actionHistory.count()).toBe(0);
    expect(await store.db.person.count()).toBe(0);
    const [staging] = await store.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_tables WHERE tablename LIKE 'import\_stage\_%'`;
    expect(staging?.n).toBe(0);
  };

  it('a date that does not exist: the error names the file and line, and nothing is written', async () => {
    const folder = bigFolder((i, row) => { if (i === DEEP) row[5] = '2027-02-30'; });
    const err = await importFolder(store.db, folder, { now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).errors).toEqual([`actions.csv:${lineOf(DEEP)}: due "2027-02-30" is not a real date`]);
    await nothingWritten();
  }, 180_000);

  it("a child's name and date of birth in a title: the privacy screen stops it at its line, and nothing is written", async () => {
    const folder = bigFolder((i, row) => { if (i === DEEP) row[1] = 'Agree the support plan for Oliver Smith, DOB 01/02/2016'; });
    const err = await importFolder(store.db, folder, { now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const errors = (err as ImportError).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^actions\\.csv:${lineOf(DEEP)}: title: It looks like this`));
    expect(errors[0]).not.toContain('Oliver');
    await nothingWritten();
  }, 180_000);

  it('the same file put right imports every row as written, in the order of the file, each with its first history row', async () => {
    const report = await importFolder(store.db, bigFolder(), { now: NOW });
    expect(report.files['actions.csv']).toMatchObject({ added: ROWS, changed: 0 });
    expect(report.historyRows).toBe(ROWS);
    const owners = demo('people.csv').slice(1).map((p) => p[0]!);
    const sample = await store.db.action.findMany({
      where: { ref: { in: ['BIG-000001', 'BIG-000002', `BIG-${String(DEEP + 1).padStart(6, '0')}`] } }, orderBy: { id: 'asc' },
      include: { owner: true, workstream: true, history: true },
    });
    expect(sample.map((a) => ({
      ref: a.ref, title: a.title, area: a.area, owner: a.owner?.key ?? null, due: a.dueDate.toISOString().slice(0, 10), status: a.status,
      lastUpdate: a.lastUpdate, lastUpdateAt: a.lastUpdateAt, source: a.source, version: a.version,
      history: a.history.map((h) => [h.via, h.version, h.statusFrom, h.statusTo, h.note, h.dueTo?.toISOString().slice(0, 10)]),
    }))).toEqual([
      { ref: 'BIG-000001', title: 'Review the transitions protocol, part 0', area: 'ehc_plans', owner: null, due: '2027-01-10', status: 'on_track',
        lastUpdate: 'Draft shared with partners.\nComments by Friday.', lastUpdateAt: NOW, source: null, version: 1,
        history: [['import', 1, null, 'on_track', 'Draft shared with partners.\nComments by Friday.', '2027-01-10']] },
      { ref: 'BIG-000002', title: 'Review the transitions protocol, part 1', area: null, owner: owners[1], due: '2027-02-11', status: 'at_risk',
        lastUpdate: null, lastUpdateAt: null, source: 'Big Plan 3', version: 1, history: [['import', 1, null, 'at_risk', null, '2027-02-11']] },
      expect.objectContaining({ ref: `BIG-${String(DEEP + 1).padStart(6, '0')}`, version: 1 }),
    ]);
    const ids = await store.db.action.findMany({ select: { ref: true }, orderBy: { id: 'asc' } });
    expect(ids.map((a) => a.ref)).toEqual([...ids.map((a) => a.ref)].sort());
  }, 180_000);
});

describeEachStore('Copying actions.csv while it is read', (kind) => {
  let store: Store;
  beforeEach(async () => { store = await createTestStore(kind); }, 60_000);
  afterEach(async () => { await store.close(); }, 60_000);

  it('happens on PostgreSQL while the plan has no actions, and not once it has some, nor in the embedded database', async () => {
    const folder = bigFolder();
    const stager = stagerFor(store.db);
    try {
      const first = await readAndStage(store.db, folder, stager);
      expect(first.input.files['actions.csv']).toHaveLength(ROWS);
      expect(first.staged?.rows).toBe(kind === 'postgresql' ? ROWS : undefined);
      await importFolder(store.db, folder, { now: NOW });
      const again = await readAndStage(store.db, folder, stager);
      expect(again.staged).toBeUndefined();
    } finally {
      await stager?.dispose();
    }
  }, 180_000);
});
