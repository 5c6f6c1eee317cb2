// Every chat command, in the order they are tried. Each concern owns its own file.
import { actionCommands } from './action-commands.js';
import type { ChatCommand } from './command.js';
import { groupCommands } from './group-commands.js';
import { jobCommands } from './job-commands.js';
import { measureCommands } from './measure-commands.js';

export const chatCommands: ChatCommand[] = [...actionCommands, ...jobCommands, ...measureCommands, ...groupCommands];
