// Per-turn context: a correlation id and logger, who is speaking, and where.
import crypto from 'node:crypto';
import { TurnContext } from 'botbuilder';
import type { Person } from '../domain/plan/types.js';
import type { GroupViewer } from '../flows/groups.js';
import type { Logger } from '../log/logger.js';
import type { ConversationKind } from '../store/conversations.js';
import type { Services } from './services.js';

const LOG_KEY = Symbol('turnLog');
const CID_KEY = Symbol('correlationId');

export function beginTurn(context: TurnContext, log: Logger): Logger {
  const correlationId = crypto.randomUUID();
  const a = context.activity;
  const child = log.child({ cid: correlationId, activity: a.type, name: a.name, conversation: a.conversation?.conversationType });
  context.turnState.set(LOG_KEY, child);
  context.turnState.set(CID_KEY, correlationId);
  return child;
}

export function turnLog(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(LOG_KEY) as Logger | undefined) ?? fallback;
}

export function correlationId(context: TurnContext): string {
  return (context.turnState.get(CID_KEY) as string | undefined) ?? 'none';
}

export function conversationKind(context: TurnContext): ConversationKind {
  const t = context.activity.conversation?.conversationType;
  if (t === 'channel') return 'channel';
  if (t === 'groupChat' || context.activity.conversation?.isGroup) return 'groupChat';
  return 'personal';
}

/** Identity comes from the activity's aadObjectId only, never from card data. */
export async function whoIsSpeaking(context: TurnContext, services: Services): Promise<Person | null> {
  return services.people.byAadObjectId(context.activity.from?.aadObjectId);
}

/** Remember where this conversation is, for proactive messages later. */
export async function captureConversation(context: TurnContext, services: Services, person: Person | null): Promise<void> {
  const a = context.activity;
  if (!a.conversation?.id || !a.serviceUrl) return;
  const kind = conversationKind(context);
  const channelData = (a.channelData ?? {}) as { team?: { id?: string; name?: string }; channel?: { name?: string } };
  await services.conversations.capture({
    conversationId: a.conversation.id,
    kind,
    personId: kind === 'personal' ? person?.id ?? null : null,
    teamId: channelData.team?.id ?? null,
    name: a.conversation.name ?? channelData.channel?.name ?? channelData.team?.name ?? null,
    tenantId: a.conversation.tenantId ?? null,
    serviceUrl: a.serviceUrl,
    reference: TurnContext.getConversationReference(a) as Record<string, unknown>,
  });
}

/** Who is looking and where, for the flows: identity from aadObjectId, refresh ids from from.id. */
export function viewerOf(context: TurnContext, person: Person | null): GroupViewer {
  const a = context.activity;
  return { person, userId: a.from?.id, conversationId: a.conversation?.id, conversationKind: conversationKind(context) };
}
