// Universal Actions refresh: the card asks the bot for the viewer's own version when shown.
// Teams refreshes automatically for everyone in conversations of up to 60 people when userIds is
// left out; in larger channels only the listed people (at most 60) get it, so channels list them.
import type { CardElement } from '../common.js';

export const MAX_REFRESH_USERS = 60;

/** userIds: Teams user ids (29:…); undefined in chats (everyone refreshes), the people who matter in a channel. */
export function refreshBlock(verb: string, data: Record<string, unknown>, userIds?: string[]): CardElement {
  userIds &&= [...new Set(userIds)].slice(0, MAX_REFRESH_USERS);
  return { action: { type: 'Action.Execute', verb, data }, ...(userIds ? { userIds } : {}) };
}
