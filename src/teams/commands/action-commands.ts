import type { ChatCommand } from './command.js';

export const actionCommands: ChatCommand[] = [];
