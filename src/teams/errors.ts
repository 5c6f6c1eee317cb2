// Errors reach the user as one short, kind sentence and the log as a line with the
// correlation id: never a stack trace to the user, never silence.
import type { TurnContext } from 'botbuilder';
import type { Logger } from '../log/logger.js';
import { isUnavailable } from '../store/errors.js';
import { correlationId, turnLog } from './turn.js';

export function kindErrorText(err: unknown, cid: string): string {
  if (isUnavailable(err)) return "I can't reach the plan right now. Please try again shortly.";
  return `Sorry, something went wrong on my side. Please try again in a moment. (Reference: ${cid.slice(0, 8)})`;
}

export async function reportTurnError(context: TurnContext, err: unknown, log: Logger): Promise<void> {
  const cid = correlationId(context);
  const message = err instanceof Error ? err.message : String(err);
  turnLog(context, log).error({ cid, err: { message, name: err instanceof Error ? err.name : 'Error' } }, 'turn failed');
  const text = kindErrorText(err, cid);
  try {
    if (context.activity.type === 'invoke') {
      // An invoke waits for its HTTP answer: give it the sentence rather than leaving the card spinning.
      await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } } });
    } else {
      await context.sendActivity(text);
    }
  } catch (sendErr) {
    turnLog(context, log).warn({ cid, err: { message: sendErr instanceof Error ? sendErr.message : String(sendErr) } }, 'could not tell the user about the failure');
  }
}
