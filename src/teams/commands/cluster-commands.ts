import type { ChatCommand } from './command.js';

export const clusterCommands: ChatCommand[] = [];
