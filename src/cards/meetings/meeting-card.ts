// The cluster SENCO meeting card: when (British form, London time), where, agenda, live RSVP
// counts with buttons, notes and follow-ups once written, and a way into Experts at Hand.
// Posted to the cluster's linked chat; refreshes per viewer (their reply, the buttons they may use).
import type { FollowUpView, MeetingView, RsvpResponse } from '../../domain/clusters/index.js';
import { hasEnded, hasStarted, meetingTitle, RSVP_BUTTONS, RSVP_RESPONSES, RSVP_WORDS } from '../../domain/clusters/index.js';
import { formatWhen } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import { adaptiveCard, facts, heading, text, type Card, type CardElement } from '../common.js';
import { md } from '../markup.js';
import { followUpBlocks, setFollowUpForm, type FollowUpButtons, type FollowUpDraft } from './follow-ups.js';
import { refreshBlock } from './refresh.js';

/** Opens the Experts at Hand request form (handled in src/flows/experts/requests.ts). */
export const START_REQUEST_VERB = 'expert.start';

export const MEETING_VERBS = {
  rsvp: 'meeting.rsvp',
  refresh: 'meeting.refresh',
  addAgenda: 'meeting.agenda.add',
  saveNotes: 'meeting.notes.save',
  schedule: 'meeting.schedule',
} as const;

export interface Notice { text: string; tone: 'good' | 'attention' }

export interface MeetingCardOptions {
  now: Date;
  /** The viewer's permissions; unset for the shared card everyone sees first. */
  viewer?: {
    canAddAgenda: boolean;
    canWriteNotes: boolean;
    /** The people a follow-up may be given to, when the viewer may set owners and dates. */
    followUpOwners?: ReadonlyArray<{ id: number; name: string }>;
    followUpButtons?: (f: FollowUpView) => FollowUpButtons;
  };
  notice?: Notice;
  /** Teams ids for refresh in channels; unset in chats. */
  refreshFor?: string[];
  /** What the person typed, kept after a refusal so they can edit it. */
  draft?: { agendaItem?: string; notes?: string; followUps?: string } & FollowUpDraft;
  /** The meeting's signed calendar file, when the bot has a public address. */
  calendarUrl?: string;
}

export function noticeBlock(n: Notice): CardElement {
  return text(n.text, { color: n.tone === 'good' ? 'Good' : 'Attention', weight: 'Bolder' });
}


export function countsLine(m: MeetingView): string {
  return RSVP_RESPONSES.map((r) => `${RSVP_BUTTONS[r]}: ${m.counts[r]}`).join(' · ');
}

function numbered(items: string[]): CardElement[] {
  return items.map((item, i) => text(md`${i + 1}. ${item}`, { spacing: 'Small' }));
}

function showCard(title: string, body: CardElement[], submit: CardElement): CardElement {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', body, actions: [submit] } };
}

export function meetingCard(m: MeetingView, o: MeetingCardOptions): Card {
  const started = hasStarted(m, o.now);
  const ended = hasEnded(m, o.now);
  const body: CardElement[] = [];
  if (o.notice) body.push(noticeBlock(o.notice));
  body.push(heading(meetingTitle(m)));
  body.push(facts([
    ['When', `${formatWhen(m.startsAt)} (${m.durationMinutes} minutes)`],
    ['Where', m.location],
    ['Cluster', `${m.cluster.name}, ${m.cluster.area}`],
  ]));
  body.push(text('Agenda', { weight: 'Bolder', spacing: 'Medium' }));
  body.push(...(m.agenda.length ? numbered(m.agenda) : [text('Nothing on the agenda yet.', { isSubtle: true })]));
  body.push(text(ended ? 'Replies' : started ? 'Replies (the meeting has started)' : 'Replies so far', { weight: 'Bolder', spacing: 'Medium' }));
  body.push(text(countsLine(m)));
  if (m.myResponse) body.push(text(`Your reply: ${RSVP_WORDS[m.myResponse]}.`, { isSubtle: true, spacing: 'Small' }));
  if (m.notes || m.followUps.length) {
    body.push(text('Notes', { weight: 'Bolder', spacing: 'Medium', separator: true }));
    if (m.notes) body.push(text(m.notes));
    if (m.followUps.length) {
      body.push(text('Follow-ups', { weight: 'Bolder', spacing: 'Small' }));
      const all: FollowUpButtons = { done: true, plan: true, experts: true };
      body.push(...followUpBlocks(m, londonDate(o.now), o.viewer ? (o.viewer.followUpButtons ?? (() => ({ done: false, plan: false, experts: false }))) : () => all));
    }
  }
  if (ended && !m.notes && !m.followUps.length) body.push(text('This meeting has finished. The chair can add notes and follow-ups.', { isSubtle: true }));

  const actions: CardElement[] = [];
  if (!started) {
    for (const r of RSVP_RESPONSES) actions.push(rsvpButton(m.id, r, m.myResponse === r));
    if (o.viewer?.canAddAgenda ?? true) {
      actions.push(showCard('Add an agenda item', [
        { type: 'Input.Text', id: 'agendaItem', label: 'Agenda item (no child names: keep case discussions anonymised)', maxLength: 200, value: o.draft?.agendaItem ?? '' },
      ], { type: 'Action.Execute', verb: MEETING_VERBS.addAgenda, title: 'Add to the agenda', data: { meetingId: m.id, version: m.version } }));
    }
  } else if (o.viewer?.canWriteNotes ?? true) {
    actions.push(showCard(m.notes || m.followUps.length ? 'Edit notes' : 'Add notes', [
      { type: 'Input.Text', id: 'notes', label: 'Notes (anonymised: no child names)', isMultiline: true, maxLength: 4000, value: o.draft?.notes ?? m.notes ?? '' },
      { type: 'Input.Text', id: 'followUps', label: 'Follow-ups, one per line', isMultiline: true, value: o.draft?.followUps ?? m.followUps.map((f) => f.text).join('\n') },
    ], { type: 'Action.Execute', verb: MEETING_VERBS.saveNotes, title: 'Save notes', data: { meetingId: m.id, version: m.version } }));
  }
  const owners = o.viewer?.followUpOwners;
  const setForm = owners ? setFollowUpForm(m, owners, londonDate(o.now), o.draft) : null;
  if (setForm) actions.push(setForm);
  if (o.calendarUrl && !ended) actions.push({ type: 'Action.OpenUrl', title: 'Add to calendar', url: o.calendarUrl });
  actions.push({ type: 'Action.Execute', verb: START_REQUEST_VERB, title: 'Ask Experts at Hand', data: { meetingId: m.id } });

  return {
    ...adaptiveCard(body, actions, `${meetingTitle(m)}: ${formatWhen(m.startsAt)}, ${m.location}.`),
    refresh: refreshBlock(MEETING_VERBS.refresh, { meetingId: m.id }, o.refreshFor),
  };
}

function rsvpButton(meetingId: number, response: RsvpResponse, chosen: boolean): CardElement {
  return {
    type: 'Action.Execute', verb: MEETING_VERBS.rsvp, title: chosen ? `✓ ${RSVP_BUTTONS[response]}` : RSVP_BUTTONS[response],
    data: { meetingId, response }, ...(response === 'attending' ? { style: 'positive' } : {}),
  };
}
