// Chat commands for updating actions and rating maturity: "update COM-06" (or "update com 6"),
// "update my actions", "history of COM-06" / "what changed on COM-06", "rate my pillar",
// "maturity ratings". Also the Action.Submit fallback of our cards on clients without Universal
// Actions: a message whose value names one of our verbs runs the same flow and answers in a new
// message (an old client cannot show a per-person card in place).
import { CardFactory, MessageFactory } from 'botbuilder';
import { refCandidates } from '../../ask/references.js';
import { ALL_VERBS } from '../../cards/action-update/common.js';
import { ActionCardFlows, type FlowResult, type Viewer } from '../routes/action-cards.js';
import type { Services } from '../services.js';
import { turnLog } from '../turn.js';
import { dropTrailingMarks, type ChatCommand, type CommandTurn } from './command.js';

/** "COM-06", "com 6", "com-6", "COM06", "com_06", "com. 6", "eah-05". */
const REF = '([a-z]{2,6})\\s?[-_.#]?\\s?(\\d{1,6})';
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

/** The typed text, lower case, without trailing punctuation or "what's" contractions. */
export function commandText(text: string): string {
  return dropTrailingMarks(text.toLowerCase().replace(/[’']s\b/g, ' is')).replace(/\s+/g, ' ').trim();
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
  const t = commandText(text);
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

async function reply(turn: CommandTurn, result: FlowResult): Promise<void> {
  const activity = result.sentenceOnly && result.text
    ? MessageFactory.text(result.text)
    : MessageFactory.attachment(CardFactory.adaptiveCard(result.card), result.text);
  await turn.context.sendActivity(activity);
  turnLog(turn.context, turn.services.log).info({ command: 'action', outcome: result.outcome, ...result.log }, 'chat command');
}

const flowsFor = new WeakMap<Services, ActionCardFlows>();
function flows(services: Services): ActionCardFlows {
  let f = flowsFor.get(services);
  if (!f) { f = new ActionCardFlows(services); flowsFor.set(services, f); }
  return f;
}

function viewerOf(turn: CommandTurn): Viewer {
  return { person: turn.person, userId: turn.context.activity.from?.id, conversationKind: turn.conversationKind };
}

/** Action.Submit from an older client: the fallback's data carries the verb and the ids. */
const submitFallback: ChatCommand = {
  name: 'action-card-submit',
  async tryHandle(turn) {
    const value = turn.context.activity.value as Record<string, unknown> | undefined;
    if (!value || typeof value !== 'object' || typeof value.verb !== 'string' || !ALL_VERBS.includes(value.verb)) return false;
    if (typeof turn.context.activity.text === 'string' && turn.context.activity.text.trim()) return false;
    const result = await flows(turn.services).run(value.verb, viewerOf(turn), value, 'card');
    if (!result) return false;
    await reply(turn, result);
    return true;
  },
};

const typedCommands: ChatCommand = {
  name: 'action-updates',
  async tryHandle(turn) {
    const command = parseActionCommand(turn.text);
    if (!command) return false;
    const f = flows(turn.services);
    const viewer = viewerOf(turn);
    let result: FlowResult;
    switch (command.kind) {
      case 'mine': result = await f.mine(viewer); break;
      case 'one': result = await f.openByRef(viewer, command.candidates, command.typed); break;
      case 'history': result = await f.historyByRef(viewer, command.candidates, command.typed); break;
      case 'rate': result = await f.rateForm(viewer, command.pillar); break;
      case 'matrix': result = await f.matrix(viewer); break;
    }
    await reply(turn, result);
    return true;
  },
};

export const actionCommands: ChatCommand[] = [submitFallback, typedCommands];
