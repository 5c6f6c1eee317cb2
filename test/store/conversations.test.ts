// Conversation references, captured on every turn in one statement: the first capture inserts,
// a later one updates where the bot can reach the chat and keeps a name a turn did not carry.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/store/database.js';
import { ConversationRepository, type CapturedConversation } from '../../src/store/conversations.js';
import { createTestStore, describeEachStore } from '../support/store.js';

describeEachStore('capturing a conversation', (kind) => {
  let store: Store;
  beforeEach(async () => { store = await createTestStore(kind); });
  afterEach(async () => { await store.close(); });

  const chat = (over: Partial<CapturedConversation> = {}): CapturedConversation => ({
    conversationId: '19:chat-1', kind: 'groupChat', personId: null, teamId: null, name: 'Batley SENCOs', tenantId: 't-1',
    serviceUrl: 'https://smba.example/one/', reference: { conversation: { id: '19:chat-1' }, user: { id: '29:a' } }, ...over,
  });

  it('inserts, then updates the same row, keeping the name when a turn has none', async () => {
    const repo = new ConversationRepository(store.db);
    await repo.capture(chat(), Date.parse('2026-11-22T09:00:00Z'));
    const first = await store.db.conversationRef.findUniqueOrThrow({ where: { conversationId: '19:chat-1' } });
    expect(first).toMatchObject({ kind: 'groupChat', name: 'Batley SENCOs', serviceUrl: 'https://smba.example/one/', tenantId: 't-1' });
    expect(first.lastSeenAt.toISOString()).toBe('2026-11-22T09:00:00.000Z');

    // Another process (a fresh repository) sees the chat again from a new service address.
    const again = new ConversationRepository(store.db);
    await again.capture(chat({ name: null, serviceUrl: 'https://smba.example/two/', reference: { conversation: { id: '19:chat-1' }, user: { id: '29:b' } } }), Date.parse('2026-11-22T10:00:00Z'));
    const rows = await store.db.conversationRef.findMany({ where: { conversationId: '19:chat-1' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, name: 'Batley SENCOs', serviceUrl: 'https://smba.example/two/', reference: { user: { id: '29:b' } } });
    expect(rows[0]!.lastSeenAt.toISOString()).toBe('2026-11-22T10:00:00.000Z');
  });

  it('writes again only after ten minutes in the same process', async () => {
    const repo = new ConversationRepository(store.db);
    await repo.capture(chat(), 0);
    await repo.capture(chat({ serviceUrl: 'https://smba.example/two/' }), 9 * 60_000);
    expect((await store.db.conversationRef.findUniqueOrThrow({ where: { conversationId: '19:chat-1' } })).serviceUrl).toBe('https://smba.example/one/');
    await repo.capture(chat({ serviceUrl: 'https://smba.example/two/' }), 10 * 60_000);
    expect((await store.db.conversationRef.findUniqueOrThrow({ where: { conversationId: '19:chat-1' } })).serviceUrl).toBe('https://smba.example/two/');
  });

  it('links a personal chat to its person', async () => {
    const person = await store.db.person.create({ data: { key: 'p1', name: 'Pat Doe', roles: ['owner'] } });
    await new ConversationRepository(store.db).capture(chat({ conversationId: 'a:p1', kind: 'personal', personId: person.id, name: null }), 0);
    expect(await new ConversationRepository(store.db).personalFor(person.id)).toMatchObject({ conversationId: 'a:p1', kind: 'personal', personId: person.id });
  });
});
