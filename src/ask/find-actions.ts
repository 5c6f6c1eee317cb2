// Finding actions for a message extension search box and for link previews: a reference in any
// loose form, or words of a title (spelt nearly right is enough), or, with nothing typed, the
// asker's open actions and then the plan's most urgent. The same reader and rules as questions.
import { OPEN_STATUSES } from '../domain/plan/status.js';
import type { Action } from '../domain/plan/types.js';
import type { ActionView } from '../cards/actions.js';
import { questionContext, type AskDeps } from './answer-question.js';
import { actionView, type AskContext, type Asker } from './context.js';
import { cleanText, lowerQuestion, tokenize } from './normalise.js';
import { findActionRefs } from './references.js';
import { isStopWord } from './words.js';

/** A search box holds a short phrase: longer input is cut, never refused. */
export const MAX_SEARCH_CHARS = 200;

export interface FoundActions {
  /** Read-only views (no Update button: a card shared in a chat is read by people who may not own it). */
  views: ActionView[];
  /** What was searched for, in words, for an empty result. */
  said: string;
}

export async function findActions(text: string, asker: Asker, deps: AskDeps, window: { skip: number; count: number }): Promise<FoundActions> {
  const ctx = await questionContext(deps, asker);
  const lower = lowerQuestion(cleanText(text.slice(0, MAX_SEARCH_CHARS)));
  const count = Math.min(Math.max(window.count, 1), 25);
  const found = await search(ctx, lower, window.skip, count);
  return { views: found.map((a) => ({ ...actionView(ctx, a), canUpdate: false })), said: lower.trim() };
}

async function search(ctx: AskContext, lower: string, skip: number, count: number): Promise<Action[]> {
  const refs = findActionRefs(lower, ctx.idx.dir.actionPrefixes);
  if (refs.length) return skip > 0 ? [] : ctx.reader.actionsByRefs(refs.flatMap((r) => r.candidates));
  const words = tokenize(lower).map((t) => t.word).filter((w) => !isStopWord(w) && w.length > 1);
  if (words.length) {
    const exact = await ctx.reader.listActions({ titleWords: words }, { offset: skip, limit: count, total: false });
    if (exact.items.length || skip > 0) return exact.items;
    return ctx.reader.searchTitles(words, count);
  }
  // Nothing typed: the asker's own open actions first, most urgent first; else the plan's.
  const open = { statuses: [...OPEN_STATUSES] };
  const me = ctx.asker.person;
  if (me) {
    const mine = await ctx.reader.listActions({ ...open, ownerIds: [me.id] }, { offset: skip, limit: count, total: false });
    if (mine.items.length) return mine.items;
  }
  return (await ctx.reader.listActions(open, { offset: skip, limit: count, total: false })).items;
}

/** The action reference at the end of a public action page's address (`/plan/actions/COM-06`), if any. */
export function refFromLink(url: string): string | undefined {
  try {
    const m = /^\/plan\/actions\/([^/?#]{1,40})\/?$/.exec(new URL(url).pathname);
    return m?.[1] ? decodeURIComponent(m[1]) : undefined;
  } catch {
    return undefined;
  }
}
