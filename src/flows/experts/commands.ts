// Chat commands for Experts at Hand, read from the text alone:
//   "I need advice from a speech and language therapist" / "new Experts at Hand request"  (the form)
//   "my requests"                                   (what I asked for, and what I have picked up)
//   "open requests for educational psychology"      (not yet closed, oldest first)
//   "unclaimed requests", "waiting requests"        (only those nobody has picked up)
//   "Experts at Hand this term"                     (numbers by cluster, specialism, kind; median first response)
// "link this channel to the speech and language pool" is read with every other link, by src/flows/links.
import { parseSpecialism } from '../../domain/experts/index.js';
import type { Specialism } from '../../domain/plan/types.js';
import { tidyText } from '../command-text.js';

export type ExpertCommand =
  | { kind: 'form'; specialism?: Specialism }
  | { kind: 'my-requests' }
  | { kind: 'open-requests'; phrase?: string; waitingOnly?: true }
  | { kind: 'term-stats' };

const NEED_ADVICE = /^(?:i|we)(?: would| 'd|'d)? (?:need|want|like|would like)(?: to get| to ask for)? (?:some )?(?:advice|help|support|guidance) from (?:an? |the )?(.+?)(?: please)?$/i;
const NEW_REQUEST = /^(?:(?:new|open|start|make|raise)(?: an?)?(?: new)? experts? at hand request|(?:new|open an?) expert request|ask experts? at hand)$/i;
const MY_REQUESTS = /^(?:show |list |what are )?my (?:experts? at hand |expert )?requests$/i;
const OPEN_REQUESTS = /^(?:show |list |what are (?:the )?)?(open|unclaimed|waiting|outstanding) (?:experts? at hand |expert )?requests(?: (?:for|in) (.+?))?$/i;
const TERM_STATS = /^(?:how (?:is|are) )?experts? at hand(?: requests)?(?: doing)? (?:this term|term stats|statistics this term)$/i;

/** The command a message gives, or undefined when it is not an Experts at Hand command. */
export function parseExpertCommand(typed: string): ExpertCommand | undefined {
  const text = tidyText(typed);
  const advice = NEED_ADVICE.exec(text);
  const specialism = advice ? parseSpecialism(advice[1]!) : null;
  if (specialism) return { kind: 'form', specialism };
  if (NEW_REQUEST.test(text)) return { kind: 'form' };
  if (MY_REQUESTS.test(text)) return { kind: 'my-requests' };
  const open = OPEN_REQUESTS.exec(text);
  if (open) {
    // "Unclaimed" and "waiting" mean nobody has picked them up; "open" is everything not closed.
    const waitingOnly = /^(?:unclaimed|waiting)$/i.test(open[1] ?? '') ? { waitingOnly: true as const } : {};
    return { kind: 'open-requests', ...(open[2] ? { phrase: open[2] } : {}), ...waitingOnly };
  }
  if (TERM_STATS.test(text)) return { kind: 'term-stats' };
  return undefined;
}
