// Every text message (and every messageBack from a card button) is a question for src/ask.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { chatCommands } from '../commands/index.js';
import { sendAnswer } from '../reply.js';
import type { Services } from '../services.js';
import { captureConversation, conversationKind, whoIsSpeaking } from '../turn.js';

const MAX_TEXT = 2_000; // questions are short; the rest is noise and never stored or logged

/** The text of the question, without the bot's mention or markup. */
export function questionText(context: TurnContext): string {
  const a = context.activity;
  let text = typeof a.text === 'string' ? a.text : '';
  if (!text && a.value && typeof a.value === 'object' && typeof (a.value as { text?: unknown }).text === 'string') {
    text = (a.value as { text: string }).text; // Action.Submit from older clients
  }
  return text
    .slice(0, MAX_TEXT * 2)
    .replace(/<at[^>]*>.*?<\/at>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_TEXT);
}

export function registerMessageRoutes(app: Application<TurnState>, services: Services): void {
  app.activity(ActivityTypes.Message, async (context) => {
    const person = await whoIsSpeaking(context, services);
    await captureConversation(context, services, person);
    const text = questionText(context);
    const kind = conversationKind(context);
    for (const command of chatCommands) {
      if (await command.tryHandle({ context, services, text, person, conversationKind: kind })) return;
    }
    await sendAnswer(context, await services.ask(text, { person, conversationKind: kind, conversationId: context.activity.conversation?.id }));
  });
}
