import { distance } from 'fastest-levenshtein';
import { messageText } from '../cards/markup.js';
// Answers about one action, found by its reference or by words of its title.
import { actionDetailCard } from '../cards/actions.js';
import { choiceCard } from '../cards/answers.js';
import { areaLabel, daysLate, statusWord } from '../domain/plan/status.js';
import type { Action } from '../domain/plan/types.js';
import { formatDate, formatRelativeDue } from '../domain/time/index.js';
import { actionView, listWords, personName, type AskContext, type Answer } from './context.js';
import type { Aspect, Intent } from './intent.js';
import type { Question } from './question.js';
import type { RefMatch } from './references.js';

const MAX_DETAIL_CARDS = 3;

export function lateWords(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'} late`;
}

/** The sentence that answers what was asked about one action. */
export function aspectSentences(ctx: AskContext, a: Action, aspects: Aspect[], q: Question): string[] {
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
        const asked = q.status.statuses;
        const isYesNo = /^(?:is|has|was|are)\b/.test(q.compact) && asked.length > 0;
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

export async function answerActionRefs(ctx: AskContext, refs: RefMatch[], aspects: Aspect[], q: Question): Promise<Answer> {
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
    sentences.push(...aspectSentences(ctx, a, aspects, q));
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
/** A slip, not another word: some word of the title is one or two edits away (one for short words). */
function nearWordIn(word: string, title: string): boolean {
  const most = word.length <= 5 ? 1 : 2;
  return title.toLowerCase().split(/[^a-z0-9]+/).some((t) => Math.abs(t.length - word.length) <= most && distance(t, word) <= most);
}

/**
 * The word is in the title, or a title word shares its first six letters or more ("recruitment"
 * and "Recruit", "therapists" and "therapy"): the same word in another form.
 */
function wordFormIn(word: string, title: string): boolean {
  const lower = title.toLowerCase();
  if (lower.includes(word)) return true;
  if (word.length < 6) return false;
  const head = word.slice(0, 6);
  return lower.split(/[^a-z0-9]+/).some((t) => t.startsWith(head));
}

export async function answerActionSearch(
  ctx: AskContext, intent: Extract<Intent, { kind: 'actionSearch' }>, q: Question,
  answerFallback: (i: Intent) => Promise<Answer>,
): Promise<Answer> {
  const words = intent.words;
  const ownerFilter = intent.ownerId !== undefined ? { ownerIds: [intent.ownerId] } : {};
  let candidates: Action[] = [];
  let total = 0;
  let ranked: Action[] | undefined;
  // No count: seven rows are enough to say "more than six", and the title indexes find them.
  const all = await ctx.reader.listActions({ titleWords: words, ...ownerFilter }, { offset: 0, limit: 7, total: false });
  if (all.items.length > 0) {
    candidates = all.items.slice(0, 6);
    total = all.items.length;
  } else if (words.length > 1 && !intent.whole) {
    // Not every word matched together: rank titles by how many of the words they contain.
    const some = ranked = await ctx.reader.searchTitles(words, 60);
    const scored = some
      .filter((a) => intent.ownerId === undefined || a.ownerId === intent.ownerId)
      .map((a) => ({ a, score: words.filter((w) => wordFormIn(w, a.title)).reduce((s, w) => s + (w.length >= 5 ? 2 : 1), 0) }));
    const best = Math.max(0, ...scored.map((s) => s.score));
    const needed = Math.min(2, words.reduce((s, w) => s + (w.length >= 5 ? 2 : 1), 0));
    if (best >= needed) {
      candidates = scored.filter((s) => s.score === best).map((s) => s.a).slice(0, 6);
      total = scored.filter((s) => s.score === best).length;
    }
  }
  let near = '';
  // Not when the words may mean something else (a person nobody has heard of): that answer comes first.
  if (!candidates.length && !intent.fallback) {
    // A typing slip in a title word ("newsleter"): titles that hold a word spelt nearly so (pg_trgm), said as such.
    // The same ranking as the search above (a total order: rank, due date, reference), so its first seven when it ran.
    const close = (ranked?.slice(0, 7) ?? await ctx.reader.searchTitles(words, 7))
      .filter((a) => (intent.ownerId === undefined || a.ownerId === intent.ownerId) && words.every((w) => nearWordIn(w, a.title)));
    if (close.length) {
      candidates = close.slice(0, 6);
      total = close.length;
      near = `I found no title with “${words.join(' ')}”, so I looked for words spelt nearly the same.`;
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
    return { text: [near, ...aspectSentences(ctx, a, intent.aspects, q)].filter(Boolean).join(' '), cards: [actionDetailCard(actionView(ctx, a))] };
  }
  const prompt = total > candidates.length
    ? `More than ${candidates.length} actions match "${words.join(' ')}". Here are the first ${candidates.length}. Which one do you mean?`
    : `${candidates.length} actions match "${words.join(' ')}". Which one do you mean?`;
  const options = candidates.map((a) => ({ title: short(`${a.ref} ${a.title}`), question: questionFor(a.ref, intent.aspects) }));
  // What was asked is said for each, so a choice still answers: "DAT-02 (Sam Whitaker) and HLT-01 (Grace Okafor)".
  const fact = (a: Action) => (intent.aspects[0] === 'owner' ? ` (${personName(ctx, a.ownerId)})` : intent.aspects[0] === 'due' ? ` (due ${formatDate(a.dueDate)})` : '');
  return { text: `${near ? `${near} ` : ''}${prompt} ${listWords(candidates.map((a) => `${a.ref}${fact(a)}`))}.`, cards: [choiceCard(prompt, options)] };
}

