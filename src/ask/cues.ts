// Cue words: what kind of thing a question asks ("who leads", "how is … doing", "how many"), and
// what it asks about one action (its aspects). Every pattern is anchored on words, with bounded
// gaps, so a long question costs a linear scan.
import type { Aspect } from './intent.js';

export const LIST_MARKERS = /\b(?:actions|tasks|items|list|lists|how many|number of|which (?:actions|tasks|ones|items)|all|show (?:me )?(?:the )?(?:actions|tasks|list|everything)|anything|everything|things|ones|count)\b/;
export const COUNT_RE = /\bhow many\b|\bnumber of\b|\bcount\b|\bhow much\b|\btotal\b/;
export const DETAIL_OPENERS = /^(?:is|has|was|does|did|will|when|who|whos|what is the (?:status|update|deadline|due date|latest)|how is|how are|how far|any (?:update|news)|tell me about|what about|where are we|where is|what is happening|what is going on|update on|status of|progress on)\b/;
export const LEAD_RE = /\bwho (?:is )?(?:leads?|leading|runs?|running|heads?|heading|chairs?|is in charge of|is responsible for|looks after|manages?|owns)\b|\b(?:lead|leader|head|owner|chair|manager)s? (?:of|for)\b|\bwho is the (?:lead|leader|head|owner|manager)\b|\b(?:workstream|ws) (?:lead|leader|owner)s?\b|\b(?:work ?stream|ws) ?\d{1,2}'?s? (?:lead|leader|owner)s?\b|\bleads? (?:the|on)\b|\bwho leads\b|\b(?:does|do|did|is|are) [a-z' ]{1,40} (?:lead|leading|head|heading|run|running|in charge of)\b/;
// "how is X doing" is bounded: a gap of at most 80 characters, so no scan runs away on long text.
export const SUMMARY_RE = /\bhow (?:is|are|am)\b|\bhow (?:is|are) .{0,80}? (?:doing|going|getting on|looking|progressing)\b|\bdoing\b|\bgoing\b|\bgetting on\b|\bprogress(?:ing)?\b|\bsummary\b|\btell me (?:all |more )?about\b|\bsummar(?:ise|ize)\b|\boverview\b|\breport\b|\bdashboard\b|\bhealth ?check\b|\bstate of\b|\bposition\b|\bround[- ]?up\b|\bsnapshot\b|\brag\b|\bperformance\b|\bbreakdown\b|\bpicture\b/;
export const WS_KEYWORD_RE = /\bwork ?streams?\b|\bws\b|\bstreams?\b/;
export const MY_WORKSTREAM_RE = /\bmy (?:work ?stream|ws|team|stream|area)s?\b|\b(?:work ?stream|ws)s? (?:that )?i (?:lead|run|manage|chair|head)\b/;

/** What the question is, before anything is looked up. */
export interface Cues {
  /** "workstream", "ws", "stream". */
  workstreamWord: boolean;
  /** "who leads …", "the lead of …". */
  lead: boolean;
  /** "how is … doing", "summary", "overview". */
  summary: boolean;
  /** "my workstream", "the workstream I lead". */
  myWorkstream: boolean;
  /** "how many", "number of". */
  count: boolean;
}

export function readCues(lower: string): Cues {
  return {
    workstreamWord: WS_KEYWORD_RE.test(lower),
    lead: LEAD_RE.test(lower),
    summary: SUMMARY_RE.test(lower),
    myWorkstream: MY_WORKSTREAM_RE.test(lower),
    count: COUNT_RE.test(lower),
  };
}

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
  /\b(?:can|could|may|might|shall|should|would) i (?:please )?(?:just )?(?:see|get|have|ask|check|find|know|view|look|hear|grab|request a list)\b/g,
  // "do I have …" and "do I get …" ask about the asker's own; only "do I see/ask/check" is manner.
  /\bdo i (?:please )?(?:just )?(?:see|ask|check|find|know|view|look|hear)\b/g,
  /\b(?:show|tell|give|send|remind|help|let|get|bring|fetch|list|find|remind) me\b/g,
  /\bi (?:would |d |do |really )?(?:want|wanted|need|needed|like|am looking|was looking|am trying|was trying|am hoping|was hoping)(?: to)? (?:know|see|check|find out|ask|understand|find|get|have a look|look at|look)\b(?! (?:done|finished|completed?|sorted|delivered|through)\b)/g,
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
