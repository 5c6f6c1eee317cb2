// A chat command: something a person types that does more than ask a question
// ("update COM-06", "snooze reminders until Monday", "link this chat to Batley").
// Commands are tried in order before a message is treated as a question.
import type { TurnContext } from 'botbuilder';
import type { Person } from '../../domain/plan/types.js';
import type { Services } from '../services.js';

export interface CommandTurn {
  context: TurnContext;
  services: Services;
  /** The question text with the mention and markup removed. */
  text: string;
  person: Person | null;
  conversationKind: 'personal' | 'groupChat' | 'channel';
}

export interface ChatCommand {
  name: string;
  /** Returns true when it handled the message (and replied). */
  tryHandle(turn: CommandTurn): Promise<boolean>;
}
