// Recorded Teams activities (test/fixtures/activities/*.json, shaped as Teams sends them) replayed
// through /api/messages with the real adapter, on both stores: each must be answered as a person
// would expect, and every fixture in the folder must have its expectation here.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestBot, visibleText, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const FOLDER = path.join(import.meta.dirname, '../fixtures/activities');

interface Replayed {
  status: number;
  /** The invoke response body, when the activity was an invoke. */
  body: { type?: string; value?: unknown } | null;
  /** Messages the bot sent into the activity's conversation. */
  sent: Array<Record<string, unknown>>;
  text: string;
}

type Check = (r: Replayed, bot: TestBot) => Promise<void> | void;

const EXPECTED: Record<string, Check> = {
  'personal-install.conversationUpdate.json': async (r, bot) => {
    expect(r.sent).toHaveLength(1);
    expect(r.text).toMatch(/^Hello Owen!/);
    const ref = await bot.store.db.conversationRef.findFirstOrThrow({ where: { kind: 'personal', person: { key: 'oprice' } } });
    expect(ref.conversationId).toMatch(/^a:1pL9x/);
  },
  'channel-mention.message.json': async (r, bot) => {
    expect(r.text).toContain('COM-06');
    expect(r.text).toContain('Owen Price');
    expect(r.text).not.toContain('<at>');
    const ref = await bot.store.db.conversationRef.findFirstOrThrow({ where: { kind: 'channel' } });
    expect(ref.teamId).toBe('19:7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b@thread.tacv2');
  },
  'card-action.invoke.json': (r) => {
    expect(r.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = visibleText([{ attachments: [{ content: r.body?.value }] }]);
    expect(card).toContain('Batley');
    expect(card).toContain('Wednesday 25 November 2026');
    expect(r.sent.filter((s) => s.type === 'message')).toEqual([]); // a refresh edits nothing and posts nothing
  },
  'group-chat.message.json': (r) => {
    expect(r.text).toMatch(/overdue/i);
    expect(r.text).toContain('COM-06');
  },
};

/** Posts a recorded activity as Teams would, with replies sent to the connector stub. */
async function replayFile(bot: TestBot, file: string): Promise<Replayed> {
  const activity = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  // A channel message's conversation id carries ";messageid=…": replies go to the thread, by channel id.
  const conversationId = (activity.conversation as { id: string }).id;
  const before = bot.connector.for(conversationId).length;
  const res = await bot.post({ ...activity, serviceUrl: bot.connector.serviceUrl });
  const sent = bot.connector.for(conversationId).slice(before).map((s) => s.body);
  const messages = sent.filter((b) => b.type === 'message');
  return { status: res.status, body: res.body ? JSON.parse(res.body) as Replayed['body'] : null, sent, text: visibleText(messages) };
}

function fixtures(): string[] {
  return fs.readdirSync(FOLDER).filter((f) => f.endsWith('.json')).sort();
}

describeEachStore('recorded Teams activities', (kind) => {
  let bot: TestBot;
  beforeAll(async () => { bot = await startTestBot(await createTestStore(kind), { env: { DEMO_DATA: '1' } }); });
  afterAll(async () => { await bot?.close(); });

  const replay = (file: string) => replayFile(bot, path.join(FOLDER, file));

  it('has an expectation for every recorded activity, and the four kinds', () => {
    expect(fixtures()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const file of Object.keys(EXPECTED)) {
    it(`answers ${file}`, async () => {
      const r = await replay(file);
      expect(r.status).toBe(200);
      await EXPECTED[file]!(r, bot);
    });
  }
});

// ---- Captured from the Microsoft 365 Agents Playground (a real Teams client no one here wrote):
// a personal chat opened, a question, the Update button of the answer's card, then the same in a
// group chat and a channel with an @mention. Replayed in the order the client sent them.

const CAPTURED = path.join(FOLDER, 'playground');

const IN_ORDER: Record<string, Check> = {
  '01-installationUpdate-personal.json': () => undefined,
  '02-conversationUpdate-personal.json': (r) => { expect(r.text).toMatch(/^Hello Owen!/); },
  '03-message-personal.json': (r) => {
    expect(r.text).toContain('Owen Price owns COM-06');
    expect(r.text).toContain('Saturday 14 November 2026');
  },
  '04-invoke-adaptiveCard_action-personal.json': (r) => {
    // The Update button of the card above: the form for COM-06, answered in the invoke's body.
    expect(r.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(visibleText([{ attachments: [{ content: r.body?.value }] }])).toContain('Update COM-06');
  },
  '05-installationUpdate-groupChat.json': () => undefined,
  '06-conversationUpdate-groupChat.json': (r) => { expect(r.text).toMatch(/^Hello everyone!/); },
  '07-message-groupChat.json': (r) => {
    expect(r.text).toMatch(/overdue/i);
    expect(r.text).toContain('COM-06');
  },
  '08-installationUpdate-channel.json': () => undefined,
  '09-conversationUpdate-channel.json': (r) => { expect(r.text).toMatch(/^Hello everyone!/); },
  '10-message-channel.json': (r) => {
    expect(r.text).toContain('Owen Price owns COM-06');
    expect(r.text).not.toContain('<at>');
  },
};

describeEachStore('activities captured from the Playground', (kind) => {
  let bot: TestBot;
  beforeAll(async () => { bot = await startTestBot(await createTestStore(kind), { env: { DEMO_DATA: '1' } }); });
  afterAll(async () => { await bot?.close(); });

  it('has an expectation for every captured activity', () => {
    expect(fs.readdirSync(CAPTURED).filter((f) => f.endsWith('.json')).sort()).toEqual(Object.keys(IN_ORDER));
  });

  it('answers each in turn, as the client saw', async () => {
    for (const [file, check] of Object.entries(IN_ORDER)) {
      const r = await replayFile(bot, path.join(CAPTURED, file));
      expect(r.status, file).toBe(200);
      await check(r, bot);
    }
  });
});
