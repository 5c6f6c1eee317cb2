// Question understanding: from a cleaned question to one Intent. Pure and synchronous: the
// directory index says who and what exists; nothing here touches the database.
import type { Area, Cluster, IsoDate, Person, Setting, Workstream } from '../domain/plan/types.js';
import {
  findAreas, findClusters, findPeople, findSettings, findWorkstreams, type DirectoryIndex, type Mention, type WorkstreamMention,
} from './directory.js';
import { cleanText, lowerQuestion, tokenize, type Token } from './normalise.js';
import type { SchoolTerm } from '../domain/time/school-terms.js';
import { parsePeriod, type Period } from './periods.js';
import { findActionRefs, findGluedUnknownRefs, findRequestRefs, type RefMatch, type RequestRefMatch, type Span } from './references.js';
import { hasStatusWords, parseStatusWords, type StatusFilter } from './status-words.js';
import { isStopWord, stem } from './words.js';

/** What is asked about one action; none means "tell me about it". */
export type Aspect = 'owner' | 'due' | 'late' | 'status' | 'update' | 'workstream' | 'area';

export interface Paging { offset: number; limit: number; all: boolean }

export interface ListFilter {
  status: StatusFilter;
  period?: Period;
  owner?: Person;
  /** The owner is the person asking. */
  ownerIsAsker?: boolean;
  workstreams?: Workstream[];
  area?: Area;
  titleWords?: string[];
  refPrefix?: string;
  /** Actions from one source document ("SEND reform plan 2026"). */
  source?: string;
}

export interface Choice { title: string; question: string }

export type Intent =
  | { kind: 'help'; greeting: boolean }
  | { kind: 'thanks' }
  | { kind: 'whoami' }
  | { kind: 'action'; refs: RefMatch[]; aspects: Aspect[] }
  | { kind: 'actionSearch'; words: string[]; aspects: Aspect[]; fallback?: Intent; ownerId?: number }
  | { kind: 'request'; refs: RequestRefMatch[] }
  | { kind: 'myRequests'; assigned: boolean }
  | { kind: 'howMany'; what: 'people' | 'workstreams' | 'clusters' | 'settings' | 'sencos' | 'experts' | 'leads' }
  | { kind: 'list'; filter: ListFilter; count: boolean; paging: Paging; question: string; rankBy?: 'owner' | 'workstream' }
  | { kind: 'summary'; workstream: Workstream }
  | { kind: 'planSummary' }
  | { kind: 'sourceSummary'; source: string }
  | { kind: 'lead'; workstreams: Workstream[] }
  | { kind: 'ledBy'; person: Person; self: boolean }
  | { kind: 'workstreams' }
  | { kind: 'areas' }
  | { kind: 'setting'; setting: Setting }
  | { kind: 'cluster'; cluster: Cluster; want: 'chair' | 'settings' | 'sencos' | 'info' }
  | { kind: 'clusters'; area?: string }
  | { kind: 'meetings'; clusters?: Cluster[]; mine: boolean; period?: Period; next: boolean }
  | { kind: 'person'; person: Person }
  | { kind: 'choose'; prompt: string; choices: Choice[] }
  | { kind: 'unknown'; what: 'action' | 'person' | 'workstream' | 'cluster' | 'setting' | 'request'; name: string; words?: string[] }
  | { kind: 'needPerson'; about: 'actions' | 'workstream' | 'requests' | 'meetings' | 'whoami' }
  | { kind: 'notUnderstood'; words: string[] };

export interface UnderstandContext {
  asker: Person | null;
  today: IsoDate;
  /** The school terms, when the question may need them ("this term", "half term"). */
  terms?: readonly SchoolTerm[];
}

const HELP_RE = /^(?:help|help me|\?+|menu|commands?|options|start|get started|what can (?:you|i) (?:do|ask)|what can you help with|how do(?:es)? (?:i|this|it) (?:use|work)(?: this| you| it)?|how (?:can|do) (?:i|you) use (?:this|you|it)|what do you do|what are you|who are you|examples?|instructions|usage|what (?:questions|things) can i ask(?: you)?|what should i ask)\W*$/;
const GREETING_RE = /^(?:hi|hello|hey|hiya|howdy|yo|morning|good (?:morning|afternoon|evening|day)|afternoon|evening|greetings|hi there|hello there|hey there)(?: (?:bot|there|partnership bot|everyone|all))?\W*$/;
const THANKS_RE = /^(?:thanks?|thank you|thank you very much|thanks a lot|cheers|ta|great|brilliant|lovely|perfect|ok|okay|nice|cool|got it|good|excellent|fab|fantastic|super|amazing|wonderful|ace|sound)(?: (?:thanks|thank you|bot|mate|so much|very much|a lot))?\W*$/;

const ASPECT_RULES: [Aspect, RegExp][] = [
  ['owner', /\bwho\b|\bowners?\b|\bowns?\b|\bowned\b|\bresponsible\b|\bin charge\b|\bassigned\b|\bleading\b|\bdoing\b|\bhandling\b|\bbehind it\b/],
  ['due', /\bwhen\b|\bdue\b|\bdeadline\b|\bdate\b|\bby when\b|\bhow long\b|\bfinish by\b|\bdays? (?:left|to go)\b/],
  ['late', /\blate\b|\boverdue\b|\bbehind\b|\bdelayed\b|\bslipp?ed\b|\bmissed\b/],
  ['update', /\bupdates?\b|\blatest\b|\bnews\b|\bhappening\b|\bgoing on\b|\bprogress\b|\bnotes?\b|\bheard\b|\bwhere (?:are|is) (?:we|it|things)\b|\bany word\b/],
  ['status', /\bstatus\b|\bon[\s-]?track\b|\bat[\s-]?risk\b|\boff[\s-]?track\b|\bhow (?:is|are)\b|\bgoing\b|\bprogress\b|\brag\b|\bcomplete\b|\bcompleted\b|\bdone\b|\bfinished\b|\bstarted\b|\bstate\b/],
  ['workstream', /\bwork ?streams?\b|\bws\b|\bwhich stream\b|\bpillar\b/],
  ['area', /\barea\b|\bimprovement\b|\bafi\b/],
];

/** What the person wants to know about one action, most specific first. */
export function detectAspects(lower: string): Aspect[] {
  const out: Aspect[] = [];
  for (const [aspect, re] of ASPECT_RULES) if (re.test(lower)) out.push(aspect);
  if (out.includes('late') && out.includes('status') && !/\bstatus\b/.test(lower)) out.splice(out.indexOf('status'), 1);
  return out;
}

const POLITE_RES = [
  /\b(?:can|could|may|might|shall|should|would|do) i (?:please )?(?:just )?(?:see|get|have|ask|check|find|know|view|look|hear|grab|request a list)\b/g,
  /\b(?:show|tell|give|send|remind|help|let|get|bring|fetch|list|find|remind) me\b/g,
  /\bi (?:would |d |do |really )?(?:want|wanted|need|needed|like|am looking|was looking|am trying|was trying|am hoping|was hoping)(?: to)? (?:know|see|check|find out|ask|understand|find|get|have a look|look at|look)\b/g,
  /\bi (?:wonder|was wondering|would like|d like)\b/g,
  /\bi (?:think|guess|suppose|mean|believe|heard)\b/g,
  /\b(?:can|could|would|will) you\b/g,
  /\bif i may\b|\bif you can\b|\bif possible\b/g,
];

/** Does the question ask about the person asking ("my actions", "what do I own", "am I late")? */
export function mentionsSelf(lower: string): boolean {
  let s = lower;
  for (const re of POLITE_RES) s = s.replace(re, ' ');
  // "me" alone is often just speech ("sing me a song"); it means the asker after a preposition.
  return /\b(?:my|mine|myself|i)\b/.test(s) || /\b(?:for|to|on|with|by|about|of|from|assigned|given|owned) me\b|\bme (?:to do|doing)\b/.test(s);
}

/** "(all)", "(from 11)", "page 2", "show all": which slice of a long list. */
export function parsePaging(lower: string): { paging: Paging; rest: string } {
  let m = /\(\s*(?:all|more|the rest|rest)\s*\)|\b(?:show|list|see|give me) (?:me )?(?:them |it )?all\b|\bin full\b|\bfull list\b|\bevery one\b|\ball of them\b/.exec(lower);
  if (m) return { paging: { offset: /^\(/.test(m[0]) ? 10 : 0, limit: 25, all: true }, rest: blank(lower, m.index, m[0].length) };
  m = /\(?\s*from (?:number |no\.? |#)?(\d{1,6})\s*\)?$/.exec(lower);
  if (m) return { paging: { offset: Math.max(0, Number(m[1]) - 1), limit: 25, all: true }, rest: blank(lower, m.index, m[0].length) };
  m = /\(?\s*page (\d{1,5})\s*\)?/.exec(lower);
  if (m) return { paging: { offset: Math.max(0, Number(m[1]) - 1) * 10, limit: 10, all: false }, rest: blank(lower, m.index, m[0].length) };
  return { paging: { offset: 0, limit: 10, all: false }, rest: lower };
}

function blank(s: string, at: number, length: number): string {
  return s.slice(0, at) + ' '.repeat(length) + s.slice(at + length);
}

/** Upper-case the first letter and put the question mark back. */
export function asQuestion(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim().replace(/[?.!]*$/, '');
  return t ? `${t.charAt(0).toUpperCase()}${t.slice(1)}?` : t;
}

function replaceSpan(lower: string, span: Span, by: string): string {
  return asQuestion(`${lower.slice(0, span.start)}${by}${lower.slice(span.end)}`);
}

const LIST_MARKERS = /\b(?:actions|tasks|items|list|lists|how many|number of|which (?:actions|tasks|ones|items)|all|show (?:me )?(?:the )?(?:actions|tasks|list|everything)|anything|everything|things|ones|count)\b/;
const COUNT_RE = /\bhow many\b|\bnumber of\b|\bcount\b|\bhow much\b|\btotal\b/;
const DETAIL_OPENERS = /^(?:is|has|was|does|did|will|when|who|whos|what is the (?:status|update|deadline|due date|latest)|how is|how are|how far|any (?:update|news)|tell me about|what about|where are we|where is|what is happening|what is going on|update on|status of|progress on)\b/;
const LEAD_RE = /\bwho (?:is )?(?:leads?|leading|runs?|running|heads?|heading|chairs?|is in charge of|is responsible for|looks after|manages?|owns)\b|\b(?:lead|leader|head|owner|chair|manager)s? (?:of|for)\b|\bwho is the (?:lead|leader|head|owner|manager)\b|\b(?:workstream|ws) (?:lead|leader|owner)s?\b|\bleads? (?:the|on)\b|\bwho leads\b|\b(?:does|do|did|is|are) [a-z' ]{1,40} (?:lead|leading|head|heading|run|running|in charge of)\b/;
const SUMMARY_RE = /\bhow (?:is|are|am)\b|\bhow (?:is|are) .* (?:doing|going|getting on|looking|progressing)\b|\bdoing\b|\bgoing\b|\bgetting on\b|\bprogress(?:ing)?\b|\bsummary\b|\bsummar(?:ise|ize)\b|\boverview\b|\breport\b|\bdashboard\b|\bhealth ?check\b|\bstate of\b|\bposition\b|\bround[- ]?up\b|\bsnapshot\b|\brag\b|\bperformance\b|\bbreakdown\b|\bpicture\b/;
const WS_KEYWORD_RE = /\bwork ?streams?\b|\bws\b|\bstreams?\b/;
const MEETING_RE = /\bmeet(?:s|ing|ings|up)?\b|\bnetwork meetings?\b|\bnext session\b|\bsenco (?:forum|network)\b/;
const SETTING_Q_RE = /\bchairs?\b|\bchaired\b|\bsencos?\b|\bwhich cluster\b|\bwhat cluster\b|\bcluster (?:is|does|for)\b|\bin which cluster\b|\bpart of\b|\bbelongs? to\b|\bschools?\b|\bnursery\b|\bcollege\b|\bacademy\b|\bsettings?\b/;
const REQUEST_RE = /\brequests?\b|\breferrals?\b|\bexperts? at hand\b.*\b(?:ask|asked|help|support|advice)\b|\bmy (?:eah|experts? at hand)\b/;

export function understand(text: string, ctx: UnderstandContext, idx: DirectoryIndex): Intent {
  const cleaned = cleanText(text);
  const { paging, rest } = parsePaging(lowerQuestion(cleaned));
  const lower = rest;
  const question = asQuestion(lower.replace(/\s+/g, ' '));
  if (!/[a-z0-9]/.test(lower)) return { kind: 'help', greeting: true };
  const plain = lower.replace(/[^a-z0-9' ]/g, ' ').replace(/\s+/g, ' ').trim();
  if (GREETING_RE.test(plain)) return { kind: 'help', greeting: true };
  if (HELP_RE.test(plain) || /^help\b/.test(plain)) return { kind: 'help', greeting: false };
  if (THANKS_RE.test(plain)) return { kind: 'thanks' };
  if (/\bwho am i\b|\bdo you know (?:who i am|me)\b|\bwhat is my name\b/.test(plain)) return ctx.asker ? { kind: 'whoami' } : { kind: 'needPerson', about: 'whoami' };

  const tokens = tokenize(lower);
  const hard: Span[] = [];
  const soft: Span[] = [];
  const overlaps = (list: Span[]) => (s: number, e: number) => list.some((x) => s < x.end && x.start < e);
  const claimedHard = overlaps(hard);
  const claimedAny = (s: number, e: number) => claimedHard(s, e) || overlaps(soft)(s, e);
  const self = mentionsSelf(lower);

  // 1. References: requests, then actions.
  const requestRefs = findRequestRefs(lower);
  if (requestRefs.length) return { kind: 'request', refs: requestRefs };
  const refs = findActionRefs(lower, idx.dir.actionPrefixes);
  if (refs.length) return { kind: 'action', refs: refs.slice(0, 5), aspects: detectAspects(lower) };
  const glued = findGluedUnknownRefs(cleaned, idx.dir.actionPrefixes);
  if (glued[0]) return { kind: 'unknown', what: 'action', name: glued[0] };

  // 2. Experts at Hand requests.
  if (REQUEST_RE.test(lower) && !/\bactions?\b/.test(lower)) {
    if (!ctx.asker) return { kind: 'needPerson', about: 'requests' };
    const assigned = /\bassigned to me\b|\bgiven to me\b|\bmy (?:caseload|queue|cases)\b|\bi (?:am|have been) (?:assigned|working on)\b/.test(lower)
      || (ctx.asker.roles.includes('expert') && !/\bi (?:made|asked|sent|raised|submitted)\b|\bmy requests?\b/.test(lower));
    return { kind: 'myRequests', assigned };
  }
  const howMany = /\bhow many (people|persons|owners|workstreams|work streams|clusters|settings|schools|sencos|experts|leads)\b/.exec(lower);
  if (howMany?.[1]) {
    const w = howMany[1];
    const what = w === 'persons' || w === 'owners' ? 'people' : w === 'work streams' ? 'workstreams' : w === 'schools' ? 'settings' : w;
    return { kind: 'howMany', what: what as Extract<Intent, { kind: 'howMany' }>['what'] };
  }

  // 3. Meetings, clusters and settings.
  if (MEETING_RE.test(lower)) return meetingIntent(lower, tokens, ctx, idx, self);
  if (/\bclusters\b/.test(lower) && !/\bsencos?\b|\bchairs?\b/.test(lower)) {
    const area = [...new Set(idx.dir.clusters.map((c) => c.area))].find((a) => lower.includes(a.toLowerCase()))
      ?? [...new Set(idx.dir.clusters.map((c) => c.area))].find((a) => tokens.some((t) => t.word.length > 3 && a.toLowerCase().split(/\W+/)[0] === t.word));
    return { kind: 'clusters', ...(area ? { area } : {}) };
  }
  if (SETTING_Q_RE.test(lower) || /\bcluster\b/.test(lower)) {
    const intent = placeIntent(lower, tokens, idx);
    if (intent) return intent;
  }

  // 4. Workstream questions: lead, summary, the list of workstreams.
  const hasWsKeyword = WS_KEYWORD_RE.test(lower);
  const leadQ = LEAD_RE.test(lower);
  const summaryQ = SUMMARY_RE.test(lower);
  if (/\b(?:what|which|list|show)(?: me)?(?: are| is)? (?:the |all )?(?:work ?streams|workstreams)\b/.test(lower) && !/\b(?:actions?|overdue|late|risk|track)\b/.test(lower)) {
    if (!/\b(?:lead|leads|led by|does|do)\b/.test(lower)) return { kind: 'workstreams' };
  }
  if (/\b(?:what|which|list|show)(?: me)?(?: are| is)? (?:the |all )?(?:(?:four|4) )?areas? (?:for|of) improvement\b/.test(lower) && !/\b(?:actions?|overdue|late|risk|track|in the)\b/.test(lower)) {
    return { kind: 'areas' };
  }
  const status = parseStatusWords(lower);
  for (const s of status.spans) hard.push(s);
  const wsMentions = findWorkstreams(idx, tokens, lower, claimedHard, hasWsKeyword || leadQ || summaryQ);
  const unknownWs = wsMentions.find((m) => m.unknown);
  if (unknownWs?.unknown) return { kind: 'unknown', what: 'workstream', name: unknownWs.unknown };

  const myWorkstream = /\bmy (?:work ?stream|ws|team|stream|area)s?\b|\b(?:work ?stream|ws)s? (?:that )?i (?:lead|run|manage|chair|head)\b/.test(lower);
  if (leadQ && !status.overdue && !status.statuses.length) {
    const which = /\bwhich (?:work ?streams?|ws|streams?)\b|\bwhat (?:work ?streams?|ws|streams?)\b/.test(lower);
    if (which || (!wsMentions.length && /\b(?:does|do|is)\b/.test(lower))) {
      if (self || myWorkstream) return ctx.asker ? { kind: 'ledBy', person: ctx.asker, self: true } : { kind: 'needPerson', about: 'workstream' };
      const people = findPeople(idx, tokens, lower, claimedHard, { loose: true });
      const p = people[0];
      if (p && p.items.length === 1 && p.items[0]) return { kind: 'ledBy', person: p.items[0], self: false };
      if (p && p.items.length > 1) return choosePerson(lower, p);
    }
    const ws = pickWorkstreams(wsMentions);
    if (ws.length === 1) return { kind: 'lead', workstreams: ws };
    if (ws.length > 1) return chooseWorkstream(lower, wsMentions, ws, idx);
    if (myWorkstream) return ctx.asker ? { kind: 'ledBy', person: ctx.asker, self: true } : { kind: 'needPerson', about: 'workstream' };
  }

  const period = parsePeriod(lower, ctx.today, { terms: ctx.terms });
  if (period) hard.push(period);
  for (const m of wsMentions) (m.how === 'code' || m.how === 'pillar' ? hard : soft).push(m);

  const source = findSource(idx, tokens, claimedHard);
  if (source) soft.push(...source.spans);

  if (summaryQ && !hasStatusWords(status) && !period) {
    const ws = pickWorkstreams(wsMentions);
    if (source && !ws.length) return { kind: 'sourceSummary', source: source.source };
    const people = findPeople(idx, tokens, lower, claimedAny);
    if (ws.length === 1 && ws[0] && !people.length) return { kind: 'summary', workstream: ws[0] };
    if (ws.length > 1) return chooseWorkstream(lower, wsMentions, ws, idx);
    if (myWorkstream) {
      if (!ctx.asker) return { kind: 'needPerson', about: 'workstream' };
      const led = idx.dir.workstreams.filter((w) => w.leadId === ctx.asker?.id);
      if (led.length === 1 && led[0]) return { kind: 'summary', workstream: led[0] };
      if (led.length > 1) return { kind: 'choose', prompt: 'You lead more than one workstream. Which one?', choices: led.map((w) => ({ title: `${w.code} ${w.name}`, question: `How is ${w.code} doing?` })) };
      return { kind: 'ledBy', person: ctx.asker, self: true };
    }
    if (/\b(?:the )?(?:whole |overall |big )?plan\b|\boverall\b|\beverything\b|\bwe\b|\bpartnership\b|\bbig plan\b/.test(lower) && !people.length && !/\bactions? (?:for|of|owned)\b/.test(lower)) {
      return { kind: 'planSummary' };
    }
  }

  // 5. Lists, counts and single actions found by their words.
  const areas = findAreas(lower, claimedHard);
  // An area phrase that is also a workstream's name: "workstream" in the question picks the workstream.
  const wsForList = wsMentions.filter((m) => !m.unknown && (m.how !== 'word' || hasWsKeyword));
  let area: Area | undefined;
  if (areas.length) {
    const a = areas[0];
    const clash = a ? wsForList.find((m) => m.start < a.end && a.start < m.end) : undefined;
    if (a && (!clash || /\barea\b|\bimprovement\b/.test(lower) || !hasWsKeyword)) {
      area = a.area;
      soft.push(a);
      if (clash) wsForList.splice(wsForList.indexOf(clash), 1);
    }
  }
  const wsList = pickWorkstreams(wsForList);
  if (wsList.length > 1) return chooseWorkstream(lower, wsForList, wsList, idx);
  if (!wsList.length && !area && hasWsKeyword && !myWorkstream && !/\b(?:each|every|by|per|across|all|which|what|any) (?:work ?streams?|ws|streams?)\b/.test(lower)) {
    // "the transport workstream": a workstream nobody has.
    const named = /\b(?:the |in |for |of )([a-z][a-z' -]{1,40}?) (?:work ?stream|stream)\b/.exec(lower);
    const name = named?.[1]?.replace(/^(?:the|a|an|our|this|that|which|what|each|every|any|all|same)\b ?/, '').trim();
    if (name && !name.split(' ').every((w) => isStopWord(w))) return { kind: 'unknown', what: 'workstream', name: `"${name}"` };
  }

  let people = findPeople(idx, tokens, lower, claimedAny);
  const keyed = people.find((m) => m.byKey);
  // "Callum Lockwood (clockwood2)": the key settles which of several namesakes is meant.
  if (keyed?.items[0]) people = [keyed, ...people.filter((m) => m !== keyed && !m.items.includes(keyed.items[0] as Person))];
  for (const p of people) hard.push(p);
  if (keyed) for (const m of findPeople(idx, tokens, lower, () => false)) hard.push(m);
  const unknownName = unknownPersonName(cleaned, lower, idx, people);
  if (unknownName?.instead) {
    // "Owen Smith" when the plan only has Owen Price: never answer about the wrong Owen.
    return { kind: 'unknown', what: 'person', name: unknownName.name, words: [unknownName.instead.toLowerCase()] };
  }
  const ambiguousPerson = people.find((p) => p.items.length > 1);
  if (ambiguousPerson) return choosePerson(lower, ambiguousPerson);
  let owner: Person | undefined = people[0]?.items[0];
  let ownerIsAsker = false;

  if (!owner && self && !/\bwho\b/.test(lower)) {
    if (!ctx.asker) return { kind: 'needPerson', about: 'actions' };
    owner = ctx.asker;
    ownerIsAsker = true;
  }

  const count = COUNT_RE.test(lower);
  const rankBy = /\b(?:which|what) (?:work ?stream|ws|stream)s? (?:has|have|is|are)\b.*\b(?:most|fewest|least|biggest)\b|\bmost\b.*\bby (?:work ?stream|ws)\b|\b(?:by|per|for each|in each|across|each|every) (?:work ?stream|ws)\b/.test(lower) ? 'workstream' as const
    : /\bwho (?:has|have|owns|is)\b.*\b(?:most|lots|fewest)\b|\bwhich (?:people|person|owners?)\b.*\bmost\b|\bmost\b.*\bby (?:person|owner)\b|\b(?:by|per|for each) (?:person|owner)\b/.test(lower) ? 'owner' as const : undefined;
  const prefix = findPrefixGroup(lower, tokens, idx, claimedAny);
  if (prefix) hard.push(prefix);

  const wordsOf = (claimed: (s: number, e: number) => boolean) => tokens
    .filter((t) => !claimed(t.start, t.end) && !isStopWord(t.word) && t.word.length >= 3 && !/^\d+$/.test(t.word))
    .map((t) => t.word);
  const listWords = unique(wordsOf(claimedAny).filter((w) => !ASPECT_NOISE.has(w)));
  const detailWords = unique(wordsOf(claimedHard).filter((w) => !ASPECT_NOISE.has(w)));

  const listFilters = hasStatusWords(status) || Boolean(period) || Boolean(owner) || wsList.length > 0 || Boolean(area) || Boolean(prefix) || Boolean(source);
  const listMarker = LIST_MARKERS.test(lower) || count || Boolean(rankBy);
  const filter: ListFilter = {
    status, ...(period ? { period } : {}), ...(owner ? { owner } : {}), ...(ownerIsAsker ? { ownerIsAsker } : {}),
    ...(wsList.length ? { workstreams: wsList } : {}), ...(area ? { area } : {}), ...(prefix ? { refPrefix: prefix.prefix } : {}),
    ...(source ? { source: source.source } : {}),
  };
  const list: Intent = { kind: 'list', filter, count, paging, question, ...(rankBy ? { rankBy } : {}) };

  const otherFilters = hasStatusWords(status) || Boolean(period) || wsList.length > 0 || Boolean(area) || Boolean(prefix) || Boolean(source);
  if (owner && !ownerIsAsker && !otherFilters && /^(?:who is|who are|tell me about|what about|info on|details for)\b/.test(lower.trim()) && !detailWords.length) {
    return { kind: 'person', person: owner };
  }
  if (unknownName && !owner) {
    return { kind: 'unknown', what: 'person', name: unknownName.name, words: detailWords };
  }
  // Singular questions with words of a title: "who is doing the newsletter?", "is the Woodley rebuild on track?".
  if (detailWords.length && !listMarker && (DETAIL_OPENERS.test(lower) || !listFilters)) {
    const aspects = detectAspects(lower);
    const fallback: Intent | undefined = listFilters ? list : undefined;
    // Words the list understood (an area, a workstream word) only count if a title has others too.
    const strongWords = listFilters ? listWords : detailWords;
    if (!listFilters || strongWords.length) {
      return { kind: 'actionSearch', words: stemAll(detailWords), aspects, ...(fallback ? { fallback } : {}), ...(owner && !ownerIsAsker ? { ownerId: owner.id } : {}) };
    }
  }
  if (listFilters || listMarker) {
    if (listWords.length) filter.titleWords = stemAll(listWords);
    return list;
  }
  if (people[0]) return { kind: 'person', person: people[0].items[0] as Person };
  return { kind: 'notUnderstood', words: detailWords };
}

/** Words that say what is asked about an action, never what it is about. */
const ASPECT_NOISE = new Set([
  'whos', 'owner', 'owns', 'responsible', 'charge', 'assigned', 'doing', 'handling', 'deadline', 'happening', 'going',
  'progress', 'status', 'latest', 'update', 'news', 'heard', 'late', 'overdue', 'behind', 'delayed', 'describe',
  'title', 'called', 'mean', 'involve', 'details', 'detail', 'tell', 'info', 'information', 'expected', 'supposed',
  'meant', 'finish', 'finished', 'ready', 'happen', 'planned', 'scheduled', 'target', 'rag', 'rating', 'colour',
  'color', 'show', 'list', 'give', 'quick', 'question', 'questions', 'answer', 'know', 'wondering', 'wonder', 'find',
  'thanks', 'cheers', 'hiya', 'hello', 'please', 'bot', 'partnership', 'plan', 'big', 'kirklees', 'send',
]);

function stemAll(words: string[]): string[] {
  return unique(words.map(stem)).slice(0, 5);
}

function unique<T>(list: T[]): T[] {
  return [...new Set(list)];
}

function pickWorkstreams(mentions: WorkstreamMention[]): Workstream[] {
  const known = mentions.filter((m) => !m.unknown && m.items.length);
  // A code or pillar beats words; a phrase beats a single word.
  for (const how of ['code', 'pillar', 'phrase', 'word'] as const) {
    const list = known.filter((m) => m.how === how);
    if (!list.length) continue;
    const all = unique(list.flatMap((m) => m.items));
    // Several mentions that agree on one workstream, or one mention naming several.
    if (how === 'phrase' && all.length > 1) {
      const counts = new Map<Workstream, number>();
      for (const m of list) for (const w of m.items) counts.set(w, (counts.get(w) ?? 0) + 1);
      const best = Math.max(...counts.values());
      const top = [...counts].filter(([, n]) => n === best).map(([w]) => w);
      return top;
    }
    return all;
  }
  return [];
}

function chooseWorkstream(lower: string, mentions: WorkstreamMention[], options: Workstream[], _idx: DirectoryIndex): Intent {
  const m = mentions.find((x) => options.some((o) => x.items.includes(o))) ?? mentions[0];
  const said = m?.text ?? '';
  return {
    kind: 'choose',
    prompt: `"${said}" could mean more than one workstream. Which one do you mean?`,
    choices: options.slice(0, 6).map((w) => ({
      title: `${w.code} ${w.name}`,
      question: m ? replaceSpan(lower, m, `${w.code}${/\bwork ?stream\b/.test(m.text) ? ' workstream' : ''}`).replace(/\b(WS\d+) workstream workstream\b/, '$1 workstream') : `How is ${w.code} doing?`,
    })),
  };
}

function choosePerson(lower: string, m: Mention<Person>): Intent {
  const possessive = /'s?$/.test(m.text);
  const shown = m.items.slice(0, 6);
  const sameName = new Set(shown.map((p) => p.name)).size < shown.length;
  return {
    kind: 'choose',
    prompt: `I know ${m.items.length} people called ${titleCase(m.text.replace(/'s?$/, ''))}. Which one do you mean?`,
    choices: shown.map((p) => {
      // Namesakes are told apart by their key, which the question then carries.
      const name = sameName ? `${p.name} (${p.key})` : p.name;
      return { title: p.jobTitle ? `${name}, ${p.jobTitle}` : name, question: replaceSpan(lower, m, possessive ? `${name}'s` : name) };
    }),
  };
}

export function titleCase(s: string): string {
  return s.replace(/(^|[\s-])([a-z])/g, (_m, gap: string, c: string) => `${gap}${c.toUpperCase()}`);
}

/**
 * A name the question seems to ask about that is not anyone in the directory: "Owen Smith",
 * "what is Bob working on", "Zara's actions". Returns it as written, or null.
 */
function unknownPersonName(cleaned: string, lower: string, idx: DirectoryIndex, found: Mention<Person>[]): { name: string; instead?: string } | null {
  // A known first name followed by a capitalised word that is not their surname.
  for (const p of found) {
    if (p.to - p.from !== 1) continue;
    const word = p.text.replace(/'s?$/, '');
    const re = new RegExp(`\\b${word}\\s+([A-Z][a-z'-]{1,30})\\b`, 'i');
    const m = re.exec(cleaned);
    const next = m?.[1];
    if (!next || !/^[A-Z]/.test(next)) continue;
    const n = next.toLowerCase().replace(/'s$/, '').replace(/'/g, '');
    if (isStopWord(n) || idx.placeWords.has(n) || p.items.some((x) => x.name.toLowerCase().includes(n))) continue;
    if (idx.nameWords.has(n)) continue;
    return { name: `${titleCase(word)} ${next.replace(/'s$/, '')}`, instead: next.replace(/'s$/, '') };
  }
  if (found.length) return null;
  const patterns = [
    /\bwhat (?:is|are|has|have) ([a-z]+(?: [a-z]+)?) (?:working on|doing|got|been doing|up to|responsible for|leading)\b/,
    /\b(?:owned by|assigned to|belonging to|given to|led by) ([a-z]+(?: [a-z]+)?)\b/,
    /\bwhat does ([a-z]+(?: [a-z]+)?) (?:own|have|do|lead)\b/,
    /^([a-z]+(?: [a-z]+)?)'s\b/,
    /\b(?:is|are|has|does) ([a-z]+(?: [a-z]+)?) (?:got|have|own|doing)\b/,
  ];
  for (const re of patterns) {
    const m = re.exec(lower);
    const name = m?.[1];
    if (!name) continue;
    const words = name.split(' ');
    if (words.some((w) => isStopWord(w) || idx.placeWords.has(w) || w.length < 2)) continue;
    if (/^(?:the|this|that|it|he|she|they|someone|anyone|everyone|nobody|people)$/.test(name)) continue;
    return { name: titleCase(name) };
  }
  return null;
}

const SOURCE_GENERIC = new Set(['plan', 'plans', 'send', 'the', 'and', 'of', 'for', 'local', 'area', 'new']);

/**
 * A source document named by its distinctive words: "the SEND reform plan", "reform actions".
 * The plan's own name ("Big Plan 3") is not a filter: people use it to mean everything.
 */
function findSource(idx: DirectoryIndex, tokens: Token[], claimed: (s: number, e: number) => boolean): { source: string; spans: Span[] } | null {
  for (const source of idx.dir.sources) {
    if (/\bbig plan\b/i.test(source)) continue;
    const words = source.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w && !SOURCE_GENERIC.has(w) && !/^\d+$/.test(w));
    if (!words.length) continue;
    const hits = words.map((w) => tokens.find((t) => t.word === w && !claimed(t.start, t.end)));
    if (hits.every((h) => h !== undefined)) return { source, spans: hits.map((h) => ({ start: h?.start ?? 0, end: h?.end ?? 0 })) };
  }
  return null;
}

/** "the RFM actions", "all COM actions": a reference prefix used as a group. */
function findPrefixGroup(lower: string, tokens: Token[], idx: DirectoryIndex, claimed: (s: number, e: number) => boolean): (Span & { prefix: string }) | null {
  const known = new Set(idx.dir.actionPrefixes.map((p) => p.toLowerCase()));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const next = tokens[i + 1]?.word ?? '';
    if (!t || !known.has(t.word) || claimed(t.start, t.end)) continue;
    if (/^(?:actions?|tasks?|items?|ones|refs?|references?|series)$/.test(next)) {
      return { start: t.start, end: t.end, prefix: t.word.toUpperCase() };
    }
  }
  return null;
}

function meetingIntent(lower: string, tokens: Token[], ctx: UnderstandContext, idx: DirectoryIndex, self: boolean): Intent {
  const period = parsePeriod(lower, ctx.today, { terms: ctx.terms }) ?? undefined;
  const claimed = (s: number, e: number) => Boolean(period && s < period.end && period.start < e);
  const clusters = findClusters(idx, tokens, lower, claimed);
  const next = /\bnext\b|\bupcoming\b|\bcoming up\b|\bwhen\b|\bsoon\b/.test(lower) || !period;
  const ambiguous = clusters.find((c) => c.items.length > 1);
  if (ambiguous) {
    return {
      kind: 'choose',
      prompt: `More than one cluster matches "${titleCase(ambiguous.text)}". Which one do you mean?`,
      choices: ambiguous.items.slice(0, 6).map((c) => ({ title: `${c.name} (${c.code})`, question: replaceSpan(lower, ambiguous, c.name) })),
    };
  }
  if (clusters.length) return { kind: 'meetings', clusters: unique(clusters.flatMap((c) => c.items)), mine: false, ...(period ? { period } : {}), next };
  const named = /\b(?:the )?([a-z]+(?: [a-z]+)?) cluster\b/.exec(lower);
  const name = named?.[1]?.replace(/^(?:next|the|a|our|my|this|that|which|what|when|is|does)\b ?/, '').trim();
  if (name && !isStopWord(name) && !/^(?:next|my|our|the|senco|sencos|each|every|any|all)$/.test(name)) {
    return { kind: 'unknown', what: 'cluster', name: titleCase(name) };
  }
  // Settings point to their cluster: "when does Oakfield's cluster meet?"
  const settings = findSettings(idx, tokens, lower, claimed);
  const s = settings[0]?.items;
  if (s && s.length === 1 && s[0]) {
    const c = idx.clusterById.get(s[0].clusterId);
    if (c) return { kind: 'meetings', clusters: [c], mine: false, ...(period ? { period } : {}), next };
  }
  if (/\bmy\b|\bi\b|\bour\b/.test(lower) && self) {
    if (!ctx.asker) return { kind: 'needPerson', about: 'meetings' };
    return { kind: 'meetings', mine: true, ...(period ? { period } : {}), next };
  }
  return { kind: 'meetings', mine: false, ...(period ? { period } : {}), next: !period };
}

function placeIntent(lower: string, tokens: Token[], idx: DirectoryIndex): Intent | null {
  const none = () => false;
  const settings = findSettings(idx, tokens, lower, none);
  const s = settings[0];
  if (s && s.items.length > 1) {
    return {
      kind: 'choose',
      prompt: `More than one setting matches "${titleCase(s.text)}". Which one do you mean?`,
      choices: s.items.slice(0, 6).map((x) => ({ title: x.name, question: replaceSpan(lower, s, x.name) })),
    };
  }
  if (s?.items[0]) return { kind: 'setting', setting: s.items[0] };
  const clusters = findClusters(idx, tokens, lower, none);
  const c = clusters[0];
  if (c && c.items.length > 1) {
    return {
      kind: 'choose',
      prompt: `More than one cluster matches "${titleCase(c.text)}". Which one do you mean?`,
      choices: c.items.slice(0, 6).map((x) => ({ title: `${x.name} (${x.code})`, question: replaceSpan(lower, c, x.name) })),
    };
  }
  if (c?.items[0]) {
    const want = /\bchair/.test(lower) ? 'chair' : /\bsencos?\b/.test(lower) ? 'sencos' : /\bschools?\b|\bsettings?\b|\bwho is in\b|\bmembers?\b|\bwhich\b/.test(lower) ? 'settings' : 'info';
    return { kind: 'cluster', cluster: c.items[0], want };
  }
  // "which cluster is St Anne's in?", "who is the SENCO at Parkside?": a place we do not know.
  const m = /\b(?:senco|sencos) (?:at|for|of|in) (?:the )?([a-z][a-z' -]{1,60}?)(?:\?|$| school| academy| primary| nursery| college)/.exec(lower)
    ?? /\bcluster (?:is|does) (?:the )?([a-z][a-z' -]{1,60}?) (?:in|belong|sit|part)/.exec(lower)
    ?? /\b(?:is|does) (?:the )?([a-z][a-z' -]{1,60}?) (?:in|belong to|part of)(?: which| what| a)? cluster/.exec(lower);
  const name = m?.[1]?.trim();
  if (name && !isStopWord(name)) return { kind: 'unknown', what: 'setting', name: titleCase(name) };
  return null;
}
