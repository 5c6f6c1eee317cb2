// The reminder, reach and report commands without an adapter, on both stores: parsed as typed,
// run as the person, checked against what the store holds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { parseJobCommand } from '../../src/flows/jobs-commands/parse.js';
import type { Store } from '../../src/store/database.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { flowRig, type FlowRig } from './support.js';

describeEachStore('reminder, reach and report commands', (kind) => {
  let store: Store;
  let rig: FlowRig;
  let dataDir: string;
  const clock = manualClock('2026-11-23T10:00:00Z');
  const run = async (text: string, key: string | null) => {
    const cmd = parseJobCommand(text);
    if (!cmd) throw new Error(`not a command: ${text}`);
    return rig.flows.jobs.run(cmd, key ? await rig.repositories.people.byKey(key) : null);
  };
  const snoozes = async (key: string) => store.db.reminderSnooze.findMany({ where: { person: { key } }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flows-jobs-'));
    store = await createTestStore(kind);
    rig = await flowRig(store, clock, { dataDir });
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('snoozes and mutes (each replacing the one before), and undoes both', async () => {
    expect((await run('snooze reminders until Monday', 'oprice')).text).toMatch(/no reminders about your actions until Monday 30 November 2026/);
    expect((await run('snooze reminders until Friday', 'oprice')).text).toMatch(/until Friday 27 November 2026/);
    expect(await snoozes('oprice')).toMatchObject([{ actionId: null, until: new Date('2026-11-27'), createdAt: clock.now() }]);
    expect((await run('mute COM-06 until 1 December', 'oprice')).text).toMatch(/no reminders about COM-06 \(.+\) until Tuesday 1 December 2026/);
    expect((await run('mute COM-99 until Friday', 'oprice')).text).toBe("I can't find an action called COM-99.");
    expect((await run('snooze reminders until the year 3000', 'oprice')).text).toMatch(/^I couldn't tell when/);
    expect(await snoozes('oprice')).toHaveLength(2);
    expect((await run('unmute COM-06', 'oprice')).text).toBe("Done: I'll remind you about COM-06 again.");
    expect((await run('unmute COM-06', 'oprice')).text).toBe("COM-06 wasn't muted, so nothing has changed.");
    expect((await run('unsnooze', 'oprice')).text).toBe('Done: your reminders are back on.');
    expect(await snoozes('oprice')).toEqual([]);
    expect((await run('snooze reminders until Monday', null)).text).toMatch(/^I don't know who you are yet/);
  });

  it('snoozes and mutes for any duration or day in plain words, and says the day back', async () => {
    // Today is Monday 23 November 2026; the demo plan's spring half term is 15 to 19 February 2027.
    expect((await run('snooze for two weeks', 'gokafor')).text).toMatch(/until Monday 7 December 2026/);
    expect((await run('can u snooze me for a fortnight thx', 'gokafor')).text).toMatch(/until Monday 7 December 2026/);
    expect((await run('snooze nudges for 3 days', 'gokafor')).text).toMatch(/until Thursday 26 November 2026/);
    expect((await run('mute for a month', 'gokafor')).text).toMatch(/until Wednesday 23 December 2026/);
    expect((await run('snooze 10 days', 'gokafor')).text).toMatch(/until Thursday 3 December 2026/);
    expect((await run('mute reminders till 1 dec', 'gokafor')).text).toMatch(/until Tuesday 1 December 2026/);
    expect((await run('snooze until after half term', 'gokafor')).text).toMatch(/until Saturday 20 February 2027/);
    expect((await run('snooze until half term', 'gokafor')).text).toMatch(/until Monday 15 February 2027/);
    expect(await snoozes('gokafor')).toMatchObject([{ actionId: null, until: new Date('2027-02-15') }]);
    expect((await run('mute COM-06 for a fortnight', 'gokafor')).text).toMatch(/no reminders about COM-06 \(.+\) until Monday 7 December 2026/);
    expect((await run('snooze for two fortnights', 'gokafor')).text).toMatch(/until Monday 21 December 2026/);
    expect((await run('snooze for 400 days', 'gokafor')).text).toMatch(/^I couldn't tell when/);
    expect((await run('stop snoozing', 'gokafor')).text).toBe('Done: your reminders are back on.');
    expect((await run('turn reminders back on', 'gokafor')).text).toBe('Your reminders were not snoozed or muted, so nothing has changed: they are on.');
    expect(await snoozes('gokafor')).toEqual([]);
  });

  it('reads snooze and mute commands as commands, and questions with a date as questions', () => {
    expect(parseJobCommand('mute reminders till 1 dec')).toEqual({ kind: 'snooze', when: 'till 1 dec' });
    expect(parseJobCommand('Please snooze my reminders for a week, thanks!')).toEqual({ kind: 'snooze', when: 'for a week' });
    expect(parseJobCommand('snooze')).toEqual({ kind: 'snooze', when: null });
    for (const t of ['stop snoozing', 'unsnooze', 'unmute', 'turn reminders back on', 'turn on my reminders', 'cancel my snooze']) {
      expect(parseJobCommand(t), t).toEqual({ kind: 'unsnooze' });
    }
    expect(parseJobCommand('unmute com 6')).toMatchObject({ kind: 'unmute', typed: 'COM-06' });
    for (const t of ['what is due till 1 dec', 'snooze button not working on my phone', 'whats due in two weeks']) expect(parseJobCommand(t), t).toBeNull();
  });

  it('tells admins who has no personal chat with the bot, and refuses everyone else', async () => {
    const owner = await rig.repositories.people.byKey('oprice');
    await rig.repositories.conversations.capture({
      conversationId: 'a:owen', kind: 'personal', personId: owner!.id, teamId: null, name: null, tenantId: null, serviceUrl: 'http://127.0.0.1:9/', reference: {},
    });
    const text = (await run("who can't I reach?", 'amorgan')).text;
    expect(text).toMatch(/people with open actions or a lead role have no personal chat with me/);
    expect(text).toMatch(/Nadia Hussain/);
    expect(text).not.toMatch(/Owen Price/);
    expect(text).toMatch(/No messages have failed to send\./);
    expect((await run("who can't you reach", 'oprice')).text).toBe("Only admins can see who I can't reach.");
  });

  it('says when the next round opens, then who has not updated while it is open', async () => {
    expect((await run("who hasn't updated?", 'pshah')).text)
      .toBe('No update round is open right now. The Q3 2026-27 round opens on Tuesday 15 December 2026 and closes on Thursday 31 December 2026.');
    clock.set('2026-12-16T12:00:00Z');
    await store.db.quarterlyCycle.create({ data: { quarter: '2026-27 Q3', openedAt: new Date('2026-12-15T08:00:00Z'), createdAt: clock.now() } });
    await store.db.action.updateMany({ where: { owner: { key: 'oprice' } }, data: { lastUpdateAt: new Date('2026-12-16T09:00:00Z') } });
    const text = (await run('who has not updated yet', 'pshah')).text;
    expect(text).toMatch(/open actions have had no update since the Q3 2026-27 round opened on 15 December 2026 \(it closes on Thursday 31 December 2026\):/);
    expect(text).toMatch(/- Alex Morgan: GOV-01, GOV-02, GOV-03/);
    expect(text).not.toMatch(/Owen Price/);
    expect((await run("who hasn't updated", 'oprice')).text).toBe('Only workstream leads and admins can see who still needs to update.');
  });

  it('builds the quarterly report for leads and admins and keeps a draft', async () => {
    const reply = await run('quarterly report', 'amorgan');
    expect(reply.text).toMatch(/Q3 2026-27 progress report so far/);
    expect(reply.cards).toHaveLength(1);
    expect(fs.existsSync(path.join(dataDir, 'reports', 'quarterly-2026-27-Q3-draft.md'))).toBe(true);
    expect((await store.db.quarterlyCycle.findUniqueOrThrow({ where: { quarter: '2026-27 Q3' } })).markdown).toMatch(/draft/i);
    expect((await run('quarterly report', 'oprice')).text).toMatch(/^The quarterly report is for workstream leads and admins/);
  });
});
