// A meeting's follow-ups on its card: each with its owner, due date and state, and the buttons the
// viewer may use on an open one (Done, Make it a plan action, Ask Experts at Hand); the chair's
// form to set an owner and a due date; and the small form that makes one a plan action.
import { isOpenFollowUp, meetingTitle, type FollowUpView, type MeetingView } from '../../domain/clusters/index.js';
import type { IsoDate } from '../../domain/plan/types.js';
import { formatDate, formatLongDate, formatRelativeDue } from '../../domain/time/format.js';
import { adaptiveCard, facts, heading, text, type Card, type CardElement } from '../common.js';
import { md } from '../markup.js';
import type { Notice } from './meeting-card.js';

export const FOLLOW_UP_VERBS = {
  set: 'meeting.followup.set',
  done: 'meeting.followup.done',
  planForm: 'meeting.followup.plan',
  planSave: 'meeting.followup.plan.save',
  experts: 'meeting.followup.experts',
} as const;

/** What a viewer may press on one follow-up. */
export interface FollowUpButtons { done: boolean; plan: boolean; experts: boolean }

export interface FollowUpDraft { followUpId?: string; ownerId?: string; dueDate?: string }

/** "Emma Clarke · due Thursday 10 December 2026 (due in 5 days)" or what became of it. */
export function followUpState(f: FollowUpView, today: IsoDate): string {
  const owner = f.owner ? f.owner.name : 'No owner yet';
  const request = f.requestRef ? ` · Experts at Hand: ${f.requestRef}` : '';
  if (f.actionRef) return `${owner} · now plan action ${f.actionRef}${request}`;
  if (f.done) return `${owner} · done${request}`;
  const due = f.dueDate ? `due ${formatDate(f.dueDate)} (${formatRelativeDue(f.dueDate, today)})` : 'no due date';
  return `${owner} · ${due}${request}`;
}

/** The follow-ups, numbered, each with its state and (open ones) the buttons this viewer may use. */
export function followUpBlocks(m: MeetingView, today: IsoDate, buttons: (f: FollowUpView) => FollowUpButtons): CardElement[] {
  return m.followUps.flatMap((f) => {
    const out: CardElement[] = [
      text(md`${f.position}. ${f.text}`, { spacing: 'Small' }),
      text(followUpState(f, today), { isSubtle: true, size: 'Small', spacing: 'None' }),
    ];
    const b = isOpenFollowUp(f) ? buttons(f) : { done: false, plan: false, experts: false };
    const data = { meetingId: m.id, followUpId: f.id };
    const actions: CardElement[] = [];
    if (b.done) actions.push({ type: 'Action.Execute', verb: FOLLOW_UP_VERBS.done, title: 'Done', data });
    if (b.plan) actions.push({ type: 'Action.Execute', verb: FOLLOW_UP_VERBS.planForm, title: 'Make it a plan action', data });
    if (b.experts && !f.requestRef) actions.push({ type: 'Action.Execute', verb: FOLLOW_UP_VERBS.experts, title: 'Ask Experts at Hand', data });
    if (actions.length) out.push({ type: 'ActionSet', actions, spacing: 'None' });
    return out;
  });
}

/** The chair's form: which open follow-up, who owns it, and when it is due. */
export function setFollowUpForm(m: MeetingView, people: ReadonlyArray<{ id: number; name: string }>, today: IsoDate, draft: FollowUpDraft = {}): CardElement | null {
  const open = m.followUps.filter(isOpenFollowUp);
  if (open.length === 0 || people.length === 0) return null;
  const first = open[0]!;
  return {
    type: 'Action.ShowCard', title: 'Set owners and dates',
    card: {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'Input.ChoiceSet', id: 'followUpId', label: 'Follow-up', isRequired: true, errorMessage: 'Choose a follow-up',
          value: draft.followUpId ?? String(first.id), choices: open.map((f) => ({ title: `${f.position}. ${f.text}`.slice(0, 120), value: String(f.id) })),
        },
        {
          type: 'Input.ChoiceSet', id: 'ownerId', label: 'Owner', style: 'filtered', isRequired: true, errorMessage: 'Choose who owns it',
          ...(draft.ownerId ?? first.owner ? { value: draft.ownerId ?? String(first.owner!.id) } : {}),
          choices: people.map((p) => ({ title: p.name, value: String(p.id) })),
        },
        { type: 'Input.Date', id: 'dueDate', label: 'Due', isRequired: true, errorMessage: 'Choose a due date', min: today, ...(draft.dueDate ?? first.dueDate ? { value: draft.dueDate ?? first.dueDate } : {}) },
      ],
      actions: [{ type: 'Action.Execute', verb: FOLLOW_UP_VERBS.set, title: 'Save owner and date', data: { meetingId: m.id } }],
    },
  };
}

/** "Make it a plan action": the follow-up as the action's title, its owner and date, and a workstream to choose. */
export function planActionForm(m: MeetingView, f: FollowUpView, workstreams: ReadonlyArray<{ id: number; code: string; name: string }>, o: { dueDate: IsoDate; notice?: Notice; workstreamId?: string }): Card {
  const body: CardElement[] = [];
  if (o.notice) body.push(text(o.notice.text, { color: o.notice.tone === 'good' ? 'Good' : 'Attention', weight: 'Bolder' }));
  body.push(heading('Make a follow-up a plan action'));
  body.push(text(`From the ${meetingTitle(m)} follow-ups. The action starts as not started; its owner updates it like any other.`, { isSubtle: true }));
  body.push(facts([['Title', f.text], ['Owner', f.owner?.name ?? 'nobody yet'], ['Due', formatLongDate(o.dueDate)]]));
  body.push({
    type: 'Input.ChoiceSet', id: 'workstreamId', label: 'Workstream', isRequired: true, errorMessage: 'Choose a workstream',
    value: o.workstreamId ?? String(workstreams[0]?.id ?? ''), choices: workstreams.map((w) => ({ title: `${w.code}: ${w.name}`, value: String(w.id) })),
  });
  const data = { meetingId: m.id, followUpId: f.id };
  return adaptiveCard(body, [
    { type: 'Action.Execute', verb: FOLLOW_UP_VERBS.planSave, title: 'Add to the plan', style: 'positive', data },
    { type: 'Action.Execute', verb: 'meeting.refresh', title: 'Back to the meeting', data: { meetingId: m.id } },
  ], 'Make a follow-up a plan action');
}
