// Answers about actions: one action (by reference or by words of its title), lists and counts.
import { messageText } from '../cards/markup.js';
import { actionDetailCard, actionListCard, LIST_CARD_BUDGET_BYTES } from '../cards/actions.js';
import { choiceCard, factsCard } from '../cards/answers.js';
import type { ActionQuery } from '../domain/plan/reader.js';
import { OPEN_STATUSES, areaLabel, daysLate, isOverdue, statusWord } from '../domain/plan/status.js';
import type { Action, ActionStatus } from '../domain/plan/types.js';
import { addDays, formatLongDate, formatRelativeDue } from '../domain/time/index.js';
import {
  actionView, capitalise, listWords, personName, plural, workstreamLabel, type AskContext, type Answer,
} from './context.js';
import type { RefMatch } from './references.js';
import { parseStatusWords } from './status-words.js';
import type { Aspect, Intent, ListFilter } from './understand.js';

const MAX_DETAIL_CARDS = 3;

function lateWords(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'} late`;
}

/** The sentence that answers what was asked about one action. */
export function aspectSentences(ctx: AskContext, a: Action, aspects: Aspect[], lowerQuestion: string): string[] {
  const v = actionView(ctx, a);
  const late = daysLate(a, ctx.today);
  const out: string[] = [];
  for (const aspect of aspects) {
    switch (aspect) {
      case 'owner':
        out.push(a.ownerId === null ? `${a.ref} has no owner yet.` : `${messageText(v.owner)} owns ${a.ref}, ${quoteTitle(a.title)}.`);
        break;
      case 'due':
        if (a.status === 'complete') out.push(`${a.ref} was due on ${v.dueLong}. It is complete.`);
        else if (late > 0) out.push(`${a.ref} was due on ${v.dueLong}. It is ${lateWords(late)}.`);
        else out.push(`${a.ref} is ${formatRelativeDue(a.dueDate, ctx.today).replace(/^due in/, 'due in')}, on ${v.dueLong}.`);
        break;
      case 'late':
        if (late > 0) out.push(`Yes. ${a.ref} is ${lateWords(late)}. It was due on ${v.dueLong}.`);
        else if (a.status === 'complete') out.push(`No. ${a.ref} is complete.`);
        else out.push(`No, ${a.ref} is not overdue. It is due on ${v.dueLong}.`);
        break;
      case 'status': {
        const asked = parseStatusWords(lowerQuestion).statuses;
        const isYesNo = /^(?:is|has|was|are)\b/.test(lowerQuestion) && asked.length > 0;
        const yes = asked.includes(a.status);
        const prefix = isYesNo ? (yes ? 'Yes. ' : 'No. ') : '';
        const saidLate = aspects.includes('due') || aspects.includes('late');
        out.push(`${prefix}${a.ref} is ${statusWord(a.status)}${late > 0 && !saidLate ? ` and ${lateWords(late)}` : ''}.`);
        break;
      }
      case 'update':
        out.push(a.lastUpdate
          ? `The latest update on ${a.ref}${v.lastUpdateOn ? ` (${v.lastUpdateOn})` : ''} is: "${messageText(a.lastUpdate.trim())}"`
          : `There is no update on ${a.ref} yet. It is ${statusWord(a.status)}.`);
        break;
      case 'workstream':
        out.push(`${a.ref} is in ${messageText(v.workstream)}.`);
        break;
      case 'area':
        out.push(a.area ? `${a.ref} is part of the ${areaLabel(a.area)} area for improvement.` : `${a.ref} is not linked to an area for improvement.`);
        break;
    }
  }
  if (!out.length) {
    out.push(`${a.ref}, ${quoteTitle(a.title)}, is ${statusWord(a.status)}. ${a.ownerId === null ? 'It has no owner yet.' : `${messageText(v.owner)} owns it.`} ${late > 0 ? `It was due on ${v.dueLong} and is ${lateWords(late)}.` : a.status === 'complete' ? `It was due on ${v.dueLong}.` : `It is due on ${v.dueLong}.`}`);
  }
  return unique(out);
}

function quoteTitle(title: string): string {
  return `"${messageText(title.trim())}"`;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

export async function answerActionRefs(ctx: AskContext, refs: RefMatch[], aspects: Aspect[], lower: string): Promise<Answer> {
  const found = await ctx.reader.actionsByRefs(refs.flatMap((r) => r.candidates));
  const byRef = new Map(found.map((a) => [a.ref, a]));
  const sentences: string[] = [];
  const cards: Record<string, unknown>[] = [];
  for (const r of refs) {
    const a = r.candidates.map((c) => byRef.get(c)).find((x) => x !== undefined);
    if (!a) {
      sentences.push(`I can't find an action called ${r.ref}.`);
      continue;
    }
    sentences.push(...aspectSentences(ctx, a, aspects, lower));
    if (cards.length < MAX_DETAIL_CARDS) cards.push(actionDetailCard(actionView(ctx, a)));
  }
  if (!cards.length) sentences.push(refs.length > 1 ? 'Check the references, or ask "What is overdue?" to see a list.' : 'Check the reference, or ask "What is overdue?" to see a list.');
  return { text: sentences.join(' '), cards };
}

/** A question that asks the same thing about one action. */
export function questionFor(ref: string, aspects: Aspect[]): string {
  switch (aspects[0]) {
    case 'owner': return `Who owns ${ref}?`;
    case 'due': return `When is ${ref} due?`;
    case 'late': return `Is ${ref} overdue?`;
    case 'update': return `What is the latest update on ${ref}?`;
    case 'status': return `What is the status of ${ref}?`;
    case 'workstream': return `Which workstream is ${ref} in?`;
    case 'area': return `Which area for improvement is ${ref} under?`;
    default: return `Tell me about ${ref}`;
  }
}

function short(s: string, n = 60): string {
  return s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s;
}

/** Words of a title: the best match answers; a tie asks which one. */
export async function answerActionSearch(
  ctx: AskContext, intent: Extract<Intent, { kind: 'actionSearch' }>, lower: string,
  answerFallback: (i: Intent) => Promise<Answer>,
): Promise<Answer> {
  const words = intent.words;
  const ownerFilter = intent.ownerId !== undefined ? { ownerIds: [intent.ownerId] } : {};
  let candidates: Action[] = [];
  let total = 0;
  // One scan without a count: titles have no index, and seven rows say "more than six".
  const all = await ctx.reader.listActions({ titleWords: words, ...ownerFilter }, { offset: 0, limit: 7, total: false });
  if (all.items.length > 0) {
    candidates = all.items.slice(0, 6);
    total = all.items.length;
  } else if (words.length > 1) {
    // Not every word matched together: rank titles by how many of the words they contain.
    const some = await ctx.reader.searchTitles(words, 60);
    const scored = some
      .filter((a) => intent.ownerId === undefined || a.ownerId === intent.ownerId)
      .map((a) => ({ a, score: words.filter((w) => a.title.toLowerCase().includes(w)).reduce((s, w) => s + (w.length >= 5 ? 2 : 1), 0) }));
    const best = Math.max(0, ...scored.map((s) => s.score));
    const needed = Math.min(2, words.reduce((s, w) => s + (w.length >= 5 ? 2 : 1), 0));
    if (best >= needed) {
      candidates = scored.filter((s) => s.score === best).map((s) => s.a).slice(0, 6);
      total = scored.filter((s) => s.score === best).length;
    }
  }
  if (!candidates.length) {
    if (intent.fallback) return answerFallback(intent.fallback);
    const help = await answerFallback({ kind: 'notUnderstood', words });
    return {
      text: `I can't find an action about "${words.join(' ')}". I answer questions about the plan's actions, workstreams, clusters and meetings. Try a word from an action's title, its reference, or one of these questions.`,
      cards: help.cards,
    };
  }
  if (candidates.length === 1 && candidates[0]) {
    const a = candidates[0];
    return { text: aspectSentences(ctx, a, intent.aspects, lower).join(' '), cards: [actionDetailCard(actionView(ctx, a))] };
  }
  const prompt = total > candidates.length
    ? `More than ${candidates.length} actions match "${words.join(' ')}". Here are the first ${candidates.length}. Which one do you mean?`
    : `${candidates.length} actions match "${words.join(' ')}". Which one do you mean?`;
  const options = candidates.map((a) => ({ title: short(`${a.ref} ${a.title}`), question: questionFor(a.ref, intent.aspects) }));
  return { text: `${prompt} ${listWords(candidates.map((a) => a.ref))}.`, cards: [choiceCard(prompt, options)] };
}

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

function scopePhrase(ctx: AskContext, f: ListFilter, withOwner: boolean): string {
  const parts: string[] = [];
  if (f.workstreams?.length) parts.push(`in ${listWords(f.workstreams.map((w) => workstreamLabel(w)))}`);
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
  const per = f.period ? `${pastWindow && !p.predicate ? 'were due' : 'due'} ${f.period.label}` : '';
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
    return `${count} ${adj}${noun}${scope} ${tense} due ${f.period.label}.`;
  }
  if (p.predicate === 'in the plan') return `${n === 0 ? 'There are no actions' : `There ${verb} ${plural(n, 'action')}`}${scope}.`;
  return `${count} ${noun}${scope} ${verb} ${p.predicate || 'open'}.`;
}

function cardTitle(ctx: AskContext, f: ListFilter, q: ActionQuery): string {
  const p = statusPhrasing(ctx, f, q);
  let title = p.title;
  if (f.owner) title = `${f.ownerIsAsker ? 'Your' : `${f.owner.name}'s`} ${title.charAt(0).toLowerCase()}${title.slice(1)}`;
  title += scopePhrase(ctx, f, false);
  if (f.period) title += ` due ${f.period.label}`;
  return title;
}

export async function answerList(ctx: AskContext, intent: Extract<Intent, { kind: 'list' }>): Promise<Answer> {
  const f = intent.filter;
  let q = queryFor(ctx, f);
  if (intent.rankBy) return answerRanking(ctx, f, q, intent.rankBy);
  const order = q.statuses?.length === 1 && q.statuses[0] === 'complete' ? 'due_desc' as const : 'due_asc' as const;
  let page = await ctx.reader.listActions(q, { offset: intent.paging.offset, limit: intent.paging.limit, order });
  if (page.total === 0 && f.titleWords?.length) {
    // Words nobody used in a title were probably not about titles at all: drop them.
    const anyTitle = await ctx.reader.listActions({ titleWords: f.titleWords }, { offset: 0, limit: 1, total: false });
    if (anyTitle.items.length === 0) {
      const { titleWords: _dropped, ...rest } = f;
      intent = { ...intent, filter: rest };
      q = queryFor(ctx, rest);
      page = await ctx.reader.listActions(q, { offset: intent.paging.offset, limit: intent.paging.limit, order });
    }
  }
  const filter = intent.filter;
  const sentences = [headline(ctx, filter, q, page.total)];
  const items = page.items;
  const first = items[0];
  if (first && intent.paging.offset === 0) {
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
  if (p?.from && p.to && p.to >= ctx.today && !hasStatusFilter(filter) && intent.paging.offset === 0) {
    const { dueFrom: _from, dueTo: _to, ...rest } = q;
    const before = addDays(p.from, -1) < addDays(ctx.today, -1) ? addDays(p.from, -1) : addDays(ctx.today, -1);
    const late = await ctx.reader.listActions({ ...rest, statuses: [...OPEN_STATUSES], dueTo: before }, { offset: 0, limit: 0 });
    if (late.total > 0) sentences.push(`Also, ${late.total === 1 ? '1 action due earlier is' : `${late.total} actions due earlier are`} overdue.`);
  }
  if (page.total > 0 && intent.paging.offset > 0 && items.length) {
    sentences.push(`Here are ${intent.paging.offset + 1} to ${intent.paging.offset + items.length}.`);
  } else if (page.total > items.length && items.length) {
    sentences.push(`Here are the first ${items.length}.`);
  }
  if (page.total > 0 && intent.paging.offset >= page.total) sentences.push('That is the whole list.');
  const cards: Record<string, unknown>[] = [];
  if (items.length) {
    const shownTo = intent.paging.offset + items.length;
    const base = intent.question;
    const more = shownTo < page.total
      ? intent.paging.offset === 0 && !intent.paging.all
        ? { title: `Show all ${page.total}`, question: `${base} (all)` }
        : { title: 'Show more', question: `${base} (from ${shownTo + 1})` }
      : undefined;
    const build = (rows: Action[]) => {
      const shown = intent.paging.offset + rows.length;
      const next = rows.length < items.length
        ? { title: 'Show more', question: `${base} (from ${shown + 1})` }
        : more;
      return actionListCard({
        title: cardTitle(ctx, filter, q),
        subtitle: `${plural(page.total, 'action')}, ${order === 'due_desc' ? 'latest due first' : 'most urgent first'}`,
        rows: rows.map((a) => actionView(ctx, a)),
        offset: intent.paging.offset,
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
    cards.push(card);
  }
  return { text: sentences.join(' '), cards };
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
