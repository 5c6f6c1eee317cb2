// Chat commands about reminders, digests and the quarterly cycle ("snooze reminders until
// Monday", "mute COM-06 until 1 December", "who can't I reach?", "quarterly report", "who hasn't
// updated?"): parsed and answered by src/flows/jobs-commands, sent from here.
import { parseJobCommand } from '../../flows/jobs-commands/parse.js';
import { sendAnswer } from '../reply.js';
import { turnLog } from '../turn.js';
import type { ChatCommand } from './command.js';

export const jobCommand: ChatCommand = {
  name: 'jobs',
  async tryHandle(turn) {
    const cmd = parseJobCommand(turn.text);
    if (!cmd) return false;
    await sendAnswer(turn.context, await turn.services.flows.jobs.run(cmd, turn.person));
    const outcome = turn.person ? {} : { outcome: 'unknown person' };
    turnLog(turn.context, turn.services.log).info({ command: 'jobs', kind: cmd.kind, ...outcome }, 'chat command');
    return true;
  },
};

export const jobCommands: ChatCommand[] = [jobCommand];
