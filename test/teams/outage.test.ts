// When the database goes away: health turns 503 and people get a kind "try again shortly".
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestStore, describeEachStore } from '../support/store.js';
import { startTestBot, type TestBot } from '../support/bot.js';

describeEachStore('database outage', (kind) => {
  let bot: TestBot;
  beforeAll(async () => {
    const store = await createTestStore(kind);
    await store.db.person.create({ data: { key: 'amorgan', name: 'Alex Morgan', roles: ['admin'], aadObjectId: 'aad-1' } });
    bot = await startTestBot(store);
    await bot.say('hello', { as: 'amorgan' });
    await store.close();
  });
  afterAll(async () => { await bot.close(); });

  it('reports 503 on /healthz', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable' });
  });

  it('tells the person kindly instead of failing silently', async () => {
    const act = await bot.activity({ as: null });
    const before = bot.connector.sent.length;
    const res = await bot.post({ ...act, text: 'what is overdue?' });
    expect(res.status).toBeLessThan(500);
    const replies = bot.connector.sent.slice(before).map((s) => String(s.body.text ?? ''));
    expect(replies.join(' ')).toMatch(/try again/i);
    expect(replies.join(' ')).not.toMatch(/at .*\.ts:\d+|Error:/);
  });
});
