// glossary.csv and the plain_title column of actions.csv, on both stores: the demo glossary
// arrives; an edited meaning is a change and a second import adds nothing; a repeated term, an
// empty meaning or a meaning that names a child is reported at file:line and nothing is written;
// a title that reads above grade 8 with no plain title is a warning, never an error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { DEMO_DATA_DIR } from '../../src/importer/demo-data.js';
import { ImportError, importFolder } from '../../src/importer/import-folder.js';
import type { Db, Store } from '../../src/store/database.js';
import { GlossaryStore } from '../../src/store/glossary.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const LATER = new Date('2026-11-23T10:00:00Z');
const temps: string[] = [];
afterAll(() => { for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true }); });

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-import-'));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

async function errorsOf(db: Db, folder: string): Promise<string[]> {
  try {
    await importFolder(db, folder, { now: LATER });
  } catch (err) {
    if (err instanceof ImportError) return [...err.errors];
    throw err;
  }
  throw new Error('expected the import to fail');
}

const ACTIONS_HEADER = 'ref,title,plain_title,workstream,area_for_improvement,owner,due,status,last_update,source';

describeEachStore('importing the glossary and plain titles', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore(kind);
    await importFolder(store.db, DEMO_DATA_DIR, { now: NOW });
  });
  afterEach(async () => { await store.close(); });

  it('brings in the demo glossary and the demo plain titles', async () => {
    const terms = await new GlossaryStore(store.db).all();
    expect(terms.find((t) => t.term === 'EHC')?.meaning).toBe('education, health and care');
    expect(terms.map((t) => t.term)).toEqual(expect.arrayContaining(['SEND', 'PfA', 'ICB', 'DfE', 'PCAN', 'SENCO', 'OT', 'SLT', 'EP', 'maturity pillar']));
    const gov = await store.db.action.findUniqueOrThrow({ where: { ref: 'GOV-01' } });
    expect(gov.plainTitle).toBe('Agree who answers for what in schools and in health and care');
  });

  it('changes a meaning, adds a term, keeps terms left out, and adds nothing the second time', async () => {
    const folder = folderWith({ 'glossary.csv': 'term,meaning\nEHC,"education, health and social care"\nLA,local authority: the council\n' });
    const first = await importFolder(store.db, folder, { now: LATER });
    expect(first.files['glossary.csv']).toMatchObject({ added: 1, changed: 1, unchanged: 0, addedKeys: ['LA'], changedKeys: ['EHC'] });
    const again = await importFolder(store.db, folder, { now: LATER });
    expect(again.files['glossary.csv']).toMatchObject({ added: 0, changed: 0, unchanged: 2 });
    const terms = await new GlossaryStore(store.db).all();
    expect(terms.find((t) => t.term === 'EHC')?.meaning).toBe('education, health and social care');
    expect(terms.some((t) => t.term === 'SEND')).toBe(true);
  });

  it('reports a repeated term, an empty meaning, a term that is not one and a meaning naming a child, and writes nothing', async () => {
    const before = await store.db.glossaryTerm.findMany({ orderBy: { id: 'asc' } });
    const folder = folderWith({
      'glossary.csv': ['term,meaning', 'SEND,one', 'send,two', 'EP,', '<b>,bold', 'OT,"help that Oliver, aged 7, gets at school"', 'NEW,a new term', ''].join('\n'),
    });
    const errors = await errorsOf(store.db, folder);
    expect(errors).toEqual([
      'glossary.csv:3: term "send" appears twice (first on line 2)',
      'glossary.csv:4: meaning is required (what the term means, in plain words)',
      expect.stringMatching(/^glossary\.csv:5: term "<b>" is not a term/),
      expect.stringMatching(/^glossary\.csv:6: meaning: /),
    ]);
    expect(await store.db.glossaryTerm.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('sets, keeps and clears a plain title, and warns about a hard title with none', async () => {
    const hard = 'Commission specialist capacity from special schools to deliver comprehensive multidisciplinary interventions';
    const rows = (plain: string) => `${ACTIONS_HEADER}\nEAH-04,${hard},${plain},WS5,,dpatel,2027-01-29,at_risk,,Big Plan 3\n`;
    const withNone = await importFolder(store.db, folderWith({ 'actions.csv': rows('') }), { now: LATER });
    expect(withNone.warnings).toEqual([expect.stringMatching(/^actions\.csv:2: title reads at grade \d+\.\d, above 8: .*give it a plain_title/)]);
    expect((await store.db.action.findUniqueOrThrow({ where: { ref: 'EAH-04' } })).plainTitle).toBeNull();

    const set = await importFolder(store.db, folderWith({ 'actions.csv': rows('Pay special schools to share their staff') }), { now: LATER });
    expect(set.warnings).toEqual([]);
    expect(set.files['actions.csv']?.changedKeys).toContain('EAH-04');
    expect((await store.db.action.findUniqueOrThrow({ where: { ref: 'EAH-04' } })).plainTitle).toBe('Pay special schools to share their staff');

    // A file without the column keeps what is stored.
    const old = `ref,title,workstream,area_for_improvement,owner,due,status,last_update,source\nEAH-04,${hard},WS5,,dpatel,2027-01-29,at_risk,,Big Plan 3\n`;
    await importFolder(store.db, folderWith({ 'actions.csv': old }), { now: LATER });
    expect((await store.db.action.findUniqueOrThrow({ where: { ref: 'EAH-04' } })).plainTitle).toBe('Pay special schools to share their staff');
  });
});
