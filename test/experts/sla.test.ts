// Experts at Hand service levels with an injected clock: EAH-R-0003 (occupational therapy, opened
// Saturday 21 November 2026, nobody has picked it up) reminds the pool on Wednesday 25 November
// (3 working days) and tells the programme lead, Dev Patel, on Thursday 26 November. Once each.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { expertSlaJob } from '../../src/jobs/expert-sla.js';
import { findJob } from '../../src/jobs/registry.js';
import { createWorkingCalendar } from '../../src/domain/time/bank-holidays.js';
import { manualClock } from '../../src/domain/time/clock.js';
import { createLogger } from '../../src/log/logger.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { cardProblems } from '../clusters/helpers.js';
import { createJobStores } from '../../src/store/job-stores.js';

describeEachStore('Experts at Hand service levels', (kind) => {
  let bot: TestBot;
  const clock = manualClock(DEMO_NOW);
  const OT_POOL = '19:ot-pool@thread.tacv2';
  const config = loadConfig({});
  const run = () => expertSlaJob.run({ now: clock.now(), period: clock.now().toISOString().slice(0, 10) }, {
    stores: createJobStores(bot.store.db), config, log: createLogger('silent'), calendar: createWorkingCalendar(config.EXTRA_BANK_HOLIDAYS), dataDir: '/tmp',
  });
  const rows = () => bot.store.db.outboxMessage.findMany({ where: { job: 'expert-sla' }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    bot = await startTestBot(await createTestStore(kind), { env: { DEMO_DATA: '1' }, clock });
    await bot.say('link this channel to the occupational therapy pool', { as: 'amorgan', chat: 'channel', conversationId: OT_POOL });
  });
  afterAll(async () => { await bot?.close(); });

  it('is registered to run on working days at the configured time', () => {
    expect(findJob('expert-sla')).toBe(expertSlaJob);
    expect(expertSlaJob.cron(config)).toBe('0 10 * * 1-5');
    expect(expertSlaJob.workingDaysOnly).not.toBe(false);
  });

  it('stays quiet within the target, reminds the pool on the due day, then tells the programme lead, once each', async () => {
    clock.set('2026-11-24T10:00:00Z');
    expect((await run()).queued).toBe(0);

    clock.set('2026-11-25T10:00:00Z');
    expect(await run()).toMatchObject({ queued: 1, details: { reminded: 1, escalated: 0 } });
    expect((await run()).queued).toBe(0);
    const [reminder] = await rows();
    expect(reminder).toMatchObject({ conversationId: OT_POOL, kind: 'pool-reminder', period: 'EAH-R-0003' });
    const payload = reminder!.payload as { text: string; cards: Array<Record<string, unknown>> };
    expect(payload.text).toBe('Reminder: Experts at Hand request EAH-R-0003 (occupational therapy, Valley Head High School) has waited 3 working days and nobody has picked it up. Could occupational therapists take a look today?');
    expect(cardProblems(payload.cards[0]!)).toEqual([]);

    clock.set('2026-11-26T10:00:00Z');
    expect(await run()).toMatchObject({ queued: 1, details: { reminded: 0, escalated: 1 } });
    clock.set('2026-11-27T10:00:00Z');
    expect((await run()).queued).toBe(0);
    const all = await rows();
    expect(all.map((r) => [r.kind, r.recipientKey])).toEqual([['pool-reminder', `conversation:${OT_POOL}`], ['lead-escalation', 'person:dpatel']]);
    expect((all[1]!.payload as { text: string }).text).toContain('has not been picked up after 4 working days; the target is 3.');

    const r = await bot.store.db.expertRequest.findUniqueOrThrow({ where: { ref: 'EAH-R-0003' }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(r.events.map((e) => e.kind)).toEqual(['created', 'reminded', 'escalated']);
  });

  it('never chases a request someone has picked up', async () => {
    // EAH-R-0002 was picked up; EAH-R-0001 answered: neither is chased however late it is.
    clock.set('2026-12-15T10:00:00Z');
    await run();
    expect((await rows()).every((row) => row.period === 'EAH-R-0003')).toBe(true);
  });
});
