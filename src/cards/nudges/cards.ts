// Reminder cards: the owner's daily nudge, the lead's copy of long-overdue actions, the early
// warning ("no update for six weeks"), and the quarterly update asks. Each returns the message's
// plain sentence and its card; every action carries an Update button.
import { md, messageText } from '../markup.js';
import type { Action, IsoDate, Person } from '../../domain/plan/types.js';
import type { LeadCopy, OwnerNudge, StaleAsk } from '../../domain/nudges/rules.js';
import { daysUntilDue } from '../../domain/plan/status.js';
import { formatDate, formatLongDate, formatRelativeDue } from '../../domain/time/format.js';
import { actionBlock, adaptiveCard, capped, fitToBudget, heading, listBound, para, plural, sectionTitle, type Card } from '../digest/elements.js';

export interface CardMessage { text: string; cards: Card[] }

/** Most actions listed in one message; the rest are counted ("and 4 more"). */
export const MAX_LISTED = 15;
const STEPS = [MAX_LISTED, 10, 6, 3, 1, 0];

/** A first name for the message text (Markdown there too): escaped, like every name people typed. */
const firstName = (p: Person) => messageText(p.name.split(' ')[0] ?? p.name);

const moreLine = (n: number) => `…and ${plural(n, 'more action')}. Ask me "my actions" to see them all.`;

export function ownerNudgeMessage(n: OwnerNudge, today: IsoDate, dueSoonDays: number): CardMessage {
  return fitToBudget((max) => ownerNudgeMessageWith(n, today, dueSoonDays, max), STEPS,
    (max) => listBound([
      ...[...n.overdue, ...n.dueSoon].map((i) => [i.action.ref, i.action.title, i.action.lastUpdate]),
      ...(n.followUps ?? []).map((i) => [i.followUp.clusterName, i.followUp.text]),
    ], max, n.owner.name.length));
}

function ownerNudgeMessageWith(n: OwnerNudge, today: IsoDate, dueSoonDays: number, max: number): CardMessage {
  const followUps = n.followUps ?? [];
  const parts: string[] = [];
  if (n.overdue.length) parts.push(`${plural(n.overdue.length, 'action')} overdue`);
  if (n.dueSoon.length) parts.push(`${n.dueSoon.length} due in the next ${dueSoonDays} days`);
  const late = followUps.filter((i) => i.daysUntilDue < 0).length;
  if (followUps.length) parts.push(`${plural(followUps.length, 'meeting follow-up')} ${late ? `(${late} overdue) ` : ''}to finish`);
  const ask = n.overdue.length || n.dueSoon.length ? 'Please update them when you can.' : 'Please mark them done on the meeting card when they are.';
  const text = `Good morning ${firstName(n.owner)}: you have ${parts.join(' and ')}. ${ask}`;
  const hasActions = n.overdue.length + n.dueSoon.length > 0;
  const body = hasActions
    ? [heading('Your actions that need an update'), para(`${formatLongDate(today)}. Press Update to give a quick word on progress, a new status or a new date.`, { subtle: true })]
    : [heading('Your meeting follow-ups'), para(`${formatLongDate(today)}. Follow-ups agreed at cluster meetings that are due soon or overdue.`, { subtle: true })];
  const budget = { left: max };
  const section = (title: string, items: OwnerNudge['overdue']) => {
    if (items.length === 0) return;
    body.push(sectionTitle(title));
    const shown = items.slice(0, Math.max(0, budget.left));
    budget.left -= shown.length;
    body.push(...capped(items, shown.length, (i) => actionBlock({
      actionId: i.action.id, ref: i.action.ref, title: i.action.title, status: i.action.status, dueDate: i.action.dueDate,
      daysUntilDue: i.daysUntilDue, version: i.action.version,
      ...(i.action.lastUpdate ? { detail: `Last update: ${i.action.lastUpdate}` } : {}),
    }, true), moreLine));
  };
  section(`Overdue (${n.overdue.length})`, n.overdue);
  section(`Due in the next ${dueSoonDays} days (${n.dueSoon.length})`, n.dueSoon);
  if (followUps.length) {
    body.push(sectionTitle(`Meeting follow-ups (${followUps.length})`));
    const shown = Math.max(1, budget.left);
    body.push(...capped(followUps, shown, (i) => para(md`**${i.followUp.clusterName} cluster**: ${i.followUp.text} (due ${formatDate(i.followUp.dueDate)}, ${formatRelativeDue(i.followUp.dueDate, today)})`),
      (more) => `…and ${plural(more, 'more follow-up')}. They are on the meeting cards in the cluster chat.`));
  }
  const example = n.overdue[0]?.action.ref ?? n.dueSoon[0]?.action.ref;
  const muteOne = example ? `, or "mute ${example} until 1 December" for one action` : '';
  body.push(para(`Away? Say "snooze reminders until Monday"${muteOne}.`, { subtle: true, spacing: 'Medium' }));
  return { text, cards: [adaptiveCard(body)] };
}

export function leadCopyMessage(c: LeadCopy, today: IsoDate, afterDays: number): CardMessage {
  return fitToBudget((max) => leadCopyMessageWith(c, today, afterDays, max), STEPS,
    (max) => listBound(c.items.map((i) => [i.action.ref, i.action.title, i.action.lastUpdate, i.owner?.name]), max, c.lead.name.length));
}

function leadCopyMessageWith(c: LeadCopy, today: IsoDate, afterDays: number, max: number): CardMessage {
  const text = `${firstName(c.lead)}, for your information: ${plural(c.items.length, 'action')} in your workstream ${c.items.length === 1 ? 'is' : 'are'} more than ${afterDays} days overdue.`;
  const body = [
    heading('Long-overdue actions in your workstream'),
    para(`${formatLongDate(today)}. A copy for the workstream lead: each of these is more than ${afterDays} days past its due date. The owner has been reminded too.`, { subtle: true }),
    ...capped(c.items, max, (i) => actionBlock({
      actionId: i.action.id, ref: i.action.ref, title: i.action.title, status: i.action.status, dueDate: i.action.dueDate,
      daysUntilDue: i.daysUntilDue, version: i.action.version,
      detail: [`Owner: ${i.owner?.name ?? 'nobody yet'}`, i.action.lastUpdate ? `Last update: ${i.action.lastUpdate}` : 'No update given'].join('. '),
    }, true), moreLine),
  ];
  return { text, cards: [adaptiveCard(body)] };
}

export function staleAskMessage(a: StaleAsk, today: IsoDate, weeks: number): CardMessage {
  return fitToBudget((max) => staleAskMessageWith(a, today, weeks, max), STEPS,
    (max) => listBound(a.items.map((i) => [i.action.ref, i.action.title, i.action.lastUpdate]), max, a.owner.name.length));
}

function staleAskMessageWith(a: StaleAsk, today: IsoDate, weeks: number, max: number): CardMessage {
  const text = `${firstName(a.owner)}, we haven't heard about ${plural(a.items.length, 'action')} for ${weeks} weeks or more. A quick word would help, even if nothing has changed.`;
  const body = [
    heading('Could you give a quick update?'),
    para(`${formatLongDate(today)}. There has been no update on these for ${weeks} weeks or more. They may not be due yet, but a short note keeps the plan honest.`, { subtle: true }),
    ...capped(a.items, max, (i) => actionBlock({
      actionId: i.action.id, ref: i.action.ref, title: i.action.title, status: i.action.status, dueDate: i.action.dueDate,
      daysUntilDue: daysUntilDue(i.action, today), version: i.action.version,
      detail: `No update for ${plural(i.weeksQuiet, 'week')}${i.action.lastUpdate ? `. Last update: ${i.action.lastUpdate}` : ''}`,
    }, true), moreLine),
  ];
  return { text, cards: [adaptiveCard(body)] };
}

export interface QuarterlyAskInput {
  owner: Person;
  actions: Action[];
  quarterLabel: string;
  closes: IsoDate;
  today: IsoDate;
  /** undefined: the opening ask; otherwise working days left. */
  reminderWorkingDaysLeft?: number;
}

export function quarterlyAskMessage(q: QuarterlyAskInput): CardMessage {
  return fitToBudget((max) => quarterlyAskMessageWith(q, max), STEPS,
    (max) => listBound(q.actions.map((a) => [a.ref, a.title, a.lastUpdate]), max, q.owner.name.length + q.quarterLabel.length));
}

function quarterlyAskMessageWith(q: QuarterlyAskInput, max: number): CardMessage {
  const reminder = q.reminderWorkingDaysLeft !== undefined;
  const text = reminder
    ? `${firstName(q.owner)}, a reminder: the ${q.quarterLabel} progress report closes on ${formatLongDate(q.closes)} (${plural(q.reminderWorkingDaysLeft!, 'working day')} left). ${plural(q.actions.length, 'action')} still ${q.actions.length === 1 ? 'needs' : 'need'} your update.`
    : `${firstName(q.owner)}, it's time for the ${q.quarterLabel} progress update. Please update each of your ${plural(q.actions.length, 'open action')} by ${formatLongDate(q.closes)}.`;
  const body = [
    heading(reminder ? 'Reminder: your quarterly update' : `Quarterly update: ${q.quarterLabel}`),
    para(reminder
      ? `The report is built on ${formatDate(q.closes)}. These actions have had no update since the update round opened.`
      : `The partnership reports progress every quarter. Please give each action a short update (what happened, and its status) by ${formatDate(q.closes)}. It takes a minute per action.`, { subtle: true }),
    ...capped(q.actions, max, (a) => actionBlock({
      actionId: a.id, ref: a.ref, title: a.title, status: a.status, dueDate: a.dueDate,
      daysUntilDue: daysUntilDue(a, q.today), version: a.version,
      ...(a.lastUpdate ? { detail: `Last update: ${a.lastUpdate}` } : {}),
    }, true), moreLine),
  ];
  return { text, cards: [adaptiveCard(body)] };
}
