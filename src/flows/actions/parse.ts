// What a typed message asks of the action and maturity flows: "update COM-06" (or "update com 6"),
// "update my actions", "history of COM-06" / "what changed on COM-06", "rate my pillar",
// "maturity ratings".
import { refCandidates } from '../../ask/references.js';
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
  | { kind: 'one'; candidates: string[]; typed: string }
  | { kind: 'history'; candidates: string[]; typed: string }
  | { kind: 'rate'; pillar?: string }
  | { kind: 'matrix' };

function refOf(m: RegExpMatchArray, at: number): { candidates: string[]; typed: string } {
  const prefix = m[at] ?? '';
  const digits = m[at + 1] ?? '';
  const candidates = refCandidates(prefix, digits);
  return { candidates, typed: candidates[0] ?? `${prefix.toUpperCase()}-${digits}` };
}

export function parseActionCommand(text: string): ActionCommand | null {
  const t = actionCommandText(text);
  if (!t || t.length > 80) return null;
  if (PATTERNS.mine.test(t)) return { kind: 'mine' };
  const one = t.match(PATTERNS.one);
  if (one) return { kind: 'one', ...refOf(one, 1) };
  for (const p of PATTERNS.history) {
    const m = t.match(p);
    if (m) return { kind: 'history', ...refOf(m, 1) };
  }
  const rate = t.match(PATTERNS.rate);
  if (rate) return rate[1] ? { kind: 'rate', pillar: rate[1] } : { kind: 'rate' };
  if (PATTERNS.matrix.test(t)) return { kind: 'matrix' };
  return null;
}
