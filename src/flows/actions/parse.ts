// What a typed message asks of the action and maturity flows: "update COM-06" (or "update com 6"),
// "mark INC-02 as complete" / "set COM-06 to at risk" / "INC-02 is done" (the card, status chosen),
// "update my actions", "history of COM-06" / "what changed on COM-06", "rate my pillar",
// "maturity ratings".
import { refCandidates } from '../../ask/references.js';
import { parseStatusWords } from '../../ask/status-words.js';
import type { ActionStatus } from '../../domain/plan/types.js';
import { ACTION_REF, commandText } from '../command-text.js';

const REF = ACTION_REF;
const PLEASE = '(?:please\\s+)?';
const TAIL = '(?:\\s+please)?';

const PATTERNS = {
  mine: new RegExp(`^${PLEASE}(?:update|edit|change)\\s+(?:all\\s+)?(?:of\\s+)?my\\s+(?:open\\s+)?actions?${TAIL}$`),
  one: new RegExp(`^${PLEASE}(?:update|edit|change)\\s+(?:action\\s+)?${REF}${TAIL}$`),
  history: [
    new RegExp(`^(?:show\\s+(?:me\\s+)?)?(?:the\\s+)?(?:history|changes|audit|change log)\\s+(?:of|for|on|to)\\s+(?:action\\s+)?${REF}$`),
    new RegExp(`^what\\s+(?:has\\s+|have\\s+)?changed\\s+(?:on|in|for|with|about)\\s+(?:action\\s+)?${REF}$`),
    new RegExp(`^what\\s+is\\s+changed\\s+(?:on|in|for|with|about)\\s+(?:action\\s+)?${REF}$`),
    new RegExp(`^who\\s+(?:has\\s+)?changed\\s+(?:action\\s+)?${REF}$`),
    new RegExp(`^${REF}\\s+(?:history|changes)$`),
  ],
  set: new RegExp(`^${PLEASE}(?:mark|set|change|move|put|make|switch|update)\\s+(?:action\\s+)?${REF}\\s+(?:(?:as|to|to be|as being|into|now)\\s+)?(.{2,40})$`),
  done: new RegExp(`^(?:action\\s+)?${REF}\\s+(?:is|has been|was|now)\\s+(?:now\\s+|all\\s+|finally\\s+)?(.{2,40})$`),
  rate: /^(?:please\s+)?rate\s+(?:my\s+|our\s+|the\s+)?(?:maturity\s+)?(?:pillars?|maturity)(?:\s+(\d{1,2}[abc]?))?(?:\s+please)?$/,
  matrix: /^(?:show\s+(?:me\s+)?)?(?:the\s+|our\s+)?maturity(?:\s+matrix)?(?:\s+(?:ratings?|scores?))?$/,
};

/** The command text with "what's" read as "what is" ("what's changed on COM-06"). */
function actionCommandText(text: string): string {
  return commandText(text.replace(/[’']s\b/gi, ' is'));
}

/** What a message asks for, if it is one of these commands (exported for tests). */
export type ActionCommand =
  | { kind: 'mine' }
  | { kind: 'one'; candidates: string[]; typed: string; status?: ActionStatus }
  | { kind: 'history'; candidates: string[]; typed: string }
  | { kind: 'rate'; pillar?: string }
  | { kind: 'matrix' };

function refOf(m: RegExpMatchArray, at: number): { candidates: string[]; typed: string } {
  const prefix = m[at] ?? '';
  const digits = m[at + 1] ?? '';
  const candidates = refCandidates(prefix, digits);
  return { candidates, typed: candidates[0] ?? `${prefix.toUpperCase()}-${digits}` };
}

/** The one status the words name ("as complete", "to at risk", "done now"), and nothing else. */
function statusOnly(words: string): ActionStatus | null {
  const f = parseStatusWords(words);
  if (f.statuses.length !== 1 || f.overdue || f.attention || f.open || f.all) return null;
  let rest = words;
  for (const sp of f.spans) rest = rest.slice(0, sp.start) + ' '.repeat(sp.end - sp.start) + rest.slice(sp.end);
  return /^(?:\s|now|then|please|pls|thanks|thx|status|as|on the plan)*$/.test(rest) ? f.statuses[0]! : null;
}

/** "mark INC-02 as complete", "set COM-06 to at risk", "INC-02 is done" (not "INC-02 is done?"). */
function statusChange(t: string, asked: boolean): ActionCommand | null {
  const m = t.match(PATTERNS.set) ?? (asked ? null : t.match(PATTERNS.done));
  const status = m ? statusOnly(m[3] ?? '') : null;
  return m && status ? { kind: 'one', ...refOf(m, 1), status } : null;
}

export function parseActionCommand(text: string): ActionCommand | null {
  const t = actionCommandText(text);
  if (!t || t.length > 80) return null;
  if (PATTERNS.mine.test(t)) return { kind: 'mine' };
  const one = t.match(PATTERNS.one);
  if (one) return { kind: 'one', ...refOf(one, 1) };
  const change = statusChange(t, /\?\s*$/.test(text));
  if (change) return change;
  for (const p of PATTERNS.history) {
    const m = t.match(p);
    if (m) return { kind: 'history', ...refOf(m, 1) };
  }
  const rate = t.match(PATTERNS.rate);
  if (rate) return rate[1] ? { kind: 'rate', pillar: rate[1] } : { kind: 'rate' };
  if (PATTERNS.matrix.test(t)) return { kind: 'matrix' };
  return null;
}
