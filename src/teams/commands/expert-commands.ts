// Chat commands for Experts at Hand:
//   "I need advice from a speech and language therapist" / "new Experts at Hand request"  (the form)
//   "my requests"                                   (what I asked for, and what I have picked up)
//   "open requests for educational psychology"      (not yet closed, oldest first)
//   "Experts at Hand this term"                     (numbers by cluster, specialism, kind; median first response)
//   "link this channel to the speech and language pool"  (admin: pool cards and reminders go there)
import { requestForm } from '../../cards/experts/request-form.js';
import { myRequestsText, openRequestsText, termStatsText } from '../../cards/experts/text.js';
import { canLinkPool } from '../../domain/clusters/index.js';
import { NO_SETTING_MESSAGE, parseSpecialism, schoolTerm, SPECIALISM_LABELS, summariseRequests } from '../../domain/experts/index.js';
import { SPECIALISMS, type Specialism } from '../../domain/plan/types.js';
import { addDays } from '../../domain/time/dates.js';
import { londonDate, londonMidnight } from '../../domain/time/london.js';
import { ExpertRequestStore } from '../../store/expert-requests.js';
import { sendAnswer } from '../reply.js';
import type { ChatCommand, CommandTurn } from './command.js';

const LINK_POOL = /^(?:please )?link this (?:group )?(?:chat|channel|conversation) (?:to|with) (?:the )?(.+?) pool\.?$/i;
const NEED_ADVICE = /^(?:i|we)(?: would| 'd|'d)? (?:need|want|like|would like)(?: to get| to ask for)? (?:some )?(?:advice|help|support|guidance) from (?:an? |the )?(.+?)\.?$/i;
const NEW_REQUEST = /^(?:(?:new|open|start|make|raise)(?: an?)?(?: new)? experts? at hand request|(?:new|open an?) expert request|ask experts? at hand)\.?$/i;
const MY_REQUESTS = /^(?:show |list |what are )?my (?:experts? at hand |expert )?requests\??$/i;
const OPEN_REQUESTS = /^(?:show |list |what are (?:the )?)?(?:open|unclaimed|waiting|outstanding) (?:experts? at hand |expert )?requests(?: (?:for|in) (.+?))?\??$/i;
const TERM_STATS = /^(?:how (?:is|are) )?experts? at hand(?: requests)?(?: doing)? (?:this term|term stats|statistics this term)\??$/i;

const say = (turn: CommandTurn, text: string, cards: Record<string, unknown>[] = []) => sendAnswer(turn.context, { text, cards }).then(() => true);
const UNKNOWN = "I don't recognise you, so I can't help with Experts at Hand requests. Ask an admin to add you to the partnership's people list.";

async function form(turn: CommandTurn, specialism?: Specialism): Promise<boolean> {
  if (!turn.person) return say(turn, UNKNOWN);
  const settings = await new ExpertRequestStore(turn.services.store.db).settingsFor(turn.person);
  if (settings.length === 0) return say(turn, NO_SETTING_MESSAGE);
  const lead = specialism ? `Here's a request for ${SPECIALISM_LABELS[specialism]}` : "Here's a new Experts at Hand request";
  return say(turn, `${lead}. Describe the need without naming a child, then press "Send to Experts at Hand".`, [requestForm(settings, { specialism, firstResponseDays: turn.services.config.EXPERT_FIRST_RESPONSE_DAYS })]);
}

async function linkPool(turn: CommandTurn, phrase: string): Promise<boolean> {
  const specialism = parseSpecialism(phrase);
  if (!specialism) return say(turn, `Which pool? The Experts at Hand pools are: ${SPECIALISMS.map((s) => SPECIALISM_LABELS[s]).join(', ')}.`);
  const allowed = canLinkPool(turn.person);
  if (!allowed.ok) return say(turn, allowed.message);
  if (turn.conversationKind === 'personal') return say(turn, "Say this in the pool's team channel (mentioning me there), and I'll post that pool's requests in it.");
  const ok = await new ExpertRequestStore(turn.services.store.db).linkPool(turn.context.activity.conversation.id, specialism);
  if (!ok) return say(turn, "I couldn't link this channel just now. Please try again in a moment.");
  return say(turn, `Linked: this is now the ${SPECIALISM_LABELS[specialism]} pool. New Experts at Hand requests for ${SPECIALISM_LABELS[specialism]} appear here, with reminders about any nobody has picked up.`);
}

async function myRequests(turn: CommandTurn): Promise<boolean> {
  if (!turn.person) return say(turn, UNKNOWN);
  const requests = await new ExpertRequestStore(turn.services.store.db).forPerson(turn.person.id);
  return say(turn, myRequestsText(turn.person.id, requests));
}

async function openRequests(turn: CommandTurn, phrase: string | undefined): Promise<boolean> {
  if (!turn.person) return say(turn, UNKNOWN);
  const named = phrase ? parseSpecialism(phrase) : null;
  if (phrase && !named) return say(turn, `Which specialism? Experts at Hand covers ${SPECIALISMS.map((s) => SPECIALISM_LABELS[s]).join(', ')}.`);
  const store = new ExpertRequestStore(turn.services.store.db);
  const specialisms = named ? [named] : turn.person.specialism ? [turn.person.specialism] : [...SPECIALISMS];
  const texts = await Promise.all(specialisms.map(async (s) => openRequestsText(s, await store.openFor(s))));
  return say(turn, texts.join('\n\n'));
}

async function termStats(turn: CommandTurn): Promise<boolean> {
  const term = schoolTerm(londonDate(turn.services.clock.now()));
  const rows = await new ExpertRequestStore(turn.services.store.db).statRows(londonMidnight(term.start), londonMidnight(addDays(term.end, 1)));
  return say(turn, termStatsText(term, summariseRequests(rows)));
}

export const expertCommands: ChatCommand[] = [
  { name: 'link-expert-pool', tryHandle: async (turn) => { const m = LINK_POOL.exec(turn.text); return m ? linkPool(turn, m[1]!) : false; } },
  {
    name: 'need-expert-advice',
    async tryHandle(turn) {
      const m = NEED_ADVICE.exec(turn.text);
      const specialism = m ? parseSpecialism(m[1]!) : null;
      return specialism ? form(turn, specialism) : false;
    },
  },
  { name: 'new-expert-request', tryHandle: async (turn) => (NEW_REQUEST.test(turn.text) ? form(turn) : false) },
  { name: 'my-expert-requests', tryHandle: async (turn) => (MY_REQUESTS.test(turn.text) ? myRequests(turn) : false) },
  { name: 'open-expert-requests', tryHandle: async (turn) => { const m = OPEN_REQUESTS.exec(turn.text); return m ? openRequests(turn, m[1]) : false; } },
  { name: 'experts-at-hand-this-term', tryHandle: async (turn) => (TERM_STATS.test(turn.text) ? termStats(turn) : false) },
];
