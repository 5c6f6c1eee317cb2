// Install, uninstall and membership changes: welcome people, remember or forget conversations.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { groupWelcome, personalWelcome } from '../../domain/phrasing/welcome.js';
import type { Services } from '../services.js';
import { captureConversation, conversationKind, whoIsSpeaking } from '../turn.js';

function botWasAdded(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersAdded ?? []).some((m) => m.id === botId);
}

function botWasRemoved(context: TurnContext): boolean {
  const botId = context.activity.recipient?.id;
  return (context.activity.membersRemoved ?? []).some((m) => m.id === botId);
}

async function welcome(context: TurnContext, services: Services): Promise<void> {
  const person = await whoIsSpeaking(context, services);
  await captureConversation(context, services, person);
  if (conversationKind(context) === 'personal') {
    await context.sendActivity(personalWelcome(person ? person.name.split(' ')[0] ?? null : null));
  } else {
    await context.sendActivity(groupWelcome());
  }
}

async function forget(context: TurnContext, services: Services): Promise<void> {
  const channelData = (context.activity.channelData ?? {}) as { team?: { id?: string } };
  const removed = await services.conversations.forget({
    conversationId: context.activity.conversation?.id,
    teamId: conversationKind(context) === 'personal' ? undefined : channelData.team?.id,
  });
  services.log.info({ removed }, 'conversation references cleared after removal');
}

export function registerInstallRoutes(app: Application<TurnState>, services: Services): void {
  // installationUpdate arrives first in Teams; conversationUpdate follows with membersAdded.
  // Welcome once, on the membersAdded that names the bot.
  app.conversationUpdate('membersAdded', async (context) => {
    if (botWasAdded(context)) await welcome(context, services);
  });
  app.conversationUpdate('membersRemoved', async (context) => {
    if (botWasRemoved(context)) await forget(context, services);
  });
  app.activity('installationUpdate', async (context) => {
    const action = String(context.activity.action ?? '');
    if (action.startsWith('remove')) await forget(context, services);
    else await captureConversation(context, services, await whoIsSpeaking(context, services));
  });
  app.conversationUpdate('teamRenamed', async (context) => {
    // A renamed team keeps its ids; refresh the stored name and reference.
    await captureConversation(context, services, null);
  });
}
