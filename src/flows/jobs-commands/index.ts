// Reminders, reach and reports by chat: snooze and mute, "who can't I reach?", the quarterly
// report on demand and "who hasn't updated?". Plain TypeScript over repositories and the clock;
// the Teams edge parses the message (./parse.ts), calls run() and sends the reply.
import type { Person } from '../../domain/plan/types.js';
import type { JobCommand } from './parse.js';
import { missingUpdatesReport, quarterlyReport } from './rounds.js';
import { unreachableReport } from './reach.js';
import { mute, snooze, unmute, unsnooze } from './reminders.js';
import { say, type CommandReply, type JobCommandDeps } from './types.js';

export type { JobCommand } from './parse.js';
export type { CommandReply, JobCommandDeps } from './types.js';

export const UNKNOWN_PERSON_COMMAND = "I don't know who you are yet, so I can't do that. Ask an admin to add you to the plan's people list.";

const isAdmin = (p: Person) => p.roles.includes('admin');
const isLeadOrAdmin = (p: Person) => p.roles.includes('admin') || p.roles.includes('lead');

export class JobCommandFlows {
  constructor(private readonly deps: JobCommandDeps) {}

  /** The reply to a command from this person (null: someone the plan does not know). */
  async run(cmd: JobCommand, person: Person | null): Promise<CommandReply> {
    if (!person) return say(UNKNOWN_PERSON_COMMAND);
    switch (cmd.kind) {
      case 'snooze': return snooze(this.deps, person, cmd.when);
      case 'mute': return mute(this.deps, person, cmd);
      case 'unsnooze': return unsnooze(this.deps, person);
      case 'unmute': return unmute(this.deps, person, cmd);
      case 'unreachable':
        return isAdmin(person) ? say((await unreachableReport(this.deps)).text) : say("Only admins can see who I can't reach.");
      case 'report':
        return isLeadOrAdmin(person) ? quarterlyReport(this.deps) : say('The quarterly report is for workstream leads and admins. Ask one of them for a copy.');
      case 'missing':
        return isLeadOrAdmin(person) ? missingUpdatesReport(this.deps) : say('Only workstream leads and admins can see who still needs to update.');
    }
  }
}
