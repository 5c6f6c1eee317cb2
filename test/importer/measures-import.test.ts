// measures.csv and measure_readings.csv, on both stores: the demo measures arrive with their
// readings; a second import adds nothing; every mistake is reported at file:line and nothing at
// all is written when there is one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { DEMO_DATA_DIR } from '../../src/importer/demo-data.js';
import { ImportError, importFolder } from '../../src/importer/import-folder.js';
import type { Db, Store } from '../../src/store/database.js';
import { MeasureStore } from '../../src/store/measures.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const LATER = new Date('2026-11-23T10:00:00Z');
const temps: string[] = [];
afterAll(() => { for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true }); });

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'measures-import-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const MEASURES_HEADER = 'ref,name,unit,direction,baseline_value,baseline_date,target_value,target_date,action,workstream,area_for_improvement';
const READINGS_HEADER = 'measure,date,value,source,recorded_by';

async function errorsOf(db: Db, folder: string): Promise<string[]> {
  try {
    await importFolder(db, folder, { now: LATER });
  } catch (err) {
    if (err instanceof ImportError) return [...err.errors];
    throw err;
  }
  throw new Error('expected the import to fail');
}

describeEachStore('importing measures', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore(kind);
    await importFolder(store.db, DEMO_DATA_DIR, { now: NOW });
  });
  afterEach(async () => { await store.close(); });

  it('brings in the demo measures, with what they belong to and their quarterly readings', async () => {
    const all = await new MeasureStore(store.db).all();
    expect(all.map((e) => e.measure.ref)).toEqual(['CLUSTER-ATTEND', 'EHC-20WK', 'THERAPY-WAIT', 'WHEELCHAIR-WAIT']);
    const ehc = all.find((e) => e.measure.ref === 'EHC-20WK')!;
    expect(ehc.measure).toMatchObject({ unit: '%', direction: 'higher', baseline: { value: 38, date: '2025-12-31' }, target: { value: 65, date: '2027-03-31' }, owner: { kind: 'action', ref: 'EHC-01' } });
    expect(ehc.readings.map((r) => r.value)).toEqual([41, 47, 52]);
    expect(all.find((e) => e.measure.ref === 'CLUSTER-ATTEND')!.measure.owner).toEqual({ kind: 'workstream', code: 'WS5' });
    const reading = await store.db.measureReading.findFirstOrThrow({ where: { measure: { ref: 'EHC-20WK' } }, include: { recordedBy: true }, orderBy: { date: 'asc' } });
    expect(reading).toMatchObject({ via: 'import', source: 'SEN2 return and the local EHC tracker', recordedAt: NOW });
    expect(reading.recordedBy?.key).toBe('nhussain');
  });

  it('adds nothing when the same files come again, and a new reading when one is added', async () => {
    const again = await importFolder(store.db, DEMO_DATA_DIR, { now: LATER });
    expect(again.files['measures.csv']).toMatchObject({ added: 0, changed: 0, unchanged: 4 });
    expect(again.files['measure_readings.csv']).toMatchObject({ added: 0, unchanged: 12 });
    const folder = folderWith({
      'measures.csv': `${MEASURES_HEADER}\nEHC-20WK,EHC plans issued within 20 weeks,%,higher,38,2025-12-31,70,2027-03-31,EHC-01,,\n`,
      'measure_readings.csv': `${READINGS_HEADER}\nEHC-20WK,2026-09-30,52,Local EHC tracker,nhussain\nEHC-20WK,2026-10-31,55%,Local EHC tracker,\n`,
    });
    const report = await importFolder(store.db, folder, { now: LATER });
    expect(report.files['measures.csv']).toMatchObject({ added: 0, changed: 1, changedKeys: ['EHC-20WK'] });
    expect(report.files['measure_readings.csv']).toMatchObject({ added: 1, unchanged: 1, addedKeys: ['EHC-20WK 2026-10-31'] });
    const ehc = (await new MeasureStore(store.db).all()).find((e) => e.measure.ref === 'EHC-20WK')!;
    expect(ehc.measure.target.value).toBe(70);
    expect(ehc.readings.map((r) => r.value)).toEqual([41, 47, 52, 55]);
  });

  it('reports every mistake at file:line and writes nothing', async () => {
    const before = await store.db.measureReading.count();
    const folder = folderWith({
      'measures.csv': [
        MEASURES_HEADER,
        'EHC-20WK,EHC plans issued within 20 weeks,%,higher,38,2025-12-31,120,2027-03-31,EHC-01,,',
        'NEW-ONE,A new measure,miles,higher,1,2026-01-01,2,2027-01-01,,WS5,',
        'NEW-TWO,Another measure,count,sideways,1,2026-01-01,2,2027-01-01,EHC-01,WS5,',
        'NEW-THREE,Waits for Jayden Smith (DOB 03/04/2015),weeks,lower,10,2026-01-01,5,2025-01-01,NOPE-99,,',
        'EHC-20WK,Twice,count,higher,1,2026-01-01,2,2027-01-01,,WS5,',
      ].join('\n'),
      'measure_readings.csv': [
        READINGS_HEADER,
        'WHEELCHAIR-WAIT,2027-01-31,20,Wheelchair service monthly report,gokafor',
        'WHEELCHAIR-WAIT,2026-10-31,-4,,',
        'NOBODY-KNOWS,2026-10-31,4,,',
        'THERAPY-WAIT,2026-10-31,24,,someone-else',
      ].join('\n'),
    });
    const errors = await errorsOf(store.db, folder);
    expect(errors).toEqual(expect.arrayContaining([
      'measures.csv:2: the target must be a percentage from 0 to 100',
      'measures.csv:3: unit "miles" is not one of %, weeks, days, count',
      'measures.csv:4: direction "sideways" is not one of higher, lower (which is better)',
      'measures.csv:5: action "NOPE-99" is in neither actions.csv nor the database',
      'measures.csv:5: the target date must come after the baseline date',
      'measures.csv:6: ref "EHC-20WK" appears twice (first on line 2)',
      'measure_readings.csv:2: the reading date is in the future',
      'measure_readings.csv:3: value "-4" is not a number',
      'measure_readings.csv:4: measure "NOBODY-KNOWS" is in neither measures.csv nor the database',
      'measure_readings.csv:5: recorded_by "someone-else" is in neither people.csv nor the database',
    ]));
    const privacy = errors.filter((e) => e.startsWith('measures.csv:5: the name'));
    expect(privacy).toHaveLength(1);
    expect(privacy[0]).not.toContain('Jayden');
    expect(await store.db.measureReading.count()).toBe(before);
    expect(await store.db.measure.count()).toBe(4);
  });

  it('refuses a measure that belongs to two things or to nothing', async () => {
    const folder = folderWith({
      'measures.csv': `${MEASURES_HEADER}\nBOTH,Two owners,count,higher,1,2026-01-01,2,2027-01-01,EHC-01,WS5,\nNONE,No owner,count,higher,1,2026-01-01,2,2027-01-01,,,\n`,
    });
    const errors = await errorsOf(store.db, folder);
    expect(errors).toEqual([
      'measures.csv:2: give exactly one of action, workstream or area_for_improvement: what the measure belongs to',
      'measures.csv:3: give exactly one of action, workstream or area_for_improvement: what the measure belongs to',
    ]);
  });

  it('accepts a measure for an area for improvement, by the plan\'s wording', async () => {
    const folder = folderWith({ 'measures.csv': `${MEASURES_HEADER}\nPFA-JOBS,Young people in paid work at 25,%,higher,5,2026-01-01,8,2027-12-31,,,Preparing for Adulthood\n` });
    await importFolder(store.db, folder, { now: LATER });
    const m = await store.db.measure.findUniqueOrThrow({ where: { ref: 'PFA-JOBS' } });
    expect(m.area).toBe('preparing_for_adulthood');
  });
});
