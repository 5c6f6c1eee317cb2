// Who gets a card's automatic refresh. Shared by the action and maturity flows.
import type { RefreshOptions } from '../../cards/action-update/index.js';
import type { ActionUpdateStore } from '../../store/action-updates.js';
import type { ConversationRepository } from '../../store/conversations.js';
import type { Viewer } from './types.js';

/** Adaptive Cards refresh at most 60 named people. */
const MAX_REFRESH_USERS = 60;

export interface RefreshDeps {
  actions: Pick<ActionUpdateStore, 'admins'>;
  conversations: Pick<ConversationRepository, 'personalUserIds'>;
}

/**
 * refresh.userIds: left out in personal and group chats (60 people or fewer refresh
 * automatically); in channels, which can be large, the viewer and the people who may change the
 * action (owner, lead, admins), as far as the bot knows their Teams ids, at most 60.
 */
export async function refreshOptions(deps: RefreshDeps, viewer: Viewer, personIds: readonly (number | null | undefined)[]): Promise<RefreshOptions> {
  if (viewer.conversationKind !== 'channel') return { enabled: true };
  const ids = new Set<string>();
  if (viewer.userId) ids.add(viewer.userId);
  const admins = await deps.actions.admins(MAX_REFRESH_USERS);
  const wanted = [...new Set([...personIds, ...admins.map((a) => a.id)].filter((id): id is number => typeof id === 'number'))];
  for (const id of await deps.conversations.personalUserIds(wanted, MAX_REFRESH_USERS * 2)) ids.add(id);
  return { enabled: true, userIds: [...ids].slice(0, MAX_REFRESH_USERS) };
}
