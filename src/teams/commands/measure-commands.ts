// "record 62% for EHC plans in 20 weeks": a reading of an outcome measure, recorded by the flow
// in src/flows/measures.ts for the person the Teams account belongs to; the answer is one sentence.
import { MessageFactory } from 'botbuilder';
import { escapeTeamsMarkdown } from '../../domain/text/escape.js';
import { parseRecordCommand } from '../../flows/measures.js';
import { turnLog } from '../turn.js';
import type { ChatCommand } from './command.js';

export const recordReadingCommand: ChatCommand = {
  name: 'measures',
  async tryHandle(turn) {
    const cmd = parseRecordCommand(turn.text);
    if (!cmd) return false;
    const result = await turn.services.flows.measures.record(turn.person, cmd);
    // Measure names come from the plan's files: shown as text, never as markup.
    await turn.context.sendActivity(MessageFactory.text(escapeTeamsMarkdown(result.text)));
    turnLog(turn.context, turn.services.log).info({ command: 'measures', outcome: result.outcome }, 'chat command');
    return true;
  },
};

export const measureCommands: ChatCommand[] = [recordReadingCommand];
