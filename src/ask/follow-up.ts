// Follow-up questions: within ten minutes, in the same conversation, "and WS7?", "who owns it?",
// "when is that due?" keep what the previous question was about. What is remembered is the
// previous question's Intent, in this process only (a restart forgets, which costs one retyped
// question), for a bounded number of conversations.
import type { Intent } from './intent.js';
import { pickWorkstreams } from './recognisers/choices.js';
import type { Question } from './question.js';

/** How long a conversation's previous question still sets the scope. */
export const FOLLOW_UP_MS = 10 * 60 * 1000;
const MAX_CONVERSATIONS = 2_000;

interface Remembered { at: number; intent: Intent }

/** The previous question of each conversation (and person in it). */
export class ConversationMemory {
  private readonly byKey = new Map<string, Remembered>();

  recall(key: string | undefined, now: Date): Intent | undefined {
    if (!key) return undefined;
    const hit = this.byKey.get(key);
    if (!hit || now.getTime() - hit.at > FOLLOW_UP_MS) return undefined;
    return hit.intent;
  }

  remember(key: string | undefined, intent: Intent, now: Date): void {
    if (!key || intent.kind === 'notUnderstood' || intent.kind === 'help' || intent.kind === 'thanks') return;
    this.byKey.delete(key);
    this.byKey.set(key, { at: now.getTime(), intent });
    // A Map keeps insertion order: the first key is the conversation heard from least recently.
    if (this.byKey.size > MAX_CONVERSATIONS) this.byKey.delete(this.byKey.keys().next().value as string);
  }
}

const PRONOUN_RE = /\b(?:it|that|this|them|those|they|these|that one|this one)\b/;
// "show more", "next page", "the rest", "keep going": the next slice of the previous list.
const MORE_RE = /^(?:ok |okay |and |yes |yeah |go on |please )?(?:can you |could you )?(?:show|give|list|see|send)?(?: me)?(?: the| some)? ?(?:more|rest|the rest|remaining ones|next (?:page|ten|10|few|lot|batch|ones|bit)|others|other ones)\b|^(?:keep going|carry on|next page|what else|any more|more please|more pls)\b|^(?:next|more)$/;
const MEETING_DETAIL_RE = /\bwhere\b|\bwhat time\b|\bwhen\b|\bagenda\b|\blocation\b|\bvenue\b|\bteams\b|\bonline\b|\bin person\b|\bhow long\b|\bstart\b/;
const WHOLE_QUESTION_RE = /^(?:show|list|give|display|view|find|get|tell|what|whats|what's|which|who|whos|who's|when|how|is|are|any|anything|do|does|have|has)\b/;
const ELLIPSIS_RE = /^(?:and|what about|how about|and what about|same for|what of|and for|and in|now)\b/;

/** What the previous question was about, as words that can stand for "it" ("COM-06", "WS3"). */
function subjectOf(previous: Intent): string | undefined {
  switch (previous.kind) {
    case 'action': return previous.refs.map((r) => r.ref).join(' and ');
    case 'summary': return previous.workstream.code;
    case 'lead': return previous.workstreams.map((w) => w.code).join(' and ');
    case 'list': return previous.filter.workstreams?.length === 1 && !hasStatus(previous) && !previous.filter.period ? previous.filter.workstreams[0]?.code : undefined;
    default: return undefined;
  }
}

function hasStatus(i: Extract<Intent, { kind: 'list' }>): boolean {
  const s = i.filter.status;
  return s.overdue || s.attention || s.all || s.statuses.length > 0;
}

/** Does the question stand on its own (names an action, a workstream, a person or a window)? */
function namesItsOwnSubject(q: Question): boolean {
  return q.refs.actions.length > 0 || q.refs.requests.length > 0 || pickWorkstreams(q.workstreams).length > 0;
}

/**
 * The question's words with "it" replaced by the previous subject ("when is that due?" →
 * "when is COM-06 due?"), when it is a pronoun follow-up; otherwise undefined.
 */
export function resolvePronouns(q: Question, previous: Intent | undefined): string | undefined {
  if (!previous || namesItsOwnSubject(q) || !PRONOUN_RE.test(q.lower) || q.tokens.length > 8) return undefined;
  const subject = subjectOf(previous);
  return subject ? q.compact.replace(PRONOUN_RE, subject) : undefined;
}

/**
 * "And WS7?" after a list keeps the list's status and window with the new workstream; "who owns
 * them?" after a list shows the same list (each row names its owner); "and DAT-03?" after a
 * question about DAT-04 asks the same of DAT-03. Undefined when the question is not elliptic.
 */
export function continueIntent(q: Question, fresh: Intent, previous: Intent | undefined): Intent | undefined {
  if (!previous) return undefined;
  // A short question that starts as a whole one ("show all actions in WS2") stands on its own.
  const elliptic = ELLIPSIS_RE.test(q.compact) || (q.tokens.length <= 3 && !WHOLE_QUESTION_RE.test(q.compact));
  if (previous.kind === 'list') {
    if (MORE_RE.test(q.compact.replace(/[?!.]+$/, '')) && q.tokens.length <= 6 && !namesItsOwnSubject(q) && !q.period) {
      const p = previous.paging;
      const paging = { offset: p.offset + p.limit, limit: 10, all: false, chosen: true, ...(p.offset === 0 && !p.chosen && !p.all ? { afterFirst: true } : {}) };
      return { ...previous, paging };
    }
    if (PRONOUN_RE.test(q.lower) && !namesItsOwnSubject(q) && q.tokens.length <= 6 && (q.aspects.includes('owner') || q.aspects.includes('due') || q.aspects.includes('status'))) return previous;
    if (!elliptic || q.status.spans.length) return undefined;
    const ws = pickWorkstreams(q.workstreams);
    const period = q.period && !q.period.missing ? q.period : undefined;
    if (!ws.length && !period) return undefined;
    const filter = { ...previous.filter, ...(ws.length ? { workstreams: ws } : {}), ...(period ? { period } : {}) };
    return { ...previous, filter, question: q.restated };
  }
  // "where is it?", "what's on the agenda?" after a meeting: the same meeting.
  if (previous.kind === 'meetings' && q.tokens.length <= 7 && MEETING_DETAIL_RE.test(q.lower)
    && (fresh.kind === 'meetings' ? (PRONOUN_RE.test(q.lower) || /\bagendas?\b/.test(q.lower)) && !fresh.clusters && !fresh.mine && !fresh.period : !namesItsOwnSubject(q) && !q.mentions.people.length && !q.period)) {
    return previous;
  }
  if (previous.kind === 'action' && elliptic && fresh.kind === 'action' && !q.aspects.length) {
    return { ...fresh, aspects: previous.aspects };
  }
  return undefined;
}
