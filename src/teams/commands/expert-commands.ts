import type { ChatCommand } from './command.js';

export const expertCommands: ChatCommand[] = [];
