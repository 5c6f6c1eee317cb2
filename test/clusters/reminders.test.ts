// Meeting reminders with an injected clock: the day before and in the last hour, to the linked
// chat, once each, whatever the number of runs. No real waiting.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { findJob } from '../../src/jobs/registry.js';
import { meetingRemindersJob } from '../../src/jobs/meeting-reminders.js';
import { createWorkingCalendar } from '../../src/domain/time/bank-holidays.js';
import { manualClock } from '../../src/domain/time/clock.js';
import { createLogger } from '../../src/log/logger.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { cardProblems } from './helpers.js';
import { createJobStores } from '../../src/store/job-stores.js';

describeEachStore('cluster meeting reminders', (kind) => {
  let bot: TestBot;
  const clock = manualClock(DEMO_NOW);
  const CHAT = '19:batley-reminders@thread.v2';
  const config = loadConfig({});
  const run = async () => meetingRemindersJob.run({ now: clock.now(), period: clock.now().toISOString() }, {
    stores: createJobStores(bot.store.db), config, log: createLogger('silent'), calendar: createWorkingCalendar(), dataDir: '/tmp',
  });
  const queued = () => bot.store.db.outboxMessage.findMany({ where: { job: 'meeting-reminders' }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    bot = await startTestBot(await createTestStore(kind), { env: { DEMO_DATA: '1' }, clock });
    await bot.say('link this chat to the Batley cluster', { as: 'eclarke', chat: 'groupChat', conversationId: CHAT });
  });
  afterAll(async () => { await bot?.close(); });

  it('is registered as a scheduled job that also runs at weekends', () => {
    expect(findJob('meeting-reminders')).toBe(meetingRemindersJob);
    expect(meetingRemindersJob.workingDaysOnly).toBe(false);
    expect(meetingRemindersJob.cron(config)).toBe('*/5 * * * *');
  });

  it('sends nothing days ahead, the day-before reminder once, then the hour-before one, then nothing', async () => {
    expect((await run()).queued).toBe(0);

    clock.set('2026-11-24T13:35:00Z');
    expect(await run()).toMatchObject({ queued: 1, wanted: 1 });
    expect(await run()).toMatchObject({ queued: 0, wanted: 1 });
    clock.advance(5 * 60_000);
    expect((await run()).queued).toBe(0);
    let rows = await queued();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ conversationId: CHAT, kind: 'day-before', period: expect.stringMatching(/^meeting-\d+$/) });
    const payload = rows[0]!.payload as { text: string; cards: Array<Record<string, unknown>> };
    expect(payload.text).toBe('Reminder: the Batley cluster SENCO meeting is tomorrow, Wednesday 25 November 2026 at 13:30, at Oakfield Primary School (and Teams).');
    expect(cardProblems(payload.cards[0]!)).toEqual([]);

    clock.set('2026-11-25T12:40:00Z');
    expect((await run()).queued).toBe(1);
    expect((await run()).queued).toBe(0);
    rows = await queued();
    expect(rows.map((r) => r.kind)).toEqual(['day-before', 'hour-before']);
    expect((rows[1]!.payload as { text: string }).text).toMatch(/starts within the hour, Wednesday 25 November 2026 at 13:30/);

    clock.set('2026-11-25T13:31:00Z');
    expect((await run()).queued).toBe(0);
    // Huddersfield North meets on 26 November but has no linked chat: nothing for it.
    clock.set('2026-11-26T15:00:00Z');
    expect((await run()).queued).toBe(0);
    expect(await queued()).toHaveLength(2);
  });
});
