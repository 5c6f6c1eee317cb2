// Every chat command, in the order they are tried. Each concern owns its own file.
import { actionCommands } from './action-commands.js';
import type { ChatCommand } from './command.js';
import { clusterCommands } from './cluster-commands.js';
import { expertCommands } from './expert-commands.js';
import { jobCommands } from './job-commands.js';

export const chatCommands: ChatCommand[] = [...actionCommands, ...jobCommands, ...clusterCommands, ...expertCommands];
