// The question-answering entry point the Teams route calls. Deterministic, no external AI:
// understand the question (src/ask/understand.ts), then answer it from the plan reader.
import { choiceCard, factsCard } from '../cards/answers.js';
import type { PlanReader } from '../domain/plan/reader.js';
import type { Person, Phase } from '../domain/plan/types.js';
import type { Clock } from '../domain/time/clock.js';
import { londonDate } from '../domain/time/index.js';
import { NO_PLAN_YET } from '../domain/phrasing/welcome.js';
import { statusWord } from '../domain/plan/status.js';
import { answerActionRefs, answerActionSearch } from './answer-actions.js';
import { answerExperts, answerExpertsOverview, answerRequestByWords, answerRequestCount, answerRequestHelp, answerWaitingRequests } from './answer-experts.js';
import { answerExpertSpecialism, answerExpertsForNeed, answerRequestList } from './answer-experts-more.js';
import { soleAction, answerList, queryFor } from './answer-lists.js';
import { answerGlossary } from './answer-glossary.js';
import { answerMeasures } from './answer-measures.js';
import type { MeasureWithReadings } from '../domain/measures/types.js';
import type { GlossaryEntry } from '../domain/public/glossary.js';
import { answerHelp, answerNotUnderstood } from './answer-help.js';
import { answerCluster, answerClusterChairs, answerClusters, answerMeetings, answerMyCluster, answerSetting } from './answer-places.js';
import { answerMyRequests, answerRequestRefs } from './answer-requests.js';
import {
  answerAreas, answerLead, answerLedBy, answerPlanSummary, answerSourceSummary, answerWorkstreamSummary, answerWorkstreams,
} from './answer-workstreams.js';
import { capitalise, listWords, workstreamLabel, type Answer, type AskContext, type Asker, type ChatScope } from './context.js';
import { scopeToChat, withLead } from './chat-scope.js';
import { indexDirectory } from './directory.js';
import { ConversationMemory, continueIntent, resolvePronouns } from './follow-up.js';
import type { Intent } from './intent.js';
import { readQuestion, type Question } from './question.js';
import { recognise } from './recognisers/index.js';
import { correctSlips } from './spelling.js';

export type { Answer, Asker } from './context.js';

/** Questions that only the plan's actions and workstreams can answer. */
const ABOUT_THE_PLAN = new Set<Intent['kind']>(['list', 'summary', 'planSummary', 'action', 'actionSearch', 'lead', 'workstreams', 'setStatus', 'sourceSummary']);

const TERM_WORDS = /\bt[a-z]{2,3}m\b|\bhol[a-z]{0,6}\b|\bbreak\b|\bspring\b|\bautumn\b|\bchristmas\b|\bxmas\b|\beaster\b/;

/** "I read “nxt” as “next”." for the typing slips a period was read through. */
function readAs(corrections: readonly { typed: string; read: string }[]): string {
  return `I read ${corrections.map((c) => `“${c.typed}” as “${c.read}”`).join(' and ')}.`;
}

export interface AskDeps {
  reader: PlanReader;
  clock: Clock;
  /** Told about an unexpected failure (the answer is then a polite apology, never silence). */
  onError?: (err: unknown) => void;
  /** Each conversation's previous question, for follow-ups; one shared by the process when unset. */
  memory?: ConversationMemory;
  /** The plan's outcome measures with their readings (a handful, kept briefly by the store). */
  measures?: () => Promise<readonly MeasureWithReadings[]>;
  /** The partnership's glossary (kept briefly by the store). */
  glossary?: () => Promise<readonly GlossaryEntry[]>;
  /** What a group chat or channel is linked to (read only for questions asked in one). */
  chatScope?: (conversationId: string) => Promise<ChatScope | null>;
}

const SHARED_MEMORY = new ConversationMemory();

/** What one question (or one search) is answered against: the reader, the directory's index, London's day. */
export async function questionContext(deps: Pick<AskDeps, 'reader' | 'clock'>, asker: Asker): Promise<AskContext> {
  const now = deps.clock.now();
  const reader = deps.reader.forQuestion?.() ?? deps.reader;
  const idx = indexDirectory(await reader.directory());
  return { reader, idx, now, today: londonDate(now), asker };
}

export async function answerQuestion(text: string, asker: Asker, deps: AskDeps): Promise<Answer> {
  try {
    const base = await questionContext(deps, asker);
    const [measures, glossary] = await Promise.all([deps.measures?.() ?? [], deps.glossary?.() ?? []]);
    const ctx: AskContext = { ...base, measures, glossary };
    const { reader, idx, now } = ctx;
    const inTitles = async (word: string) => (await reader.listActions({ titleWords: [word] }, { offset: 0, limit: 1, total: false })).items.length > 0;
    const slips = await correctSlips(typeof text === 'string' ? text : '', idx, inTitles);
    text = slips.text;
    // Term dates are read only for questions that may be about terms or school holidays.
    const terms = TERM_WORDS.test(String(text).toLowerCase()) ? await reader.schoolTerms?.() : undefined;
    const input = { asker: asker.person, today: ctx.today, ...(terms ? { terms } : {}), measures: measures.map((e) => e.measure), glossary: glossary.map((g) => g.term) };
    const memory = deps.memory ?? SHARED_MEMORY;
    const key = asker.conversationId ? `${asker.conversationId}|${asker.person?.id ?? '-'}` : undefined;
    const previous = memory.recall(key, now);
    let q = readQuestion(text, input, idx);
    const rewritten = resolvePronouns(q, previous);
    if (rewritten) q = readQuestion(rewritten, input, idx);
    const fresh = recognise(q);
    const heard = continueIntent(q, fresh, previous) ?? fresh;
    const scope = asker.conversationKind !== 'personal' && asker.conversationId ? await deps.chatScope?.(asker.conversationId) : null;
    const { intent, lead } = scopeToChat(heard, scope ?? null, idx);
    memory.remember(key, intent, now);
    const period = intent.kind === 'list' ? intent.filter.period : intent.kind === 'meetings' ? intent.period : undefined;
    // A window that cannot be worked out (no term dates) is said, never answered as "everything".
    if (period?.missing) return { text: period.missing, cards: [] };
    // An empty plan has no actions or workstreams to speak of: say so, and how to import one.
    const aboutThePlan = ABOUT_THE_PLAN.has(intent.kind) || (intent.kind === 'unknown' && (intent.what === 'action' || intent.what === 'workstream'));
    if (!idx.dir.workstreams.length && aboutThePlan) return { text: NO_PLAN_YET, cards: [] };
    const answer = withLead(await answerIntent(ctx, intent, q), lead);
    const corrections = [...slips.corrections, ...period?.corrections ?? []];
    return corrections.length ? { ...answer, text: `${readAs(corrections)} ${answer.text}` } : answer;
  } catch (err) {
    deps.onError?.(err);
    return { text: 'Sorry, something went wrong while I looked that up. Please try again in a moment.', cards: [] };
  }
}

/** Answers one understood question (exported for tests). */
export async function answerIntent(ctx: AskContext, intent: Intent, q: Question): Promise<Answer> {
  switch (intent.kind) {
    case 'help': return answerHelp(ctx, intent.greeting);
    case 'thanks': return { text: "You're welcome! Ask me anything else about the plan whenever you like.", cards: [] };
    case 'whoami': return whoAmI(ctx);
    case 'action': return answerActionRefs(ctx, intent.refs, intent.aspects, q);
    case 'setStatus': {
      // The change is made on the action's card (who may change it is the card flow's to decide).
      const card = await answerActionRefs(ctx, [intent.ref], ['status'], q);
      if (!card.cards.length) return card;
      return { text: `${card.text} To set it to ${statusWord(intent.status)}, press Update on its card, choose “${capitalise(statusWord(intent.status))}” and press Save.`, cards: card.cards };
    }
    case 'actionSearch': return answerActionSearch(ctx, intent, q, (i) => answerIntent(ctx, i, q));
    case 'list': {
      if (intent.deadline) return answerDeadline(ctx, intent, q, intent.deadline);
      // "EHC backlog update": a list of one, asked for its news, is that action with its latest update.
      const one = q.aspects.includes('update') && !intent.count && !intent.rankBy ? await soleAction(ctx, intent) : undefined;
      return one ? answerActionRefs(ctx, [{ start: 0, end: 0, ref: one.ref, candidates: [one.ref], known: true }], ['update'], q) : answerList(ctx, intent);
    }
    case 'summary': return answerWorkstreamSummary(ctx, intent.workstream);
    case 'planSummary': return answerPlanSummary(ctx);
    case 'sourceSummary': return answerSourceSummary(ctx, intent.source);
    case 'lead': return answerLead(ctx, intent.workstreams);
    case 'ledBy': return answerLedBy(ctx, intent.person, intent.self);
    case 'workstreams': return answerWorkstreams(ctx);
    case 'areas': return answerAreas();
    case 'setting': return answerSetting(ctx, intent.setting, q);
    case 'cluster': return answerCluster(ctx, intent.cluster, intent.want);
    case 'directoryList': return directoryList(ctx, intent.what, intent.phase);
    case 'clusters': return intent.chairs ? answerClusterChairs(ctx) : answerClusters(ctx, intent.area, intent.areas);
    case 'meetings': return answerMeetings(ctx, intent);
    case 'myCluster': return answerMyCluster(ctx);
    case 'request': return answerRequestRefs(ctx, intent.refs, intent.who);
    case 'myRequests': return answerMyRequests(ctx, intent.assigned, intent.specialism);
    case 'waitingRequests': return answerWaitingRequests(ctx, intent.specialism, intent.queue);
    case 'experts': return answerExperts(ctx, intent.specialism);
    case 'expertsOverview': return answerExpertsOverview(ctx);
    case 'requestCount': return answerRequestCount(ctx);
    case 'measures': return answerMeasures(ctx.measures ?? [], intent.refs, ctx.today, intent.course);
    case 'glossary': return answerGlossary(ctx.glossary ?? [], intent.term, intent.known);
    case 'requestHelp': return answerRequestHelp(ctx, intent.specialism);
    case 'expertsForNeed': return answerExpertsForNeed(ctx, intent.need, intent.specialisms);
    case 'expertSpecialism': return answerExpertSpecialism(ctx, intent.person, intent.asked);
    case 'requestList': return answerRequestList(ctx, intent.specialism, intent.origin, intent.open);
    case 'requestByWords': return answerRequestByWords(ctx, intent.words);
    case 'howMany': return howMany(ctx, intent.what);
    case 'person': return answerPerson(ctx, intent.person);
    case 'choose': return { text: intent.prompt, cards: [choiceCard(intent.prompt, intent.choices)] };
    case 'unknown': {
      // A name that is nobody may still be words of a title ("the Joseph Norton rebuild").
      if (intent.what === 'person' && intent.words?.length) {
        const found = await ctx.reader.listActions({ titleWords: intent.words.map((w) => w.toLowerCase()) }, { offset: 0, limit: 1, total: false });
        if (found.items.length > 0) return answerActionSearch(ctx, { kind: 'actionSearch', words: intent.words, aspects: q.aspects }, q, async () => unknownAnswer(ctx, intent));
      }
      return unknownAnswer(ctx, intent);
    }
    case 'needPerson': return needPerson(ctx, intent.about);
    case 'notUnderstood': return answerNotUnderstood(ctx);
  }
}

function unknownAnswer(ctx: AskContext, intent: Extract<Intent, { kind: 'unknown' }>): Answer {
  switch (intent.what) {
    case 'action':
      return { text: `I can't find an action called ${intent.name}. Check the reference, or ask "What is overdue?" to see a list.`, cards: [] };
    case 'person':
      return { text: `I can't find anyone called ${intent.name} in the plan. Try their full name as it is written in the plan.`, cards: [] };
    case 'workstream': {
      const codes = ctx.idx.dir.workstreams.map((w) => w.code);
      const what = /^pillar/i.test(intent.name) ? `a workstream for maturity ${intent.name}` : /^"/.test(intent.name) ? `a workstream called ${intent.name}` : `workstream ${intent.name}`;
      return { text: `I can't find ${what}. ${codes.length ? `The workstreams are ${listWords(codes.slice(0, 12))}.` : 'There are no workstreams in the plan yet.'}`, cards: [] };
    }
    case 'cluster': {
      // A code ("KR9") is answered with the codes there are.
      if (/^[A-Z]{1,4}\d{1,3}$/.test(intent.name)) return { text: `I can't find a cluster with the code ${intent.name}. The cluster codes are ${listWords(ctx.idx.dir.clusters.map((c) => c.code))}.`, cards: [] };
      const names = ctx.idx.dir.clusters.map((c) => c.name);
      return { text: `I can't find a cluster called ${intent.name}.${names.length && names.length <= 30 ? ` The clusters are ${listWords(names)}.` : ''}`, cards: [] };
    }
    case 'setting':
      return { text: `I can't find a setting called ${intent.name}. Try the name of the school, nursery or college as it is written in the plan.`, cards: [] };
    default:
      return { text: `I can't find an Experts at Hand request called ${intent.name}.`, cards: [] };
  }
}

function needPerson(ctx: AskContext, about: string): Answer {
  const ws = ctx.idx.dir.workstreams[0];
  const what = about === 'requests' ? 'which requests are yours'
    : about === 'workstream' ? 'which workstream is yours'
      : about === 'meetings' ? 'which meetings are yours'
        : about === 'whoami' ? 'who you are'
          : 'which actions are yours';
  return {
    text: `I don't know who you are yet, so I can't tell ${what}: your Teams account isn't linked to anyone in the plan. You can still ask about the plan by name, for example "What is overdue${ws ? ` in ${ws.code}` : ''}?", or ask about someone by their full name. An admin can add you to the plan.`,
    cards: [],
  };
}

async function answerPerson(ctx: AskContext, person: Person): Promise<Answer> {
  const list = await answerList(ctx, {
    kind: 'list', count: false, paging: { offset: 0, limit: 10, all: false },
    question: `What is ${person.name} working on?`,
    filter: { owner: person, status: { overdue: false, attention: false, statuses: [], open: true, all: false, spans: [] } },
  });
  const led = ctx.idx.dir.workstreams.filter((w) => w.leadId === person.id);
  const email = person.email ? ` Email: ${person.email}.` : '';
  const intro = `${person.name}${person.jobTitle ? ` is the ${person.jobTitle}` : ' is in the plan'}${led.length ? ` and leads ${listWords(led.map((w) => w.code))}` : ''}.${email}`;
  return { text: `${intro} ${list.text}`, cards: list.cards };
}

const ROLE_LISTS = {
  sencos: { role: 'senco', title: 'SENCOs', noun: ['SENCO', 'SENCOs'] },
  admins: { role: 'admin', title: 'Admins', noun: ['admin', 'admins'] },
  leads: { role: 'lead', title: 'Workstream leads', noun: ['workstream lead', 'workstream leads'] },
  owners: { role: 'owner', title: 'Action owners', noun: ['action owner', 'action owners'] },
} as const;

const PHASE_LABEL: Record<Phase, string> = { early_years: 'early years', primary: 'primary', secondary: 'secondary', post_16: 'post-16', special: 'special' };

/** Everyone in the plan with their job, every setting (of a phase) with its cluster, or the people with one role (a card holds the first 60). */
function directoryList(ctx: AskContext, what: Extract<Intent, { kind: 'directoryList' }>['what'], phase?: Phase): Answer {
  const d = ctx.idx.dir;
  if (what === 'settings') {
    const kind = phase ? `${PHASE_LABEL[phase]} setting` : 'setting';
    const rows = d.settings.filter((s) => !phase || s.phase === phase).map((s): [string, string] => [s.name, ctx.idx.clusterById.get(s.clusterId)?.name ?? '']);
    const text = rows.length ? `There ${rows.length === 1 ? `is 1 ${kind}` : `are ${rows.length} ${kind}s`} in the plan: ${listWords(rows.slice(0, 30).map(([n]) => n))}${rows.length > 30 ? ' and more' : ''}.` : `There are no ${kind}s in the plan yet.`;
    return { text, cards: rows.length ? [factsCard(capitalise(`${kind}s`), rows.slice(0, 60).map(([n, c]) => [n, c ? `${c} cluster` : '']))] : [] };
  }
  if (what !== 'people') {
    const { role, title, noun } = ROLE_LISTS[what];
    const holders = d.people.filter((p) => p.active && p.roles.includes(role));
    const said = (p: Person) => `${p.name}${p.organisation ? ` (${p.organisation})` : ''}`;
    const text = holders.length
      ? `There ${holders.length === 1 ? `is 1 ${noun[0]}` : `are ${holders.length} ${noun[1]}`} in the plan: ${listWords(holders.slice(0, 30).map(said))}${holders.length > 30 ? ' and more' : ''}.`
      : `There are no ${noun[1]} in the plan yet.`;
    return { text, cards: holders.length ? [factsCard(title, holders.slice(0, 60).map((p) => [p.name, [p.jobTitle, p.organisation].filter(Boolean).join(', ')]))] : [] };
  }
  const people = d.people.filter((p) => p.active);
  const text = people.length ? `There ${people.length === 1 ? 'is 1 person' : `are ${people.length} people`} in the plan: ${listWords(people.slice(0, 30).map((p) => p.name))}${people.length > 30 ? ' and more' : ''}.` : 'There is nobody in the plan yet.';
  return { text, cards: people.length ? [factsCard('People in the plan', people.slice(0, 60).map((p) => [p.name, p.jobTitle ?? '']))] : [] };
}

function howMany(ctx: AskContext, what: Extract<Intent, { kind: 'howMany' }>['what']): Answer {
  const d = ctx.idx.dir;
  const active = d.people.filter((p) => p.active);
  const n = what === 'people' ? active.length
    : what === 'workstreams' ? d.workstreams.length
      : what === 'clusters' ? d.clusters.length
        : what === 'settings' ? d.settings.length
          : what === 'sencos' ? active.filter((p) => p.roles.includes('senco')).length
            : what === 'experts' ? active.filter((p) => p.roles.includes('expert')).length
              : active.filter((p) => p.roles.includes('lead')).length;
  const noun = what === 'people' ? (n === 1 ? 'person' : 'people') : what === 'sencos' ? (n === 1 ? 'SENCO' : 'SENCOs')
    : what === 'settings' ? (n === 1 ? 'setting' : 'settings') : n === 1 ? what.replace(/s$/, '') : what;
  return { text: `There ${n === 1 ? 'is' : 'are'} ${n} ${noun} in the plan.`, cards: [] };
}

function whoAmI(ctx: AskContext): Answer {
  const me = ctx.asker.person;
  if (!me) return needPerson(ctx, 'whoami');
  const led = ctx.idx.dir.workstreams.filter((w) => w.leadId === me.id);
  const text = `You are ${me.name}${me.jobTitle ? `, ${me.jobTitle}` : ''}.${led.length ? ` You lead ${listWords(led.map(workstreamLabel))}.` : ''}`;
  return {
    text,
    cards: [factsCard(me.name, [['Job title', me.jobTitle ?? ''], ['Roles', me.roles.join(', ')], ['Leads', led.map((w) => w.code).join(', ')]])],
  };
}

/**
 * "What's the last deadline?" / "my next deadline": the open action due latest, or due first from
 * today, as its own answer about when it is due.
 */
async function answerDeadline(ctx: AskContext, intent: Extract<Intent, { kind: 'list' }>, q: Question, which: 'last' | 'next'): Promise<Answer> {
  const query = queryFor(ctx, intent.filter);
  if (which === 'next' && (!query.dueFrom || query.dueFrom < ctx.today)) query.dueFrom = ctx.today;
  const page = await ctx.reader.listActions(query, { offset: 0, limit: 1, order: which === 'last' ? 'due_desc' : 'due_asc', total: false });
  const found = page.items[0];
  if (!found) return { text: `No open actions match, so there is no ${which} deadline to give.`, cards: [] };
  const answer = await answerActionRefs(ctx, [{ start: 0, end: 0, ref: found.ref, candidates: [found.ref], known: true }], ['due'], q);
  return { ...answer, text: `${found.ref} has the ${which} deadline. ${answer.text}` };
}
