// Answers about lists of actions: counts, the headline sentence, the list card, and rankings
// ("which workstream has the most overdue actions").
import { actionListCard, LIST_CARD_BUDGET_BYTES } from '../cards/actions.js';
import { factsCard } from '../cards/answers.js';
import type { ActionOrder, ActionPage, ActionQuery } from '../domain/plan/reader.js';
import { OPEN_STATUSES, areaLabel, daysLate, isOverdue, statusWord } from '../domain/plan/status.js';
import type { Action, ActionStatus } from '../domain/plan/types.js';
import { addDays, formatLongDate } from '../domain/time/index.js';
import { lateWords } from './answer-actions.js';
import {
  actionView, capitalise, listWords, personName, plural, workstreamLabel, type AskContext, type Answer,
} from './context.js';
import type { Intent, ListFilter } from './intent.js';

type ListIntent = Extract<Intent, { kind: 'list' }>;

function hasStatusFilter(f: ListFilter): boolean {
  const s = f.status;
  return s.overdue || s.attention || s.all || s.statuses.length > 0;
}

/** The store query for a list filter. */
export function queryFor(ctx: AskContext, f: ListFilter): ActionQuery {
  const q: ActionQuery = {};
  const s = f.status;
  const yesterday = addDays(ctx.today, -1);
  if (f.period?.from) q.dueFrom = f.period.from;
  if (f.period?.to) q.dueTo = f.period.to;
  if (s.all) {
    // every status
  } else if (s.overdue) {
    const wanted = s.statuses.filter((x) => x !== 'complete');
    q.statuses = wanted.length ? wanted : [...OPEN_STATUSES];
    q.dueTo = q.dueTo && q.dueTo < yesterday ? q.dueTo : yesterday;
  } else if (s.attention) {
    q.attentionOn = ctx.today;
  } else if (s.statuses.length) {
    q.statuses = s.statuses;
  } else if (s.open || !f.period || !f.period.past) {
    q.statuses = [...OPEN_STATUSES];
  }
  if (f.owner) q.ownerIds = [f.owner.id];
  if (f.workstreams?.length) q.workstreamIds = f.workstreams.map((w) => w.id);
  if (f.area) q.areas = [f.area];
  if (f.titleWords?.length) q.titleWords = f.titleWords;
  if (f.refPrefix) q.refPrefix = f.refPrefix;
  if (f.source) q.source = f.source;
  if (f.changed) { q.changedFrom = f.changed.from; q.changedTo = f.changed.to; }
  return q;
}

interface Phrasing {
  /** 'overdue', 'at risk', 'open' … as a predicate: "are overdue". */
  predicate: string;
  /** As an adjective before "action(s)": "overdue", "at-risk", "open", "". */
  adjective: string;
  /** For card titles: "Overdue actions". */
  title: string;
}

function statusPhrasing(ctx: AskContext, f: ListFilter, q: ActionQuery): Phrasing {
  const s = f.status;
  const words = (list: readonly ActionStatus[]) => listWords(list.map(statusWord)).replace(/ and ([^,]+)$/, ' or $1');
  if (s.overdue) {
    const extra = s.statuses.filter((x) => x !== 'complete');
    return extra.length
      ? { predicate: `overdue and ${words(extra)}`, adjective: `overdue ${words(extra)}`, title: `Overdue ${words(extra)} actions` }
      : { predicate: 'overdue', adjective: 'overdue', title: 'Overdue actions' };
  }
  if (s.attention) return { predicate: 'overdue, at risk or off track', adjective: 'overdue, at-risk or off-track', title: 'Actions needing attention' };
  if (s.all) return { predicate: 'in the plan', adjective: '', title: 'Actions' };
  if (q.statuses && q.statuses.length && q.statuses.length < OPEN_STATUSES.length + 1 && !(q.statuses.length === OPEN_STATUSES.length && OPEN_STATUSES.every((x) => q.statuses?.includes(x)))) {
    const w = words(q.statuses);
    const adjective = q.statuses.length === 1 ? w.replace(' ', '-') : w;
    return { predicate: w === 'not started' ? 'not started' : w, adjective, title: `${capitalise(adjective)} actions` };
  }
  if (q.statuses) return { predicate: 'open', adjective: 'open', title: 'Open actions' };
  void ctx;
  return { predicate: '', adjective: '', title: 'Actions' };
}

function scopePhrase(ctx: AskContext, f: ListFilter, withOwner: boolean, inTitle = false): string {
  const parts: string[] = [];
  // A workstream that came from the chat's link is said once, first ("In WS5, ..."), not again here.
  if (f.workstreams?.length && (inTitle || !f.fromChat)) parts.push(`in ${listWords(f.workstreams.map((w) => workstreamLabel(w)))}`);
  if (f.area) parts.push(`for the ${areaLabel(f.area)} area for improvement`);
  if (f.refPrefix) parts.push(`in the ${f.refPrefix} series`);
  if (f.source) parts.push(`from the ${f.source}`);
  if (f.titleWords?.length) parts.push(`about "${f.titleWords.join(' ')}"`);
  if (withOwner && f.owner) parts.push(f.ownerIsAsker ? 'owned by you' : `owned by ${f.owner.name}`);
  void ctx;
  return parts.length ? ` ${parts.join(' ')}` : '';
}

/** "6 actions are overdue.", "Grace Okafor has 2 at-risk actions.", "You have no open actions due this week." */
export function headline(ctx: AskContext, f: ListFilter, q: ActionQuery, n: number): string {
  const p = statusPhrasing(ctx, f, q);
  const pastWindow = Boolean(f.period?.past);
  const per = f.period ? `${pastWindow && !p.predicate ? 'were due' : 'due'} ${whenDue(f.period.label)}` : '';
  if (f.changed) return changedHeadline(ctx, f, p, n);
  if (f.owner) {
    const who = f.ownerIsAsker ? 'You have' : `${f.owner.name} has`;
    const count = n === 0 ? 'no' : String(n);
    const noun = n === 1 ? 'action' : 'actions';
    const adj = p.adjective ? `${p.adjective} ` : '';
    const tail = per ? ` ${per.replace(/^were due/, 'that were due')}` : '';
    return `${who} ${count} ${adj}${noun}${scopePhrase(ctx, f, false)}${tail}.`;
  }
  const scope = scopePhrase(ctx, f, false);
  const verb = n === 1 ? 'is' : 'are';
  const pastVerb = n === 1 ? 'was' : 'were';
  const count = n === 0 ? 'No' : String(n);
  const noun = n === 1 ? 'action' : 'actions';
  if (f.period) {
    const adj = p.adjective ? `${p.adjective} ` : '';
    const tense = pastWindow ? pastVerb : verb;
    return `${count} ${adj}${noun}${scope} ${tense} due ${whenDue(f.period.label)}.`;
  }
  if (p.predicate === 'in the plan') return `${n === 0 ? 'There are no actions' : `There ${verb} ${plural(n, 'action')}`}${scope}.`;
  return `${count} ${noun}${scope} ${verb} ${p.predicate || 'open'}.`;
}

/** "3 actions in WS1 changed this week (16 to 22 November 2026).", "None of your actions changed …". */
function changedHeadline(ctx: AskContext, f: ListFilter, p: Phrasing, n: number): string {
  const adj = p.adjective && p.predicate !== 'in the plan' ? `${p.adjective} ` : '';
  const scope = scopePhrase(ctx, f, false);
  const when = `changed ${f.changed?.label ?? ''}`;
  if (f.owner) {
    const whose = f.ownerIsAsker ? 'your' : `${f.owner.name}'s`;
    return `${n === 0 ? 'None' : String(n)} of ${whose} ${adj}actions${scope} ${when}.`;
  }
  return `${n === 0 ? 'No' : String(n)} ${adj}${n === 1 ? 'action' : 'actions'}${scope} ${when}.`;
}

/** "How many actions does WS2 have?" counts every action and says how many are still open: "15 actions, 5 open". */
async function bothTotals(ctx: AskContext, f: ListFilter, q: ActionQuery, open: number): Promise<string> {
  const { statuses: _open, ...every } = q;
  const all = (await ctx.reader.listActions(every, { offset: 0, limit: 0 })).total;
  const scope = scopePhrase(ctx, f, false);
  const tail = all === 0 ? '' : all === open ? `, all ${open} open` : `, ${open} open and ${all - open} complete`;
  if (f.owner) return `${f.ownerIsAsker ? 'You have' : `${f.owner.name} has`} ${plural(all, 'action')}${scope}${tail}.`;
  return `There ${all === 1 ? 'is' : 'are'} ${plural(all, 'action')}${scope || ' in the plan'}${tail}.`;
}

/** A window named with "the" reads after "due" with "in": "due in the spring term", but "due by the end of March". */
function whenDue(label: string): string {
  return /^the (?!end of)/.test(label) ? `in ${label}` : label;
}

function cardTitle(ctx: AskContext, f: ListFilter, q: ActionQuery): string {
  const p = statusPhrasing(ctx, f, q);
  let title = p.title;
  if (f.owner) title = `${f.ownerIsAsker ? 'Your' : `${f.owner.name}'s`} ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
  title += scopePhrase(ctx, f, false, true);
  if (f.period) title += ` due ${whenDue(f.period.label)}`;
  if (f.changed) title += ` changed ${f.changed.label}`;
  return title;
}

/** A list this long or shorter is shown whole when the asker did not choose a slice: 14 rows beat 10 and a button. */
export const WHOLE_LIST_MAX = 20;

/** The one action a list would show, or undefined when it would show none or several. */
export async function soleAction(ctx: AskContext, intent: ListIntent): Promise<Action | undefined> {
  const page = await ctx.reader.listActions(queryFor(ctx, intent.filter), { offset: 0, limit: 2, total: false });
  return page.items.length === 1 ? page.items[0] : undefined;
}

export async function answerList(ctx: AskContext, intent: ListIntent): Promise<Answer> {
  const p = intent.paging;
  if (!p.chosen && !p.all && p.offset === 0) {
    // Ask for one page more than a whole list can hold: if the list is longer, show the usual first page.
    return answerPage(ctx, { ...intent, paging: { ...p, limit: WHOLE_LIST_MAX } }, p.limit);
  }
  if (p.afterFirst) {
    const total = (await ctx.reader.listActions(queryFor(ctx, intent.filter), { offset: 0, limit: 0 })).total;
    if (total <= WHOLE_LIST_MAX) return { text: `That was the whole list: ${total === 1 ? 'the one action is' : `all ${total} actions are`} in my last answer.`, cards: [] };
  }
  return answerPage(ctx, intent);
}

async function answerPage(ctx: AskContext, intent: ListIntent, longPage?: number): Promise<Answer> {
  const f = intent.filter;
  let q = queryFor(ctx, f);
  if (intent.rankBy) return answerRanking(ctx, f, q, intent.rankBy);
  const order: ActionOrder = q.statuses?.length === 1 && q.statuses[0] === 'complete' ? 'due_desc' : 'due_asc';
  const fetch = async (query: ActionQuery): Promise<ActionPage> => {
    const got = await ctx.reader.listActions(query, { offset: intent.paging.offset, limit: intent.paging.limit, order });
    return longPage !== undefined && got.total > intent.paging.limit ? { ...got, items: got.items.slice(0, longPage) } : got;
  };
  let page = await fetch(q);
  let ignored: string[] = [];
  if (page.total === 0 && f.titleWords?.length) {
    // Words nobody used in a title were probably not about titles at all: drop them.
    const anyTitle = await ctx.reader.listActions({ titleWords: f.titleWords }, { offset: 0, limit: 1, total: false });
    if (anyTitle.items.length === 0) {
      const { titleWords: dropped, ...rest } = f;
      ignored = dropped ?? [];
      intent = { ...intent, filter: rest };
      q = queryFor(ctx, rest);
      page = await fetch(q);
    }
  }
  const done = await onlyCompleteOnes(ctx, intent, q, page, fetch);
  if (done) return done;
  const head = intent.count && !hasStatusFilter(intent.filter) && !intent.filter.status.open && !intent.filter.period
    ? await bothTotals(ctx, intent.filter, q, page.total) : headline(ctx, intent.filter, q, page.total);
  // Words nobody understood are said, never dropped silently.
  const unread = ignored.length ? [`I left out ${listWords(ignored.map((w) => `“${w}”`))}: no action's title has ${ignored.length === 1 ? 'it' : 'them'}.`] : [];
  const sentences = [...unread, head, ...await listSentences(ctx, intent, q, page)];
  const cards = page.items.length ? [listCard(ctx, intent, q, page, order)] : [];
  return { text: sentences.join(' '), cards };
}

/**
 * "List the RFM actions" when every one of them is complete: they are shown as complete, rather
 * than "none are open" with nothing to see. Only where the question named a scope and no status.
 */
async function onlyCompleteOnes(ctx: AskContext, intent: ListIntent, q: ActionQuery, page: ActionPage, fetch: (q: ActionQuery) => Promise<ActionPage>): Promise<Answer | undefined> {
  const f = intent.filter;
  const scoped = Boolean(f.refPrefix || f.workstreams?.length || f.area || f.titleWords?.length);
  if (page.total > 0 || !scoped || f.owner || intent.count || hasStatusFilter(f) || f.status.open || !q.statuses) return undefined;
  const { statuses: _open, ...every } = q;
  const closed = await fetch(every);
  if (closed.total === 0) return undefined;
  const head = `None of the ${plural(closed.total, 'action')}${scopePhrase(ctx, f, false)} is open: ${closed.total === 1 ? 'it is' : `all ${closed.total} are`} complete.`;
  return { text: head, cards: [listCard(ctx, intent, every, closed, 'due_desc')] };
}

/** After the headline: the most urgent one, what a window leaves out, and which slice is shown. */
async function listSentences(ctx: AskContext, intent: ListIntent, q: ActionQuery, page: ActionPage): Promise<string[]> {
  const filter = intent.filter;
  const { offset } = intent.paging;
  const sentences: string[] = [];
  const items = page.items;
  const first = items[0];
  if (first && offset === 0) {
    if (filter.status.overdue && isOverdue(first, ctx.today)) {
      sentences.push(page.total === 1 ? `It is ${first.ref}, ${lateWords(daysLate(first, ctx.today))}.` : `The most overdue is ${first.ref}, ${lateWords(daysLate(first, ctx.today))}.`);
    } else if (isOverdue(first, ctx.today)) {
      sentences.push(`The most urgent is ${first.ref}, ${lateWords(daysLate(first, ctx.today))}.`);
    } else if (first.status !== 'complete' && page.total > 0) {
      sentences.push(page.total === 1 ? `It is ${first.ref}, due on ${formatLongDate(first.dueDate)}.` : `The next one due is ${first.ref}, on ${formatLongDate(first.dueDate)}.`);
    }
  }
  // A window from today on leaves out what is already late; say how much that is.
  const p = filter.period;
  if (p?.from && p.to && p.to >= ctx.today && !hasStatusFilter(filter) && offset === 0) {
    const { dueFrom: _from, dueTo: _to, ...rest } = q;
    const before = addDays(p.from, -1) < addDays(ctx.today, -1) ? addDays(p.from, -1) : addDays(ctx.today, -1);
    const late = await ctx.reader.listActions({ ...rest, statuses: [...OPEN_STATUSES], dueTo: before }, { offset: 0, limit: 0 });
    if (late.total > 0) sentences.push(`Also, ${late.total === 1 ? '1 action due earlier is' : `${late.total} actions due earlier are`} overdue.`);
  }
  if (page.total > 0 && offset > 0 && items.length) {
    sentences.push(`Here are ${offset + 1} to ${offset + items.length}.`);
  } else if (page.total > items.length && items.length) {
    sentences.push(`Here are the first ${items.length}.`);
  }
  if (page.total > 0 && offset >= page.total) sentences.push('That is the whole list.');
  return sentences;
}

function listCard(ctx: AskContext, intent: ListIntent, q: ActionQuery, page: ActionPage, order: ActionOrder): Record<string, unknown> {
  const { offset, all } = intent.paging;
  const items = page.items;
  const shownTo = offset + items.length;
  const base = intent.question;
  const more = shownTo < page.total
    ? offset === 0 && !all
      ? { title: `Show all ${page.total}`, question: `${base} (all)` }
      : { title: 'Show more', question: `${base} (from ${shownTo + 1})` }
    : undefined;
  const build = (rows: Action[]) => {
    const shown = offset + rows.length;
    const next = rows.length < items.length ? { title: 'Show more', question: `${base} (from ${shown + 1})` } : more;
    return actionListCard({
      title: cardTitle(ctx, intent.filter, q),
      subtitle: `${plural(page.total, 'action')}, ${order === 'due_desc' ? 'latest due first' : 'most urgent first'}`,
      rows: rows.map((a) => actionView(ctx, a)),
      offset,
      total: page.total,
      ...(next ? { more: next } : {}),
    });
  };
  // Long titles could push a full page over Teams' card size limit: show fewer rows then.
  let rows = items;
  let card = build(rows);
  while (rows.length > 5 && Buffer.byteLength(JSON.stringify(card)) > LIST_CARD_BUDGET_BYTES) {
    rows = rows.slice(0, rows.length - 5);
    card = build(rows);
  }
  return card;
}

async function answerRanking(ctx: AskContext, f: ListFilter, q: ActionQuery, by: 'owner' | 'workstream'): Promise<Answer> {
  const groups = await ctx.reader.countBy(by === 'owner' ? 'ownerId' : 'workstreamId', q, by === 'owner' ? 10 : 30);
  const p = statusPhrasing(ctx, f, q);
  const noun = p.adjective ? `${p.adjective} actions` : 'actions';
  const name = (id: number) => (by === 'owner' ? personName(ctx, id) : workstreamLabel(ctx.idx.workstreamById.get(id)));
  const top = groups[0];
  if (!top) return { text: `There are no ${noun}${scopePhrase(ctx, f, true)}.`, cards: [] };
  const ties = groups.filter((g) => g.count === top.count);
  const lead = ties.length > 1
    ? `${listWords(ties.slice(0, 5).map((g) => name(g.id)))}${ties.length > 5 ? ' and others' : ''} have the most ${noun}, ${top.count} each.`
    : `${name(top.id)} has the most ${noun}: ${top.count}.`;
  return {
    text: lead,
    cards: [factsCard(`${capitalise(noun)} by ${by === 'owner' ? 'owner' : 'workstream'}`, groups.map((g) => [name(g.id), String(g.count)]))],
  };
}
