// Chat commands for cluster SENCO meetings, read from the text alone:
//   "schedule a cluster meeting"             (admin or chair: a form card)
//   "my follow-ups", "what follow-ups do I have"  (anyone: their open meeting follow-ups)
// "next Batley meeting" and "meetings this month" are read-only questions: src/ask answers them;
// "link this chat to the Batley cluster" is read with every other link, by src/flows/links.
import { tidyText } from '../command-text.js';

export type MeetingCommand = { kind: 'schedule-form' } | { kind: 'my-follow-ups' };

const SCHEDULE = /^(?:please )?(?:schedule|arrange|book|set up|plan) (?:a |an |the |our |the next )?(?:new )?(?:cluster )?(?:senco )?meeting(?: for (?:the )?[\w '&-]+)?$/i;

const FOLLOW_UPS = '(?:meeting |cluster meeting |open )?follow[- ]?ups?';
const MY_FOLLOW_UPS = new RegExp(`^(?:please )?(?:(?:show|list|give) me |what are |what're |list )?(?:all )?my ${FOLLOW_UPS}$|^(?:what|which) ${FOLLOW_UPS} (?:do i have|have i got|are mine|am i down for)$`, 'i');

/** The command a message gives, or undefined when it is not a cluster meeting command. */
export function parseMeetingCommand(typed: string): MeetingCommand | undefined {
  const text = tidyText(typed);
  if (SCHEDULE.test(text)) return { kind: 'schedule-form' };
  if (MY_FOLLOW_UPS.test(text)) return { kind: 'my-follow-ups' };
  return undefined;
}
