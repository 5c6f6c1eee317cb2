// Cluster meetings, clusters and settings (schools, nurseries, colleges).
import { findClusters, findPeople, findSettings, type Claimed } from '../directory-search.js';
import type { Intent } from '../intent.js';
import { unique } from '../mentions.js';
import { titleCase } from '../normalise.js';
import type { Question } from '../question.js';
import { isStopWord } from '../words.js';
import { chooseAmong } from './choices.js';

const MEETING_RE = /\bmeet(?:s|ing|ings|up)?\b|\bagendas?\b|\bnetwork meetings?\b|\bnext session\b|\bsenco (?:forum|network)\b/;
const SETTING_Q_RE = /\b(?:which|what) area\b|\barea (?:is|does)\b|\bcode\b|\bchairs?\b|\bchaired\b|\bsencos?\b|\bwhich cluster\b|\bwhat cluster\b|\bcluster (?:is|does|for)\b|\bin which cluster\b|\bpart of\b|\bbelongs? to\b|\bschools?\b|\bnursery\b|\bcollege\b|\bacademy\b|\bsettings?\b/;

const none: Claimed = () => false;
const NOT_A_CLUSTER_NAME = /^(?:next|the|a|an|our|my|this|that|which|what|when|is|are|does|do|did|will|was|were|there|any|upcoming|senco|sencos|each|every|all|local)$/;

// "when did … last meet", "what was on the agenda", "the previous meeting": the latest one held.
const LAST_MEETING_RE = /\b(?:last|previous|latest|most recent|recent)\b|\bdid\b.{0,80}\bmeet\b|\b(?:was|were) (?:on the agenda|discussed|covered)\b|\bwhat (?:was|were)\b/;
// "How long is the Batley meeting?", "its length", "when does it finish": how long a meeting lasts,
// never how long until it ("how long is it until …", "how long till …").
const LENGTH_RE = /\bhow long (?:is|does|will|are|do|did|was|s|'s)\b(?! (?:it |there |left )?(?:until|till|til|to go|before|left)\b)|\b(?:length|duration)\b|\bhow many (?:hours|minutes)\b|\b(?:what time|when) (?:does|will|do) .{0,60}\b(?:end|finish)\b/;
const MY_CLUSTER_RE = /\b(?:my|our) (?:own |local |next |school'?s? )?cluster\b|\bcluster (?:am i|are we|do i|do we)\b/;

/** "When is the next Batley cluster meeting?", "meetings this month", "my next cluster meeting". */
export function meetings(q: Question): Intent | undefined {
  if (!MEETING_RE.test(q.lower)) return undefined;
  const { lower, period } = q;
  const length = LENGTH_RE.test(lower);
  // "How long does the Batley meeting last?": that "last" is the verb, not "the last meeting".
  const said = length ? lower.replace(/\blasts?(?=\W*$)/, ' ') : lower;
  const last = !period && !/\bnext\b|\bupcoming\b|\bcoming up\b|\bsoon\b/.test(said) && LAST_MEETING_RE.test(said);
  const when = {
    ...(period ? { period } : {}), next: !last && (/\bnext\b|\bupcoming\b|\bcoming up\b|\bwhen\b|\bsoon\b/.test(lower) || !period),
    ...(last ? { last } : {}), ...(length ? { length } : {}),
  };
  const claimed: Claimed = (s, e) => Boolean(period && s < period.end && period.start < e);
  const clusters = findClusters(q.idx, q.tokens, lower, claimed);
  const ambiguous = clusters.find((c) => c.items.length > 1);
  if (ambiguous) return chooseAmong(q, 'cluster', ambiguous, (c) => `${c.name} (${c.code})`, (c) => c.name);
  if (clusters.length) return { kind: 'meetings', clusters: unique(clusters.flatMap((c) => c.items)), mine: false, ...when };
  if (MY_CLUSTER_RE.test(lower)) {
    if (!q.asker) return { kind: 'needPerson', about: 'meetings' };
    return { kind: 'meetings', mine: true, ...when };
  }
  const named = /\b(?:the )?([a-z]{1,40}(?: [a-z]{1,40})?) cluster\b/.exec(lower);
  // "is there a cluster meeting": the words before "cluster" name one only if some are not small words.
  const name = named?.[1]?.split(' ').filter((w) => !isStopWord(w) && !NOT_A_CLUSTER_NAME.test(w)).join(' ');
  if (name) {
    return { kind: 'unknown', what: 'cluster', name: titleCase(name) };
  }
  // Settings point to their cluster: "when does Oakfield's cluster meet?"
  const s = findSettings(q.idx, q.tokens, lower, claimed)[0]?.items;
  const c = s?.length === 1 && s[0] ? q.idx.clusterById.get(s[0].clusterId) : undefined;
  if (c) return { kind: 'meetings', clusters: [c], mine: false, ...when };
  if (/\bmy\b|\bi\b|\bour\b/.test(lower) && q.self) {
    if (!q.asker) return { kind: 'needPerson', about: 'meetings' };
    return { kind: 'meetings', mine: true, ...when };
  }
  return { kind: 'meetings', mine: false, ...(period ? { period } : {}), next: !period && !last, ...(last ? { last } : {}), ...(length ? { length } : {}) };
}

/**
 * "How long does the Batley cluster meeting last?": a meeting's length, asked before the outcome
 * measures can read "cluster meeting" as the measure about attending them.
 */
export function meetingLength(q: Question): Intent | undefined {
  if (!LENGTH_RE.test(q.lower) || q.refs.actions.length || /\b(?:actions?|tasks?)\b/.test(q.lower)) return undefined;
  return meetings(q);
}

/** "What's my cluster?", "which cluster am I in": the asker's cluster (as a SENCO or its chair). */
export function myCluster(q: Question): Intent | undefined {
  if (!MY_CLUSTER_RE.test(q.lower) || MEETING_RE.test(q.lower)) return undefined;
  if (findClusters(q.idx, q.tokens, q.lower, none).length || findSettings(q.idx, q.tokens, q.lower, none).length) return undefined;
  return q.asker ? { kind: 'myCluster' } : { kind: 'needPerson', about: 'meetings' };
}

const CLUSTER_LIST_WORDS = new Set(['clusters', 'cluster', 'communities', 'community', 'area', 'areas', 'names', 'codes', 'code', 'name', 'local', 'groups', 'many', 'exist', 'kirklees']);

/** "Who chairs each cluster?", "list the cluster chairs": every cluster's chair, not one cluster's. */
const ALL_CHAIRS = /\b(?:(?:cluster|clusters') chairs|chairs of (?:the |all the |each )?clusters|(?:who )?chairs? (?:each|every|all the|all) clusters?|who chairs which cluster|each cluster's chair|who chairs (?:the |our |kirklees'? )?clusters|who (?:are|is) (?:the )?cluster chairs?|(?:which|what|any) clusters (?:have|has|with|have got|got) (?:an? |got an? )?chairs?|clusters with (?:an? )?chairs?)\b/;

const AREA_LIST = /^(?:what|which|whats|what's|list|name|tell me)(?: are| is)?(?: all)? (?:the )?(?:four |4 |local |different )?areas\W*$/;

/** "Which clusters are there?", "clusters in Dewsbury", "who chairs each cluster?". */
export function clusterList(q: Question): Intent | undefined {
  if (ALL_CHAIRS.test(q.lower)) return { kind: 'clusters', chairs: true };
  // "What are the four areas?": the clusters' areas, and the areas for improvement named beside them.
  if (AREA_LIST.test(q.compact) && !/\bimprovement|\bafis?\b/.test(q.lower)) return { kind: 'clusters', areas: true };
  if (!/\bclusters\b|\bcluster communit(?:y|ies)\b/.test(q.lower) || /\bsencos?\b|\bchairs?\b/.test(q.lower)) return undefined;
  const areas = [...new Set(q.idx.dir.clusters.map((c) => c.area))];
  // "who is recruiting the ed psych capacity for clusters": other words make it about something else.
  const areaWords = new Set(areas.flatMap((a) => a.toLowerCase().split(/\W+/)));
  if (q.mentions.detailWords.some((w) => !CLUSTER_LIST_WORDS.has(w) && !areaWords.has(w))) return undefined;
  const area = clusterAreaNamed(q);
  return { kind: 'clusters', ...(area ? { area } : {}) };
}

/** The area of clusters a question names ("in Batley and Spen", "huddersfield"), if any. */
export function clusterAreaNamed(q: Question): string | undefined {
  const areas = [...new Set(q.idx.dir.clusters.map((c) => c.area))];
  return areas.find((a) => q.lower.includes(a.toLowerCase()))
    ?? areas.find((a) => q.tokens.some((t) => t.word.length > 3 && a.toLowerCase().split(/\W+/)[0] === t.word));
}

const CHAIRED_BY = /\b(?:which|what) clusters? (?:does|do|is|did)\b.*\bchair|\bwhat does\b.*\bchair\b|\bdoes\b.*\bchair (?:a|any) clusters?\b/;

/** "Which cluster does Emma Clarke chair?", "does Emma chair a cluster?": the cluster a person chairs. */
export function chairedBy(q: Question): Intent | undefined {
  if (!CHAIRED_BY.test(q.lower) || findClusters(q.idx, q.tokens, q.lower, none).length) return undefined;
  const people = findPeople(q.idx, q.tokens, q.lower, none, { loose: true })[0];
  const person = people?.items.length === 1 ? people.items[0] : undefined;
  if (!person) return undefined;
  const chaired = q.idx.dir.clusters.filter((c) => c.chairId === person.id);
  if (chaired.length === 1 && chaired[0]) return { kind: 'cluster', cluster: chaired[0], want: 'chair' };
  // None or several: the person's own page says what they do, clusters included.
  return { kind: 'person', person };
}

/** "Which cluster is Oakfield Primary in?", "who chairs the Batley cluster?": every word is read. */
export function place(q: Question): Intent | undefined {
  const { lower } = q;
  if (!SETTING_Q_RE.test(lower) && !/\bcluster\b/.test(lower)) return undefined;
  // "the Spen Valley cluster": a cluster named as one wins over a school sharing a word of it.
  // So does a cluster's whole name that holds every word the school matched on ("Colne Valley", not Valley Head).
  const s = findSettings(q.idx, q.tokens, lower, none)[0];
  const named = findClusters(q.idx, q.tokens, lower, none).find((m) => m.items.length === 1
    && (/^ cluster\b/.test(lower.slice(m.end)) || (s !== undefined && m.start <= s.start && s.end <= m.end && m.text.includes(' '))));
  if (named?.items[0]) return { kind: 'cluster', cluster: named.items[0], want: clusterWant(lower) };
  if (s && s.items.length > 1) return chooseAmong(q, 'setting', s, (x) => x.name, (x) => x.name);
  if (s?.items[0]) return { kind: 'setting', setting: s.items[0] };
  const c = findClusters(q.idx, q.tokens, lower, none)[0];
  if (c && c.items.length > 1) return chooseAmong(q, 'cluster', c, (x) => `${x.name} (${x.code})`, (x) => x.name);
  if (c?.items[0]) {
    return { kind: 'cluster', cluster: c.items[0], want: clusterWant(lower) };
  }
  // "which cluster is St Anne's in?", "who is the SENCO at Parkside?": a place we do not know.
  const m = /\b(?:senco|sencos) (?:at|for|of|in) (?:the )?([a-z][a-z' -]{1,60}?)(?:\?|$| school| academy| primary| nursery| college)/.exec(lower)
    ?? /\bcluster (?:is|does) (?:the )?([a-z][a-z' -]{1,60}?) (?:in|belong|sit|part)/.exec(lower)
    ?? /\b(?:is|does) (?:the )?([a-z][a-z' -]{1,60}?) (?:in|belong to|part of)(?: which| what| a)? cluster/.exec(lower);
  const name = m?.[1]?.trim();
  if (name && !isStopWord(name)) return { kind: 'unknown', what: 'setting', name: titleCase(name) };
  return undefined;
}

function clusterWant(lower: string): 'chair' | 'sencos' | 'settings' | 'info' {
  if (/\bchair/.test(lower)) return 'chair';
  if (/\bsencos?\b/.test(lower)) return 'sencos';
  if (/\b(?:which|what) area\b|\bcode\b/.test(lower)) return 'info';
  return /\bschools?\b|\bsettings?\b|\bwho is in\b|\bmembers?\b|\bwhich\b/.test(lower) ? 'settings' : 'info';
}

/** "What about KR2?", "whats bs4", "who chairs DM1": a cluster by its code; "cluster KR9" when none has it. */
export function clusterCode(q: Question): Intent | undefined {
  if (q.refs.actions.length || q.refs.requests.length) return undefined;
  const coded = q.tokens.filter((t) => /^[a-z]{1,4}\d{1,3}$/.test(t.word));
  const known = coded.map((t) => q.idx.clusterByCode.get(t.word)).filter((c) => c !== undefined);
  const c = known[0];
  if (c && known.length === 1 && q.tokens.length <= 8) {
    const want = /\bchair/.test(q.lower) ? 'chair' : /\bsencos?\b/.test(q.lower) ? 'sencos' : /\bschools?\b|\bsettings?\b|\bmembers?\b/.test(q.lower) ? 'settings' : 'info';
    if (/\bmeet(?:s|ing|ings)?\b|\bagendas?\b/.test(q.lower)) return undefined;
    return { kind: 'cluster', cluster: c, want };
  }
  const unknown = coded[0];
  if (!known.length && unknown && /\bcluster\b/.test(q.lower) && q.tokens.length <= 6) return { kind: 'unknown', what: 'cluster', name: unknown.word.toUpperCase() };
  return undefined;
}
