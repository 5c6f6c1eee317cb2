// Restore: export, wipe, import gives the same plan, history included, on both databases.
// The plan is the demo data after changes of every kind the bot makes (card and chat updates with
// their history rows, an import change, maturity ratings, request events), exported to CSV and
// imported into a new, empty database. Everything is compared by natural keys, order-insensitive,
// ignoring surrogate ids and row bookkeeping (created_at/updated_at). Also: importing the same
// folder again adds nothing; an edit after an export is still recorded once; a restore onto an
// older copy brings it forward without doubling history; a folder from another database is refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DATA_DIR } from '../../src/importer/demo-data.js';
import { exportFolder } from '../../src/importer/export-folder.js';
import { ImportError, importFolder } from '../../src/importer/import-folder.js';
import { formatDate, formatTimestamp, PLAN_FILES } from '../../src/importer/rows.js';
import type { Db, Store } from '../../src/store/database.js';
import { createTestStore, describeEachStore, type StoreKind } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');
const T1 = new Date('2026-11-23T10:15:30.250Z');
const T2 = new Date('2026-11-24T16:45:00Z');
const LATER = new Date('2026-11-25T08:00:00Z');
const RESTORED_AT = new Date('2026-12-01T12:00:00Z');

const temps: string[] = [];
afterAll(() => { for (const d of temps) fs.rmSync(d, { recursive: true, force: true }); });
const tempDir = (): string => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'restore-test-')); temps.push(d); return d; };

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The whole plan by natural keys: lists sorted, so order and surrogate ids do not matter. */
async function planOf(db: Db): Promise<Record<string, unknown>> {
  const people = await db.person.findMany();
  const key = new Map(people.map((p) => [p.id, p.key]));
  const k = (id: number | null): string | null => (id === null ? null : key.get(id) ?? `?${id}`);
  const workstreams = await db.workstream.findMany();
  const wsCode = new Map(workstreams.map((w) => [w.id, w.code]));
  const clusters = await db.cluster.findMany();
  const clusterCode = new Map(clusters.map((c) => [c.id, c.code]));
  const settings = await db.setting.findMany();
  const settingName = new Map(settings.map((s) => [s.id, s.name]));
  const actions = await db.action.findMany();
  const actionRef = new Map(actions.map((a) => [a.id, a.ref]));
  const requests = await db.expertRequest.findMany();
  const requestRef = new Map(requests.map((r) => [r.id, r.ref]));
  const history = await db.actionHistory.findMany({ orderBy: { id: 'asc' } });
  const sorted = <T>(xs: T[]): T[] => xs.map((x) => JSON.stringify(x)).sort().map((s) => JSON.parse(s) as T);

  // Per action, the order its history rows were written (the newest written is "the last change").
  const sequence = new Map<string, string[]>();
  for (const h of history) {
    const ref = actionRef.get(h.actionId)!;
    sequence.set(ref, [...(sequence.get(ref) ?? []), `${h.version ?? '-'}@${iso(h.at)}`]);
  }
  return {
    people: sorted(people.map((p) => ({ key: p.key, name: p.name, email: p.email, jobTitle: p.jobTitle, aad: p.aadObjectId, roles: p.roles, specialism: p.specialism, active: p.active }))),
    workstreams: sorted(workstreams.map((w) => ({ code: w.code, name: w.name, pillar: w.pillar, lead: k(w.leadId) }))),
    actions: sorted(actions.map((a) => ({
      ref: a.ref, title: a.title, workstream: wsCode.get(a.workstreamId), area: a.area, owner: k(a.ownerId), due: formatDate(a.dueDate), status: a.status,
      lastUpdate: a.lastUpdate, lastUpdateAt: iso(a.lastUpdateAt), successMeasure: a.successMeasure, source: a.source, version: a.version,
      history: sequence.get(a.ref) ?? [],
    }))),
    history: sorted(history.map((h) => ({
      ref: actionRef.get(h.actionId), at: iso(h.at), actor: k(h.actorId), via: h.via, statusFrom: h.statusFrom, statusTo: h.statusTo,
      dueFrom: h.dueFrom ? formatDate(h.dueFrom) : null, dueTo: h.dueTo ? formatDate(h.dueTo) : null, note: h.note, version: h.version,
    }))),
    ratings: sorted((await db.maturityRating.findMany()).map((m) => ({ pillar: m.pillar, score: m.score, note: m.note, by: k(m.ratedById), at: iso(m.ratedAt) }))),
    clusters: sorted(clusters.map((c) => ({ code: c.code, name: c.name, area: c.area, chair: k(c.chairId) }))),
    settings: sorted(settings.map((s) => ({ name: s.name, phase: s.phase, cluster: clusterCode.get(s.clusterId), senco: k(s.sencoId) }))),
    meetings: sorted((await db.clusterMeeting.findMany()).map((m) => ({
      cluster: clusterCode.get(m.clusterId), startsAt: iso(m.startsAt), timeZone: m.timeZone, minutes: m.durationMinutes, location: m.location,
      agenda: m.agenda, notes: m.notes, version: m.version,
    }))),
    // A request's version is not in the CSV files: it restarts at 1 (see docs/RELIABILITY.md).
    requests: sorted(requests.map((r) => ({
      ref: r.ref, requester: k(r.requesterId), setting: settingName.get(r.settingId), specialism: r.specialism, kind: r.kind, summary: r.summary,
      status: r.status, assignee: k(r.assigneeId), outcome: r.outcome, createdAt: iso(r.createdAt), firstResponseAt: iso(r.firstResponseAt), closedAt: iso(r.closedAt),
    }))),
    events: sorted((await db.expertRequestEvent.findMany()).map((e) => ({ ref: requestRef.get(e.requestId), at: iso(e.at), actor: k(e.actorId), kind: e.kind, note: e.note }))),
  };
}

/** What a card or chat update writes: the action at the next version and its history row, in one transaction. */
async function updateAction(db: Db, ref: string, as: string, at: Date, via: 'card' | 'chat',
  change: { status?: 'not_started' | 'on_track' | 'at_risk' | 'off_track' | 'complete'; due?: string; note?: string | null; lastUpdate?: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const a = await tx.action.findUniqueOrThrow({ where: { ref } });
    const actor = await tx.person.findUniqueOrThrow({ where: { key: as } });
    const status = change.status ?? a.status;
    const due = change.due ? new Date(`${change.due}T00:00:00Z`) : a.dueDate;
    const { count } = await tx.action.updateMany({
      where: { id: a.id, version: a.version },
      data: { status, dueDate: due, ...(change.lastUpdate ? { lastUpdate: change.lastUpdate } : {}), lastUpdateAt: at, updatedAt: at, version: { increment: 1 } },
    });
    expect(count).toBe(1);
    const dueMoved = due.getTime() !== a.dueDate.getTime();
    await tx.actionHistory.create({
      data: {
        actionId: a.id, actorId: actor.id, at, via, statusFrom: a.status, statusTo: status,
        dueFrom: dueMoved ? a.dueDate : null, dueTo: dueMoved ? due : null, note: change.note ?? null, version: a.version + 1,
      },
    });
  });
}

/** The demo plan after changes of every kind. */
async function changedPlan(kind: StoreKind): Promise<Store> {
  const store = await createTestStore(kind);
  const db = store.db;
  await importFolder(db, DEMO_DATA_DIR, { now: NOW });
  await updateAction(db, 'COM-03', 'oprice', T1, 'card', { status: 'at_risk', note: 'Draft late: forum asked for more time.\nNew date agreed.', lastUpdate: 'Draft late: forum asked for more time.' });
  await updateAction(db, 'COM-03', 'oprice', T2, 'chat', {}); // "still at risk": a confirmation
  await updateAction(db, 'COM-06', 'pshah', T1, 'card', { due: '2026-12-12', note: '  Venue moved to December (reason: building works)  ' });
  // A change by import, with its own history row, while the plan is in use.
  const actor = await db.person.findUniqueOrThrow({ where: { key: 'amorgan' } });
  const exported = tempDir();
  await exportFolder(db, exported);
  const folder = tempDir();
  fs.writeFileSync(path.join(folder, 'actions.csv'), fs.readFileSync(path.join(exported, 'actions.csv'), 'utf8').replace(/^(GOV-02,.*),not_started,/m, '$1,on_track,'));
  expect((await importFolder(db, folder, { now: LATER, actorId: actor.id })).historyRows).toBe(1);
  // A history row with no version (an old-style note), and the same rating twice at one instant (a pinned clock).
  const dat01 = await db.action.findUniqueOrThrow({ where: { ref: 'DAT-01' } });
  await db.actionHistory.create({ data: { actionId: dat01.id, actorId: null, at: T2, via: 'system', note: 'Reminder sent to the owner.' } });
  await db.maturityRating.createMany({
    data: [
      { pillar: '1', score: 2, note: 'Co-production charter signed', ratedById: actor.id, ratedAt: T1 },
      { pillar: '5a', score: 1, note: null, ratedById: actor.id, ratedAt: T2 },
      { pillar: '5a', score: 1, note: null, ratedById: actor.id, ratedAt: T2 },
      { pillar: '3', score: 0, note: 'No rater recorded', ratedById: null, ratedAt: T2 },
    ],
  });
  // An Experts at Hand request claimed, answered and closed with an outcome, with its events
  // (closing writes the outcome as the 'closed' event's note, as src/flows/experts/requests.ts does).
  const request = await db.expertRequest.findUniqueOrThrow({ where: { ref: 'EAH-R-0003' } });
  const expert = await db.person.findUniqueOrThrow({ where: { key: 'fali' } });
  const outcome = 'Walk-through done; three low-cost changes agreed with the SENCO.';
  await db.expertRequest.update({
    where: { id: request.id },
    data: { status: 'closed', assigneeId: expert.id, firstResponseAt: T1, closedAt: LATER, outcome, version: { increment: 3 } },
  });
  await db.expertRequestEvent.createMany({
    data: [
      { requestId: request.id, actorId: expert.id, at: T1, kind: 'claimed' },
      { requestId: request.id, actorId: expert.id, at: T2, kind: 'answered', note: 'Walk-through booked, "sensory" checklist attached' },
      { requestId: request.id, actorId: null, at: T2, kind: 'reminded', note: null },
      { requestId: request.id, actorId: expert.id, at: LATER, kind: 'closed', note: outcome },
    ],
  });
  return store;
}

const lines = (file: string): string[] => fs.readFileSync(file, 'utf8').split('\n');

describeEachStore('restore: export, wipe, import', (kind) => {
  let original: Store;
  let restored: Store;
  let folder: string;
  beforeAll(async () => {
    original = await changedPlan(kind);
    folder = tempDir();
    await exportFolder(original.db, folder);
    restored = await createTestStore(kind); // the wipe: a new, empty database
  }, 120_000);
  afterAll(async () => { await original?.close(); await restored?.close(); });

  it('exports the history files', () => {
    expect(fs.readdirSync(folder).sort()).toEqual([...PLAN_FILES].sort());
    expect(lines(path.join(folder, 'action_history.csv'))[0]).toBe('ref,at,actor,via,status_from,status_to,due_from,due_to,note,version');
    expect(lines(path.join(folder, 'action_history.csv'))).toContain(`COM-03,${formatTimestamp(T1)},oprice,card,on_track,at_risk,,,"Draft late: forum asked for more time.`);
    expect(lines(path.join(folder, 'maturity_ratings.csv'))[0]).toBe('pillar,score,note,rated_by,rated_at');
    expect(lines(path.join(folder, 'expert_request_events.csv'))[0]).toBe('ref,at,actor,kind,note');
  });

  it('gives the same plan, history included', async () => {
    const report = await importFolder(restored.db, folder, { now: RESTORED_AT });
    // 46 actions: each with its import row, COM-03 two more, COM-06 and GOV-02 one more, DAT-01 a note.
    expect(report.historyRows).toBe(46 + 2 + 1 + 1 + 1);
    expect(report.files['action_history.csv']).toMatchObject({ added: 51, unchanged: 0 });
    expect(report.files['maturity_ratings.csv']).toMatchObject({ added: 4, unchanged: 0 });
    expect(report.files['expert_request_events.csv']).toMatchObject({ added: 7, unchanged: 0 });
    const want = await planOf(original.db);
    const got = await planOf(restored.db);
    expect(got).toEqual(want);
    // A sample, to be sure the comparison compares something.
    expect((want.actions as { ref: string }[]).find((a) => a.ref === 'COM-03')).toMatchObject({
      status: 'at_risk', version: 3, lastUpdateAt: T2.toISOString(), history: [`1@${NOW.toISOString()}`, `2@${T1.toISOString()}`, `3@${T2.toISOString()}`],
    });
    // No row of the importer's own on a restore: nothing is dated RESTORED_AT.
    expect(await restored.db.actionHistory.count({ where: { at: RESTORED_AT } })).toBe(0);
    expect(await restored.db.expertRequestEvent.count({ where: { at: RESTORED_AT } })).toBe(0);
  });

  it('exports the restored plan as the very same files', async () => {
    const again = tempDir();
    await exportFolder(restored.db, again);
    for (const file of PLAN_FILES) {
      expect(fs.readFileSync(path.join(again, file), 'utf8'), file).toBe(fs.readFileSync(path.join(folder, file), 'utf8'));
    }
  });

  it('importing the same folder again adds nothing', async () => {
    const before = await planOf(restored.db);
    const counts = { history: await restored.db.actionHistory.count(), ratings: await restored.db.maturityRating.count(), events: await restored.db.expertRequestEvent.count() };
    const report = await importFolder(restored.db, folder, { now: LATER });
    expect(report.historyRows).toBe(0);
    for (const [file, r] of Object.entries(report.files)) expect([file, r.added, r.changed]).toEqual([file, 0, 0]);
    expect(await planOf(restored.db)).toEqual(before);
    expect({ history: await restored.db.actionHistory.count(), ratings: await restored.db.maturityRating.count(), events: await restored.db.expertRequestEvent.count() }).toEqual(counts);
  });

  it('an edit after an export is recorded once, next to the restored history', async () => {
    const edited = tempDir();
    for (const file of PLAN_FILES) fs.copyFileSync(path.join(folder, file), path.join(edited, file));
    const actionsFile = path.join(edited, 'actions.csv');
    fs.writeFileSync(actionsFile, fs.readFileSync(actionsFile, 'utf8').replace(/^(COM-03,.*),at_risk,/m, '$1,on_track,'));
    const report = await importFolder(restored.db, edited, { now: LATER });
    expect(report.files['actions.csv']?.changedKeys).toEqual(['COM-03']);
    expect(report.historyRows).toBe(1);
    const com03 = await restored.db.action.findUniqueOrThrow({ where: { ref: 'COM-03' }, include: { history: { orderBy: { id: 'asc' } } } });
    expect(com03.version).toBe(4);
    expect(com03.history.map((h) => [h.version, h.via])).toEqual([[1, 'import'], [2, 'card'], [3, 'chat'], [4, 'import']]);
    expect(com03.history[3]).toMatchObject({ at: LATER, statusFrom: 'at_risk', statusTo: 'on_track' });
  });

  it('a restore onto an older copy brings it forward without doubling history', async () => {
    const older = await createTestStore(kind);
    try {
      await importFolder(older.db, DEMO_DATA_DIR, { now: NOW });
      const report = await importFolder(older.db, folder, { now: RESTORED_AT });
      // COM-03, COM-06 and GOV-02 move to the versions their history names; no rows of the importer's own.
      expect(report.files['actions.csv']).toMatchObject({ added: 0, changed: 3 });
      expect(report.files['actions.csv']?.changedKeys.sort()).toEqual(['COM-03', 'COM-06', 'GOV-02']);
      expect(report.files['action_history.csv']).toMatchObject({ added: 5, unchanged: 46 });
      expect(await older.db.actionHistory.count({ where: { at: RESTORED_AT } })).toBe(0);
      const want = await planOf(original.db);
      const got = await planOf(older.db);
      // Requests changed here get a 'noted' event of the importer's own (events carry no version).
      const noted = (got.events as { kind: string; at: string }[]).filter((e) => e.kind === 'noted' && e.at === RESTORED_AT.toISOString());
      expect(noted).toHaveLength(1);
      expect({ ...got, events: (got.events as { at: string }[]).filter((e) => !noted.includes(e as never)) }).toEqual(want);
    } finally {
      await older.close();
    }
  });

  it('refuses history from another database, and changes nothing', async () => {
    const other = await createTestStore(kind);
    try {
      await importFolder(other.db, DEMO_DATA_DIR, { now: LATER }); // the same plan, imported at another time
      const before = await planOf(other.db);
      let error: unknown;
      try { await importFolder(other.db, folder, { now: RESTORED_AT }); } catch (err) { error = err; }
      expect(error).toBeInstanceOf(ImportError);
      const errors = (error as ImportError).errors;
      expect(errors[0]).toMatch(/^action_history\.csv:2: COM-01 version 1 is already in the database with other details/);
      expect(errors.every((e) => e.startsWith('action_history.csv:'))).toBe(true);
      expect(await planOf(other.db)).toEqual(before);
    } finally {
      await other.close();
    }
  });
});

describe('history files on their own', () => {
  it('report bad rows as file:line', async () => {
    const store = await createTestStore('embedded');
    try {
      await importFolder(store.db, DEMO_DATA_DIR, { now: NOW });
      const dir = tempDir();
      fs.writeFileSync(path.join(dir, 'action_history.csv'), [
        'ref,at,actor,via,status_from,status_to,due_from,due_to,note,version',
        'COM-01,2026-11-23T10:00:00+00:00,oprice,card,complete,complete,,,,2',
        'NOPE-1,2026-11-23T10:00:00+00:00,,card,,,,,,',
        'COM-02,yesterday,nobody,fax,done,,2026-02-30,,,0',
        'COM-01,2026-11-23T11:00:00+00:00,,chat,,,,,,2',
        '',
      ].join('\n'));
      fs.writeFileSync(path.join(dir, 'expert_request_events.csv'), 'ref,at,actor,kind,note\nEAH-R-0009,2026-11-23T10:00:00Z,,liked,\n');
      fs.writeFileSync(path.join(dir, 'maturity_ratings.csv'), 'pillar,score,note,rated_by,rated_at\n5a,4,,amorgan,2026-11-23T10:00:00Z\n');
      let error: unknown;
      try { await importFolder(store.db, dir, { now: LATER }); } catch (err) { error = err; }
      expect(error).toBeInstanceOf(ImportError);
      expect((error as ImportError).errors).toEqual([
        'action_history.csv:2: COM-01 version 2 is newer than the database\'s version 1, and actions.csv does not give COM-01 as it was then',
        'action_history.csv:3: ref "NOPE-1" is in neither actions.csv nor the database',
        'action_history.csv:4: at "yesterday" is not a date-time with an offset, such as 2026-11-25T13:30:00+00:00',
        'action_history.csv:4: via "fax" is not one of card, chat, import, system',
        'action_history.csv:4: status_from "done" is not one of not_started, on_track, at_risk, off_track, complete',
        'action_history.csv:4: due_from "2026-02-30" is not a real date',
        'action_history.csv:4: version "0" is not a version from 1 to 1000000000',
        'action_history.csv:5: COM-01 version 2 appears twice (first on line 2)',
        'maturity_ratings.csv:2: score "4" is not a score from 0 to 3',
        'expert_request_events.csv:2: kind "liked" is not one of created, claimed, answered, closed, reminded, escalated, noted',
      ]);
    } finally {
      await store.close();
    }
  });
});
