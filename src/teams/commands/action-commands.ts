// Chat commands for updating actions and rating maturity: "update COM-06" (or "update com 6"),
// "update my actions", "history of COM-06" / "what changed on COM-06", "rate my pillar",
// "maturity ratings". Also the Action.Submit fallback of our cards on clients without Universal
// Actions: a message whose value names one of our verbs runs the same flow and answers in a new
// message (an old client cannot show a per-person card in place).
import { CardFactory, MessageFactory } from 'botbuilder';
import { z } from 'zod';
import { ALL_VERBS } from '../../cards/action-update/common.js';
import type { FlowResult, Viewer } from '../../flows/actions/index.js';
import { parseActionCommand } from '../../flows/actions/parse.js';
import { runCardVerb } from '../../flows/card-verbs.js';
import { turnLog } from '../turn.js';
import type { ChatCommand, CommandTurn } from './command.js';

/** An Action.Submit fallback's value: one of our verbs, with the card's data and inputs beside it. */
const submitValue = z.looseObject({ verb: z.string().refine((verb) => ALL_VERBS.includes(verb)) });

async function reply(turn: CommandTurn, result: FlowResult): Promise<void> {
  const activity = result.sentenceOnly && result.text
    ? MessageFactory.text(result.text)
    : MessageFactory.attachment(CardFactory.adaptiveCard(result.card), result.text);
  await turn.context.sendActivity(activity);
  turnLog(turn.context, turn.services.log).info({ command: 'action', outcome: result.outcome, ...result.log }, 'chat command');
}

function viewerOf(turn: CommandTurn): Viewer {
  return { person: turn.person, userId: turn.context.activity.from?.id, conversationKind: turn.conversationKind };
}

/** Action.Submit from an older client: the fallback's data carries the verb and the ids. */
const submitFallback: ChatCommand = {
  name: 'action-card-submit',
  async tryHandle(turn) {
    const value = submitValue.safeParse(turn.context.activity.value);
    if (!value.success) return false;
    if (typeof turn.context.activity.text === 'string' && turn.context.activity.text.trim()) return false;
    const result = await runCardVerb(turn.services.flows, value.data.verb, viewerOf(turn), value.data, 'card');
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
    const { actions, maturity } = turn.services.flows;
    const viewer = viewerOf(turn);
    let result: FlowResult;
    switch (command.kind) {
      case 'mine': result = await actions.mine(viewer); break;
      case 'one': result = await actions.openByRef(viewer, command.candidates, command.typed, command.status); break;
      case 'history': result = await actions.historyByRef(viewer, command.candidates, command.typed); break;
      case 'rate': result = await maturity.rateForm(viewer, command.pillar); break;
      case 'matrix': result = await maturity.matrix(viewer); break;
    }
    await reply(turn, result);
    return true;
  },
};

export const actionCommands: ChatCommand[] = [submitFallback, typedCommands];
