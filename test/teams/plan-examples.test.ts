// Product text comes from the plan the bot holds and from configuration, never from the demo plan:
// the welcome and the refusals name references, workstreams and clusters that exist here, and
// none at all when the database is empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const OWEN = { key: 'oprice', name: 'Owen Price', roles: ['owner'], aadObjectId: '6f1c2a10-0010-4a6e-9c1a-000000000010' };
/** Anything shaped like an action reference or workstream code: "COM-06", "EAH-5", "WS5". */
const REFERENCE_LIKE = /\b[A-Z]{2,5}-?\d{1,3}\b/g;

async function welcome(bot: TestBot, as: string, chat: 'personal' | 'groupChat'): Promise<string> {
  const act = await bot.activity({ as, chat });
  const conversationId = (act.conversation as { id: string }).id;
  await bot.post({ ...act, type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] });
  return bot.connector.for(conversationId).map((s) => String(s.body.text ?? '')).join('\n');
}

describeEachStore('product text on an empty database', (kind) => {
  let bot: TestBot;
  beforeAll(async () => {
    const store = await createTestStore(kind);
    await store.db.person.create({ data: OWEN });
    bot = await startTestBot(store);
  });
  afterAll(async () => { await bot.close(); });

  it('welcomes with no reference, workstream or cluster, and says how a plan gets in', async () => {
    for (const chat of ['personal', 'groupChat'] as const) {
      const text = await welcome(bot, 'oprice', chat);
      expect(text).toMatch(/^Hello/);
      expect(text.match(REFERENCE_LIKE)).toBeNull();
      expect(text).not.toMatch(/Kirklees|Big Plan|Batley|Who owns|How is/);
      expect(text).toMatch(/no plan here yet/);
      expect(text).toMatch(/npm run import/);
      expect(text).toMatch(/the SEND partnership/); // the neutral default name
    }
  });

  it('refuses an unknown reference without inventing an example', async () => {
    const reply = await bot.say('update XYZ-99', { as: 'oprice' });
    expect(reply.text).toMatch(/can't find an action called XYZ-99/);
    expect(reply.text).toMatch(/no actions in the plan yet/);
    expect(reply.text.match(REFERENCE_LIKE)).toEqual(['XYZ-99']);
  });
});

describeEachStore('product text on the demo plan', (kind) => {
  let bot: TestBot;
  let refs: Set<string>;
  let workstreams: Set<string>;
  let clusters: string[];
  beforeAll(async () => {
    const store = await createTestStore(kind);
    bot = await startTestBot(store, { env: { DEMO_DATA: '1', PARTNERSHIP_NAME: 'Kirklees SEND partnership' } });
    refs = new Set((await store.db.action.findMany({ select: { ref: true } })).map((a) => a.ref));
    workstreams = new Set((await store.db.workstream.findMany({ select: { code: true } })).map((w) => w.code));
    clusters = (await store.db.cluster.findMany({ select: { name: true } })).map((c) => c.name);
  });
  afterAll(async () => { await bot.close(); });

  it('welcomes a person with questions about references that exist in the plan, and the configured name', async () => {
    const text = await welcome(bot, 'oprice', 'personal');
    expect(text).toMatch(/^Hello Owen! I help the Kirklees SEND partnership keep track of its improvement plan\./);
    expect(text).toMatch(/Try asking me/);
    expect(text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(3);
    const asked = [...text.matchAll(/Who owns ([A-Z]+-\d+)\?/g)].map((m) => m[1]!);
    expect(asked).toHaveLength(1);
    for (const ref of asked) expect(refs.has(ref)).toBe(true);
    for (const found of text.match(REFERENCE_LIKE) ?? []) expect(refs.has(found) || workstreams.has(found)).toBe(true);
    expect(text).not.toMatch(/no plan here yet/);
  });

  it('welcomes a group with a cluster and a workstream that exist', async () => {
    const text = await welcome(bot, 'oprice', 'groupChat');
    const cluster = /link this chat to the (.+?) cluster/.exec(text)?.[1];
    const ws = /link this chat to ([A-Z]+\d+)"/.exec(text)?.[1];
    expect(clusters).toContain(cluster);
    expect(workstreams.has(ws ?? '')).toBe(true);
    expect(text).toMatch(/"@Partnership Bot what's overdue\?"/);
  });

  it('refuses an unknown reference with an example that exists in the plan', async () => {
    const reply = await bot.say('update XYZ-99', { as: 'oprice' });
    const example = /for example ([A-Z]+-\d+)/.exec(reply.text)?.[1];
    expect(example).toBeDefined();
    expect(refs.has(example!)).toBe(true);
    const history = await bot.say('history of ABC-12', { as: 'oprice' });
    expect(refs.has(/for example ([A-Z]+-\d+)/.exec(history.text)?.[1] ?? '')).toBe(true);
  });
});

describe('the partnership name setting', () => {
  it('is neutral by default and bounded', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(loadConfig({}).PARTNERSHIP_NAME).toBe('SEND partnership');
    expect(loadConfig({ PARTNERSHIP_NAME: '  Kirklees SEND partnership ' }).PARTNERSHIP_NAME).toBe('Kirklees SEND partnership');
    expect(() => loadConfig({ PARTNERSHIP_NAME: 'x'.repeat(51) })).toThrow(/PARTNERSHIP_NAME=.*at most 50 characters/);
  });
});
