// The outbox sender with an injected clock: pacing, per-conversation limits, retries with
// backoff (429 with and without Retry-After, 5xx, 412, timeouts), final 403/404, giving up after
// the last attempt, the shared pause when 429s persist, a crash halfway and the resume.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { OutboxSender, PAUSE_LEASE, type SenderOptions } from '../../src/jobs/outbox-sender.js';
import type { Store } from '../../src/store/database.js';
import { enqueueMessages, type QueuedMessage } from '../../src/store/outbox.js';
import type { SendResult } from '../../src/jobs/messenger.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { log, reachEveryone, scriptedMessenger, virtualTime } from './support.js';
import { createJobStores } from '../../src/store/job-stores.js';

const START = '2026-11-23T09:00:00Z';

function messages(n: number, opts: { conversations?: number; job?: string } = {}): QueuedMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    job: opts.job ?? 'test', period: '2026-11-23', recipient: { conversationId: `a:conv-${i % (opts.conversations ?? n)}` },
    kind: `m${i}`, payload: { text: `message ${i}` },
  }));
}

describeEachStore('outbox sender', (kind) => {
  let store: Store;
  beforeEach(async () => { store = await createTestStore(kind); });
  afterEach(async () => { await store.close(); });

  function sender(t: ReturnType<typeof virtualTime>, script: SendResult[] = [], extra: Partial<SenderOptions> = {}) {
    const messenger = scriptedMessenger(t.clock, script);
    const s = new OutboxSender({
      stores: createJobStores(store.db), messenger, clock: t.clock, sleep: t.sleep, random: () => 0.5, log,
      ratePerSecond: 5, maxAttempts: 4, ...extra,
    });
    return { s, messenger };
  }
  const rows = () => store.db.outboxMessage.findMany({ orderBy: { id: 'asc' } });

  it('paces sends at SEND_RATE_PER_SECOND and marks each sent once', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(20), t.clock.now());
    const { s, messenger } = sender(t);
    const stats = await s.drainAll();
    expect(stats).toMatchObject({ sent: 20, failed: 0, retried: 0, attempts: 20 });
    const gaps = messenger.calls.slice(1).map((c, i) => c.at - messenger.calls[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(200);
    expect(new Set(messenger.delivered.map((m) => m.text)).size).toBe(20);
    expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt)).toBe(true);
  });

  it('keeps each conversation within 7 a second and 60 in 30 seconds', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(130, { conversations: 1 }), t.clock.now());
    const { s, messenger } = sender(t, [], { ratePerSecond: 50 });
    await s.drainAll();
    const times = messenger.calls.map((c) => c.at);
    expect(messenger.delivered).toHaveLength(130);
    for (const at of times) {
      expect(times.filter((x) => x >= at && x < at + 1_000).length).toBeLessThanOrEqual(7);
      expect(times.filter((x) => x >= at && x < at + 30_000).length).toBeLessThanOrEqual(60);
    }
  });

  it('retries a 429 after its Retry-After, and one without Retry-After with backoff and jitter', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(2), t.clock.now());
    const { s, messenger } = sender(t, [{ ok: false, status: 429, retryAfterMs: 30_000 }, { ok: false, status: 429 }]);
    await s.drainDue();
    const [a, b] = await rows();
    expect(a).toMatchObject({ status: 'pending', attempts: 1, statusCodes: [429] });
    expect(a!.nextAttemptAt.getTime() - messenger.calls[0]!.at).toBe(30_000);
    // No Retry-After: 2 s base, equal jitter (random 0.5) → 1.5 s.
    expect(b!.nextAttemptAt.getTime() - messenger.calls[1]!.at).toBe(1_500);
    await s.drainAll();
    expect(messenger.delivered.map((m) => m.text).sort()).toEqual(['message 0', 'message 1']);
    expect(messenger.calls[2]!.message.text).toBe('message 1');
    expect(messenger.calls[3]!.at - messenger.calls[0]!.at).toBeGreaterThanOrEqual(30_000);
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual([['sent', 2], ['sent', 2]]);
  });

  it('retries 500, 502, 504, 412 and timeouts; 403 and 404 are final at once', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(7), t.clock.now());
    const { s, messenger } = sender(t, [
      { ok: false, status: 500 }, { ok: false, status: 502 }, { ok: false, status: 504 }, { ok: false, status: 412 },
      { ok: false, error: 'timeout' }, { ok: false, status: 403, final: true }, { ok: false, status: 404 },
    ]);
    const stats = await s.drainAll();
    expect(stats).toMatchObject({ sent: 5, failed: 2, retried: 5 });
    const r = await rows();
    expect(r.slice(0, 5).map((x) => [x.status, x.statusCodes])).toEqual([['sent', [500]], ['sent', [502]], ['sent', [504]], ['sent', [412]], ['sent', [0]]]);
    expect(r[5]).toMatchObject({ status: 'failed', attempts: 1, statusCodes: [403] });
    expect(r[6]).toMatchObject({ status: 'failed', attempts: 1, statusCodes: [404] });
    expect(messenger.delivered).toHaveLength(5);
  });

  it('backs off exponentially and marks the row failed with every status after the last attempt', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(1), t.clock.now());
    const { s, messenger } = sender(t, [{ ok: false, status: 500 }, { ok: false, status: 503 }, { ok: false, error: 'timeout' }, { ok: false, status: 502 }]);
    await s.drainAll();
    const [row] = await rows();
    expect(row).toMatchObject({ status: 'failed', attempts: 4, statusCodes: [500, 503, 0, 502] });
    expect(row!.lastError).toMatch(/gave up after 4 attempts/);
    const gaps = messenger.calls.slice(1).map((c, i) => c.at - messenger.calls[i]!.at);
    expect(gaps).toEqual([1_500, 3_000, 6_000]); // 2 s, 4 s, 8 s with equal jitter at 0.5
  });

  it('slows down on a 429, and pauses every sender when 429s persist (a shared lease), then carries on', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(12), t.clock.now());
    const throttled = Array.from({ length: 8 }, () => ({ ok: false, status: 429, retryAfterMs: 1_000 }));
    const { s, messenger } = sender(t, throttled);
    await s.drainDue();
    // The 429s lowered the pace: the gaps grow.
    const gaps = messenger.calls.slice(1).map((c, i) => c.at - messenger.calls[i]!.at);
    expect(gaps[0]).toBe(200);
    expect(Math.max(...gaps)).toBeGreaterThan(400);
    const pause = await store.db.lease.findUnique({ where: { name: PAUSE_LEASE } });
    expect(pause).not.toBeNull();
    const last = messenger.calls.at(-1)!;
    expect(last.result.status).toBe(429); // the pause began at the last 429: nothing else was tried
    expect(pause!.expiresAt.getTime()).toBe(last.at + 5_000);
    // Another sender (another replica) honours the same pause.
    const other = sender(t);
    expect(await other.s.drainDue()).toMatchObject({ attempts: 0 });
    const before = messenger.calls.length;
    const stats = await s.drainAll();
    expect(stats.sent).toBe(12);
    expect(messenger.calls.slice(before).every((c) => c.at >= last.at + 5_000)).toBe(true);
    expect(s.totals.pauses).toBe(1);
  });

  it('does not pause for one burst of 429s from requests already in flight', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(10), t.clock.now());
    const { s } = sender(t, Array.from({ length: 4 }, () => ({ ok: false, status: 429 })), { ratePerSecond: 50 });
    const stats = await s.drainAll();
    expect(stats).toMatchObject({ sent: 10, pauses: 0, throttled: 4 });
    expect(await store.db.lease.findUnique({ where: { name: PAUSE_LEASE } })).toBeNull();
  });

  it('keeps a message for someone with no personal chat waiting, and sends it once they have one', async () => {
    const t = virtualTime(START);
    await store.db.person.create({ data: { key: 'nobody', name: 'No Body', roles: ['owner'] } });
    await enqueueMessages(store.db, [{ job: 'lead-alert', period: 'p', recipient: { personKey: 'nobody' }, kind: 'action-alert', payload: { text: 'hi' } }], t.clock.now());
    const { s, messenger } = sender(t);
    expect(await s.drainAll()).toMatchObject({ waiting: 1, failed: 0, attempts: 0 });
    expect((await rows())[0]).toMatchObject({ status: 'waiting', attempts: 0 });
    expect((await rows())[0]!.lastError).toMatch(/waiting: nobody has no personal chat with the bot yet/);
    // Within the minute: no cached "no chat" answer stands in the way.
    t.clock.advance(20_000);
    await reachEveryone(store);
    await s.drainAll();
    expect(messenger.delivered).toEqual([{ conversationId: 'a:personal-nobody', text: 'hi' }]);
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('drops a nudge that went out of date while waiting, with the reason, but never an alert', async () => {
    const t = virtualTime(START);
    await store.db.person.create({ data: { key: 'nobody', name: 'No Body', roles: ['owner'] } });
    await enqueueMessages(store.db, [
      { job: 'owner-nudges', period: '2026-11-23', recipient: { personKey: 'nobody' }, kind: 'nudge', payload: { text: 'nudge' } },
      { job: 'lead-alert', period: 'COM-01@v2', recipient: { personKey: 'nobody' }, kind: 'action-alert', payload: { text: 'alert' } },
    ], t.clock.now());
    const { s, messenger } = sender(t);
    await s.drainAll();
    t.clock.advance(6 * 86_400_000);
    await s.drainAll();
    expect((await rows()).map((r) => r.status)).toEqual(['waiting', 'waiting']); // six days: both still worth sending
    t.clock.advance(2 * 86_400_000);
    await reachEveryone(store);
    await s.drainAll();
    expect(messenger.delivered.map((m) => m.text)).toEqual(['alert']);
    const [nudge] = await rows();
    expect(nudge).toMatchObject({ status: 'failed', attempts: 0 });
    expect(nudge!.lastError).toMatch(/dropped: out of date before nobody could be reached/);
  });

  it('never sends twice a message Teams accepted while its "sent" mark could not be written', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(3), t.clock.now());
    const { s, messenger } = sender(t, [], { lockMs: 60_000 });
    const proto = Object.getPrototypeOf((s as unknown as { repo: object }).repo) as { markSentMany: (...a: unknown[]) => Promise<void> };
    const original = proto.markSentMany;
    let outage = true;
    proto.markSentMany = function (this: unknown, ...a: unknown[]) { return outage ? Promise.reject(new Error('database unavailable')) : original.apply(this, a); };
    try {
      await expect(s.drainDue()).rejects.toThrow(/database unavailable/);
      expect(s.unmarkedCount).toBeGreaterThan(0);
      t.clock.advance(61_000); // the claim has lapsed: without the remembered marks, the rows would be sent again
      await expect(s.drainDue()).rejects.toThrow(/database unavailable/);
      outage = false;
      t.clock.advance(61_000);
      await s.drainAll();
    } finally {
      proto.markSentMany = original;
    }
    expect(s.unmarkedCount).toBe(0);
    expect(messenger.delivered.map((m) => m.text).sort()).toEqual(['message 0', 'message 1', 'message 2']);
    expect((await rows()).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('resolves a person to their personal conversation at send time', async () => {
    const t = virtualTime(START);
    await store.db.person.create({ data: { key: 'owen', name: 'Owen Price', roles: ['owner'] } });
    await enqueueMessages(store.db, [{ job: 'test', period: 'p', recipient: { personKey: 'owen' }, kind: 'nudge', payload: { text: 'hi' } }], t.clock.now());
    await reachEveryone(store);
    const { s, messenger } = sender(t);
    await s.drainAll();
    expect(messenger.delivered).toEqual([{ conversationId: 'a:personal-owen', text: 'hi' }]);
  });

  it('crash after half the outbox is sent, then resume: every message once', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(20), t.clock.now());
    const delivered: string[] = [];
    let calls = 0;
    // Sender A "dies" on its 11th send: the call never returns (the process is gone).
    const dying = new OutboxSender({
      stores: createJobStores(store.db), clock: t.clock, sleep: t.sleep, log, ratePerSecond: 5, maxAttempts: 4, lockMs: 60_000,
      messenger: { send: (m) => { calls++; if (calls === 11) return new Promise<SendResult>(() => undefined); delivered.push(m.text!); return Promise.resolve({ ok: true }); } },
    });
    void dying.drainAll();
    for (let i = 0; i < 50 && calls < 11; i++) await new Promise((r) => setTimeout(r, 20));
    expect(calls).toBe(11);
    const mid = await rows();
    expect(mid.filter((r) => r.status === 'sent')).toHaveLength(10);
    expect(mid.filter((r) => r.status === 'sending').length).toBeGreaterThan(0);

    // Sender B (a restarted bot) starts before A's claim expired: it leaves A's rows alone...
    const b = sender(t);
    await b.s.drainDue();
    expect(b.messenger.calls.map((c) => c.message.text)).not.toContain('message 10');
    // ...and takes them over once the claim has expired.
    t.clock.advance(61_000);
    await b.s.drainAll();
    const all = [...delivered, ...b.messenger.delivered.map((m) => m.text!)];
    expect(all.sort()).toEqual(messages(20).map((m) => m.payload.text!).sort());
    expect(new Set(all).size).toBe(20);
    expect((await rows()).every((r) => r.status === 'sent')).toBe(true);
  });

  it('a message the connector accepted just before the crash is sent again (at least once, never lost)', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(1), t.clock.now());
    const seen: string[] = [];
    const dying = new OutboxSender({
      stores: createJobStores(store.db), clock: t.clock, sleep: t.sleep, log, ratePerSecond: 5, maxAttempts: 4,
      messenger: { send: (m) => { seen.push(m.text!); return new Promise<SendResult>(() => undefined); } }, // delivered, then the process died
    });
    void dying.drainDue();
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    t.clock.advance(61_000);
    const b = sender(t);
    await b.s.drainAll();
    expect([...seen, ...b.messenger.delivered.map((m) => m.text)]).toEqual(['message 0', 'message 0']);
    expect((await rows())[0]).toMatchObject({ status: 'sent' });
  });

  it('gives up visibly on a row whose sender died during its last attempt', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(1), t.clock.now());
    await store.db.outboxMessage.updateMany({ data: { status: 'sending', attempts: 4, lockedUntil: t.clock.now() } });
    const { s } = sender(t);
    await s.drainAll();
    expect((await rows())[0]).toMatchObject({ status: 'failed' });
    expect((await rows())[0]!.lastError).toMatch(/gave up/);
  });

  it('two senders draining together never send a row twice', async () => {
    await enqueueMessages(store.db, messages(120), new Date());
    const seen: string[] = [];
    const make = () => new OutboxSender({
      stores: createJobStores(store.db), clock: { now: () => new Date() }, log, ratePerSecond: 400, maxAttempts: 3, batchSize: 10, concurrency: 4,
      messenger: { send: async (m) => { seen.push(m.text!); await new Promise((r) => setTimeout(r, 1)); return { ok: true }; } },
    });
    await Promise.all([make().drainAll(), make().drainAll(), make().drainAll()]);
    expect(seen).toHaveLength(120);
    expect(new Set(seen).size).toBe(120);
  });
});
