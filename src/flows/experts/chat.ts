// Experts at Hand from chat: the request form and the lists (src/flows/links links a pool channel).
import { requestForm } from '../../cards/experts/request-form.js';
import { myRequestsText, openRequestsText, requestLine, termStatsText } from '../../cards/experts/text.js';
import type { Card } from '../../cards/common.js';
import {
  allowedSteps, NO_SETTING_MESSAGE, parseSpecialism, requestFacts, schoolTerm, SPECIALISM_LABELS, summariseRequests, type RequestView,
} from '../../domain/experts/index.js';
import { SPECIALISMS, type Specialism } from '../../domain/plan/types.js';
import { addDays } from '../../domain/time/dates.js';
import { londonDate, londonMidnight } from '../../domain/time/london.js';
import { say, type ChatReply, type GroupViewer } from '../group-turn.js';
import type { ExpertCommand } from './commands.js';
import type { ExpertViews } from './deps.js';

const UNKNOWN = "I don't recognise you, so I can't help with Experts at Hand requests. Ask an admin to add you to the partnership's people list.";
/** Cards offered with a list: enough to act on, few enough to read. */
const MAX_PICK_UP_CARDS = 5;
const ALL_LABELS = () => SPECIALISMS.map((s) => SPECIALISM_LABELS[s]).join(', ');

export class ExpertChatFlows {
  constructor(private readonly v: ExpertViews) {}

  run(command: ExpertCommand, viewer: GroupViewer): Promise<ChatReply> {
    switch (command.kind) {
      case 'form': return this.form(viewer, command.specialism);
      case 'my-requests': return this.myRequests(viewer);
      case 'open-requests': return this.openRequests(viewer, command.phrase, command.waitingOnly ?? false);
      case 'term-stats': return this.termStats();
    }
  }

  async form(viewer: GroupViewer, specialism?: Specialism): Promise<ChatReply> {
    if (!viewer.person) return say(UNKNOWN);
    const settings = await this.v.deps.requests.settingsFor(viewer.person);
    if (settings.length === 0) return say(NO_SETTING_MESSAGE);
    const lead = specialism ? `Here's a request for ${SPECIALISM_LABELS[specialism]}` : "Here's a new Experts at Hand request";
    return say(`${lead}. Describe the need without naming a child, then press "Send to Experts at Hand".`,
      [requestForm(settings, { specialism, firstResponseDays: this.v.deps.firstResponseDays })]);
  }

  async myRequests(viewer: GroupViewer): Promise<ChatReply> {
    if (!viewer.person) return say(UNKNOWN);
    const person = viewer.person;
    const requests = await this.v.deps.requests.forPerson(person.id);
    const text = myRequestsText(person.id, requests);
    // An expert's own requests include the ones waiting for someone of their specialism.
    const waiting = person.specialism ? (await this.v.deps.requests.openFor(person.specialism)).filter((r) => r.status === 'new') : [];
    const cards = await this.pickUpCards(viewer, waiting);
    if (cards.length === 0) return say(text);
    const lines = waiting.filter((r) => canPickUp(viewer, r)).map((r) => `- ${requestLine(r, { withSetting: true })}`);
    return say([text, `Waiting for someone to pick up (${lines.length}):`, ...lines].join('\n'), cards);
  }

  async openRequests(viewer: GroupViewer, phrase: string | undefined, waitingOnly = false): Promise<ChatReply> {
    const person = viewer.person;
    if (!person) return say(UNKNOWN);
    const named = phrase ? parseSpecialism(phrase) : null;
    if (phrase && !named) return say(`Which specialism? Experts at Hand covers ${ALL_LABELS()}.`);
    const specialisms = named ? [named] : person.specialism ? [person.specialism] : [...SPECIALISMS];
    const lists = await Promise.all(specialisms.map(async (s) => {
      const open = await this.v.deps.requests.openFor(s);
      return { s, requests: waitingOnly ? open.filter((r) => r.status === 'new') : open };
    }));
    // Unclaimed across every pool: only the pools with some, or one line when none has any.
    const shown = waitingOnly && lists.length > 1 ? lists.filter((l) => l.requests.length) : lists;
    const text = shown.length ? shown.map((l) => openRequestsText(l.s, l.requests, waitingOnly)).join('\n\n')
      : 'There are no unclaimed Experts at Hand requests: nothing is waiting to be picked up.';
    return say(text, await this.pickUpCards(viewer, lists.flatMap((l) => l.requests)));
  }

  /** The request cards of those this viewer may pick up now: a list never hides the button. */
  private async pickUpCards(viewer: GroupViewer, requests: RequestView[]): Promise<Card[]> {
    const mine = requests.filter((r) => canPickUp(viewer, r)).slice(0, MAX_PICK_UP_CARDS);
    return Promise.all(mine.map((r) => this.v.viewerCard(viewer, r)));
  }

  async termStats(): Promise<ChatReply> {
    const term = schoolTerm(londonDate(this.v.now()));
    const rows = await this.v.deps.requests.statRows(londonMidnight(term.start), londonMidnight(addDays(term.end, 1)));
    return say(termStatsText(term, summariseRequests(rows)));
  }
}

function canPickUp(viewer: GroupViewer, r: RequestView): boolean {
  return allowedSteps(viewer.person, requestFacts(r)).includes('claim');
}
