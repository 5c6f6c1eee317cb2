import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/importer/csv.js';
import { DEMO_DATA_DIR, loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { exportFolder } from '../../src/importer/export-folder.js';
import { ImportError, importFolder, type ImportReport } from '../../src/importer/import-folder.js';
import { IMPORT_FILES, MEASURE_FILES, GLOSSARY_FILES, type ImportFileName } from '../../src/importer/rows.js';
import type { Db, Store } from '../../src/store/database.js';
import { createTestStore, describeEachStore, type StoreKind } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const LATER = new Date('2026-11-23T10:00:00Z');

const temps: string[] = [];
afterAll(() => { for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true }); });

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
  temps.push(dir);
  return dir;
}

const demoText = (file: string): string => fs.readFileSync(path.join(DEMO_DATA_DIR, file), 'utf8');

/** A copy of the demo files: `only` picks some, `edit` rewrites a file's text, `extra` adds files. */
function demoCopy(options: {
  only?: ImportFileName[];
  edit?: { [F in ImportFileName]?: (text: string) => string };
  extra?: Record<string, string>;
} = {}): string {
  const dir = tempDir();
  for (const file of options.only ?? IMPORT_FILES) {
    const edit = options.edit?.[file] ?? ((t: string) => t);
    fs.writeFileSync(path.join(dir, file), edit(demoText(file)));
  }
  for (const [name, text] of Object.entries(options.extra ?? {})) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Replaces one line of a file's text (1-based) with `f(line)`. */
const editLine = (n: number, f: (line: string) => string) => (text: string): string =>
  text.split('\n').map((l, i) => (i === n - 1 ? f(l) : l)).join('\n');
const lineOf = (text: string, start: string): number => text.split('\n').findIndex((l) => l.startsWith(start)) + 1;

/** Everything the importer can touch, so "nothing changed" can be checked exactly. */
async function fingerprint(db: Db): Promise<string> {
  const byId = { orderBy: { id: 'asc' as const } };
  return JSON.stringify({
    people: await db.person.findMany(byId),
    workstreams: await db.workstream.findMany(byId),
    actions: await db.action.findMany(byId),
    history: await db.actionHistory.findMany(byId),
    clusters: await db.cluster.findMany(byId),
    settings: await db.setting.findMany(byId),
    meetings: await db.clusterMeeting.findMany(byId),
    requests: await db.expertRequest.findMany(byId),
    events: await db.expertRequestEvent.findMany(byId),
    termDates: await db.termDate.findMany(byId),
    measures: await db.measure.findMany(byId),
    readings: await db.measureReading.findMany(byId),
  });
}

function counts(report: ImportReport): Record<string, [number, number, number]> {
  return Object.fromEntries(Object.entries(report.files).map(([f, r]) => [f, [r.added, r.changed, r.unchanged]]));
}

async function importErrors(db: Db, folder: string): Promise<string[]> {
  try {
    await importFolder(db, folder, { now: LATER });
  } catch (err) {
    if (err instanceof ImportError) return [...err.errors];
    throw err;
  }
  throw new Error('expected the import to fail');
}

describeEachStore('importFolder', (kind: StoreKind) => {
  describe('the demo data on an empty database', () => {
    let store: Store;
    let first: ImportReport;
    beforeAll(async () => {
      store = await createTestStore(kind);
      first = await importFolder(store.db, DEMO_DATA_DIR, { now: NOW });
    });
    afterAll(async () => { await store.close(); });

    it('adds every row of every file', async () => {
      expect(counts(first)).toEqual({
        'people.csv': [17, 0, 0], 'workstreams.csv': [7, 0, 0], 'actions.csv': [46, 0, 0], 'clusters.csv': [18, 0, 0],
        'settings.csv': [6, 0, 0], 'meetings.csv': [4, 0, 0], 'expert_requests.csv': [3, 0, 0], 'term_dates.csv': [3, 0, 0],
        'measures.csv': [4, 0, 0], 'measure_readings.csv': [12, 0, 0], 'glossary.csv': [20, 0, 0],
      });
      expect(first.dryRun).toBe(false);
      expect(first.files['actions.csv']?.addedKeys.slice(0, 3)).toEqual(['COM-01', 'COM-02', 'COM-03']);
      const db = store.db;
      expect(await db.person.count()).toBe(17);
      expect(await db.workstream.count()).toBe(7);
      expect(await db.action.count()).toBe(46);
      expect(await db.cluster.count()).toBe(18);
      expect(await db.setting.count()).toBe(6);
      expect(await db.clusterMeeting.count()).toBe(4);
      expect(await db.expertRequest.count()).toBe(3);
    });

    it('stores the values as the domain expects them', async () => {
      const db = store.db;
      const action = await db.action.findUniqueOrThrow({ where: { ref: 'COM-06' }, include: { owner: true, workstream: true } });
      expect(action).toMatchObject({
        title: 'Hold Local Offer Live events in North and South Kirklees', area: 'communication', status: 'off_track',
        dueDate: new Date('2026-11-14T00:00:00Z'), lastUpdate: 'Venue for the North event fell through.', lastUpdateAt: NOW,
        source: 'Big Plan 3', version: 1, createdAt: NOW, updatedAt: NOW,
      });
      expect(action.owner?.key).toBe('oprice');
      expect(action.workstream.code).toBe('WS1');
      expect((await db.action.findUniqueOrThrow({ where: { ref: 'COM-02' } })).lastUpdate).toBeNull();
      expect((await db.action.findUniqueOrThrow({ where: { ref: 'EAH-03' } })).area).toBe('preparing_for_adulthood');
      expect((await db.action.findUniqueOrThrow({ where: { ref: 'HLT-01' } })).area).toBe('health_waiting_times');
      expect((await db.action.findUniqueOrThrow({ where: { ref: 'RFM-01' } })).area).toBeNull();

      const alex = await db.person.findUniqueOrThrow({ where: { key: 'amorgan' } });
      expect(alex).toMatchObject({
        name: 'Alex Morgan', email: 'alex.morgan@example.org', roles: ['lead', 'admin'], specialism: null,
        jobTitle: 'Service Director, Learning and Early Support', organisation: 'Kirklees Council', aadObjectId: '6f1c2a10-0001-4a6e-9c1a-000000000001', active: true,
      });
      expect((await db.person.findUniqueOrThrow({ where: { key: 'cbarnes' } })).specialism).toBe('educational_psychology');
      expect((await db.workstream.findUniqueOrThrow({ where: { code: 'WS6' }, include: { lead: true } }))).toMatchObject({ pillar: '5', lead: { key: 'lbyrne' } });
      expect(await db.cluster.findUniqueOrThrow({ where: { code: 'BS2' } })).toMatchObject({ name: 'Birstall and Birkenshaw', area: 'Batley and Spen', chairId: null });

      const meeting = await db.clusterMeeting.findFirstOrThrow({ where: { cluster: { code: 'BS1' } } });
      expect(meeting).toMatchObject({
        startsAt: new Date('2026-11-25T13:30:00Z'), durationMinutes: 90, location: 'Oakfield Primary School (and Teams)', timeZone: 'Europe/London',
        agenda: ['Experts at Hand: how to request advice', 'Inclusion Counts audit dates', 'Case discussion: anonymised, no child names'],
        version: 1,
      });

      const request = await db.expertRequest.findUniqueOrThrow({ where: { ref: 'EAH-R-0001' }, include: { requester: true, assignee: true, setting: true, events: true } });
      expect(request).toMatchObject({
        specialism: 'speech_and_language', kind: 'tailored_guidance', status: 'answered', createdAt: new Date('2026-11-10T09:12:00Z'),
        firstResponseAt: new Date('2026-11-11T14:05:00Z'), closedAt: null, version: 1,
        requester: { key: 'eclarke' }, assignee: { key: 'mreid' }, setting: { name: 'Oakfield Primary School' },
      });
      expect(request.events).toEqual([expect.objectContaining({ kind: 'created', at: new Date('2026-11-10T09:12:00Z'), actorId: request.requesterId })]);
      expect(await db.expertRequestEvent.count()).toBe(3);
    });

    it('writes one import history row per created action', async () => {
      expect(first.historyRows).toBe(46);
      const history = await store.db.actionHistory.findMany({ where: { action: { ref: 'COM-06' } } });
      expect(history).toEqual([expect.objectContaining({
        via: 'import', at: NOW, actorId: null, statusFrom: null, statusTo: 'off_track', dueFrom: null,
        dueTo: new Date('2026-11-14T00:00:00Z'), version: 1,
      })]);
      expect(await store.db.actionHistory.count()).toBe(46);
    });

    it('changes nothing when the same files are imported again', async () => {
      const before = await fingerprint(store.db);
      const again = await importFolder(store.db, DEMO_DATA_DIR, { now: LATER });
      expect(counts(again)).toEqual({
        'people.csv': [0, 0, 17], 'workstreams.csv': [0, 0, 7], 'actions.csv': [0, 0, 46], 'clusters.csv': [0, 0, 18],
        'settings.csv': [0, 0, 6], 'meetings.csv': [0, 0, 4], 'expert_requests.csv': [0, 0, 3], 'term_dates.csv': [0, 0, 3],
        'measures.csv': [0, 0, 4], 'measure_readings.csv': [0, 0, 12], 'glossary.csv': [0, 0, 20],
      });
      expect(again.historyRows).toBe(0);
      expect(await fingerprint(store.db)).toBe(before);
    });

    it('reads the same files saved with CRLF line ends and a byte order mark as unchanged', async () => {
      const before = await fingerprint(store.db);
      const folder = demoCopy({ edit: Object.fromEntries(IMPORT_FILES.map((f) => [f, (t: string) => `\uFEFF${t.replace(/\n/g, '\r\n')}`])) });
      const again = await importFolder(store.db, folder, { now: LATER });
      expect(Object.values(again.files).every((r) => r.added === 0 && r.changed === 0)).toBe(true);
      expect(await fingerprint(store.db)).toBe(before);
    });

    it('exports files that read back as the demo files, and import back with no changes', async () => {
      const out = tempDir();
      const exported = await exportFolder(store.db, out);
      expect(exported.rows['actions.csv']).toBe(46);
      for (const file of [...IMPORT_FILES, ...MEASURE_FILES, ...GLOSSARY_FILES]) {
        const mine = parseCsv(fs.readFileSync(path.join(out, file), 'utf8'));
        const theirs = parseCsv(demoText(file));
        expect(mine.issues).toEqual([]);
        expect(mine.records.map((r) => r.fields), file).toEqual(theirs.records.map((r) => r.fields));
      }
      const before = await fingerprint(store.db);
      const back = await importFolder(store.db, out, { now: LATER });
      expect(Object.values(back.files).every((r) => r.added === 0 && r.changed === 0)).toBe(true);
      expect(await fingerprint(store.db)).toBe(before);
    });
  });

  describe('changes', () => {
    let store: Store;
    beforeEach(async () => { store = await createTestStore(kind); await importFolder(store.db, DEMO_DATA_DIR, { now: NOW }); });
    afterEach(async () => { await store.close(); });

    it('a status change writes one history row and bumps the version; other rows stay put', async () => {
      const actor = await store.db.person.findUniqueOrThrow({ where: { key: 'amorgan' } });
      const text = demoText('actions.csv');
      const folder = demoCopy({ only: ['actions.csv'], edit: { 'actions.csv': editLine(lineOf(text, 'COM-03,'), (l) => l.replace(',on_track,', ',at_risk,')) } });
      const before = await store.db.action.findMany({ where: { ref: { not: 'COM-03' } }, orderBy: { id: 'asc' } });
      const historyBefore = await store.db.actionHistory.count();

      const report = await importFolder(store.db, folder, { now: LATER, actorId: actor.id });
      expect(counts(report)).toEqual({ 'actions.csv': [0, 1, 45] });
      expect(report.files['actions.csv']?.changedKeys).toEqual(['COM-03']);
      expect(report.historyRows).toBe(1);

      const action = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-03' }, include: { history: { orderBy: { id: 'asc' } } } });
      expect(action).toMatchObject({ status: 'at_risk', version: 2, updatedAt: LATER, lastUpdateAt: NOW });
      expect(action.history).toHaveLength(2);
      expect(action.history[1]).toMatchObject({
        via: 'import', at: LATER, actorId: actor.id, statusFrom: 'on_track', statusTo: 'at_risk', dueFrom: null, dueTo: null, version: 2,
      });
      expect(await store.db.actionHistory.count()).toBe(historyBefore + 1);
      expect(await store.db.action.findMany({ where: { ref: { not: 'COM-03' } }, orderBy: { id: 'asc' } })).toEqual(before);

      // The same file again: nothing more.
      const again = await importFolder(store.db, folder, { now: LATER });
      expect(counts(again)).toEqual({ 'actions.csv': [0, 0, 46] });
      expect(await store.db.actionHistory.count()).toBe(historyBefore + 1);
    });

    it('a due date and update text change are recorded; new actions and people are added', async () => {
      const actions = demoText('actions.csv');
      const people = demoText('people.csv');
      const folder = demoCopy({
        only: ['actions.csv', 'people.csv'],
        edit: {
          'actions.csv': (t) => editLine(lineOf(actions, 'COM-06,'), (l) => l.replace('2026-11-14,off_track,Venue for the North event fell through.', '2026-12-12,at_risk,"New venue booked, date moved."'))(t)
            + 'COM-07,"Run a ""you said, we did"" session",,WS1,communication,zkaur,2027-02-26,not_started,,Big Plan 3\n',
          'people.csv': (t) => `${t.trimEnd()}\nzkaur,Zara Kaur,zara.kaur@example.org,owner,,Engagement Officer,Kirklees Council,\n`,
        },
      });
      expect(people).not.toContain('zkaur');
      const report = await importFolder(store.db, folder, { now: LATER });
      expect(counts(report)).toEqual({ 'people.csv': [1, 0, 17], 'actions.csv': [1, 1, 45] });
      expect(report.files['actions.csv']).toMatchObject({ addedKeys: ['COM-07'], changedKeys: ['COM-06'] });

      const com06 = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-06' }, include: { history: { orderBy: { id: 'asc' } } } });
      expect(com06).toMatchObject({ status: 'at_risk', dueDate: new Date('2026-12-12T00:00:00Z'), lastUpdate: 'New venue booked, date moved.', lastUpdateAt: LATER, version: 2 });
      expect(com06.history[1]).toMatchObject({
        statusFrom: 'off_track', statusTo: 'at_risk', dueFrom: new Date('2026-11-14T00:00:00Z'), dueTo: new Date('2026-12-12T00:00:00Z'),
        note: 'New venue booked, date moved.', version: 2,
      });
      const com07 = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-07' }, include: { owner: true, history: true } });
      expect(com07).toMatchObject({ title: 'Run a "you said, we did" session', area: 'communication', version: 1, owner: { key: 'zkaur', roles: ['owner'] } });
      expect(com07.history).toEqual([expect.objectContaining({ statusFrom: null, statusTo: 'not_started', version: 1 })]);
    });

    it('people.csv may leave out the organisation column: what is stored stays; an empty cell clears it', async () => {
      const withoutColumn = (t: string) => t.split('\n').map((l) => {
        if (l === '') return l;
        const cells = l.match(/("[^"]*"|[^,]*)(,|$)/g)!.filter((c) => c !== '');
        return cells.filter((_, i) => i !== 6).join('').replace(/,$/, '');
      }).join('\n');
      const older = demoCopy({ only: ['people.csv'], edit: { 'people.csv': (t) => withoutColumn(t).replace('Communications Officer,', 'Communications Manager,') } });
      expect(fs.readFileSync(path.join(older, 'people.csv'), 'utf8')).toMatch(/^key,name,email,roles,specialism,job_title,teams_aad_object_id\n/);
      const report = await importFolder(store.db, older, { now: LATER });
      expect(counts(report)).toEqual({ 'people.csv': [0, 1, 16] });
      expect(await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } })).toMatchObject({ jobTitle: 'Communications Manager', organisation: 'Kirklees Council' });

      const cleared = demoCopy({ only: ['people.csv'], edit: { 'people.csv': (t) => t.replace('Communications Officer,Kirklees Council,', 'Communications Officer,,') } });
      expect(counts(await importFolder(store.db, cleared, { now: LATER }))).toEqual({ 'people.csv': [0, 1, 16] });
      expect((await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } })).organisation).toBeNull();
    });

    it('updates people, clusters, meetings and requests by their natural keys', async () => {
      const folder = demoCopy({
        only: ['people.csv', 'clusters.csv', 'meetings.csv', 'expert_requests.csv'],
        edit: {
          'people.csv': (t) => t.replace('oprice,Owen Price,owen.price@example.org,owner,', 'oprice,Owen Price,owen.price@example.org,owner;admin,'),
          'clusters.csv': (t) => t.replace('BS2,Birstall and Birkenshaw,Batley and Spen,', 'BS2,Birstall and Birkenshaw,Batley and Spen,eclarke'),
          'meetings.csv': (t) => t.replace('HD1,2026-11-26T15:45:00+00:00,75,Teams', 'HD1,2026-11-26T15:45:00+00:00,60,Teams'),
          'expert_requests.csv': (t) => t.replace(',new,,2026-11-21T16:20:00+00:00,,', ',assigned,fali,2026-11-21T16:20:00+00:00,2026-11-23T09:00:00Z,'),
        },
      });
      const report = await importFolder(store.db, folder, { now: LATER });
      expect(counts(report)).toEqual({ 'people.csv': [0, 1, 16], 'clusters.csv': [0, 1, 17], 'meetings.csv': [0, 1, 3], 'expert_requests.csv': [0, 1, 2] });
      expect(report.files['meetings.csv']?.changedKeys).toEqual(['HD1 2026-11-26T15:45:00+00:00']);
      expect(await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } })).toMatchObject({ roles: ['owner', 'admin'], updatedAt: LATER });
      expect(await store.db.cluster.findUniqueOrThrow({ where: { code: 'BS2' }, include: { chair: true } })).toMatchObject({ chair: { key: 'eclarke' } });
      expect(await store.db.clusterMeeting.findFirstOrThrow({ where: { cluster: { code: 'HD1' } } })).toMatchObject({ durationMinutes: 60, version: 2 });
      const request = await store.db.expertRequest.findUniqueOrThrow({ where: { ref: 'EAH-R-0003' }, include: { assignee: true, events: { orderBy: { id: 'asc' } } } });
      expect(request).toMatchObject({ status: 'assigned', assignee: { key: 'fali' }, firstResponseAt: new Date('2026-11-23T09:00:00Z'), version: 2 });
      expect(request.events.map((e) => e.kind)).toEqual(['created', 'noted']);
      const after = await fingerprint(store.db);
      expect(counts(await importFolder(store.db, folder, { now: LATER }))['expert_requests.csv']).toEqual([0, 0, 3]);
      expect(await fingerprint(store.db)).toBe(after);
    });

    it('lets e-mails move between people in one import', async () => {
      const folder = demoCopy({
        only: ['people.csv'],
        edit: { 'people.csv': (t) => t.replace('alex.morgan@example.org', 'TMP').replace('priya.shah@example.org', 'alex.morgan@example.org').replace('TMP', 'priya.shah@example.org') },
      });
      const report = await importFolder(store.db, folder, { now: LATER });
      expect(report.files['people.csv']).toMatchObject({ changed: 2, changedKeys: ['amorgan', 'pshah'] });
      expect((await store.db.person.findUniqueOrThrow({ where: { key: 'amorgan' } })).email).toBe('priya.shah@example.org');
    });

    it('a dry run reports the same changes and writes nothing', async () => {
      const text = demoText('actions.csv');
      const folder = demoCopy({ edit: { 'actions.csv': editLine(lineOf(text, 'GOV-02,'), (l) => l.replace(',not_started,', ',on_track,')) } });
      const before = await fingerprint(store.db);
      const report = await importFolder(store.db, folder, { now: LATER, dryRun: true });
      expect(report.dryRun).toBe(true);
      expect(report.files['actions.csv']).toMatchObject({ added: 0, changed: 1, unchanged: 45, changedKeys: ['GOV-02'] });
      expect(report.historyRows).toBe(1);
      expect(await fingerprint(store.db)).toBe(before);
    });
  });

  describe('bad input: every error is reported as file:line and nothing is written', () => {
    let store: Store;
    let before: string;
    const actions = demoText('actions.csv');
    const line = (ref: string) => lineOf(actions, `${ref},`);
    /** A changed COM-03 rides along with every bad file: a partial write would show. */
    const withChange = (t: string) => editLine(line('COM-03'), (l) => l.replace(',on_track,', ',complete,'))(t);
    const badActions = (edit: (t: string) => string) => demoCopy({ edit: { 'actions.csv': (t) => edit(withChange(t)) } });

    beforeAll(async () => {
      store = await createTestStore(kind);
      await importFolder(store.db, DEMO_DATA_DIR, { now: NOW });
      before = await fingerprint(store.db);
    });
    afterAll(async () => { await store.close(); });

    const cases: [string, () => string, (string | RegExp)[]][] = [
      ['a bad status', () => badActions(editLine(line('COM-05'), (l) => l.replace(',at_risk,', ',done,'))),
        [`actions.csv:${line('COM-05')}: status "done" is not one of not_started, on_track, at_risk, off_track, complete`]],
      ['a date that does not exist', () => badActions(editLine(line('COM-04'), (l) => l.replace('2027-03-31', '2026-02-30'))),
        [`actions.csv:${line('COM-04')}: due "2026-02-30" is not a real date`]],
      ['a date in another format', () => badActions(editLine(line('COM-04'), (l) => l.replace('2027-03-31', '31/03/2027'))),
        [`actions.csv:${line('COM-04')}: due "31/03/2027" is not a date in the form YYYY-MM-DD`]],
      ['an unknown owner', () => badActions(editLine(line('DAT-01'), (l) => l.replace(',swhitaker,', ',nobody,'))),
        [`actions.csv:${line('DAT-01')}: owner "nobody" is in neither people.csv nor the database`]],
      ['an unknown workstream', () => badActions(editLine(line('PFA-02'), (l) => l.replace(',WS6,', ',WS9,'))),
        [`actions.csv:${line('PFA-02')}: workstream "WS9" is in neither workstreams.csv nor the database`]],
      ['a duplicate ref', () => badActions((t) => `${t}COM-01,Again,,WS1,,oprice,2026-01-01,complete,,\n`),
        [`actions.csv:48: ref "COM-01" appears twice (first on line 2)`]],
      ['a missing column', () => badActions((t) => t.replace('workstream,area_for_improvement,owner,', 'workstream,owner,')),
      [/^actions\.csv:1: missing column area_for_improvement \(the header must be: ref,title,/]],
      ['an unknown column', () => badActions((t) => t.split('\n').map((l, i) => (l === '' ? l : i === 0 ? `${l},notes` : `${l},`)).join('\n')),
        [/^actions\.csv:1: unknown column "notes" \(the header must be: ref,title,/]],
      ['a file that is not UTF-8', () => {
        const dir = badActions((t) => t);
        fs.writeFileSync(path.join(dir, 'people.csv'), Buffer.from(demoText('people.csv').replace('Alex Morgan', 'Zoë Morgan'), 'latin1'));
        return dir;
      }, ['people.csv:1: is not UTF-8 text (save it as "CSV UTF-8")']],
      ['an empty file', () => demoCopy({ edit: { 'actions.csv': () => '', 'people.csv': withChange } }),
        [/^actions\.csv:1: the file is empty \(the first line must be the header: ref,title,plain_title,workstream/]],
      ['a quoted field that is never closed', () => badActions(editLine(line('GOV-01'), (l) => l.replace(',Social care sign-off', ',"Social care sign-off'))),
        [`actions.csv:${line('GOV-01')}: a quoted field is never closed (a " is missing)`]],
      ['a stray quote', () => badActions(editLine(line('GOV-01'), (l) => l.replace('Social care sign-off', 'Social "care" sign-off'))),
        [new RegExp(`^actions\\.csv:${line('GOV-01')}: a " inside an unquoted field`)]],
      ['an unquoted comma', () => badActions(editLine(line('GOV-03'), (l) => l.replace('Pillar leads have the template.', 'Pillar leads, all nine, have it.'))),
        [new RegExp(`^actions\\.csv:${line('GOV-03')}: has 12 fields but the header has 10`)]],
      ['the same meeting twice (same instant, another offset)', () => demoCopy({
        edit: { 'meetings.csv': (t) => `${t}BS1,2026-11-25T14:30:00+01:00,60,Teams,Other\n`, 'actions.csv': withChange },
      }), ['meetings.csv:6: meeting "BS1 2026-11-25T13:30:00+00:00" appears twice (first on line 2)']],
      ['an unknown file name', () => demoCopy({ extra: { 'action.csv': 'ref\n' } }),
        [/^action\.csv: is not one of the plan's files/]],
      ['a bad timestamp and a bad role', () => demoCopy({
        edit: {
          'meetings.csv': (t) => t.replace('2026-11-26T15:45:00+00:00', '2026-11-26 15:45'),
          'people.csv': (t) => t.replace('lead;admin', 'lead;boss'),
          'actions.csv': withChange,
        },
      }), [/^people\.csv:2: roles "boss" is not a role/, /^meetings\.csv:3: starts_at "2026-11-26 15:45" is not a date-time with an offset/]],
      ['a reference to a person only in the database, spelled wrongly', () => demoCopy({
        only: ['settings.csv', 'actions.csv'], edit: { 'settings.csv': (t) => t.replace('Riverside Academy,secondary,DM1,akhan', 'Riverside Academy,secondary,DM9,akhn'), 'actions.csv': withChange },
      }), ['settings.csv:3: cluster "DM9" is in neither clusters.csv nor the database', 'settings.csv:3: senco "akhn" is in neither people.csv nor the database']],
      ['term dates out of order, a half term outside its term, a term twice, a bad academic year', () => demoCopy({
        only: ['term_dates.csv', 'actions.csv'], edit: {
          'term_dates.csv': (t) => t.replace('2026-27,autumn,2026-09-03,2026-12-18,2026-10-26', '2026-27,autumn,2026-09-03,2026-12-18,2026-12-26')
            .replace('2027-01-04,2027-03-26', '2027-01-04,2027-01-03').replace('2027-05-31,2027-06-04', '2027-07-31,2027-08-04')
            + '2026-27,spring,2027-01-05,2027-03-20,,\n2027-29,autumn,2027-09-02,2027-12-17,,\n',
          'actions.csv': withChange,
        },
      }), [
        'term_dates.csv:2: half_term_ends_on 2026-10-30 is before half_term_starts_on 2026-12-26',
        'term_dates.csv:3: ends_on 2027-01-03 is before starts_on 2027-01-04',
        'term_dates.csv:4: the half term 2027-07-31 to 2027-08-04 is not inside the term 2027-04-12 to 2027-07-21',
        'term_dates.csv:5: term "2026-27 spring" appears twice (first on line 3)',
        'term_dates.csv:6: academic_year "2027-29" is not an academic year: the second year must follow the first (such as 2026-27)',
      ]],
      ['overlapping terms', () => demoCopy({
        only: ['term_dates.csv', 'actions.csv'], edit: { 'term_dates.csv': (t) => t.replace('2026-27,summer,2027-04-12', '2026-27,summer,2027-03-12'), 'actions.csv': withChange },
      }), ['term_dates.csv:4: the summer term 2026-27 overlaps the spring term 2026-27 (line 3)']],
      ['an e-mail already used by someone else', () => demoCopy({
        only: ['people.csv', 'actions.csv'], edit: { 'people.csv': (t) => t.replace('priya.shah@example.org', 'alex.morgan@example.org'), 'actions.csv': withChange },
      }), ['people.csv:3: email "alex.morgan@example.org" is already used by "amorgan" on line 2']],
    ];

    for (const [name, folder, expected] of cases) {
      it(name, async () => {
        const errors = await importErrors(store.db, folder());
        expect(errors).toEqual(expected.map((e) => (typeof e === 'string' ? e : expect.stringMatching(e))));
        expect(await fingerprint(store.db)).toBe(before);
      });
    }

    it('collects every error of every file in one go, on physical lines', async () => {
      const folder = demoCopy({
        edit: {
          // A title spanning two lines pushes every later record one physical line down.
          'actions.csv': (t) => editLine(line('COM-02'), (l) => l.replace('Publish the quarterly', '"Publish the\nquarterly').replace('December,', 'December",'))(withChange(t))
            .replace(',pshah,2026-12-18,at_risk,', ',pshah,2026-12-18,late,'),
          'workstreams.csv': (t) => t.replace('WS3,', 'WS2,'),
          'clusters.csv': (t) => t.replace('KR2,Holme Valley,Kirklees Rural,btaylor', 'KR2,Holme Valley,Kirklees Rural,nobody'),
        },
      });
      const errors = await importErrors(store.db, folder);
      expect(errors).toEqual([
        'workstreams.csv:4: code "WS2" appears twice (first on line 3)',
        `actions.csv:${line('COM-05') + 1}: status "late" is not one of not_started, on_track, at_risk, off_track, complete`,
        'clusters.csv:17: chair "nobody" is in neither people.csv nor the database',
      ]);
      expect(await fingerprint(store.db)).toBe(before);
    });

    it('a folder that does not exist', async () => {
      const missing = path.join(tempDir(), 'nope');
      expect(await importErrors(store.db, missing)).toEqual([`${missing}: no such folder`]);
    });
  });

  describe('files are optional', () => {
    it('actions.csv alone imports when its references are in the database, and fails when they are not', async () => {
      const store = await createTestStore(kind);
      try {
        const lonely = demoCopy({ only: ['actions.csv'] });
        const errors = await importErrors(store.db, lonely);
        expect(errors).toHaveLength(46 * 2);
        expect(errors[0]).toBe('actions.csv:2: workstream "WS1" is in neither workstreams.csv nor the database');
        expect(errors[1]).toBe('actions.csv:2: owner "oprice" is in neither people.csv nor the database');
        expect(await store.db.person.count()).toBe(0);

        await importFolder(store.db, demoCopy({ only: ['people.csv', 'workstreams.csv'] }), { now: NOW });
        const report = await importFolder(store.db, lonely, { now: NOW });
        expect(counts(report)).toEqual({ 'actions.csv': [46, 0, 0] });
      } finally {
        await store.close();
      }
    });
  });

  describe('loadDemoDataIfEmpty', () => {
    it('loads into an empty database once, then skips', async () => {
      const store = await createTestStore(kind);
      try {
        expect(await loadDemoDataIfEmpty(store.db, NOW)).toBe('loaded');
        const before = await fingerprint(store.db);
        expect(await store.db.action.count()).toBe(46);
        expect(await loadDemoDataIfEmpty(store.db, LATER)).toBe('skipped');
        expect(await fingerprint(store.db)).toBe(before);
      } finally {
        await store.close();
      }
    });

    it('skips a database that already has people', async () => {
      const store = await createTestStore(kind);
      try {
        await store.db.person.create({ data: { key: 'someone', name: 'Some One', roles: [] } });
        expect(await loadDemoDataIfEmpty(store.db, NOW)).toBe('skipped');
        expect(await store.db.action.count()).toBe(0);
      } finally {
        await store.close();
      }
    });
  });
});
