// Replies: an answer model sent as messages, and the answer to a card's invoke.
import { ActivityTypes, CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Card } from '../cards/common.js';
import type { Answer } from './services.js';

/** Sends an answer model: the sentence first, then each card as its own attachment. */
export async function sendAnswer(context: TurnContext, answer: Answer): Promise<void> {
  const [first, ...rest] = answer.cards;
  if (!first) {
    await context.sendActivity(MessageFactory.text(answer.text));
    return;
  }
  // One activity with the sentence and the first card keeps the answer together in the chat.
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(first), answer.text);
  await context.sendActivity(activity);
  for (const card of rest) await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/**
 * Answers an invoke ourselves: a card replaces the clicked card for this viewer; a string shows as
 * a message. teams-ai then sees the response set and leaves the shared message alone.
 */
export async function answerInvoke(context: TurnContext, value: Card | string): Promise<string> {
  const body = typeof value === 'string'
    ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value }
    : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value };
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
  return ''; // what teams-ai would send is ignored: the invoke response is already set
}
