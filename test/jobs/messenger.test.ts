// The real proactive path: the bot's adapter posts to the stored reference's serviceUrl, here a
// connector stub. One send is exactly one request (the SDK's own retries are off, so the outbox's
// accounting is the truth); 429 (with and without Retry-After), 5xx, timeouts and dropped
// connections come back classified, and the sender delivers every message exactly once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '../../src/cli/connector-stub.js';
import { fixedClock } from '../../src/domain/time/clock.js';
import { OutboxSender } from '../../src/jobs/outbox-sender.js';
import type { Store } from '../../src/store/database.js';
import { enqueueMessages } from '../../src/store/outbox.js';
import { createBot } from '../../src/teams/app.js';
import { classifySendError, createMessenger, retryAfterMsOf, type Messenger } from '../../src/teams/messenger.js';
import { createServices } from '../../src/runtime.js';
import { createTestStore } from '../support/store.js';
import { log, testConfig, virtualTime } from './support.js';

let store: Store;
let stub: ConnectorStub;
let messenger: Messenger;

async function addConversation(id: string): Promise<void> {
  await store.db.conversationRef.create({
    data: {
      conversationId: id, kind: 'personal', serviceUrl: stub.serviceUrl, tenantId: 'tenant',
      reference: { channelId: 'msteams', serviceUrl: stub.serviceUrl, conversation: { id, conversationType: 'personal', tenantId: 'tenant' }, bot: { id: '28:bot', name: 'Bot' }, user: { id: '29:user' } },
    },
  });
}

beforeAll(async () => {
  store = await createTestStore('embedded');
  stub = await startConnectorStub();
  const config = testConfig();
  const services = createServices({ config, clock: fixedClock('2026-11-23T09:00:00Z'), log, store });
  messenger = createMessenger(createBot(services), services, { timeoutMs: 300 });
  for (let i = 0; i < 3; i++) await addConversation(`a:conv-${i}`);
});
afterAll(async () => {
  await stub.close();
  await store.close();
});
beforeEach(() => { stub.clear(); });

describe('messenger', () => {
  it('posts a text and an Adaptive Card to the conversation, once', async () => {
    const before = stub.requests;
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hello card' }] };
    expect(await messenger.send({ conversationId: 'a:conv-0', text: 'Hello', cards: [card] })).toEqual({ ok: true, status: 200 });
    expect(stub.requests - before).toBe(1);
    const sent = stub.for('a:conv-0');
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ type: 'message', text: 'Hello', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
  });

  it.each([
    [{ status: 429, retryAfter: 2 }, { ok: false, status: 429, retryAfterMs: 2_000, final: false }],
    [{ status: 429 }, { ok: false, status: 429, final: false }],
    [{ status: 503, retryAfter: 1 }, { ok: false, status: 503, retryAfterMs: 1_000, final: false }],
    [{ status: 500 }, { ok: false, status: 500, final: false }],
    [{ status: 502 }, { ok: false, status: 502, final: false }],
    [{ status: 412 }, { ok: false, status: 412, final: false }],
    [{ status: 403 }, { ok: false, status: 403, final: true }],
    [{ status: 404 }, { ok: false, status: 404, final: true }],
  ])('answers %o with one request and %o', async (fault, expected) => {
    const before = stub.requests;
    stub.failNext(fault);
    const result = await messenger.send({ conversationId: 'a:conv-1', text: 'x' });
    expect(result).toMatchObject(expected);
    if (!('retryAfterMs' in expected)) expect(result.retryAfterMs).toBeUndefined();
    expect(stub.requests - before).toBe(1); // the connector client did not retry behind our back
    expect(stub.for('a:conv-1')).toHaveLength(0);
  });

  it('times out a connector that never answers, and reports a dropped connection', async () => {
    stub.failNext('hang');
    const started = Date.now();
    expect(await messenger.send({ conversationId: 'a:conv-1', text: 'x' })).toMatchObject({ ok: false, error: 'timeout' });
    expect(Date.now() - started).toBeLessThan(3_000);
    stub.failNext('drop');
    const dropped = await messenger.send({ conversationId: 'a:conv-1', text: 'x' });
    expect(dropped.ok).toBe(false);
    expect(dropped.final).toBeFalsy();
    expect(dropped.status).toBeUndefined();
  });

  it('refuses a conversation it has no reference for, without a request', async () => {
    const before = stub.requests;
    expect(await messenger.send({ conversationId: 'a:unknown', text: 'x' })).toMatchObject({ ok: false, final: true });
    expect(stub.requests).toBe(before);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const at = Date.parse('2026-11-23T09:00:00Z');
    expect(retryAfterMsOf({ response: { headers: { get: (n: string) => (n === 'retry-after' ? '7' : undefined) } } }, at)).toBe(7_000);
    expect(retryAfterMsOf({ response: { headers: { 'retry-after': 'Mon, 23 Nov 2026 09:00:30 GMT' } } }, at)).toBe(30_000);
    expect(classifySendError({ statusCode: 504, message: 'Gateway Timeout' })).toMatchObject({ status: 504, final: false });
  });
});

describe('sender through the real connector path', () => {
  it('delivers every message exactly once through 429s, 5xx, a timeout and a dropped connection', async () => {
    const t = virtualTime('2026-11-23T09:00:00Z');
    await enqueueMessages(store.db, Array.from({ length: 12 }, (_, i) => ({
      job: 'e2e', period: 'p', recipient: { conversationId: `a:conv-${i % 3}` }, kind: `k${i}`, payload: { text: `message ${i}` },
    })), t.clock.now());
    const before = stub.requests;
    stub.failNext({ status: 429, retryAfter: 1 }, { status: 429 }, { status: 500 }, 'hang', 'drop', { status: 502 }, { status: 504 }, { status: 412 });
    const sender = new OutboxSender({ db: store.db, messenger, clock: t.clock, sleep: t.sleep, log, ratePerSecond: 5, maxAttempts: 6, random: () => 0.5 });
    const stats = await sender.drainAll();
    expect(stats).toMatchObject({ sent: 12, failed: 0, retried: 8, attempts: 20 });
    expect(stub.requests - before).toBe(20);
    const texts = stub.sent.map((s) => String(s.body.text));
    expect(texts.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `message ${i}`).sort());
    const rows = await store.db.outboxMessage.findMany({ where: { job: 'e2e' }, orderBy: { id: 'asc' } });
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    expect(rows.flatMap((r) => r.statusCodes).sort((a, b) => a - b)).toEqual([0, 0, 412, 429, 429, 500, 502, 504]);
    // The 429 with Retry-After: 1 s was honoured before that message went again.
    const first = rows[0]!;
    expect(first.statusCodes).toEqual([429]);
  });
});
