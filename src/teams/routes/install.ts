// Install, uninstall and membership changes: welcome people, remember or forget conversations.
//
// What Teams sends (and the Playground imitates):
// - personal install: installationUpdate (action "add") then conversationUpdate with the bot in
//   membersAdded. We remember the conversation on both and welcome once, on membersAdded.
// - team or group-chat install: the same, in the team's General channel or in the chat.
// - uninstall or removal: installationUpdate (action "remove") and/or conversationUpdate with the
//   bot in membersRemoved; a deleted team or channel: conversationUpdate teamDeleted /
//   teamHardDeleted / channelDeleted. Every stored reference for that place is forgotten, so no
//   proactive message is ever sent there again.
// - a renamed team or channel keeps its ids: the stored reference, and any cluster or workstream
//   linked to it, keep working; only the stored name changes.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { groupWelcome, personalWelcome } from '../../domain/phrasing/welcome.js';
import type { Services } from '../services.js';
import { captureConversation, conversationKind, turnLog, whoIsSpeaking } from '../turn.js';

interface TeamsChannelData {
  eventType?: string;
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

function channelData(context: TurnContext): TeamsChannelData {
  return (context.activity.channelData ?? {}) as TeamsChannelData;
}

function isTheBot(context: TurnContext, member: { id?: string }): boolean {
  const botId = context.activity.recipient?.id;
  return !!botId && member.id === botId;
}

function botWasAdded(context: TurnContext): boolean {
  return (context.activity.membersAdded ?? []).some((m) => isTheBot(context, m));
}

function botWasRemoved(context: TurnContext): boolean {
  return (context.activity.membersRemoved ?? []).some((m) => isTheBot(context, m));
}

async function welcome(context: TurnContext, services: Services): Promise<void> {
  const person = await whoIsSpeaking(context, services);
  await captureConversation(context, services, person);
  const settings = { partnershipName: services.config.PARTNERSHIP_NAME, botName: services.config.BOT_NAME, examples: await services.examples() };
  if (conversationKind(context) === 'personal') {
    const firstName = person ? person.name.split(' ')[0] ?? null : null;
    await context.sendActivity(personalWelcome(firstName, settings));
  } else {
    await context.sendActivity(groupWelcome(settings));
  }
  turnLog(context, services.log).info({ kind: conversationKind(context), known: !!person }, 'welcomed after install');
}

/** Forget the conversation this activity came from and, when the bot left a team, every channel of it. */
async function forget(context: TurnContext, services: Services, why: string): Promise<void> {
  const teamId = conversationKind(context) === 'personal' ? undefined : channelData(context).team?.id;
  const removed = await services.conversations.forget({ conversationId: context.activity.conversation?.id, teamId });
  turnLog(context, services.log).info({ removed, why }, 'conversation references cleared');
}

/** A name change only: ids, the stored reference and any cluster or workstream link stay as they are. */
async function rename(context: TurnContext, services: Services, conversationId: string | undefined, name: string | undefined): Promise<void> {
  if (!conversationId || !name) return;
  const count = await services.conversations.rename(conversationId, name);
  turnLog(context, services.log).info({ renamed: count }, 'conversation renamed');
}

export function registerInstallRoutes(app: Application<TurnState>, services: Services): void {
  app.activity('installationUpdate', async (context) => {
    const action = String(context.activity.action ?? '');
    // "remove" and "remove-upgrade" both mean the bot is gone from here.
    if (action.startsWith('remove')) await forget(context, services, `installationUpdate ${action}`);
    else await captureConversation(context, services, await whoIsSpeaking(context, services));
  });

  // Teams names the bot in membersAdded once, when it arrives; other members joining later are ignored.
  app.conversationUpdate('membersAdded', async (context) => {
    if (botWasAdded(context)) await welcome(context, services);
  });
  app.conversationUpdate('membersRemoved', async (context) => {
    if (botWasRemoved(context)) await forget(context, services, 'bot removed');
  });

  app.conversationUpdate('teamDeleted', async (context) => forget(context, services, 'team deleted'));
  app.conversationUpdate('teamHardDeleted', async (context) => forget(context, services, 'team deleted'));
  app.conversationUpdate('channelDeleted', async (context) => {
    const channelId = channelData(context).channel?.id;
    if (!channelId) return;
    const removed = await services.conversations.forget({ conversationId: channelId });
    turnLog(context, services.log).info({ removed, why: 'channel deleted' }, 'conversation references cleared');
  });

  app.conversationUpdate('teamRenamed', async (context) => {
    // The General channel's conversation carries the team's name.
    await captureConversation(context, services, null);
    await rename(context, services, context.activity.conversation?.id, channelData(context).team?.name);
  });
  app.conversationUpdate('channelRenamed', async (context) => {
    const channel = channelData(context).channel;
    await rename(context, services, channel?.id, channel?.name);
  });
}
