// The message extension: search the plan from the compose box ("searchActions") and preview a
// link to a public action page (/plan/actions/{ref}) where it is pasted. Both answer in the
// invoke's body; the cards are read-only, since whoever reads a shared message may not own the
// action. Identity comes from from.aadObjectId, and the search words are validated here.
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { MessagingExtensionResult } from 'botbuilder';
import { z } from 'zod';
import { MAX_SEARCH_CHARS, refFromLink } from '../../ask/find-actions.js';
import { composeResult } from '../../cards/compose.js';
import type { Services } from '../services.js';
import { conversationKind, turnLog, whoIsSpeaking } from '../turn.js';

export const SEARCH_COMMAND = 'searchActions';
/** The search command's one parameter, as the manifest names it. */
export const SEARCH_PARAMETER = 'query';

/** The search box's text: a string, cut to a search's length; anything else is nothing typed. */
const searchText = z.string().catch('').transform((s) => s.slice(0, MAX_SEARCH_CHARS));
const pageSize = z.number().int().min(1).max(25).catch(10);
const skip = z.number().int().min(0).max(1_000).catch(0);
const link = z.string().max(2_000).catch('');

export function registerComposeRoutes(app: Application<TurnState>, services: Services): void {
  app.messageExtensions.query(SEARCH_COMMAND, async (context, _state, query) => {
    const params = (query.parameters ?? {}) as Record<string, unknown>;
    const person = await whoIsSpeaking(context, services);
    const asker = { person, conversationKind: conversationKind(context) };
    const found = await services.findActions(searchText.parse(params[SEARCH_PARAMETER] ?? ''), asker, { skip: skip.parse(query.skip), count: pageSize.parse(query.count) });
    turnLog(context, services.log).info({ results: found.views.length }, 'message extension search');
    return composeResult(found.views) as MessagingExtensionResult;
  });
  app.messageExtensions.queryLink(async (context, _state, url) => {
    const ref = refFromLink(link.parse(url));
    const person = await whoIsSpeaking(context, services);
    const found = ref ? await services.findActions(ref, { person, conversationKind: conversationKind(context) }, { skip: 0, count: 1 }) : { views: [] };
    return composeResult(found.views.slice(0, 1)) as MessagingExtensionResult;
  });
}
