// Updating actions and rating maturity from Universal Actions cards (Action.Execute): the invoke
// is parsed here, the flow (src/flows) decides, and the card goes back in our own invoke response,
// so teams-ai never edits the shared message: an automatic refresh answered by editing the
// message would make every client refresh again, about once a second, for ever. Identity comes
// from from.aadObjectId only; card data carries ids and versions.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, TurnContext, type CloudAdapterBase } from 'botbuilder';
import { z } from 'zod';
import { VERBS, problemCard } from '../../cards/action-update/index.js';
import { DAMAGED_CARD, parseActionId } from '../../domain/actions/index.js';
import type { FlowResult, Viewer } from '../../flows/actions/index.js';
import { runCardVerb } from '../../flows/card-verbs.js';
import type { Logger } from '../../log/logger.js';
import { kindErrorText } from '../errors.js';
import { answerInvoke } from '../reply.js';
import type { Services } from '../services.js';
import { conversationKind, correlationId, turnLog, whoIsSpeaking } from '../turn.js';

/** Invokes must be answered within 5 s; after this long the answer says so and the result follows as a message. */
export const actionCardTiming = { deadlineMs: 4_000 };

const REFRESH_VERBS: ReadonlySet<string> = new Set([VERBS.refresh, VERBS.refreshMany, VERBS.maturityRefresh]);

/** The invoke's envelope: the verb pressed and whether the client refreshed on its own. Anything else reads as nothing. */
const invokeValue = z.object({
  action: z.object({ verb: z.string().catch('') }).catch({ verb: '' }),
  trigger: z.enum(['automatic', 'manual']).catch('manual'),
}).catch({ action: { verb: '' }, trigger: 'manual' });
/** The card's data and inputs: an object, or nothing. */
const cardData = z.record(z.string(), z.unknown()).catch({});

export async function viewerOf(context: TurnContext, services: Services): Promise<Viewer> {
  return { person: await whoIsSpeaking(context, services), userId: context.activity.from?.id, conversationKind: conversationKind(context) };
}

const errorMessage = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Sends a card to the conversation later, outside the turn (the answer to a slow invoke). The turn
 * context is gone by then, so the reference and the adapter are taken while it is still alive.
 */
function laterSender(context: TurnContext, services: Services, log: Logger): (result: FlowResult) => Promise<void> {
  const reference = TurnContext.getConversationReference(context.activity);
  const adapter = context.adapter as CloudAdapterBase;
  return async (result) => {
    try {
      await adapter.continueConversationAsync(services.config.BOT_ID ?? '', reference, async (ctx) => {
        const attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: result.card }];
        await ctx.sendActivity({ type: ActivityTypes.Message, text: result.text ?? 'Here is the result of your last change.', attachments });
      });
    } catch (err) {
      log.warn({ err: { message: errorMessage(err) } }, 'could not send the follow-up for a slow card action');
    }
  };
}

interface CardTurn { context: TurnContext; services: Services; log: Logger; verb: string; trigger: string; started: number }

const LATE = Symbol('late');

/** The flow's result, or, past the deadline, a card saying the result will follow (null: answered already). */
async function withinDeadline(t: CardTurn, work: Promise<FlowResult>): Promise<FlowResult | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => { timer = setTimeout(() => resolve(LATE), actionCardTiming.deadlineMs); });
  const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
  if (first !== LATE) return first;
  const { context, log, verb, trigger } = t;
  log.warn({ verb, trigger, deadlineMs: actionCardTiming.deadlineMs }, 'card action is slow: answering now, result to follow');
  if (REFRESH_VERBS.has(verb)) {
    // Never message a conversation about a refresh: the card simply stays as it is.
    work.catch(() => undefined);
    await answerInvoke(context, 'The plan is slow to answer right now.');
    return null;
  }
  const send = laterSender(context, t.services, log);
  const cid = correlationId(context);
  void work.then(
    (r) => {
      log.info({ verb, outcome: r.outcome, ms: Math.round(performance.now() - t.started), ...r.log }, 'slow card action done');
      return send(r);
    },
    (err: unknown) => {
      log.error({ cid, verb, err: { message: errorMessage(err) } }, 'slow card action failed');
      return send({ outcome: 'error', text: kindErrorText(err, cid), card: problemCard(kindErrorText(err, cid)) });
    },
  );
  return { outcome: 'late', card: problemCard("I'm still working on this. I'll send the result here in a moment.") };
}

async function handleCardAction(context: TurnContext, services: Services, rawData: unknown): Promise<void> {
  const { action, trigger } = invokeValue.parse(context.activity.value);
  const t: CardTurn = { context, services, log: turnLog(context, services.log), verb: action.verb, trigger, started: performance.now() };
  const data = cardData.parse(rawData);
  let result: FlowResult | null;
  try {
    const viewer = await viewerOf(context, services);
    const work = runCardVerb(services.flows, t.verb, viewer, data, 'card') ?? Promise.resolve({ outcome: 'unknown-verb', card: problemCard(DAMAGED_CARD) });
    result = await withinDeadline(t, work);
    if (!result) return;
  } catch (err) {
    const cid = correlationId(context);
    t.log.error({ cid, verb: t.verb, trigger, err: { message: errorMessage(err), name: err instanceof Error ? err.name : 'Error' } }, 'card action failed');
    const actionId = parseActionId(data);
    const retry = actionId.ok && !REFRESH_VERBS.has(t.verb) ? { title: 'Try again', verb: VERBS.refresh, data: { actionId: actionId.value } } : undefined;
    result = { outcome: 'error', card: problemCard(kindErrorText(err, cid), retry) };
  }
  // The card goes back in the invoke response only, whatever the trigger: never an edit of the
  // shared message (that is what makes automatic refreshes loop).
  await answerInvoke(context, result.card);
  t.log.info({ verb: t.verb, trigger, outcome: result.outcome, ms: Math.round(performance.now() - t.started), ...result.log }, 'card action');
}

export function registerActionCardRoutes(app: Application<TurnState>, services: Services): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(Object.values(VERBS), async (context, _state, rawData) => {
    await handleCardAction(context, services, rawData);
    return ''; // ignored: the invoke response is already set
  });
}
