// The client side of every benchmark: Bot Framework activities posted to /api/messages one at a
// time, replies landing in the connector stub, and the percentiles of what was measured.
import crypto from 'node:crypto';
import type { ConnectorStub } from '../../src/cli/connector-stub.js';

export const TENANT = '9b3c6d2e-0000-4000-8000-00000000be4c';

export interface Asker { aad: string; name: string; conversationId: string }

export function askerFor(aad: string, name: string): Asker {
  return { aad, name, conversationId: `a:bench-${aad}` };
}

export function messageActivity(connector: ConnectorStub, asker: Asker, text: string): Record<string, unknown> {
  return {
    type: 'message', id: crypto.randomUUID(), timestamp: new Date().toISOString(), localTimezone: 'Europe/London',
    serviceUrl: connector.serviceUrl, channelId: 'msteams', text, textFormat: 'plain', locale: 'en-GB',
    from: { id: `29:${asker.aad}`, aadObjectId: asker.aad, name: asker.name },
    recipient: { id: '28:partnership-bot', name: 'Partnership Bot' },
    conversation: { id: asker.conversationId, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

export interface Sent { ms: number; reply: string }

/** Posts one activity and waits for the HTTP answer; returns the round trip and the replies' text. */
export async function post(url: string, connector: ConnectorStub, activity: Record<string, unknown>): Promise<Sent> {
  const conversationId = (activity.conversation as { id: string }).id;
  const before = connector.for(conversationId).length;
  const started = performance.now();
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${url} answered HTTP ${res.status}: ${body.slice(0, 200)}`);
  const replies = connector.for(conversationId).slice(before).map((s) => s.body);
  connector.clear(); // keep memory flat over thousands of requests
  const reply = replies.map((r) => `${typeof r.text === 'string' ? r.text : ''} ${JSON.stringify(r.attachments ?? '')}`).join('\n');
  return { ms, reply };
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function pct(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export interface Summary { n: number; p50: number; p95: number }

export function summary(samples: number[]): Summary {
  return { n: samples.length, p50: pct(samples, 50), p95: pct(samples, 95) };
}

export const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
export const times = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)} ×` : 'n/a');

/** A seeded shuffle (mulberry32 from the plan generator is passed in), in place. */
export function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}
