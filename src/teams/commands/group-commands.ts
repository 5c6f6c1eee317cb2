// Chat commands for cluster meetings and Experts at Hand: the flows in src/flows read the text
// and answer; this only supplies who is speaking and where, and sends the answer.
import { sendAnswer } from '../reply.js';
import { viewerOf } from '../turn.js';
import type { ChatCommand } from './command.js';

export const groupCommands: ChatCommand[] = [
  {
    name: 'cluster-meetings-and-experts-at-hand',
    async tryHandle(turn) {
      const reply = await turn.services.groups.chat(turn.text, viewerOf(turn.context, turn.person));
      if (!reply) return false;
      await sendAnswer(turn.context, reply);
      return true;
    },
  },
];
