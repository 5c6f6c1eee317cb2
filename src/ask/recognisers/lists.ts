// Lists and counts of actions ("what is overdue in WS5?"), and one action found by words of its
// title ("who is doing the newsletter?"): the last recognisers, for whatever names no place,
// workstream summary or lead.
import { COUNT_RE, DETAIL_OPENERS, LIST_MARKERS } from '../cues.js';
import type { Intent, ListFilter } from '../intent.js';
import { stemAll } from '../mentions.js';
import type { Question } from '../question.js';
import { hasStatusWords } from '../status-words.js';
import { addDays, formatDate } from '../../domain/time/index.js';
import { pickWorkstreams } from './choices.js';

const RANK_BY_WORKSTREAM = /\b(?:which|what) (?:work ?stream|ws|stream)s? (?:has|have|is|are)\b.{0,300}\b(?:most|fewest|least|biggest)\b|\bmost\b.{0,300}\bby (?:work ?stream|ws)\b|\b(?:by|per|for each|in each|across|each|every) (?:work ?stream|ws)\b/;
const RANK_BY_OWNER = /\bwho (?:has|have|owns|is)\b.{0,300}\b(?:most|lots|fewest)\b|\bwhich (?:people|person|owners?)\b.{0,300}\bmost\b|\bmost\b.{0,300}\bby (?:person|owner)\b|\b(?:by|per|for each) (?:person|owner)\b/;

function rankBy(q: Question): 'workstream' | 'owner' | undefined {
  return RANK_BY_WORKSTREAM.test(q.lower) ? 'workstream' : RANK_BY_OWNER.test(q.lower) ? 'owner' : undefined;
}

/** The list's filter: status words, period, owner, workstreams, area, prefix, source (no title words). */
export function listFilter(q: Question): ListFilter {
  const m = q.mentions;
  const workstreams = pickWorkstreams(m.listWorkstreams);
  // "anything late in my workstream?": the workstreams the asker leads, whoever owns the actions.
  const led = q.cues.myWorkstream && m.ownerIsAsker && !workstreams.length ? q.idx.dir.workstreams.filter((w) => w.leadId === q.asker?.id) : [];
  if (led.length) {
    return {
      status: q.status, ...(q.period ? { period: q.period } : {}), workstreams: led,
      ...(m.area ? { area: m.area } : {}), ...(m.prefix ? { refPrefix: m.prefix.prefix } : {}), ...(m.source ? { source: m.source.source } : {}),
    };
  }
  return {
    status: q.status, ...(q.period ? { period: q.period } : {}), ...(m.owner ? { owner: m.owner } : {}),
    ...(m.ownerIsAsker ? { ownerIsAsker: true } : {}), ...(workstreams.length ? { workstreams } : {}),
    ...(m.area ? { area: m.area } : {}), ...(m.prefix ? { refPrefix: m.prefix.prefix } : {}), ...(m.source ? { source: m.source.source } : {}),
  };
}

/** Filters other than an owner: what makes "Grace's overdue actions" more than "who is Grace?". */
export function hasOtherFilters(f: ListFilter): boolean {
  return hasStatusWords(f.status) || Boolean(f.period) || Boolean(f.workstreams?.length) || Boolean(f.area) || Boolean(f.refPrefix) || Boolean(f.source);
}

function listOf(q: Question, filter: ListFilter): Extract<Intent, { kind: 'list' }> {
  const by = rankBy(q);
  return { kind: 'list', filter, count: COUNT_RE.test(q.lower), paging: q.paging, question: q.restated, ...(by ? { rankBy: by } : {}) };
}

function isListQuestion(q: Question): boolean {
  return LIST_MARKERS.test(q.lower) || COUNT_RE.test(q.lower) || Boolean(rankBy(q));
}

/** Singular questions with words of a title: "who is doing the newsletter?", "is the Woodley rebuild on track?". */
export function titleSearch(q: Question): Intent | undefined {
  const { detailWords, listWords, owner } = q.mentions;
  const filter = listFilter(q);
  const filtered = hasOtherFilters(filter) || Boolean(owner);
  if (!detailWords.length || isListQuestion(q) || (!DETAIL_OPENERS.test(q.lower) && filtered)) return undefined;
  // Words the list understood (an area, a workstream word) only count if a title has others too.
  if (filtered && !listWords.length) return undefined;
  return {
    kind: 'actionSearch', words: stemAll(detailWords), aspects: q.aspects,
    ...(filtered ? { fallback: listOf(q, filter) } : {}), ...(owner && !q.mentions.ownerIsAsker ? { ownerId: owner.id } : {}),
  };
}

/** "What is overdue?", "how many of Liam's actions are due next week?", "which workstream has the most …". */
// "what's the last deadline in the plan", "which of my actions is due last": the open action due latest.
const LAST_DUE_RE = /\b(?:last|latest|final|furthest|farthest) (?:deadline|due date|date due|action (?:that is |to be )?due)\b|\b(?:is |are )?due (?:the )?(?:last|latest|furthest)\b/;

// "what's my next deadline", "which of mine is due soonest", "Helen's next due date": the open
// action due first from today (one already late is not a deadline still to meet).
const NEXT_DUE_RE = /\b(?:next|nearest|soonest|earliest|upcoming) (?:deadline|due date|date due|action (?:that is |to be )?due)\b|\b(?:is |are )?due (?:the )?(?:soonest|earliest|first)\b|\bdue next\W*$/;

/** The open action (of the scope asked about) whose due date comes last, or next from today. */
export function deadline(q: Question): Intent | undefined {
  const which = LAST_DUE_RE.test(q.lower) ? 'last' : NEXT_DUE_RE.test(q.lower) ? 'next' : undefined;
  if (!which || q.refs.actions.length || q.period || q.status.overdue) return undefined;
  const filter = listFilter(q);
  return { ...listOf(q, { ...filter, status: { ...filter.status, open: true } }), deadline: which };
}

export function actionList(q: Question): Intent | undefined {
  const filter = listFilter(q);
  if (!hasOtherFilters(filter) && !filter.owner && !isListQuestion(q)) return undefined;
  const { listWords } = q.mentions;
  return listOf(q, listWords.length ? { ...filter, titleWords: stemAll(listWords) } : filter);
}

// "what changed this week", "anything updated since Monday", "what's new in WS1": changes, not due dates.
const CHANGED_RE = /\bchang(?:ed|es)\b|\b(?:been )?updated\b|\bwhat(?:'s| is| has)? new\b|\bmoved on\b/;
const NOT_CHANGED_RE = /\bn't\b|\bnot\b|\bnever\b|\bno (?:update|change)s?\b|\bfor (?:ages|a while|weeks|months)\b|\bstale\b|\bhow (?:to|do|can)\b/;

/** "What's changed in WS1 this week?", "what's changed on my actions": actions with history in a window (the last seven days unless said). */
export function changedActions(q: Question): Intent | undefined {
  if (!CHANGED_RE.test(q.lower) || NOT_CHANGED_RE.test(q.lower) || q.refs.actions.length || /^(?:who|when|where|why|did|does|is|has)\b/.test(q.compact)) return undefined;
  const p = q.period;
  if (p?.missing) return undefined;
  const to = p?.to && p.to < q.today ? p.to : q.today;
  const from = p?.from ?? addDays(q.today, -6);
  if (from > to) return undefined;
  const label = p ? (p.from && p.to ? p.label : `since ${formatDate(from)}`) : `in the last seven days (${formatDate(from)} to ${formatDate(to)})`;
  const { period: _due, ...rest } = listFilter(q);
  const status = hasStatusWords(q.status) ? q.status : { ...q.status, all: true };
  return { kind: 'list', filter: { ...rest, status, changed: { from, to, label } }, count: COUNT_RE.test(q.lower), paging: q.paging, question: q.restated };
}

/** Nothing else matched: "Grace?" is about Grace; anything else is not understood. */
export function namedPerson(q: Question): Intent | undefined {
  const p = q.mentions.people[0]?.items[0];
  return p ? { kind: 'person', person: p } : undefined;
}

export function notUnderstood(q: Question): Intent {
  return { kind: 'notUnderstood', words: q.mentions.detailWords };
}
