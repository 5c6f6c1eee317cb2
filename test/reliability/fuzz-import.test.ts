// Property-based fuzzing of the CSV import (fast-check): random cells, rows, quoting, line ends,
// byte order marks, unicode edge cases, invalid dates and numbers, huge fields, broken headers,
// random edits of the demo files and files that are not UTF-8. Whatever the folder holds, the
// import either succeeds (and then a second import of the same folder changes nothing) or throws
// ImportError whose every issue names a file and, for rows, a physical line; never an error of
// another kind, and after an error the database is exactly as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatCsvField, parseCsv, writeCsv } from '../../src/importer/csv.js';
import { DEMO_DATA_DIR } from '../../src/importer/demo-data.js';
import { ImportError, importFolder } from '../../src/importer/import-folder.js';
import { COLUMNS, IMPORT_FILES, PLAN_FILES, type PlanFileName } from '../../src/importer/rows.js';
import type { Db, Store } from '../../src/store/database.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fuzz-import-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let folderCount = 0;

/** Counts of everything import touches, and the versions and states of what it versions. */
async function fingerprint(db: Db): Promise<string> {
  const byId = { orderBy: { id: 'asc' as const } };
  return JSON.stringify({
    counts: await Promise.all([
      db.person.count(), db.workstream.count(), db.action.count(), db.actionHistory.count(), db.cluster.count(), db.setting.count(),
      db.clusterMeeting.count(), db.expertRequest.count(), db.expertRequestEvent.count(), db.maturityRating.count(),
    ]),
    people: (await db.person.findMany(byId)).map((p) => [p.key, p.name, p.email, p.roles, p.aadObjectId]),
    actions: (await db.action.findMany(byId)).map((a) => [a.ref, a.version, a.status, a.dueDate.toISOString(), a.lastUpdate, a.title]),
    meetings: (await db.clusterMeeting.findMany(byId)).map((m) => [m.version, m.durationMinutes, m.location]),
    requests: (await db.expertRequest.findMany(byId)).map((r) => [r.ref, r.version, r.status]),
    lastHistory: (await db.actionHistory.findFirst({ orderBy: { id: 'desc' } }))?.id ?? 0,
  });
}

// ---- generators ----------------------------------------------------------------------------

const plausible = fc.constantFrom(
  '', 'WS1', 'WS9', 'oprice', 'amorgan', 'nobody', 'COM-01', 'COM-99', 'NEW-1', '2026-11-30', 'on_track', 'at_risk', 'Communication', 'ehc_plans',
  '2026-11-25T13:30:00+00:00', '2026-11-25T13:30:00.123Z', '90', 'lead;admin', 'owner', 'primary', 'BS1', 'Oakfield Primary School',
  'speech_and_language', 'tailored_guidance', 'new', 'closed', 'card', 'import', 'claimed', '1', '2', '5a', '3', 'Big Plan 3',
  'alex.morgan@example.org', '6f1c2a10-0001-4a6e-9c1a-000000000001',
);
const badDates = fc.constantFrom(
  '2026-02-30', '0000-01-01', '2026-13-01', '99999-01-01', '2026-1-1', '31/12/2026', '2026-11-25T25:00:00Z', '2026-11-25T10:00:00+15:00',
  '2026-11-25T10:00:00', '2026-11-25 10:00', 'NaN', '1e309', '-1', '0', '2147483648', '1441', '  7  ', '0x1F', '½',
);
const nasty = fc.constantFrom(
  '"', '""', 'a"b', '"unterminated', '\r', '\n', '\r\n', ',', ';;', ';', '\u0000', 'a\u0000b', '\uFEFF', '\u202Eevil', 'ẞ', '🙂', '\uD800', '\uDFFF',
  'e\u0301', '\t', ' padded ', '__proto__', 'constructor', 'null', 'undefined', '<script>', "'; DROP TABLE people; --", '\\', '%s%n',
);
// Long and incompressible (an index entry cannot shrink it), as well as long and repetitive.
const noise = crypto.randomBytes(2_400).toString('base64url');
const huge = fc.constantFrom('x'.repeat(200_000), 'é'.repeat(6_000), 'K'.repeat(3_000), `a${'\n'.repeat(2_000)}b`, noise, `${noise} ${noise}`);
const cellArb = fc.oneof(
  { arbitrary: plausible, weight: 6 },
  { arbitrary: badDates, weight: 2 },
  { arbitrary: nasty, weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: huge, weight: 1 },
);

/** A file written from cells: a correct, shuffled or damaged header, then rows, quoted properly or not. */
const builtFile = fc.record({
  file: fc.constantFrom<PlanFileName | 'notes.csv'>(...PLAN_FILES, 'notes.csv'),
  header: fc.constantFrom('right', 'shuffled', 'missing', 'extra', 'upper'),
  rows: fc.array(fc.array(cellArb, { minLength: 0, maxLength: 12 }), { maxLength: 6 }),
  padRows: fc.boolean(),
  quote: fc.constantFrom('proper', 'raw'),
  eol: fc.constantFrom('\n', '\r\n', '\r'),
  bom: fc.boolean(),
}).map((f) => {
  const columns: string[] = f.file === 'notes.csv' ? ['note'] : [...COLUMNS[f.file]];
  const header = f.header === 'shuffled' ? [...columns].reverse() : f.header === 'missing' ? columns.slice(1)
    : f.header === 'extra' ? [...columns, 'extra'] : f.header === 'upper' ? columns.map((c) => ` ${c.toUpperCase()} `) : columns;
  const rows = f.rows.map((r) => (f.padRows ? Array.from({ length: header.length }, (_, i) => r[i] ?? '') : r));
  const line = (cells: string[]) => cells.map((c) => (f.quote === 'proper' ? formatCsvField(c) : c)).join(',');
  const text = (f.bom ? '\uFEFF' : '') + [line(header), ...rows.map(line)].join(f.eol) + f.eol;
  return { name: f.file, content: Buffer.from(text, 'utf8') };
});

/** A demo file with random edits: characters cut out, text put in, lines doubled. */
const demoText = Object.fromEntries(IMPORT_FILES.map((f) => [f, fs.readFileSync(path.join(DEMO_DATA_DIR, f), 'utf8')])) as Record<string, string>;
const editedDemo = fc.record({
  file: fc.constantFrom(...IMPORT_FILES),
  edits: fc.array(fc.record({ at: fc.nat(), cut: fc.nat({ max: 30 }), put: fc.oneof(cellArb, fc.constantFrom(',', '"', '\n', ',,')) }), { minLength: 1, maxLength: 4 }),
  doubleLine: fc.option(fc.nat()),
}).map(({ file, edits, doubleLine }) => {
  let text = demoText[file]!;
  for (const e of edits) {
    const at = e.at % (text.length + 1);
    text = text.slice(0, at) + e.put + text.slice(at + e.cut);
  }
  if (doubleLine !== null) {
    const lines = text.split('\n');
    const i = doubleLine % lines.length;
    lines.splice(i, 0, lines[i]!);
    text = lines.join('\n');
  }
  return { name: file, content: Buffer.from(text, 'utf8') };
});

/** A demo file with one cell replaced: the structure stays valid, so odd values reach the database. */
const demoRecords = Object.fromEntries(IMPORT_FILES.map((f) => [f, parseCsv(demoText[f]!).records.map((r) => r.fields)])) as Record<string, string[][]>;
const oneCellDemo = fc.record({ file: fc.constantFrom(...IMPORT_FILES), row: fc.nat(), column: fc.nat(), value: cellArb, eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n') })
  .map(({ file, row, column, value, eol }) => {
    const records = demoRecords[file]!.map((r) => [...r]);
    const r = records[1 + (row % (records.length - 1))]!;
    r[column % r.length] = value;
    return { name: file, content: Buffer.from(writeCsv(records, { eol }), 'utf8') };
  });

/** History files of mostly plausible rows about the demo plan. */
const refs = demoRecords['actions.csv']!.slice(1).map((r) => r[0]!);
const keys = demoRecords['people.csv']!.slice(1).map((r) => r[0]!);
const stamp = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2027, 11, 31) }).map((t) => new Date(t).toISOString());
const historyFile = fc.oneof(
  fc.array(fc.tuple(fc.constantFrom(...refs), stamp, fc.constantFrom('', ...keys), fc.constantFrom('card', 'chat', 'import', 'system'),
    fc.constantFrom('', 'on_track', 'at_risk'), fc.constantFrom('', 'complete'), fc.constantFrom('', '2026-12-01'), fc.constantFrom('', '2027-01-31'),
    fc.oneof(fc.constant(''), cellArb), fc.constantFrom('', '', '1', '2', '3')), { minLength: 1, maxLength: 5 })
    .map((rows) => ({ name: 'action_history.csv', content: Buffer.from(writeCsv([[...COLUMNS['action_history.csv']], ...rows]), 'utf8') })),
  fc.array(fc.tuple(fc.constantFrom('1', '5a', '7', '12b'), fc.constantFrom('0', '3', '2'), fc.oneof(fc.constant(''), cellArb), fc.constantFrom('', ...keys), stamp), { minLength: 1, maxLength: 4 })
    .map((rows) => ({ name: 'maturity_ratings.csv', content: Buffer.from(writeCsv([[...COLUMNS['maturity_ratings.csv']], ...rows]), 'utf8') })),
  fc.array(fc.tuple(fc.constantFrom('EAH-R-0001', 'EAH-R-0002', 'EAH-R-0003'), stamp, fc.constantFrom('', ...keys), fc.constantFrom('claimed', 'closed', 'noted'), fc.oneof(fc.constant(''), cellArb)), { minLength: 1, maxLength: 4 })
    .map((rows) => ({ name: 'expert_request_events.csv', content: Buffer.from(writeCsv([[...COLUMNS['expert_request_events.csv']], ...rows]), 'utf8') })),
);

/** Bytes that are not UTF-8. */
const notUtf8 = fc.record({ file: fc.constantFrom(...PLAN_FILES), bytes: fc.uint8Array({ minLength: 1, maxLength: 200 }) })
  .map(({ file, bytes }) => ({ name: file, content: Buffer.concat([Buffer.from(`${COLUMNS[file].join(',')}\n`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(bytes)]) }));

const folderArb = fc.array(fc.oneof(
  { arbitrary: oneCellDemo, weight: 6 }, { arbitrary: historyFile, weight: 4 }, { arbitrary: builtFile, weight: 3 },
  { arbitrary: editedDemo, weight: 3 }, { arbitrary: notUtf8, weight: 1 },
), { minLength: 1, maxLength: 3 })
  .map((files) => [...new Map(files.map((f) => [f.name, f])).values()]);

function writeFolder(files: { name: string; content: Buffer }[]): string {
  const dir = path.join(root, `f${folderCount++}`);
  fs.mkdirSync(dir);
  for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.content);
  return dir;
}

const physicalLines = (content: Buffer): number => content.toString('utf8').split(/\r\n|\r|\n/).length;

// ---- the property --------------------------------------------------------------------------

describeEachStore('fuzzing the CSV import', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await createTestStore(kind);
    await importFolder(store.db, DEMO_DATA_DIR, { now: NOW });
  }, 60_000);
  afterAll(async () => { await store?.close(); });

  it('either imports, and again changes nothing, or reports file:line and changes nothing', async () => {
    let imported = 0;
    let refused = 0;
    await fc.assert(fc.asyncProperty(folderArb, async (files) => {
      const dir = writeFolder(files);
      const before = await fingerprint(store.db);
      try {
        await importFolder(store.db, dir, { now: NOW });
      } catch (err) {
        if (!(err instanceof ImportError)) throw new Error(`not an ImportError: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`);
        refused++;
        expect(err.issues.length).toBeGreaterThan(0);
        for (const issue of err.issues) {
          const file = files.find((f) => f.name === issue.file);
          if (issue.line !== undefined) {
            // A row problem: in a file of the folder, on one of its physical lines.
            expect(file, issue.file).toBeDefined();
            expect(Number.isInteger(issue.line) && issue.line >= 1 && issue.line <= physicalLines(file!.content), `${issue.file}:${issue.line}`).toBe(true);
          } else {
            // A problem with a whole file (an unknown name) or the folder.
            expect(file !== undefined || issue.file === dir, issue.file).toBe(true);
          }
          expect(issue.reason.length).toBeGreaterThan(0);
        }
        expect(await fingerprint(store.db)).toBe(before);
        return;
      }
      imported++;
      const settled = await fingerprint(store.db);
      const again = await importFolder(store.db, dir, { now: new Date(NOW.getTime() + 60_000) });
      for (const [file, r] of Object.entries(again.files)) expect([file, r.added, r.changed]).toEqual([file, 0, 0]);
      expect(await fingerprint(store.db)).toBe(settled);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? (kind === 'embedded' ? 200 : 80)), interruptAfterTimeLimit: Number(process.env.FUZZ_MS ?? 100_000) });
    // The generators reach both outcomes.
    expect(refused).toBeGreaterThan(0);
    expect(imported).toBeGreaterThan(0);
    console.log(`[fuzz-import ${kind}] ${imported} imported, ${refused} refused`);
  }, Number(process.env.FUZZ_MS ?? 100_000) + 80_000);

  // Found by the fuzzer: text the database cannot store or index (a NUL character; a name longer
  // than a btree entry allows) failed deep in the database instead of as a row error.
  it('refuses text the database cannot store or index, as file:line, before writing anything', async () => {
    const people = demoText['people.csv']!;
    const cases: [string, string, RegExp][] = [
      ['a NUL in a name', people.replace('Alex Morgan', 'Alex\u0000Morgan'), /^people\.csv:2: name contains a NUL character/],
      ['an incompressible name', people.replace('Alex Morgan', noise), /^people\.csv:2: name is longer than 200 characters \(3200\)$/],
      ['an incompressible key', people.replace('amorgan,Alex', `${noise},Alex`).replace('6f1c2a10-0001-4a6e-9c1a-000000000001', ''), /^people\.csv:2: key is longer than 100 characters/],
      ['a huge e-mail', people.replace('alex.morgan@example.org', `${'a'.repeat(300)}@example.org`), /^people\.csv:2: email is longer than 254 characters/],
    ];
    for (const [label, text, error] of cases) {
      const dir = writeFolder([{ name: 'people.csv', content: Buffer.from(text, 'utf8') }]);
      const before = await fingerprint(store.db);
      let caught: unknown;
      try { await importFolder(store.db, dir, { now: NOW }); } catch (err) { caught = err; }
      expect(caught, label).toBeInstanceOf(ImportError);
      expect((caught as ImportError).errors, label).toEqual([expect.stringMatching(error)]);
      expect(await fingerprint(store.db)).toBe(before);
    }
  });
});
