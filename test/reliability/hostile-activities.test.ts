// Hostile and malformed input at /api/messages: nothing crashes, nothing changes that
// shouldn't, the bot stays healthy, and real questions still get answers afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../support/store.js';
import { startTestBot, type TestBot } from '../support/bot.js';

let bot: TestBot;
beforeAll(async () => {
  const store = await createTestStore('embedded');
  await store.db.person.create({ data: { key: 'amorgan', name: 'Alex Morgan', roles: ['admin'], aadObjectId: 'aad-1' } });
  bot = await startTestBot(store);
});
afterAll(async () => { await bot.close(); });

const rawPost = async (body: string) => {
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.text();
  return res.status;
};

describe('hostile input at /api/messages', () => {
  it('answers arbitrary JSON with a client error or success, never a 5xx', async () => {
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
      const status = await rawPost(JSON.stringify(value));
      expect(status).toBeLessThan(500);
    }), { numRuns: 150 });
  });

  it('survives activities with fields of the wrong type', async () => {
    const base = await bot.activity({ as: 'amorgan' });
    const anything = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string()), fc.object());
    await fc.assert(fc.asyncProperty(
      fc.record({ type: fc.oneof(fc.constant('message'), fc.constant('invoke'), anything), text: anything, value: anything, name: anything, from: fc.oneof(anything, fc.constant(base.from)), conversation: fc.oneof(anything, fc.constant(base.conversation)) }, { requiredKeys: [] }),
      async (fields) => {
        const activity = { ...base, ...fields };
        const status = await rawPost(JSON.stringify(activity));
        expect(status).toBeLessThan(500);
      }), { numRuns: 150 });
  });

  it('answers unicode edge cases, HTML and SQL-looking text kindly', async () => {
    const texts = ['', ' ', '\u0000', '🙂🙂🙂', '\u202Eevil', 'e\u0301', '<script>alert(1)</script>', "'; DROP TABLE actions; --", '**bold** _x_ [link](http://x)', 'x'.repeat(20_000), '\uD800'];
    for (const text of texts) {
      const reply = await bot.say(text, { as: 'amorgan' });
      expect(reply.status).toBe(200);
      expect(reply.activities.length).toBeGreaterThan(0);
    }
    expect(await bot.store.db.person.count()).toBe(1);
  });

  it('rejects prototype-pollution keys and deep nesting without touching Object.prototype', async () => {
    const base = await bot.activity({ as: 'amorgan' });
    const polluted = JSON.stringify(base).replace(/^\{/, '{"__proto__":{"polluted":"yes"},');
    expect(await rawPost(polluted)).toBe(400);
    expect(await rawPost(JSON.stringify({ ...base, value: { constructor: { prototype: { polluted: 'yes' } } } }))).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = { a: deep };
    expect(await rawPost(JSON.stringify({ ...base, value: deep }))).toBe(400);
  });

  it('rejects malformed JSON and non-activities with 400', async () => {
    expect(await rawPost('{"type": "message",')).toBe(400);
    expect(await rawPost('[]')).toBe(400);
    expect(await rawPost('"just a string"')).toBe(400);
    expect(await rawPost(JSON.stringify({ type: 'message', text: 'hi' }))).toBe(400);
    expect(await rawPost(JSON.stringify({ type: 'message', text: 'hi', serviceUrl: 'javascript:alert(1)', conversation: { id: 'x' } }))).toBe(400);
  });

  it('is still healthy and still answers afterwards', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const reply = await bot.say('help', { as: 'amorgan' });
    expect(reply.activities.length).toBeGreaterThan(0);
  });
});

describe('bodies that are not JSON', () => {
  it('refuses multipart and other content types with 415, writing nothing to disk', async () => {
    const form = new FormData();
    form.append('file', new Blob(['x'.repeat(3 * 1024 * 1024)]), 'big.bin');
    const multipart = await fetch(`${bot.url}/api/messages`, { method: 'POST', body: form });
    expect(multipart.status).toBe(415);
    const text = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(text.status).toBe(415);
  });
});
