// Status and urgency words: "overdue", "late", "at risk", "amber", "not started", "done", "open"…
import type { ActionStatus } from '../domain/plan/types.js';
import type { Span } from './references.js';

export interface StatusFilter {
  /** Due before today and not complete. */
  overdue: boolean;
  /** Overdue, at risk or off track. */
  attention: boolean;
  /** Any of these (empty: no status word). */
  statuses: ActionStatus[];
  /** Not complete. */
  open: boolean;
  /** Every status, complete included ("all actions", "including complete"). */
  all: boolean;
  spans: Span[];
}

// A word between "show all" and "actions" that is not itself a status word ("show all overdue actions" keeps "overdue").
const PLAIN_WORD = String.raw`(?!(?:overdue|late|open|outstanding|complete|completed|done|finished|closed|red|reds|amber|green|at|off|on|not|urgent|current|live|remaining|stalled|stuck|blocked|risky|incomplete|unfinished|pending|active)\b)[a-z0-9-]{1,12}`;

const RULES: { re: RegExp; apply: (f: StatusFilter) => void }[] = [
  { re: new RegExp(String.raw`\b(?:all|any|every) (?:of the |the )?(?:statuses|status)\b|\binclud(?:e|ing) (?:the )?(?:complete|completed|finished|done|closed)(?: ones| actions)?\b|\b(?:complete|completed|finished|done) (?:or|and) (?:not|open|incomplete)\b|\bwhatever (?:the )?status\b|\b(?:mention|mentions|mentioning|mentioned|refer to|refers to|referring to)\b|\b(?:every|each) (?:single )?(?:action|task)\b|\bstatus of (?:all|every)\b|\b(?:list|show|see|give|display|view)(?: me| us)? (?:all|every one|everything)(?= (?:of )?(?:the )?(?:${PLAIN_WORD} ){0,3}(?:actions|tasks)\b)|^\s*(?:all|every)(?= (?:the )?(?:${PLAIN_WORD} ){0,3}(?:actions|tasks)\b)|^\s*(?:what(?:'s|s| is| are)?|whats) (?:in|under|inside|part of)(?= (?:the )?(?:ws\s?-?\d|workstream \d|work stream \d))`), apply: (f) => { f.all = true; } },
  { re: /\b(?:not|aren't|isn't|arent|isnt) (?:yet )?(?:on[\s-]?track|going well)\b|\boff[\s-]?track or at[\s-]?risk\b|\bat[\s-]?risk or off[\s-]?track\b|\b(?:red|amber) (?:or|and|&) (?:red|amber)\b/, apply: (f) => { f.statuses.push('at_risk', 'off_track'); } },
  { re: /\bnot[\s-](?:yet |been |even )?(?:started|begun|kicked off|commenced)\b|\byet to (?:start|begin|be started)\b|\bunstarted\b|\bno progress\b|\bnothing (?:has )?happened\b|\bnot been touched\b/, apply: (f) => { f.statuses.push('not_started'); } },
  { re: /\b(?:not|yet to be|still to be|needs? to be|to be|have to be|must be) (?:yet )?(?:complete|completed|done|finished|delivered|closed)\b|\b(?:must|should|need to|needs to|have to|has to|got to|gotta|ought to)(?: [a-z]{1,12}){0,3} (?:done|finished|completed?|delivered)\b|\bincomplete\b|\bunfinished\b|\bnot finished\b|\bstill to do\b|\bleft to do\b|\bto do\b|\btodo\b/, apply: (f) => { f.open = true; } },
  { re: /\b(?:overdue|late|past (?:the |their |its |the )?(?:due date|deadline)s?|past due|missed (?:the |their |its |a |any |my |our |some |his |her )?(?:deadlines?|due dates?)|miss(?:ed|ing)? (?:the |their |its |a |any |my |our )?(?:deadlines?|due dates?)|deadlines? missed|running late|behind(?: schedule)?|slipped|slipping|delayed|lapsed|expired|out of date)\b/, apply: (f) => { f.overdue = true; } },
  { re: /\b(?:need(?:s|ing)? (?:my |your |our |some )?attention|attention|problems?|problematic|worr(?:y|ies|ying|ied)|concerns?|concerning|red flags?|in trouble|troubled|struggling|going wrong|issues?|hot spots?|trouble spots?)\b/, apply: (f) => { f.attention = true; } },
  { re: /\bat[\s-]?risk\b|\bambers?\b|\brisky\b|\bin danger\b|\bwobbl(?:y|ing)\b|\bmight (?:not make it|slip)\b/, apply: (f) => { f.statuses.push('at_risk'); } },
  { re: /\boff[\s-]?track\b|\boff[\s-]?course\b|\breds\b|\bred\b(?! (?:flags?|book|line|tape))|\bfailing\b|\bderailed\b|\bstalled\b|\bstuck\b|\bblocked\b/, apply: (f) => { f.statuses.push('off_track'); } },
  { re: /(?<!not |n't )\bon[\s-]?track\b|\bgreens?\b|\bgoing (?:well|ok|okay|fine|to plan)\b|\bon (?:course|schedule|target)\b/, apply: (f) => { f.statuses.push('on_track'); } },
  // Not "what's being done about …" or "what have we done about …": work on it, not its status.
  { re: /(?<!(?:not|be|to|being) (?:yet )?)\b(?:complete|completed|done(?! about\b)|finished|closed|delivered|achieved|signed off|wrapped up|ticked off|accomplished)\b/, apply: (f) => { f.statuses.push('complete'); } },
  { re: /\b(?:open|outstanding|live|in progress|ongoing|on going|current|active|remaining|pending|in flight|underway|under way|working on|on (?:my|his|her|their|your) (?:plate|list)|(?<=\bon [a-z]+(?:'s|s'|s) )(?:plate|list)|got on|urgent|priorit(?:y|ies)|focus on)\b/, apply: (f) => { f.open = true; } },
];

/** Reads status words from a lower-case question. Spans cover every word used. */
export function parseStatusWords(lower: string): StatusFilter {
  const f: StatusFilter = { overdue: false, attention: false, statuses: [], open: false, all: false, spans: [] };
  let rest = lower;
  for (const rule of RULES) {
    const re = new RegExp(rule.re.source, 'g');
    let hit = false;
    for (const m of rest.matchAll(re)) {
      hit = true;
      f.spans.push({ start: m.index, end: m.index + m[0].length });
    }
    if (hit) {
      rule.apply(f);
      // Blank what was read so "not started" is not also "started", "not complete" not "complete".
      rest = rest.replace(re, (s) => ' '.repeat(s.length));
    }
  }
  f.statuses = [...new Set(f.statuses)];
  // "Overdue" already says "open"; "complete" with "open" means both, i.e. everything.
  if (f.statuses.includes('complete') && f.open && !f.overdue) { f.all = true; f.open = false; }
  // A status word is more precise than "all": "what's in WS3 that is overdue" is the overdue ones.
  else if (f.all && (f.overdue || f.attention || f.statuses.length > 0)) f.all = false;
  return f;
}

export function hasStatusWords(f: StatusFilter): boolean {
  return f.overdue || f.attention || f.open || f.all || f.statuses.length > 0;
}
