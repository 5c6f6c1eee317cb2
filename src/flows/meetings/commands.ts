// Chat commands for cluster SENCO meetings, read from the text alone:
//   "link this chat to the Batley cluster"   (in the cluster's group chat or channel; admin or chair)
//   "schedule a cluster meeting"             (admin or chair: a form card)
// "next Batley meeting" and "meetings this month" are read-only questions: src/ask answers them.
import { tidyText } from '../command-text.js';

export type MeetingCommand = { kind: 'link-chat'; phrase: string } | { kind: 'schedule-form' };

const LINK = /^(?:please )?link this (?:group )?(?:chat|channel|conversation) (?:to|with) (?!.*\bpool\b)(.+)$/i;
const SCHEDULE = /^(?:please )?(?:schedule|arrange|book|set up|plan) (?:a |an |the |our |the next )?(?:new )?(?:cluster )?(?:senco )?meeting(?: for (?:the )?[\w '&-]+)?$/i;
/** Workstream links are not cluster links: leave them to whoever handles them. */
const NOT_A_CLUSTER = /\b(?:ws\d+|workstream)\b/i;

/** The command a message gives, or undefined when it is not a cluster meeting command. */
export function parseMeetingCommand(typed: string): MeetingCommand | undefined {
  const text = tidyText(typed);
  const link = LINK.exec(text);
  if (link && !NOT_A_CLUSTER.test(link[1]!)) return { kind: 'link-chat', phrase: link[1]! };
  if (SCHEDULE.test(text)) return { kind: 'schedule-form' };
  return undefined;
}
