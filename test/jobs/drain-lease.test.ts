// Several replicas on one database: only the sender holding the drain lease sends, so Teams'
// per-conversation limits hold for the bot as a whole, not per process; a sender that stops
// hands over at once, one that dies hands over when its lease lapses; nothing is lost or doubled.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { DRAIN_LEASE } from '../../src/jobs/drain-lease.js';
import { OutboxSender } from '../../src/jobs/outbox-sender.js';
import type { Store } from '../../src/store/database.js';
import { LeaseRepository } from '../../src/store/leases.js';
import { enqueueMessages, type QueuedMessage } from '../../src/store/outbox.js';
import type { Messenger, SendResult } from '../../src/teams/messenger.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { log, scriptedMessenger, virtualTime } from './support.js';

const START = '2026-11-23T09:00:00Z';

function messages(n: number, conversation = 'a:conv-1'): QueuedMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    job: 'test', period: '2026-11-23', recipient: { conversationId: conversation }, kind: `m${i}`, payload: { text: `message ${i}` },
  }));
}

describeEachStore('one sender at a time across replicas', (kind) => {
  let store: Store;
  beforeEach(async () => { store = await createTestStore(kind); });
  afterEach(async () => { await store.close(); });

  it('two replicas draining one chat together keep its per-second limit, every message once', async () => {
    await enqueueMessages(store.db, messages(12), new Date());
    const sends: { at: number; text: string }[] = [];
    const messenger: Messenger = { send: async (m) => { sends.push({ at: Date.now(), text: m.text! }); return { ok: true, status: 200 }; } };
    const replica = () => new OutboxSender({
      db: store.db, messenger, clock: { now: () => new Date() }, log, ratePerSecond: 100, maxAttempts: 3,
      perConversation: { perSecond: 3, perThirtySeconds: 1_000 }, idlePollMs: 100, batchSize: 3,
    });
    await Promise.all([replica().drainAll(), replica().drainAll()]);
    expect(sends.map((s) => s.text).sort()).toEqual(messages(12).map((m) => m.payload.text!).sort());
    // The sender records a send just before the call; the connector sees it a few ms later, so a
    // window a little under a second allows for that delay (two senders together put 6 in it).
    for (const { at } of sends) expect(sends.filter((s) => s.at >= at && s.at < at + 950).length).toBeLessThanOrEqual(3);
  }, 60_000);

  it('a sender that stops hands the lease back; the other takes over at once', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(3), t.clock.now());
    const a = new OutboxSender({ db: store.db, messenger: scriptedMessenger(t.clock), clock: t.clock, sleep: t.sleep, log, ratePerSecond: 5, maxAttempts: 3 });
    await a.drainAll();
    const lease = await new LeaseRepository(store.db).get(DRAIN_LEASE);
    expect(lease!.expiresAt.getTime()).toBeLessThanOrEqual(t.clock.now().getTime());
    await enqueueMessages(store.db, messages(2, 'a:conv-2'), t.clock.now());
    const bMessenger = scriptedMessenger(t.clock);
    const b = new OutboxSender({ db: store.db, messenger: bMessenger, clock: t.clock, sleep: t.sleep, log, ratePerSecond: 5, maxAttempts: 3 });
    await b.drainDue();
    expect(bMessenger.delivered).toHaveLength(2);
  });

  it('a sender that dies blocks the others only until its lease lapses', async () => {
    const t = virtualTime(START);
    await enqueueMessages(store.db, messages(1), t.clock.now());
    let sent = 0;
    const dying = new OutboxSender({
      db: store.db, clock: t.clock, sleep: t.sleep, log, ratePerSecond: 5, maxAttempts: 3, lockMs: 20_000, drainLeaseMs: 30_000,
      messenger: { send: () => { sent++; return new Promise<SendResult>(() => undefined); } }, // the process is gone
    });
    void dying.drainDue();
    for (let i = 0; i < 100 && sent === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await enqueueMessages(store.db, messages(1, 'a:conv-2'), t.clock.now());
    const next = scriptedMessenger(t.clock);
    const b = new OutboxSender({ db: store.db, messenger: next, clock: t.clock, sleep: t.sleep, log, ratePerSecond: 5, maxAttempts: 3 });
    await b.drainDue();
    expect(next.calls).toHaveLength(0); // the dead sender's lease still stands
    t.clock.advance(31_000);
    await b.drainAll();
    expect(next.delivered.map((m) => m.text).sort()).toEqual(['message 0', 'message 0']);
  });
});
