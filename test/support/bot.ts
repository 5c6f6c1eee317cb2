// Drives the real bot (runtime, adapter, routes) through POST /api/messages on an ephemeral
// port, with replies landing in a connector stub: the same path Teams uses.
import crypto from 'node:crypto';
import { loadConfig } from '../../src/config.js';
import { fixedClock, type Clock } from '../../src/domain/time/clock.js';
import { createLogger, type Logger } from '../../src/log/logger.js';
import { startRuntime, type Running, type StartOptions } from '../../src/runtime.js';
import type { Store } from '../../src/store/database.js';
import { startConnectorStub, type ConnectorStub, type SentActivity } from '../../src/cli/connector-stub.js';

export const TENANT_ID = '9b3c6d2e-0000-4000-8000-00000000c0de';
export const BOT = { id: '28:partnership-bot', name: 'Partnership Bot' };
export const DEMO_NOW = '2026-11-22T09:00:00Z';

export type ChatKind = 'personal' | 'groupChat' | 'channel';

export interface TestBot {
  running: Running;
  connector: ConnectorStub;
  store: Store;
  url: string;
  /** A message from a person (by people.key, or null for someone unknown); returns the bot's replies. */
  say(text: string, opts?: { as?: string | null; chat?: ChatKind; conversationId?: string }): Promise<Reply>;
  /** Posts any activity (merged over a sensible message); returns the HTTP status and body. */
  post(activity: Record<string, unknown>): Promise<{ status: number; body: string }>;
  /** A bare activity from a person, to be completed by the test (invokes, conversation updates). */
  activity(opts: { as?: string | null; chat?: ChatKind; conversationId?: string }): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export interface Reply { status: number; body: string; activities: Record<string, unknown>[]; text: string }

/** All the words a person would see: message text and every text-like field of attached cards. */
export function visibleText(activities: Record<string, unknown>[]): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (!node || typeof node !== 'object') return;
    for (const key of ['text', 'title', 'value', 'placeholder', 'label', 'altText', 'fallbackText', 'subtitle', 'name']) {
      const v = (node as Record<string, unknown>)[key];
      if (typeof v === 'string') out.push(v);
    }
    for (const v of Object.values(node)) if (typeof v === 'object') walk(v);
  };
  for (const a of activities) {
    if (typeof a.text === 'string') out.push(a.text);
    walk(a.attachments);
  }
  return out.join('\n');
}

export async function startTestBot(store: Store, opts: { clock?: Clock; env?: Record<string, string>; ask?: StartOptions['ask']; log?: Logger } = {}): Promise<TestBot> {
  const connector = await startConnectorStub();
  // No background sender unless a test asks (env SENDER: '1'): deliveries must not race assertions.
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: '0', SENDER: '0', ...opts.env });
  const running = await startRuntime({ config, store, clock: opts.clock ?? fixedClock(DEMO_NOW), log: opts.log ?? createLogger('silent'), ask: opts.ask });
  const aadFor = async (key: string | null | undefined) => {
    if (key === null) return { id: '29:stranger', name: 'Visitor', aadObjectId: '00000000-dead-beef-0000-000000000000' };
    const person = await store.db.person.findUnique({ where: { key: key ?? 'amorgan' } });
    if (!person) throw new Error(`No person with key ${key}`);
    return { id: `29:${person.aadObjectId}`, name: person.name, aadObjectId: person.aadObjectId ?? undefined };
  };
  const base = (from: Record<string, unknown>, chat: ChatKind, conversationId: string) => ({
    type: 'message', id: crypto.randomUUID(), timestamp: new Date().toISOString(), localTimezone: 'Europe/London',
    serviceUrl: connector.serviceUrl, channelId: 'msteams', from,
    conversation: { id: conversationId, conversationType: chat, tenantId: TENANT_ID, ...(chat === 'personal' ? {} : { isGroup: true }) },
    recipient: BOT, locale: 'en-GB', textFormat: 'plain',
    channelData: { tenant: { id: TENANT_ID }, ...(chat === 'channel' ? { team: { id: '19:team-1@thread.tacv2', name: 'SEND Partnership' }, channel: { id: conversationId } } : {}) },
  });
  const post = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    return { status: res.status, body: await res.text() };
  };
  const activity = async (o: { as?: string | null; chat?: ChatKind; conversationId?: string }) => {
    const chat = o.chat ?? 'personal';
    const conversationId = o.conversationId ?? `${chat === 'personal' ? 'a:' : '19:'}test-${crypto.randomUUID()}`;
    return base(await aadFor(o.as), chat, conversationId);
  };
  return {
    running, connector, store, url: running.url,
    async say(text, o = {}) {
      const act = await activity(o);
      const chat = o.chat ?? 'personal';
      const mention = `<at>${BOT.name}</at>`;
      const message = chat === 'personal' ? { ...act, text } : {
        ...act, text: `${mention} ${text}`,
        entities: [{ type: 'mention', text: mention, mentioned: BOT }],
      };
      const conv = (act.conversation as { id: string }).id;
      const before = connector.for(conv).length;
      const res = await post(message);
      const activities = connector.for(conv).slice(before).map((s: SentActivity) => s.body).filter((b) => b.type === 'message');
      return { ...res, activities, text: visibleText(activities) };
    },
    post,
    activity,
    async close() {
      await running.stop();
      await connector.close();
    },
  };
}
