// The answer to an invoke no route took: a card from an older version of the bot (a verb we no
// longer know), a task module fetch we never offered, or an invoke with no value at all. Left
// alone, the Bot Framework answers 501; the person gets a card saying to ask again instead.
import { INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { adaptiveCard, text } from '../cards/common.js';
import { turnLog } from './turn.js';
import type { Logger } from '../log/logger.js';

export const OUT_OF_DATE = 'This card is out of date, so nothing was changed. Ask me again (for example "my actions") for a fresh one.';

/** True when the turn was an invoke and nothing has answered it. */
export function invokeUnanswered(context: TurnContext): boolean {
  return context.activity.type === 'invoke' && !context.turnState.get(INVOKE_RESPONSE_KEY);
}

function bodyFor(name: string): Record<string, unknown> {
  if (name.startsWith('task/')) return { task: { type: 'message', value: OUT_OF_DATE } };
  if (name === 'adaptiveCard/action') {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: adaptiveCard([text(OUT_OF_DATE, { color: 'Attention' })]) };
  }
  return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: OUT_OF_DATE };
}

export async function answerUnhandledInvoke(context: TurnContext, log: Logger): Promise<void> {
  const name = typeof context.activity.name === 'string' ? context.activity.name : '';
  turnLog(context, log).info({ invoke: name.slice(0, 64) }, 'invoke nobody handles: answered "out of date"');
  await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: bodyFor(name) } });
}
