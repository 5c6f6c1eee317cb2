// The three jobs on the demo plan: who gets what, idempotency (a job run twice queues each
// message once), snoozes, the weekly digest, and the quarterly cycle walked day by day.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runOwnerNudges } from '../../src/jobs/owner-nudges.js';
import { runQuarterlyCycle } from '../../src/jobs/quarterly-cycle.js';
import { runWeeklyDigest } from '../../src/jobs/weekly-digest.js';
import { findJob, jobNames } from '../../src/jobs/registry.js';
import type { JobDeps } from '../../src/jobs/types.js';
import type { Store } from '../../src/store/database.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { depsFor, withDemo } from './support.js';

const keysOf = async (store: Store, where: Record<string, unknown> = {}) =>
  (await store.db.outboxMessage.findMany({ where, orderBy: { recipientKey: 'asc' } })).map((m) => `${m.recipientKey.replace('person:', '')} ${m.kind}`);

it('registers the jobs the contract names', () => {
  expect(jobNames()).toEqual(expect.arrayContaining(['owner-nudges', 'weekly-digest', 'quarterly-cycle']));
  expect(findJob('weekly-digest')?.period).toBe('week');
});

describeEachStore('jobs on the demo plan', (kind) => {
  let store: Store;
  let deps: JobDeps;
  let dataDir: string;
  beforeEach(async () => {
    store = await withDemo(await createTestStore(kind));
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jobs-test-'));
    deps = depsFor(store, { DATA_DIR: dataDir });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('owner nudges: one message per owner, a lead copy after 14 days, and nothing new when run twice', async () => {
    const run = { now: new Date('2026-11-23T09:00:00Z'), period: '2026-11-23' };
    const first = await runOwnerNudges(run, deps);
    expect(first).toMatchObject({ queued: 7, wanted: 7 });
    expect(await keysOf(store)).toEqual([
      'amorgan nudge', 'dpatel lead-copy', 'gokafor nudge', 'lbyrne nudge', 'nhussain nudge', 'oprice nudge', 'swhitaker nudge',
    ]);
    const oprice = await store.db.outboxMessage.findFirst({ where: { recipientKey: 'person:oprice' } });
    const payload = oprice!.payload as { text: string; cards: unknown[] };
    expect(payload.text).toMatch(/1 action overdue and 1 due in the next 7 days/);
    expect(JSON.stringify(payload.cards)).toMatch(/COM-06[\s\S]*COM-03/);
    expect(JSON.stringify(payload.cards)).toContain('"verb":"action.edit"');
    const copy = await store.db.outboxMessage.findFirst({ where: { kind: 'lead-copy' } });
    expect(JSON.stringify(copy!.payload)).toMatch(/EAH-05.*Owner: Grace Okafor/);

    const again = await runOwnerNudges({ ...run, now: new Date('2026-11-23T09:04:00Z') }, deps);
    expect(again).toMatchObject({ queued: 0, wanted: 7 });
    expect(await store.db.outboxMessage.count()).toBe(7);
  });

  it('owner nudges honour "snooze until Monday" and "mute COM-06 until 1 December"', async () => {
    const oprice = await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } });
    const amorgan = await store.db.person.findUniqueOrThrow({ where: { key: 'amorgan' } });
    const gov02 = await store.db.action.findUniqueOrThrow({ where: { ref: 'GOV-02' } });
    await store.db.reminderSnooze.create({ data: { personId: oprice.id, actionId: null, until: new Date('2026-11-30') } });
    await store.db.reminderSnooze.create({ data: { personId: amorgan.id, actionId: gov02.id, until: new Date('2026-12-01') } });
    await runOwnerNudges({ now: new Date('2026-11-24T09:00:00Z'), period: '2026-11-24' }, deps);
    const keys = await keysOf(store);
    expect(keys).not.toContain('oprice nudge');
    expect(keys).not.toContain('amorgan nudge'); // GOV-02 was their only one
    // Monday 30 November: the snooze is over.
    await runOwnerNudges({ now: new Date('2026-11-30T09:00:00Z'), period: '2026-11-30' }, deps);
    expect(await keysOf(store, { period: '2026-11-30' })).toContain('oprice nudge');
  });

  it('weekly digest: a card per workstream lead, the whole plan for admins, early-warning asks; once per week', async () => {
    // Two actions have had no update for over six weeks.
    await store.db.action.updateMany({ where: { ref: { in: ['INC-03', 'SUF-04'] } }, data: { lastUpdateAt: new Date('2026-09-01T10:00:00Z'), createdAt: new Date('2026-01-05T10:00:00Z') } });
    const run = { now: new Date('2026-11-23T08:30:00Z'), period: '2026-W48' };
    const result = await runWeeklyDigest(run, deps);
    const keys = await keysOf(store);
    expect(keys.filter((k) => / digest:WS/.test(k))).toEqual([
      'amorgan digest:WS2', 'dpatel digest:WS5', 'hcarr digest:WS4', 'lbyrne digest:WS6', 'pshah digest:WS1', 'rellis digest:WS7', 'swhitaker digest:WS3',
    ]);
    expect(keys).toContain('amorgan digest:plan');
    expect(keys.filter((k) => k.endsWith('stale-ask'))).toEqual(['hcarr stale-ask', 'rellis stale-ask']);
    expect(result.queued).toBe(10);
    const ws1 = await store.db.outboxMessage.findFirstOrThrow({ where: { kind: 'digest:WS1' } });
    const text = JSON.stringify(ws1.payload);
    expect(text).toMatch(/Overdue, most overdue first \(1\)/);
    expect(text).toMatch(/COM-06/);
    expect(text).toMatch(/Pillar 1: not rated yet/);
    expect(text).not.toMatch(/Measures \(/); // WS1 has none
    // A lead sees the measures of the workstream and its actions, an admin every measure.
    const ws5 = JSON.stringify((await store.db.outboxMessage.findFirstOrThrow({ where: { kind: 'digest:WS5' } })).payload);
    expect(ws5).toMatch(/Measures \(3\)/);
    expect(ws5).toMatch(/Schools at their cluster SENCO meeting\*\*: on course\. Getting better: 78% on 30 September 2026/);
    expect(ws5).toMatch(/Average wait for speech and language therapy\*\*: off course/);
    const whole = JSON.stringify((await store.db.outboxMessage.findFirstOrThrow({ where: { kind: 'digest:plan' } })).payload);
    expect(whole).toMatch(/Measures \(4\)/);
    expect(whole).toMatch(/EHC plans issued within 20 weeks\*\*: off course/);
    expect(await runWeeklyDigest({ now: new Date('2026-11-23T10:00:00Z'), period: '2026-W48' }, deps)).toMatchObject({ queued: 0 });
  });

  it('quarterly cycle: opens ten working days before the end, reminds at five and two, closes with the report', async () => {
    const day = (d: string) => ({ now: new Date(`${d}T08:00:00Z`), period: d });
    expect(await runQuarterlyCycle(day('2026-12-14'), deps)).toMatchObject({ queued: 0, summary: expect.stringMatching(/opens on Tuesday 15 December 2026/) });

    const open = await runQuarterlyCycle(day('2026-12-15'), deps);
    expect(open.queued).toBe(10); // every owner of an open action
    expect(await runQuarterlyCycle({ ...day('2026-12-16') }, deps)).toMatchObject({ queued: 0, wanted: 10 });
    const cycle = await store.db.quarterlyCycle.findUniqueOrThrow({ where: { quarter: '2026-27 Q3' } });
    expect(cycle.openedAt?.toISOString()).toBe('2026-12-15T08:00:00.000Z');

    // Owen updates all his actions; Priya mutes one of hers.
    await store.db.action.updateMany({ where: { owner: { key: 'oprice' } }, data: { lastUpdateAt: new Date('2026-12-16T11:00:00Z'), lastUpdate: 'Update given' } });
    const pshah = await store.db.person.findUniqueOrThrow({ where: { key: 'pshah' } });
    const com04 = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-04' } });
    await store.db.reminderSnooze.create({ data: { personId: pshah.id, actionId: com04.id, until: new Date('2027-01-10') } });

    const r5 = await runQuarterlyCycle(day('2026-12-22'), deps);
    expect(r5.queued).toBe(9);
    const reminders = await keysOf(store, { period: '2026-27 Q3:reminder-5' });
    expect(reminders).not.toContain('oprice quarterly-reminder');
    const priya = await store.db.outboxMessage.findFirstOrThrow({ where: { period: '2026-27 Q3:reminder-5', recipientKey: 'person:pshah' } });
    expect(JSON.stringify(priya.payload)).toMatch(/COM-05/);
    expect(JSON.stringify(priya.payload)).not.toMatch(/COM-04/);
    expect(await runQuarterlyCycle(day('2026-12-23'), deps)).toMatchObject({ queued: 0 });
    expect((await runQuarterlyCycle(day('2026-12-29'), deps)).queued).toBe(9);

    const close = await runQuarterlyCycle(day('2026-12-31'), deps);
    expect(close.summary).toMatch(/Q3 2026-27 closed/);
    expect(close.queued).toBe(7); // leads and admins
    const closed = await store.db.quarterlyCycle.findUniqueOrThrow({ where: { quarter: '2026-27 Q3' } });
    expect(closed.closedAt).not.toBeNull();
    expect(closed.markdown).toMatch(/^# Quarterly progress report: Q3 2026-27/);
    expect(closed.html).toMatch(/<svg/);
    expect(closed.markdown).toMatch(/The update round opened on 15 December 2026\. 3 of 32 open actions have had an update since then\./);
    expect(fs.readFileSync(path.join(dataDir, 'reports', 'quarterly-2026-27-Q3.md'), 'utf8')).toBe(closed.markdown);
    expect(fs.existsSync(path.join(dataDir, 'reports', 'quarterly-2026-27-Q3.html'))).toBe(true);
    const summary = await store.db.outboxMessage.findFirstOrThrow({ where: { kind: 'quarterly-summary', recipientKey: 'person:amorgan' } });
    expect((summary.payload as { text: string }).text).toMatch(/The Q3 2026-27 progress report is ready/);
    // Running the close again (a retry, another replica) changes nothing.
    expect(await runQuarterlyCycle({ ...day('2026-12-31'), now: new Date('2026-12-31T15:00:00Z') }, deps)).toMatchObject({ queued: 0 });
  });
});
