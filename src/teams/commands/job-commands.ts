import type { ChatCommand } from './command.js';

export const jobCommands: ChatCommand[] = [];
