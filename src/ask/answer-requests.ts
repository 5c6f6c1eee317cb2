// Experts at Hand requests by reference, and one's own requests: where each is at and who picked
// it up. Who raised a request and what it says are shown only to those who may read it (the
// requester, the expert on it and admins, in a one-to-one chat); everyone else sees its progress.
import { choiceCard, factsCard } from '../cards/answers.js';
import { EXPERT_VERBS } from '../cards/experts/request-card.js';
import { decideClaim, leadsExpertsAtHand, seesRequestDetail, SPECIALISM_LABELS, SPECIALIST_LABELS, SUPPORT_KIND_LABELS, withArticle } from '../domain/experts/index.js';
import type { ExpertRequest, Person, Specialism } from '../domain/plan/types.js';
import { SPECIALISMS } from '../domain/plan/types.js';
import { formatDate, londonDate } from '../domain/time/index.js';
import { requestLine, requestPlace } from './answer-experts-more.js';
import { listWords, nameWithJob, type Answer, type AskContext } from './context.js';
import type { RequestRefMatch } from './references.js';

function requestStatusSentence(ctx: AskContext, r: ExpertRequest): string {
  const assignee = r.assigneeId !== null ? ctx.idx.personById.get(r.assigneeId)?.name : undefined;
  switch (r.status) {
    case 'new': return `${r.ref} is new: it is waiting for an expert to pick it up.`;
    case 'assigned': return `${r.ref} is assigned${assignee ? ` to ${assignee}` : ''}, who is working on it.`;
    case 'answered': return `${r.ref} has been answered${assignee ? ` by ${assignee}` : ''}.`;
    default: return `${r.ref} is closed.`;
  }
}

/** "Emma Clarke (SENCO)": the adult who raised the request, never a child. */
function raiserName(ctx: AskContext, r: ExpertRequest): string | undefined {
  const p = ctx.idx.personById.get(r.requesterId);
  return p ? nameWithJob(p) : undefined;
}

function requestCard(ctx: AskContext, r: ExpertRequest, showPrivate: boolean): Record<string, unknown> {
  const setting = ctx.idx.settingById.get(r.settingId);
  const assignee = r.assigneeId !== null ? ctx.idx.personById.get(r.assigneeId)?.name : undefined;
  const raiser = showPrivate ? raiserName(ctx, r) : undefined;
  const card = factsCard(`Experts at Hand request ${r.ref}`, [
    ['Status', r.status],
    ['Specialism', SPECIALISM_LABELS[r.specialism]],
    ['Kind of help', SUPPORT_KIND_LABELS[r.kind]],
    ['Setting', setting?.name ?? ''],
    ...(raiser ? [['Raised by', raiser] as [string, string]] : []),
    ['Asked on', formatDate(londonDate(r.createdAt))],
    ['First response', r.firstResponseAt ? formatDate(londonDate(r.firstResponseAt)) : 'Not yet'],
    ['Expert', assignee ?? 'Not assigned yet'],
  ], showPrivate ? [`Summary: ${r.summary}`] : []);
  return withPickUp(ctx, r, card);
}

/** An expert who may pick the request up now is offered the button wherever they see it. */
function withPickUp(ctx: AskContext, r: ExpertRequest, card: Record<string, unknown>): Record<string, unknown> {
  const facts = { ref: r.ref, status: r.status, specialism: r.specialism, requesterId: r.requesterId, assigneeId: r.assigneeId, assigneeName: null };
  if (!decideClaim(ctx.asker.person, facts).ok) return card;
  const pickUp = { type: 'Action.Execute', verb: EXPERT_VERBS.claim, title: 'Pick this up', style: 'positive', data: { requestId: r.id, version: r.version } };
  return { ...card, actions: [...(Array.isArray(card.actions) ? card.actions : []), pickUp] };
}

/** The request's words and who raised it, in a personal chat only (src/domain/experts/visibility.ts). */
function canSeeDetail(ctx: AskContext, r: ExpertRequest): boolean {
  const me = ctx.asker.person;
  if (!me || ctx.asker.conversationKind !== 'personal') return false;
  return seesRequestDetail(me, r, leadsExpertsAtHand(me, ctx.idx.dir.workstreams));
}

/** One request in words; `who`: the question was who raised it, so that comes first. */
function requestSentences(ctx: AskContext, r: ExpertRequest, who: boolean): string {
  const place = requestPlace(ctx, r);
  const on = formatDate(londonDate(r.createdAt));
  const raiser = canSeeDetail(ctx, r) ? raiserName(ctx, r) : undefined;
  const what = `${SPECIALISM_LABELS[r.specialism]} (${SUPPORT_KIND_LABELS[r.kind]})`;
  if (!who) return `${requestStatusSentence(ctx, r)} It asks for ${what}${place ? ` for ${place},` : ''} ${raiser ? `raised by ${raiser}` : 'made'} on ${on}.`;
  const lead = raiser
    ? `${r.ref} was raised by ${raiser}${place ? ` for ${place}` : ''} on ${on}.`
    : `${r.ref} was raised by ${place ?? 'a setting no longer in the plan'} on ${on}. The name of the person who raised it is shown only to them, the expert on it and admins, in a one-to-one chat with me.`;
  return `${lead} It asks for ${what}. ${requestStatusSentence(ctx, r).replace(r.ref, 'It')}`;
}

export async function answerRequestRefs(ctx: AskContext, refs: RequestRefMatch[], who = false): Promise<Answer> {
  const found = await ctx.reader.requestsByRefs(refs.flatMap((r) => r.candidates));
  const byRef = new Map(found.map((r) => [r.ref, r]));
  const sentences: string[] = [];
  const cards: Record<string, unknown>[] = [];
  for (const m of refs.slice(0, 3)) {
    const r = m.candidates.map((c) => byRef.get(c)).find((x) => x !== undefined);
    if (!r) { sentences.push(`I can't find an Experts at Hand request called ${m.ref}.`); continue; }
    sentences.push(requestSentences(ctx, r, who));
    cards.push(requestCard(ctx, r, canSeeDetail(ctx, r)));
  }
  return { text: sentences.join(' '), cards };
}

/** The requests an expert picked up (of one specialism, when one is named). */
async function assignedToMe(ctx: AskContext, me: Person, specialism?: Specialism): Promise<Answer> {
  const mine = (await ctx.reader.requestsByAssignee(me.id, specialism ? 50 : 5)).filter((r) => !specialism || r.specialism === specialism).slice(0, 5);
  const of = specialism ? `${SPECIALISM_LABELS[specialism]} ` : '';
  if (!mine.length) return { text: `No open Experts at Hand ${of}requests are assigned to you: you have not picked up any.`, cards: [] };
  return {
    text: `You have picked up ${mine.length === 1 ? `1 Experts at Hand ${of}request` : `${mine.length} Experts at Hand ${of}requests`}: ${mine.map((r) => requestLine(ctx, r)).join('; ')}.`,
    cards: mine.slice(0, 3).map((r) => requestCard(ctx, r, ctx.asker.conversationKind === 'personal')),
  };
}

/** "Has my OT request been picked up?" when the asker made none of that specialism: say so, and how to make one. */
function noneOfSpecialism(ctx: AskContext, specialism: Specialism, others: readonly ExpertRequest[]): Answer {
  const who = withArticle(SPECIALIST_LABELS[specialism]);
  const command = `I need advice from ${who}`;
  const theirs = others.length ? ` Your other requests are ${listWords(others.slice(0, 5).map((r) => `${r.ref} (${SPECIALISM_LABELS[r.specialism]})`))}.` : '';
  const text = `You have not made ${withArticle(`${SPECIALISM_LABELS[specialism]} request`)} through Experts at Hand.${theirs} `
    + `To ask ${who} for help, say "${command}" (or tap the button) and fill in the form for your setting, describing the need without naming a child.`;
  return { text, cards: [choiceCard('Start a request', [{ title: 'Open the request form', question: command }])] };
}

/** The asker's own requests (of one specialism, when one is named), or those they picked up as an expert. */
export async function answerMyRequests(ctx: AskContext, assigned = false, specialism?: Specialism): Promise<Answer> {
  const me = ctx.asker.person;
  if (!me) return { text: '', cards: [] };
  if (assigned) return assignedToMe(ctx, me, specialism);
  const all = await ctx.reader.requestsByRequester(me.id, specialism ? 50 : 5);
  const list = specialism ? all.filter((r) => r.specialism === specialism).slice(0, 5) : all;
  if (!list.length && me.roles.includes('expert')) return assignedToMe(ctx, me, specialism);
  if (!list.length && specialism) return noneOfSpecialism(ctx, specialism, all);
  if (!list.length) {
    const whom = listWords(SPECIALISMS.map((s) => withArticle(SPECIALIST_LABELS[s])), 'or');
    return { text: `You have not made any Experts at Hand requests. If you are a SENCO, you can ask for advice from ${whom}.`, cards: [] };
  }
  const first = list[0] as ExpertRequest;
  const what = (n: string) => (specialism ? `${n} ${SPECIALISM_LABELS[specialism]} request${n === '1' ? '' : 's'} in Experts at Hand` : `${n} Experts at Hand request${n === '1' ? '' : 's'}`);
  const text = list.length === 1
    ? `You have ${what('1')}. ${requestStatusSentence(ctx, first)}`
    : `You have ${what(`${list.length} recent`)}. ${list.map((r) => requestStatusSentence(ctx, r)).join(' ')}`;
  return { text, cards: list.slice(0, 3).map((r) => requestCard(ctx, r, ctx.asker.conversationKind === 'personal')) };
}
