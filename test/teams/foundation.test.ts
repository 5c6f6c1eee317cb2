// The foundation end to end: real runtime, real adapter, POST /api/messages, connector stub.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestStore, describeEachStore } from '../support/store.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log/logger.js';
import { startRuntime } from '../../src/runtime.js';

describeEachStore('bot over /api/messages', (kind) => {
  let bot: TestBot;
  beforeAll(async () => {
    const store = await createTestStore(kind);
    await store.db.person.create({ data: { key: 'amorgan', name: 'Alex Morgan', roles: ['lead', 'admin'], aadObjectId: '6f1c2a10-0001-4a6e-9c1a-000000000001' } });
    bot = await startTestBot(store);
  });
  afterAll(async () => { await bot.close(); });

  it('answers health with the database kind', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: kind });
  });

  it('replies to a message through the connector and stores the conversation reference', async () => {
    const reply = await bot.say('help', { as: 'amorgan' });
    expect(reply.status).toBe(200);
    expect(reply.activities.length).toBeGreaterThan(0);
    const refs = await bot.store.db.conversationRef.findMany({ include: { person: true } });
    expect(refs.some((r) => r.kind === 'personal' && r.person?.key === 'amorgan')).toBe(true);
  });

  it('welcomes on install and forgets the conversation on uninstall', async () => {
    const act = await bot.activity({ as: 'amorgan' });
    const conversationId = (act.conversation as { id: string }).id;
    const added = await bot.post({ ...act, type: 'conversationUpdate', membersAdded: [{ id: '28:partnership-bot' }] });
    expect(added.status).toBe(200);
    const welcome = bot.connector.for(conversationId).map((s) => String(s.body.text ?? '')).join('\n');
    expect(welcome).toMatch(/Hello Alex!/);
    expect(welcome).toMatch(/snooze/i);
    expect(await bot.store.db.conversationRef.count({ where: { conversationId } })).toBe(1);
    const removed = await bot.post({ ...act, type: 'installationUpdate', action: 'remove' });
    expect(removed.status).toBe(200);
    expect(await bot.store.db.conversationRef.count({ where: { conversationId } })).toBe(0);
  });

  it('answers someone who is not in the people table, and unknown activity types, without error', async () => {
    const stranger = await bot.say('hello', { as: null });
    expect(stranger.status).toBe(200);
    expect(stranger.activities.length).toBeGreaterThan(0);
    const act = await bot.activity({ as: 'amorgan' });
    const odd = await bot.post({ ...act, type: 'somethingNew' });
    expect(odd.status).toBeLessThan(500);
  });

  it('rejects bodies that are not activities and bodies over the limit', async () => {
    const bad = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    const huge = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 'message', text: 'x'.repeat(400_000) }) });
    expect(huge.status).toBe(413);
  });
});

describeEachStore('demo data on start', (kind) => {
  it('DEMO_DATA=1 loads the demo plan into an empty database, once', async () => {
    const store = await createTestStore(kind);
    const first = await startTestBot(store, { env: { DEMO_DATA: '1' } });
    expect(await store.db.action.count()).toBe(46);
    expect(await store.db.person.count()).toBe(17);
    const historyRows = await store.db.actionHistory.count();
    // A second start on the same database changes nothing.
    const second = await startRuntime({ config: loadConfig({ PORT: '0', DEMO_DATA: '1', SCHEDULER: '0' }), store: { ...store, close: async () => undefined }, log: createLogger('silent') });
    await second.stop();
    expect(await store.db.action.count()).toBe(46);
    expect(await store.db.actionHistory.count()).toBe(historyRows);
    await first.close();
  });
});
