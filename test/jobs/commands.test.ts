// The chat side, through the real bot: snoozing and muting, "who can't I reach?", "quarterly
// report", "who hasn't updated?", and a nudge delivered proactively by the running bot's sender.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { jobDeps } from '../../src/jobs/deps.js';
import { runOwnerNudges } from '../../src/jobs/owner-nudges.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore } from '../support/store.js';
import { withDemo } from './support.js';

async function until<T>(fn: () => Promise<T | null | undefined> | T | null | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('reminder commands and proactive nudges', () => {
  let bot: TestBot;
  let dataDir: string;
  const clock = manualClock('2026-11-23T10:00:00Z');
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'job-commands-'));
    const store = await withDemo(await createTestStore('embedded'));
    bot = await startTestBot(store, { clock, env: { DATA_DIR: dataDir, SEND_RATE_PER_SECOND: '20', SENDER: '1' } });
  });
  afterAll(async () => {
    await bot.close();
    await bot.store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('snoozes, mutes, unmutes and unsnoozes', async () => {
    const db = bot.store.db;
    const owen = await db.person.findUniqueOrThrow({ where: { key: 'oprice' } });
    const snooze = await bot.say('snooze reminders until Monday', { as: 'oprice' });
    expect(snooze.text).toMatch(/no reminders about your actions until Monday 30 November 2026/);
    expect(await db.reminderSnooze.findMany({ where: { personId: owen.id } })).toMatchObject([{ actionId: null, until: new Date('2026-11-30') }]);

    const mute = await bot.say('mute COM-06 until 1 December', { as: 'oprice' });
    expect(mute.text).toMatch(/no reminders about COM-06 \(Hold Local Offer Live events in North and South Kirklees\) until Tuesday 1 December 2026/);
    expect(await db.reminderSnooze.count({ where: { personId: owen.id, actionId: { not: null } } })).toBe(1);

    expect((await bot.say('mute COM-99 until Friday', { as: 'oprice' })).text).toMatch(/can't find an action called COM-99/);
    expect((await bot.say('snooze reminders until the cows come home', { as: 'oprice' })).text).toMatch(/couldn't tell when/);
    expect((await bot.say('unmute COM-06', { as: 'oprice' })).text).toMatch(/remind you about COM-06 again/);
    expect((await bot.say('unsnooze', { as: 'oprice' })).text).toMatch(/reminders are back on/);
    expect(await db.reminderSnooze.count({ where: { personId: owen.id } })).toBe(0);
    expect((await bot.say('snooze reminders until Monday', { as: null })).text).toMatch(/don't know who you are/);
  });

  it('snoozes for a duration in plain words, wins over a question with a date, and stops snoozing', async () => {
    const db = bot.store.db;
    const grace = await db.person.findUniqueOrThrow({ where: { key: 'gokafor' } });
    expect((await bot.say('snooze for two weeks', { as: 'gokafor' })).text).toMatch(/until Monday 7 December 2026/);
    const till = await bot.say('mute reminders till 1 dec', { as: 'gokafor' });
    expect(till.text).toMatch(/no reminders about your actions until Tuesday 1 December 2026/);
    expect(await db.reminderSnooze.findMany({ where: { personId: grace.id } })).toMatchObject([{ actionId: null, until: new Date('2026-12-01') }]);
    expect((await bot.say('stop snoozing', { as: 'gokafor' })).text).toMatch(/reminders are back on/);
    expect(await db.reminderSnooze.count({ where: { personId: grace.id } })).toBe(0);
  });

  it('delivers an owner nudge proactively to the person’s personal chat through the running sender', async () => {
    const hello = await bot.activity({ as: 'oprice' });
    const conversationId = (hello.conversation as { id: string }).id;
    await bot.post({ ...hello, text: 'hello' });
    const deps = jobDeps(bot.running.services);
    const result = await runOwnerNudges({ now: clock.now(), period: '2026-11-23' }, deps);
    expect(result.queued).toBeGreaterThan(0);
    const nudge = await until(() => bot.connector.for(conversationId).find((s) => JSON.stringify(s.body).includes('Your actions that need an update')));
    expect(JSON.stringify(nudge.body)).toMatch(/COM-06/);
    const row = await until(() => bot.store.db.outboxMessage.findFirst({ where: { recipientKey: 'person:oprice', status: 'sent' } }));
    expect(row.sentAt).not.toBeNull();
    // The others have never talked to the bot: their nudges wait, visible to admins...
    await until(() => bot.store.db.outboxMessage.findFirst({ where: { recipientKey: 'person:nhussain', status: 'waiting' } }));
    await until(() => bot.store.db.outboxMessage.findFirst({ where: { recipientKey: 'person:lbyrne', status: 'waiting' } }));
    // ...and one goes out right after that person's first message to the bot.
    const first = await bot.activity({ as: 'lbyrne' });
    await bot.post({ ...first, text: 'hi' });
    const lbyrneChat = (first.conversation as { id: string }).id;
    const late = await until(() => bot.connector.for(lbyrneChat).find((s) => JSON.stringify(s.body).includes('Your actions that need an update')));
    expect(late).toBeDefined();
    await until(() => bot.store.db.outboxMessage.findFirst({ where: { recipientKey: 'person:lbyrne', status: 'sent' } }));
  });

  it('tells admins who it cannot reach (people and failed messages); others are refused', async () => {
    await bot.say('hello', { as: 'amorgan' });
    const reply = await bot.say("who can't I reach?", { as: 'amorgan' });
    expect(reply.text).toMatch(/no personal chat with me/);
    expect(reply.text).toMatch(/Nadia Hussain/);
    expect(reply.text).not.toMatch(/Owen Price,/); // he has a chat now
    expect(reply.text).toMatch(/Messages waiting until the person opens a chat with me \(latest \d+\):[\s\S]*- Nadia Hussain: owner-nudges nudge \(2026-11-23\)/);
    expect((await bot.say("who can't you reach", { as: 'oprice' })).text).toMatch(/Only admins/);
  });

  it('builds the quarterly report on demand for leads and admins, and keeps the files', async () => {
    const reply = await bot.say('quarterly report', { as: 'amorgan' });
    expect(reply.text).toMatch(/Here is the Q3 2026-27 progress report so far \(October to December 2026\), as it stands on 23 November 2026\./);
    expect(reply.text).toMatch(/Quarterly progress report: Q3 2026-27/);
    expect(fs.existsSync(path.join(dataDir, 'reports', 'quarterly-2026-27-Q3-draft.html'))).toBe(true);
    const row = await bot.store.db.quarterlyCycle.findUniqueOrThrow({ where: { quarter: '2026-27 Q3' } });
    expect(row.closedAt).toBeNull();
    expect(row.html).toMatch(/This is a draft/);
    expect((await bot.say('quarterly report', { as: 'oprice' })).text).toMatch(/for workstream leads and admins/);
  });

  it('answers "who hasn\'t updated?" outside and during an update round', async () => {
    expect((await bot.say("who hasn't updated?", { as: 'pshah' })).text)
      .toMatch(/No update round is open right now\. The Q3 2026-27 round opens on Tuesday 15 December 2026 and closes on Thursday 31 December 2026\./);
    clock.set('2026-12-16T12:00:00Z');
    await bot.store.db.quarterlyCycle.update({ where: { quarter: '2026-27 Q3' }, data: { openedAt: new Date('2026-12-15T08:00:00Z') } });
    await bot.store.db.action.updateMany({ where: { owner: { key: 'oprice' } }, data: { lastUpdateAt: new Date('2026-12-16T09:00:00Z') } });
    const reply = await bot.say('who has not updated yet', { as: 'pshah' });
    expect(reply.text).toMatch(/29 open actions have had no update since the Q3 2026-27 round opened on 15 December 2026/);
    expect(reply.text).toMatch(/- Alex Morgan: GOV-01, GOV-02, GOV-03/);
    expect(reply.text).not.toMatch(/Owen Price/);
    expect((await bot.say("who hasn't updated", { as: 'oprice' })).text).toMatch(/Only workstream leads and admins/);
  });
});
