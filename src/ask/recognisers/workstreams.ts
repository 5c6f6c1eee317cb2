// Workstreams and the plan as a whole: the list of workstreams and areas, who leads what, how a
// workstream (or a source document, or the whole plan) is doing, and workstreams nobody has.
import { findPeople, type Claimed } from '../directory-search.js';
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';
import { hasStatusWords } from '../status-words.js';
import { isStopWord } from '../words.js';
import { choosePerson, chooseWorkstream, pickWorkstreams, titleBeforeWorkstream } from './choices.js';

const EACH_LEAD = /\bwho (?:leads|runs|heads|is leading) (?:each|every|all the|all|which|the different) (?:work ?streams?|ws|streams?)\b|\b(?:work ?streams?|ws) (?:and|with|plus|&) (?:their |the |all the )?(?:leads?|leaders?)\b|\beach (?:work ?stream|ws)'?s? leads?\b|\b(?:work ?streams|ws) and who (?:leads|runs|heads) (?:each|them|every)\b/;

/** "What are the workstreams?" (not "what is overdue in the workstreams"). */
export function workstreamList(q: Question): Intent | undefined {
  // "List the workstreams and their leads", "who leads each workstream": the list names every lead.
  if (EACH_LEAD.test(q.lower) && !q.refs.actions.length) return { kind: 'workstreams' };
  if (!/\b(?:what|which|list|show)(?: me)?(?: are| is)? (?:the |all )?(?:work ?streams|workstreams)\b/.test(q.lower)) return undefined;
  if (/\b(?:actions?|overdue|late|risk|track)\b/.test(q.lower) || /\b(?:lead|leads|led by|does|do)\b/.test(q.lower)) return undefined;
  return { kind: 'workstreams' };
}

/** "What are the areas for improvement?" */
export function areaList(q: Question): Intent | undefined {
  // "what are the areas for improvement", "list of areas for improvement", "areas for improvement list"
  if (!/\b(?:what|which|list|show)(?: me)?(?: are| is)?(?: of)? (?:the |all )?(?:(?:four|4) )?areas? (?:for|of) improvement\b|^(?:the |our )?(?:(?:four|4) )?areas? (?:for|of) improvement(?: list| please| pls)?\W*$/.test(q.compact)) return undefined;
  return /\b(?:actions?|overdue|late|risk|track|in the)\b/.test(q.lower) ? undefined : { kind: 'areas' };
}

/** "WS9", "pillar 12": a code no workstream has. */
export function unknownWorkstreamCode(q: Question): Intent | undefined {
  const name = q.workstreams.find((m) => m.unknown)?.unknown;
  return name ? { kind: 'unknown', what: 'workstream', name } : undefined;
}

function ledByAsker(q: Question): Intent {
  return q.asker ? { kind: 'ledBy', person: q.asker, self: true } : { kind: 'needPerson', about: 'workstream' };
}

/** "Who leads WS3?", "which workstream does Ruth lead?", "what do I lead?". */
export function lead(q: Question): Intent | undefined {
  if (!q.cues.lead || q.status.overdue || q.status.statuses.length) return undefined;
  const mentions = q.workstreams;
  const which = /\bwhich (?:work ?streams?|ws|streams?)\b|\bwhat (?:work ?streams?|ws|streams?)\b/.test(q.lower);
  if (which || (!mentions.length && /\b(?:does|do|is)\b/.test(q.lower))) {
    if (q.self || q.cues.myWorkstream) return ledByAsker(q);
    // Only status words are claimed here: a lone first name counts even if it is an ordinary word.
    const claimed: Claimed = (s, e) => q.status.spans.some((x) => s < x.end && x.start < e);
    const p = findPeople(q.idx, q.tokens, q.lower, claimed, { loose: true })[0];
    if (p && p.items.length === 1 && p.items[0]) return { kind: 'ledBy', person: p.items[0], self: false };
    if (p && p.items.length > 1) return choosePerson(q, p);
  }
  const ws = pickWorkstreams(mentions);
  // "who's in charge of the inclusion counts audit": a workstream's word among words of a title is a title question.
  if (ws.length && !q.cues.workstreamWord && mentions.every((m) => m.how === 'word') && q.mentions.listWords.some((w) => !LEAD_VERBS.has(w))) return undefined;
  if (ws.length === 1) return titleBeforeWorkstream(q, { kind: 'lead', workstreams: ws }, LEAD_VERBS);
  if (ws.length > 1) return titleBeforeWorkstream(q, chooseWorkstream(q, mentions, ws), LEAD_VERBS);
  return q.cues.myWorkstream ? ledByAsker(q) : undefined;
}

const LEAD_VERBS = new Set(['lead', 'leads', 'leading', 'leader', 'run', 'runs', 'running', 'head', 'heads', 'heading', 'manage', 'manages', 'managing', 'manager', 'looks', 'after', 'chair', 'chairs', 'charge', 'responsible', 'person', 'boss', 'overall']);

const PLAN_RE = /\b(?:the )?(?:whole |overall |big )?plan\b|\boverall\b|\beverything\b|\bwe\b|\bpartnership\b|\bbig plan\b/;

/** "How is WS3 doing?", "how is my workstream doing?", "how is the SEND reform plan going?", "how are we doing?". */
export function summary(q: Question): Intent | undefined {
  if (!q.cues.summary || hasStatusWords(q.status) || q.period) return undefined;
  const { workstreams } = q;
  const { source, claimedBeforeAreas } = q.mentions;
  const ws = pickWorkstreams(workstreams);
  if (source && !ws.length) return { kind: 'sourceSummary', source: source.source };
  // "What are we doing on preparing for adulthood?": an area is worked on in every workstream,
  // so its actions everywhere answer, unless a workstream is asked for by code or by that word.
  const area = q.mentions.area;
  if (area && !q.cues.workstreamWord && !workstreams.some((m) => m.how === 'code' || m.how === 'pillar')) {
    return { kind: 'list', filter: { status: q.status, area }, count: false, paging: q.paging, question: q.restated };
  }
  // People named outside the words already read: "how is Grace doing in WS3" is about Grace's actions.
  const people = findPeople(q.idx, q.tokens, q.lower, claimedBeforeAreas);
  if (ws.length === 1 && ws[0] && !people.length) return titleBeforeWorkstream(q, { kind: 'summary', workstream: ws[0] });
  if (ws.length > 1) return titleBeforeWorkstream(q, chooseWorkstream(q, workstreams, ws));
  if (q.cues.myWorkstream) return mySummary(q);
  if (PLAN_RE.test(q.lower) && !people.length && !/\bactions? (?:for|of|owned)\b/.test(q.lower)) return { kind: 'planSummary' };
  return undefined;
}

// "my digest", "digest pls", "weekly round-up now": the digest's contents, asked for now.
const DIGEST_RE = /\bdigests?\b|\b(?:weekly|my) (?:round[- ]?up|summary|update email)\b/;

/** "my digest", "digest pls": a lead's workstream summary, or anyone else's own open actions. */
export function digest(q: Question): Intent | undefined {
  if (!DIGEST_RE.test(q.lower) || q.refs.actions.length || q.status.spans.length || q.period) return undefined;
  const ws = pickWorkstreams(q.workstreams);
  if (ws.length === 1 && ws[0]) return { kind: 'summary', workstream: ws[0] };
  const me = q.asker;
  if (!me) return { kind: 'needPerson', about: 'workstream' };
  if (q.idx.dir.workstreams.some((w) => w.leadId === me.id)) return mySummary(q);
  return {
    kind: 'list', count: false, paging: q.paging, question: 'What are my open actions?', filter: { status: { ...q.status, open: true }, owner: me, ownerIsAsker: true },
  };
}

function mySummary(q: Question): Intent {
  const me = q.asker;
  if (!me) return { kind: 'needPerson', about: 'workstream' };
  const led = q.idx.dir.workstreams.filter((w) => w.leadId === me.id);
  if (led.length === 1 && led[0]) return { kind: 'summary', workstream: led[0] };
  if (led.length > 1) {
    return { kind: 'choose', prompt: 'You lead more than one workstream. Which one?', choices: led.map((w) => ({ title: `${w.code} ${w.name}`, question: `How is ${w.code} doing?` })) };
  }
  return { kind: 'ledBy', person: me, self: true };
}

/** "What is overdue in data?" when "data" names two workstreams. */
export function ambiguousWorkstream(q: Question): Intent | undefined {
  const mentions = q.mentions.listWorkstreams;
  const ws = pickWorkstreams(mentions);
  return ws.length > 1 ? titleBeforeWorkstream(q, chooseWorkstream(q, mentions, ws)) : undefined;
}

/** "What is overdue in the transport workstream?": a workstream nobody has. */
export function unknownNamedWorkstream(q: Question): Intent | undefined {
  const m = q.mentions;
  if (!q.cues.workstreamWord || q.cues.myWorkstream || m.area || pickWorkstreams(m.listWorkstreams).length) return undefined;
  if (/\b(?:each|every|by|per|across|all|which|what|any) (?:work ?streams?|ws|streams?)\b/.test(q.lower)) return undefined;
  const named = /\b(?:the |in |for |of )([a-z][a-z' -]{1,40}?) (?:work ?stream|stream)\b/.exec(q.lower);
  const name = named?.[1]?.replace(/^(?:the|a|an|our|this|that|which|what|each|every|any|all|same)\b ?/, '').trim();
  if (!name || name.split(' ').every((w) => isStopWord(w))) return undefined;
  return { kind: 'unknown', what: 'workstream', name: `"${name}"` };
}

/** "Which maturity pillar does WS5 cover?", "what pillar is the pfa workstream": the workstream's summary names its pillar. */
export function pillarOf(q: Question): Intent | undefined {
  if (!/\bpillars?\b/.test(q.lower) || /\bpillars?\s?(?:number |no\.? |#)?\d/.test(q.lower)) return undefined;
  // By code ("ws5") or by name ("the pfa workstream"): one workstream, however it is named.
  const byCode = pickWorkstreams(q.workstreams.filter((m) => m.how === 'code'));
  const ws = byCode.length ? byCode : pickWorkstreams(q.workstreams);
  return ws.length === 1 && ws[0] ? { kind: 'summary', workstream: ws[0] } : undefined;
}
