// Experts at Hand answers: who the experts are, how to ask one for help, and the requests waiting
// for an expert to pick them up (each with its request card, whose "Pick this up" step the
// request card flow decides from the clicker's identity, never from the card).
import { choiceCard, factsCard } from '../cards/answers.js';
import { requestCard } from '../cards/experts/request-card.js';
import { capitalise, findsRequestByWords, leadsExpertsAtHand, SPECIALISM_LABELS, SPECIALIST_LABELS, SUPPORT_KIND_LABELS, withArticle, type RequestView } from '../domain/experts/index.js';
import type { ExpertRequest, Person, RequestStatus, Specialism } from '../domain/plan/types.js';
import { REQUEST_STATUSES, SPECIALISMS, SUPPORT_KINDS } from '../domain/plan/types.js';
import { formatDate, londonDate } from '../domain/time/index.js';
import { answerRequestRefs } from './answer-requests.js';
import { expertLine, listWords, type Answer, type AskContext } from './context.js';

function activeExperts(ctx: AskContext): Person[] {
  return ctx.idx.dir.people.filter((p) => p.active && p.roles.includes('expert'));
}

/** "The speech and language therapists in Experts at Hand are …", or '' when the pool is empty. */
function specialistsSentence(ctx: AskContext, specialism: Specialism): string {
  const them = activeExperts(ctx).filter((p) => p.specialism === specialism);
  const who = SPECIALIST_LABELS[specialism];
  if (!them.length) return '';
  const intro = them.length === 1 ? `The ${who} in Experts at Hand is` : `The ${who}s in Experts at Hand are`;
  return `${intro} ${listWords(them.map(expertLine))}.`;
}

export function answerExperts(ctx: AskContext, specialism?: Specialism): Answer {
  const all = activeExperts(ctx);
  if (specialism) {
    const who = SPECIALIST_LABELS[specialism];
    const them = specialistsSentence(ctx, specialism);
    if (!them) return { text: `There is no ${who} in Experts at Hand yet.`, cards: [] };
    return { text: `${them} To ask for their help, say "I need advice from ${withArticle(who)}".`, cards: [] };
  }
  if (!all.length) return { text: 'There are no experts in Experts at Hand yet.', cards: [] };
  const groups = SPECIALISMS.map((s) => [s, all.filter((p) => p.specialism === s)] as const).filter(([, ps]) => ps.length);
  const lines = groups.map(([s, ps]) => `${SPECIALISM_LABELS[s]}: ${listWords(ps.map(expertLine))}`);
  return { text: `The Experts at Hand experts are: ${lines.join('; ')}.`, cards: [] };
}

/**
 * "What is Experts at Hand?", "what specialisms does it cover?": the specialisms and kinds of help
 * from the domain's own labels (so a new one shows here without a change), who the experts are,
 * and how to make a request.
 */
export function answerExpertsOverview(ctx: AskContext): Answer {
  const all = activeExperts(ctx);
  const specialisms = SPECIALISMS.map((s) => {
    const names = all.filter((p) => p.specialism === s).map((p) => p.name);
    return `${SPECIALISM_LABELS[s]}${names.length ? ` (${listWords(names)})` : ''}`;
  });
  const kinds = SUPPORT_KINDS.map((k) => SUPPORT_KIND_LABELS[k]);
  const command = 'new Experts at Hand request';
  const example = `I need advice from ${withArticle(SPECIALIST_LABELS[SPECIALISMS[0]])}`;
  const text = `Experts at Hand is the team of specialists settings can ask for advice. It covers ${listWords(specialisms)}. `
    + `You can ask for ${listWords(kinds, 'or')}. To make a request, say "${command}" or name the specialist you need ("${example}"), `
    + 'then fill in the form for your setting. Describe the need without naming a child; an expert picks it up and answers you here.';
  const rows: [string, string][] = [
    ['Specialisms', SPECIALISMS.map((s) => capitalise(SPECIALISM_LABELS[s])).join(', ')],
    ['Kinds of help', kinds.map(capitalise).join(', ')],
    ['How to ask', `Say "${command}"`],
  ];
  const buttons = ctx.asker.person ? [{ title: 'Start a request', question: command }] : [];
  return { text, cards: [factsCard('Experts at Hand', rows, [], buttons)] };
}

export function answerRequestHelp(ctx: AskContext, specialism?: Specialism): Answer {
  const who = specialism ? withArticle(SPECIALIST_LABELS[specialism]) : 'an expert';
  const command = specialism ? `I need advice from ${withArticle(SPECIALIST_LABELS[specialism])}` : 'new Experts at Hand request';
  // Who would answer, so "any SALTs I can ask?" is answered as well as how to ask.
  const them = specialism ? specialistsSentence(ctx, specialism) : '';
  const text = `To get help from ${who}, make an Experts at Hand request: say "${command}" (or tap the button) and fill in the form for your setting. `
    + `Describe the need without naming a child; an expert picks it up and answers you here.${them ? ` ${them}` : ''}`;
  if (!ctx.asker.person) return { text: `${text} Your Teams account isn't linked to anyone in the plan yet, so ask an admin to add you first.`, cards: [] };
  return { text, cards: [choiceCard('Start a request', [{ title: 'Open the request form', question: command }])] };
}

/** The request as its card shows it, from the directory the answer already holds. */
function viewOf(ctx: AskContext, r: ExpertRequest): RequestView | undefined {
  const setting = ctx.idx.settingById.get(r.settingId);
  const cluster = setting ? ctx.idx.clusterById.get(setting.clusterId) : undefined;
  const requester = ctx.idx.personById.get(r.requesterId);
  if (!setting || !cluster || !requester) return undefined;
  const ref = (p: Person) => ({ id: p.id, key: p.key, name: p.name, jobTitle: p.jobTitle, aadObjectId: p.aadObjectId });
  const assignee = r.assigneeId !== null ? ctx.idx.personById.get(r.assigneeId) : undefined;
  return {
    id: r.id, ref: r.ref, status: r.status, specialism: r.specialism, kind: r.kind, summary: r.summary, version: r.version,
    requester: ref(requester), assignee: assignee ? ref(assignee) : null,
    setting: { id: setting.id, name: setting.name, phase: setting.phase }, cluster: { id: cluster.id, code: cluster.code, name: cluster.name },
    createdAt: r.createdAt, firstResponseAt: r.firstResponseAt, closedAt: r.closedAt, outcome: r.outcome, answer: null,
  };
}

export async function answerWaitingRequests(ctx: AskContext, specialism: Specialism | undefined, queue: boolean): Promise<Answer> {
  const waiting = (await ctx.reader.waitingRequests?.(specialism ?? null, 10)) ?? [];
  const me = ctx.asker.person;
  const mine = queue && me ? await ctx.reader.requestsByAssignee(me.id, 10) : [];
  const of = specialism ? ` for ${SPECIALISM_LABELS[specialism]}` : '';
  const parts: string[] = [];
  if (!waiting.length) parts.push(`There are no unclaimed requests${of}: nothing is waiting to be picked up.`);
  else {
    const lines = waiting.map((r) => `${r.ref} (${SPECIALISM_LABELS[r.specialism]}, ${ctx.idx.settingById.get(r.settingId)?.name ?? 'a setting'}, asked on ${formatDate(londonDate(r.createdAt))})`);
    parts.push(`${waiting.length === 1 ? '1 request is' : `${waiting.length} requests are`} waiting to be picked up${of}: ${listWords(lines)}. Pick up one you can take with the button on its card.`);
  }
  if (mine.length) parts.push(`You are working on ${listWords(mine.map((r) => r.ref))}.`);
  const showPrivate = ctx.asker.conversationKind === 'personal' && !!me && (me.roles.includes('expert') || me.roles.includes('admin'));
  const cards = waiting.slice(0, 3).map((r) => viewOf(ctx, r)).filter((v): v is RequestView => !!v)
    .map((v) => (showPrivate ? requestCard(v, { today: ctx.today, steps: ['claim'] }) : requestCard({ ...v, summary: 'Shown to the experts of this specialism.' }, { today: ctx.today, steps: [] })));
  return { text: parts.join(' '), cards };
}

const REQUEST_STATUS_WORDS: Record<RequestStatus, string> = { new: 'waiting to be picked up', assigned: 'picked up', answered: 'answered', closed: 'closed' };

/** "How many Experts at Hand requests are there?": a count by status; no request's contents. */
export async function answerRequestCount(ctx: AskContext): Promise<Answer> {
  const counts = await ctx.reader.requestCounts?.();
  if (!counts) return { text: "I can't count the Experts at Hand requests here.", cards: [] };
  const total = REQUEST_STATUSES.reduce((n, s) => n + counts[s], 0);
  if (total === 0) return { text: 'There are no Experts at Hand requests yet.', cards: [] };
  const parts = REQUEST_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${REQUEST_STATUS_WORDS[s]}`);
  return { text: `${total === 1 ? '1 request has' : `${total} requests have`} been made through Experts at Hand: ${listWords(parts)}.`, cards: [] };
}

/** Who may find a request by the words of its summary (src/domain/experts/visibility.ts). */
function mayRead(ctx: AskContext, r: ExpertRequest): boolean {
  const me = ctx.asker.person;
  return me !== null && findsRequestByWords(me, r, leadsExpertsAtHand(me, ctx.idx.dir.workstreams));
}

/** "The sensory walk-through request", "the Riverside Academy request": the request whose summary or setting has those words. */
export async function answerRequestByWords(ctx: AskContext, words: readonly string[]): Promise<Answer> {
  const found = ((await ctx.reader.requestsBySummary?.(words, 10)) ?? []).filter((r) => mayRead(ctx, r));
  if (!found.length) return { text: `I can't find an Experts at Hand request about "${words.join(' ')}" that you can see. Ask about it by its reference, such as EAH-R-0001, or say "my requests".`, cards: [] };
  return answerRequestRefs(ctx, found.slice(0, 3).map((r) => ({ start: 0, end: 0, ref: r.ref, candidates: [r.ref] })));
}
