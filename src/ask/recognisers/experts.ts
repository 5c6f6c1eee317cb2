// Experts at Hand: "my requests", "what's assigned to me"; who the experts of a specialism are
// ("who's the OT?", "email for the speech therapist"); how to ask one for help ("need an SLT for
// our reception class"); and the queue of requests nobody has picked up yet.
import { findSpecialism } from '../../domain/experts/index.js';
import type { Specialism } from '../../domain/plan/types.js';
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';
import { isStopWord, stem } from '../words.js';

const EXPERT_WORDS = new Set(['expert', 'experts', 'specialist', 'specialists', 'therapist', 'therapists', 'hand', 'eah', 'email', 'contact', 'details', 'phone', 'there', 'speech', 'language', 'psych',
  // "can you tell me who the EP is", "do you know who the OT is": asking politely.
  'tell', 'know', 'remind', 'please', 'pls',
  // "which EPs are available through Experts at Hand", "the experts for each specialism".
  'available', 'through', 'via', 'each', 'every', 'specialism', 'specialisms', 'pool',
  // "which experts can I ask for advice?", "who are the experts I can go to for support": whom to ask, not what about.
  'ask', 'advice', 'help', 'support', 'go', 'talk', 'speak']);

const REQUEST_RE = /\brequests?\b|\breferrals?\b|\bexperts? at hand\b.{0,300}\b(?:ask|asked|help|support|advice)\b|\bmy (?:eah|experts? at hand)\b/;
// "Who raised request 2", "which school asked for the OT request": where a request came from.
export const ORIGIN_RE = /\bwho (?:made|raised|sent|asked for|submitted|requested|opened)\b|\b(?:which|what) (?:setting|school|cluster|nursery|college|academy)\b|\bwhere (?:did|does|is|s|was) .{0,60}?\b(?:(?:come|coming|came) )?from\b|\b(?:raised|made|sent|asked for) by\b/;
const EAH_RE = /\bexperts? at hand\b|\beah\b/;
// The asker's own requests ("my OT request", "the request I made"), never their queue or caseload;
// "how do I make my request" asks how, not where it is at.
const MY_REQUEST_RE = /\bmy (?:(?!queue\b|pool\b|caseload\b|cases\b)[a-z&.'-]+ ){0,4}(?:requests?|referrals?)\b|\b(?:requests?|referrals?) (?:that )?i (?:made|sent|raised|submitted|put in)\b/;
const HOW_TO_RE = /\bhow (?:do|can|would|should) (?:i|we)\b/;

function asksAboutOwnRequest(q: Question): boolean {
  return MY_REQUEST_RE.test(q.lower) && !HOW_TO_RE.test(q.lower);
}

/** "How many Experts at Hand requests are there?", "number of referrals so far": every request, counted by status. */
export function requestCount(q: Question): Intent | undefined {
  if (!q.cues.count || !/\brequests?\b|\breferrals?\b/.test(q.lower) || /\bactions?\b/.test(q.lower)) return undefined;
  if (q.self || WAITING_RE.test(q.lower) || findSpecialism(q.lower)) return undefined;
  return { kind: 'requestCount' };
}

/** "My requests", "has my OT request been picked up yet?": the asker's own, of one specialism when one is named. */
export function myRequests(q: Question): Intent | undefined {
  if (!REQUEST_RE.test(q.lower) || /\bactions?\b/.test(q.lower)) return undefined;
  if (!q.asker) return { kind: 'needPerson', about: 'requests' };
  const assigned = /\bassigned to me\b|\bgiven to me\b|\bmy (?:caseload|cases)\b|\bi (?:am|have been) (?:assigned|working on)\b/.test(q.lower)
    || (q.asker.roles.includes('expert') && !/\bi (?:made|asked|sent|raised|submitted)\b/.test(q.lower) && !asksAboutOwnRequest(q));
  const specialism = specialismOf(q);
  return { kind: 'myRequests', assigned, ...(specialism ? { specialism } : {}) };
}

/** The specialism the question names, when its words are not part of an action reference. */
function specialismOf(q: Question): Specialism | undefined {
  return findSpecialism(q.lower)?.specialism;
}

const WAITING_RE = /\bwaiting\b|\bunclaimed\b|\bunassigned\b|\bnot (?:yet )?(?:been )?(?:picked up|claimed|assigned|taken)\b|\b(?:nobody|no ?one|no-one)(?: has|'s| s|s)? (?:yet )?(?:picked up|claimed|taken|got)\b|\bto pick up\b|\b(?:can|could) (?:i |we )?(?:pick up|take|claim)\b|\bup for grabs\b|\bnew\b|\bqueue\b|\bin the pool\b/;

/** "Which requests are waiting to be picked up?", "anything in my queue", "any new OT requests?". */
export function waitingRequests(q: Question): Intent | undefined {
  // "any unclaimed?" said alone: the requests are understood.
  const queue = /\bmy queue\b|\bthe queue\b|\bin (?:the |my )?pool\b/.test(q.lower)
    || /^(?:any(?:thing)?|what(?: is| s)?|show(?: me)?|list)? ?(?:the )?(?:unclaimed|unassigned)(?: ones)?(?: yet)?\W*$/.test(q.compact);
  if (!queue && !(REQUEST_RE.test(q.lower) && WAITING_RE.test(q.lower))) return undefined;
  if (asksAboutOwnRequest(q) || /\bmy requests?\b|\bi (?:made|asked|sent|raised|submitted)\b|\bactions?\b/.test(q.lower)) return undefined;
  if (queue && !q.asker) return { kind: 'needPerson', about: 'requests' };
  const named = specialismOf(q);
  const mine = q.asker?.roles.includes('expert') ? q.asker.specialism ?? undefined : undefined;
  return { kind: 'waitingRequests', specialism: named ?? mine, queue };
}

const WHO_RE = /^(?:and |so |ok |okay )?(?:who|which|list|show|name|email|contact|phone|number|details|how do i (?:contact|reach|get hold of))\b|\b(?:tell me|know|remind me) (?:who|which)\b|\b(?:who|which) (?:is|are|s)\b|\bemail\b|\bcontact\b|\bget hold of\b/;
const HELP_RE = /\b(?:need|needs|want|like|get|ask for|ask|help|advice|support|request|come|visit|book|refer|referral|see)\b/;

// What Experts at Hand is and offers: "what is experts at hand", "what specialisms does it cover",
// "what kinds of help can I get from EAH".
const OVERVIEW_RE = /\bspecialisms\b|\b(?:which|what) specialism\b|\b(?:kinds?|types?|sorts?) of (?:help|support|advice|requests?)\b|\bwhat (?:help|support|advice) (?:can|could|do|does|is)\b|\bwhat (?:is|s|'s) (?:the )?(?:experts? at hand|eah)\b|\bwhat (?:does|do|can) (?:the )?(?:experts? at hand|eah) (?:do|offer|cover|provide|help with)\b|\bhow does (?:the )?(?:experts? at hand|eah) work\b|\b(?:tell me|explain) (?:about |what )?(?:the )?(?:experts? at hand|eah)\b/;
// Words an overview question may hold; any other word of substance ("what is experts at hand doing
// about early years") makes it a question about the plan's actions.
const OVERVIEW_WORDS = new Set(['expert', 'experts', 'hand', 'eah', 'specialism', 'specialisms', 'specialist', 'specialists', 'cover', 'covers', 'offer', 'offers',
  'provide', 'provides', 'kind', 'kinds', 'type', 'types', 'sort', 'sorts', 'help', 'support', 'advice', 'get', 'ask', 'request', 'requests', 'work', 'works',
  'tell', 'explain', 'available', 'there', 'team', 'service', 'programme', 'scheme', 'anyway', 'exactly', 'from', 'with', 'include', 'includes']);

/** "What is Experts at Hand?", "what specialisms does it cover?": the specialisms, the kinds of help, how to ask. */
export function expertsOverview(q: Question): Intent | undefined {
  if (q.refs.actions.length || q.refs.requests.length || /\b(?:actions?|tasks?|workstreams?)\b/.test(q.lower) || asksAboutOwnRequest(q)) return undefined;
  if (!OVERVIEW_RE.test(q.lower)) return undefined;
  // Experts at Hand said, or the experts' specialisms ("what specialisms do the experts have?").
  const eah = /\bexperts? at hand\b|\beah\b/.test(q.lower) || (/\bspecialisms\b/.test(q.lower) && !q.mentions.people.length);
  if (!eah || findSpecialism(q.lower)) return undefined;
  const other = q.tokens.filter((t) => !isStopWord(t.word) && !OVERVIEW_WORDS.has(t.word));
  return other.length ? undefined : { kind: 'expertsOverview' };
}

/** "Who's the OT?", "list the experts", "email for the speech therapist": the experts themselves. */
export function experts(q: Question): Intent | undefined {
  if (q.refs.actions.length || q.refs.requests.length || /\brequests?\b|\bactions?\b/.test(q.lower)) return undefined;
  const found = findSpecialism(q.lower);
  const specialism = found?.specialism;
  const expertWord = /\bexperts?\b|\bspecialists?\b|\btherapists?\b/.test(q.lower);
  if ((!specialism && !expertWord) || q.cues.lead) return undefined;
  // Other words of substance ("who is recruiting the ed psych capacity") make it a title question.
  const other = q.tokens.filter((t) => (!found || t.end <= found.start || t.start >= found.end) && !isStopWord(t.word) && !EXPERT_WORDS.has(t.word));
  if (other.length) return undefined;
  if (!WHO_RE.test(q.lower) && !/^(?:and )?(?:the )?[a-z. ]{1,40}\??$/.test(q.compact)) return undefined;
  if (!WHO_RE.test(q.lower) && HELP_RE.test(q.lower)) return undefined;
  if (specialism) return { kind: 'experts', specialism };
  return /\bexperts? at hand\b|\b(?:the|our|all|which|list) (?:the )?(?:experts|specialists)\b|\bexperts (?:are there|do we have)\b/.test(q.lower) ? { kind: 'experts' } : undefined;
}

/** "Need an SLT for our reception class", "how do I ask for an OT": the way to ask for help. */
export function requestHelp(q: Question): Intent | undefined {
  if (q.refs.actions.length || q.refs.requests.length || /\bactions?\b/.test(q.lower)) return undefined;
  // "Has my OT request been picked up?" asks where the asker's own request is at.
  if (asksAboutOwnRequest(q)) return undefined;
  const specialism = specialismOf(q);
  // "how do I request an expert", "can we get a specialist in": Experts at Hand, by another name.
  const eah = EAH_RE.test(q.lower) || (/\b(?:an?|some|the) (?:experts?|specialists?)\b/.test(q.lower) && /\bhow (?:do|can|would) (?:i|we)\b|\b(?:request|get|need|want|book) (?:an?|some) (?:expert|specialist)/.test(q.lower));
  if (!specialism && !eah) return undefined;
  if (!HELP_RE.test(q.lower) || /^(?:who|which)\b/.test(q.compact) || ORIGIN_RE.test(q.lower)) return undefined;
  if (eah && !specialism && !/\b(?:request|ask for|get|need|want|like|book) (?:some |an? )?(?:support|help|advice|expert|specialist)\b|\bhow (?:do|can) (?:i|we)\b|\b(?:make|raise|open|start) an? (?:new )?request\b/.test(q.lower)) return undefined;
  return { kind: 'requestHelp', ...(specialism ? { specialism } : {}) };
}

// What an expert has on: the requests they picked up ("what's assigned to me", "what am I working on").
const EXPERT_WORK_RE = /\bassigned to me\b|\b(?:have|got) i (?:got )?(?:assigned|picked up|taken on|taken|claimed)\b|\bi (?:have |'ve |ve )?(?:got )?(?:picked up|taken on|claimed)\b|\b(?:am i|i am|i'm|im) (?:working on|doing|handling|dealing with)\b|\bon my (?:plate|desk|list)\b|\bmy (?:caseload|cases|workload)\b/;

/** An expert's own work is their Experts at Hand requests, not plan actions (which they rarely own). */
export function expertWork(q: Question): Intent | undefined {
  if (!q.asker?.roles.includes('expert') || q.refs.actions.length || /\b(?:actions?|tasks?)\b/.test(q.lower)) return undefined;
  const { overdue, attention, statuses } = q.status;
  if (!EXPERT_WORK_RE.test(q.lower) || q.workstreams.length || overdue || attention || statuses.length || q.period) return undefined;
  return { kind: 'myRequests', assigned: true };
}

const OPEN_REQUESTS_RE = /\b(?:open|outstanding|current|live|active|ongoing)\b/;
const ALL_REQUESTS_RE = /\b(?:all|every|each|list|show|which|what|any)\b|\bhave (?:we|there been) (?:had|got)\b|\bso far\b/;

/** "List all Experts at Hand requests", "which setting raised the OT request": the requests as a whole. */
export function requestList(q: Question): Intent | undefined {
  if (!/\brequests?\b|\breferrals?\b/.test(q.lower) || /\bactions?\b/.test(q.lower) || q.cues.count) return undefined;
  if (q.self || WAITING_RE.test(q.lower) || /\b(?:we|our) (?:made|raised|sent|asked)\b/.test(q.lower)) return undefined;
  const origin = ORIGIN_RE.test(q.lower);
  const specialism = specialismOf(q);
  // "OT requests?": a specialism's requests, said as a heading.
  const heading = specialism !== undefined && /^[a-z .&]{1,40} (?:requests|referrals)\W*$/.test(q.compact);
  // "open eah requests" from someone who runs the programme: every request still open.
  const open = OPEN_REQUESTS_RE.test(q.lower) && Boolean(q.asker?.roles.some((r) => r === 'admin' || r === 'lead'));
  // "list all …" is read as a paging marker and blanked: it still asks for every request.
  if (!origin && !heading && !open && !q.paging.all && !ALL_REQUESTS_RE.test(q.lower)) return undefined;
  return { kind: 'requestList', ...(specialism ? { specialism } : {}), origin, ...(OPEN_REQUESTS_RE.test(q.lower) ? { open: true } : {}) };
}

// "The sensory walk-through request", "the request about the quiet base": one request by its words.
// "who asked for the sensory walk through": who raised the request for it.
const NAMED_REQUEST_RE = /\bthe ([a-z][a-z' -]{2,60}?) (?:request|referral)\b|\b(?:request|referral) (?:about|on|re|for) (?:the |a |an |our )?([a-z][a-z' -]{2,60}?)(?:[,.?!]|$| (?:where|what|how|is|has|who)\b)|^(?:and )?(?:who|which (?:school|setting)) (?:asked|requested|raised a request|put in a request) (?:for|about) (?:the |a |an |some )?([a-z][a-z' -]{2,60}?)\W*$/;
const NOT_SUMMARY_WORDS = new Set(['experts', 'expert', 'hand', 'eah', 'new', 'open', 'latest', 'last', 'first', 'oldest', 'newest', 'help', 'advice', 'support', 'one', 'this', 'that']);

export function requestByWords(q: Question): Intent | undefined {
  const m = NAMED_REQUEST_RE.exec(q.lower);
  const phrase = m?.[1] ?? m?.[2] ?? m?.[3];
  if (!phrase || /\bmy\b/.test(phrase) || findSpecialism(phrase)) return undefined;
  const words = phrase.split(/[\s-]+/).filter((w) => w.length >= 3 && !isStopWord(w) && !NOT_SUMMARY_WORDS.has(w)).map(stem);
  return words.length ? { kind: 'requestByWords', words } : undefined;
}
