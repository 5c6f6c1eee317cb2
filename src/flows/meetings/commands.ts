// Chat commands for cluster SENCO meetings, read from the text alone:
//   "schedule a cluster meeting"             (admin or chair: a form card)
// "next Batley meeting" and "meetings this month" are read-only questions: src/ask answers them;
// "link this chat to the Batley cluster" is read with every other link, by src/flows/links.
import { tidyText } from '../command-text.js';

export type MeetingCommand = { kind: 'schedule-form' };

const SCHEDULE = /^(?:please )?(?:schedule|arrange|book|set up|plan) (?:a |an |the |our |the next )?(?:new )?(?:cluster )?(?:senco )?meeting(?: for (?:the )?[\w '&-]+)?$/i;

/** The command a message gives, or undefined when it is not a cluster meeting command. */
export function parseMeetingCommand(typed: string): MeetingCommand | undefined {
  const text = tidyText(typed);
  if (SCHEDULE.test(text)) return { kind: 'schedule-form' };
  return undefined;
}
