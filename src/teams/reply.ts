// Sends an answer model: the sentence first, then each card as its own attachment.
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import type { Answer } from './services.js';

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
