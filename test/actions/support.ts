// Shared helpers for the action-update tests: the Adaptive Cards parser as a validator, invokes
// through /api/messages, and a few readers of what the bot sent.
import { createRequire } from 'node:module';
import type { TestBot, ChatKind } from '../support/bot.js';

interface AcEvent { message: string }
interface AcModule {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void; validateProperties(): { validationEvents: AcEvent[] } };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): AcEvent };
}
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AcModule;

type Node = Record<string, unknown>;

/** Problems the official parser finds (unknown types or properties, validation failures), plus our own rules. */
export function cardProblems(card: Node): string[] {
  const problems: string[] = [];
  const parsed = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  parsed.parse(card, ctx);
  for (let i = 0; i < ctx.eventCount; i++) problems.push(`parse: ${ctx.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  if (card.version !== '1.5') problems.push(`version is ${String(card.version)}`);
  for (const a of allOfType({ ...card, refresh: undefined }, 'Action.Execute')) {
    const fallback = a.fallback as Node | undefined;
    if (!fallback || fallback.type !== 'Action.Submit') problems.push(`Action.Execute ${String(a.verb)} has no Action.Submit fallback`);
    else if ((fallback.data as Node | undefined)?.verb !== a.verb) problems.push(`fallback of ${String(a.verb)} does not name the verb`);
  }
  const refresh = card.refresh as Node | undefined;
  if (refresh) {
    const ids = refresh.userIds as unknown[] | undefined;
    if (ids && ids.length > 60) problems.push('refresh.userIds has more than 60 users');
  }
  return problems;
}

/** Every object of a given type, anywhere in the card (refresh, fallbacks and columns included). */
export function allOfType(node: unknown, type: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) { node.forEach((n) => allOfType(n, type, out)); return out; }
  if (!node || typeof node !== 'object') return out;
  const o = node as Node;
  if (o.type === type) out.push(o);
  for (const [k, v] of Object.entries(o)) if (k !== 'fallback' && typeof v === 'object') allOfType(v, type, out);
  return out;
}

/** All words of a card, for assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (!n || typeof n !== 'object') return;
    const o = n as Node;
    for (const k of ['text', 'title', 'label', 'value']) if (typeof o[k] === 'string') out.push(o[k] as string);
    if (Array.isArray(o.facts)) for (const f of o.facts as Node[]) out.push(`${String(f.title)}: ${String(f.value)}`);
    for (const [k, v] of Object.entries(o)) if (k !== 'fallback' && typeof v === 'object') walk(v);
  };
  walk(card);
  return out.join('\n');
}

export function inputIds(card: unknown): string[] {
  return [...allOfType(card, 'Input.ChoiceSet'), ...allOfType(card, 'Input.Text'), ...allOfType(card, 'Input.Date'), ...allOfType(card, 'Input.Number')].map((i) => String(i.id));
}

export function button(card: unknown, verb: string): Node {
  const b = allOfType((card as Node).actions ?? [], 'Action.Execute').find((a) => a.verb === verb);
  if (!b) throw new Error(`No ${verb} button in the card`);
  return b;
}

export interface InvokeResult {
  status: number;
  raw: string;
  body: { statusCode?: number; type?: string; value?: unknown };
  card: Node;
  /** What the bot sent to the connector while this invoke ran (messages and updates). */
  outbound: { method: string; path: string; body: Node }[];
}

/** Presses a card button (Action.Execute) as a person, in a chat; inputs are merged into the data. */
export async function invoke(bot: TestBot, o: {
  as?: string | null; chat?: ChatKind; conversationId?: string; verb: string; data: Record<string, unknown>; trigger?: 'manual' | 'automatic';
}): Promise<InvokeResult> {
  const act = await bot.activity({ as: o.as, chat: o.chat ?? 'personal', ...(o.conversationId ? { conversationId: o.conversationId } : {}) });
  const before = bot.connector.sent.length;
  const res = await bot.post({
    ...act, type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card-message-1',
    value: { action: { type: 'Action.Execute', id: 'button', verb: o.verb, data: o.data }, trigger: o.trigger ?? 'manual' },
  });
  let body: InvokeResult['body'] = {};
  try { body = JSON.parse(res.body) as InvokeResult['body']; } catch { /* not JSON */ }
  const card = (body.value && typeof body.value === 'object' ? body.value : {}) as Node;
  return { status: res.status, raw: res.body, body, card, outbound: bot.connector.sent.slice(before) };
}

/** The first Adaptive Card in a list of sent activities. */
export function firstCard(activities: Node[]): Node {
  for (const a of activities) {
    for (const att of (a.attachments as Node[] | undefined) ?? []) {
      if (att.contentType === 'application/vnd.microsoft.card.adaptive') return att.content as Node;
    }
  }
  throw new Error('No card was sent');
}

export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}
