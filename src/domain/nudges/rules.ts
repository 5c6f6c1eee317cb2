// Who gets nudged, about what. Pure: the job loads the rows, these rules decide.
//
// - An owner gets ONE message listing their open actions that are overdue or due within
//   DUE_SOON_DAYS (today included), most urgent first.
// - An action overdue by more than LEAD_COPY_AFTER_DAYS is also copied to its workstream lead
//   (one message per lead), unless the lead owns it.
// - Snoozes and mutes are personal: "snooze reminders until Monday" stops a person's nudges until
//   that day; "mute COM-06 until 1 December" stops that action for that person. Both end on the
//   named day (reminders resume that morning). A lead's copy honours the lead's own snoozes.
// - Early warning: an open action with no update for STALE_UPDATE_WEEKS is "stale"; its owner is
//   asked for a word (weekly, with the digest) even if it is not due yet.
import type { Action, IsoDate, Person } from '../plan/types.js';
import { daysLate, daysUntilDue, isOpen, isOverdue } from '../plan/status.js';
import { londonMidnight } from '../time/london.js';
import { addDays } from '../time/dates.js';

export interface Snooze {
  personId: number;
  /** null: all reminders for the person. */
  actionId: number | null;
  /** Reminders resume on this day. */
  until: IsoDate;
}

export interface NudgeItem {
  action: Action;
  /** > 0 when overdue. */
  daysLate: number;
  /** Days until due (negative when overdue). */
  daysUntilDue: number;
}

/** An open meeting follow-up with an owner and a due date (src/domain/clusters/follow-ups.ts). */
export interface FollowUpDue {
  id: number;
  text: string;
  ownerId: number;
  dueDate: IsoDate;
  clusterName: string;
}

export interface FollowUpNudgeItem {
  followUp: FollowUpDue;
  /** Days until due (negative when overdue). */
  daysUntilDue: number;
}

export interface OwnerNudge {
  owner: Person;
  overdue: NudgeItem[];
  dueSoon: NudgeItem[];
  /** Their meeting follow-ups that are overdue or due soon, earliest first. */
  followUps?: FollowUpNudgeItem[];
}

export interface LeadCopy {
  lead: Person;
  items: (NudgeItem & { owner: Person | null })[];
}

export interface NudgePlan {
  owners: OwnerNudge[];
  leadCopies: LeadCopy[];
}

export interface NudgeRules {
  today: IsoDate;
  dueSoonDays: number;
  leadCopyAfterDays: number;
}

/** Quick lookup of who has snoozed what on a day. */
export class SnoozeBook {
  private readonly all = new Set<number>();
  private readonly muted = new Set<string>();
  constructor(snoozes: readonly Snooze[], today: IsoDate) {
    for (const s of snoozes) {
      if (today >= s.until) continue; // over: reminders resumed on `until`
      if (s.actionId === null) this.all.add(s.personId);
      else this.muted.add(`${s.personId}:${s.actionId}`);
    }
  }
  /** The person asked for no reminders at all today. */
  snoozed(personId: number): boolean { return this.all.has(personId); }
  /** The person should not be reminded about this action today. */
  quiet(personId: number, actionId: number): boolean { return this.all.has(personId) || this.muted.has(`${personId}:${actionId}`); }
}

function byUrgency(a: NudgeItem, b: NudgeItem): number {
  return a.action.dueDate < b.action.dueDate ? -1 : a.action.dueDate > b.action.dueDate ? 1 : a.action.ref.localeCompare(b.action.ref);
}

export function planOwnerNudges(input: {
  actions: readonly Action[];
  people: ReadonlyMap<number, Person>;
  /** workstream id → lead person id */
  leads: ReadonlyMap<number, number | null>;
  snoozes: readonly Snooze[];
  rules: NudgeRules;
  /** Open, owned meeting follow-ups (any due date: the rules pick the overdue and due-soon ones). */
  followUps?: readonly FollowUpDue[];
}): NudgePlan {
  const { today, dueSoonDays, leadCopyAfterDays } = input.rules;
  const book = new SnoozeBook(input.snoozes, today);
  const owners = new Map<number, OwnerNudge>();
  const copies = new Map<number, LeadCopy>();

  for (const action of input.actions) {
    if (!isOpen(action.status)) continue;
    const until = daysUntilDue(action, today);
    const late = daysLate(action, today);
    const overdue = isOverdue(action, today);
    if (!overdue && until > dueSoonDays) continue;
    const item: NudgeItem = { action, daysLate: late, daysUntilDue: until };
    const owner = action.ownerId !== null ? input.people.get(action.ownerId) ?? null : null;

    if (owner && owner.active && !book.quiet(owner.id, action.id)) {
      let n = owners.get(owner.id);
      if (!n) { n = { owner, overdue: [], dueSoon: [] }; owners.set(owner.id, n); }
      (overdue ? n.overdue : n.dueSoon).push(item);
    }

    if (overdue && late > leadCopyAfterDays) {
      const leadId = input.leads.get(action.workstreamId) ?? null;
      const lead = leadId !== null ? input.people.get(leadId) ?? null : null;
      if (lead && lead.active && lead.id !== owner?.id && !book.quiet(lead.id, action.id)) {
        let c = copies.get(lead.id);
        if (!c) { c = { lead, items: [] }; copies.set(lead.id, c); }
        c.items.push({ ...item, owner });
      }
    }
  }

  addFollowUps(owners, input.followUps ?? [], input.people, book, today, dueSoonDays);
  const ownerList = [...owners.values()].sort((a, b) => a.owner.key.localeCompare(b.owner.key));
  for (const n of ownerList) { n.overdue.sort(byUrgency); n.dueSoon.sort(byUrgency); }
  const copyList = [...copies.values()].sort((a, b) => a.lead.key.localeCompare(b.lead.key));
  for (const c of copyList) c.items.sort(byUrgency);
  return { owners: ownerList, leadCopies: copyList };
}

/**
 * A follow-up is nudged like an action: overdue or due within dueSoonDays, to an active owner who
 * has not snoozed reminders (a mute names an action, so it never quietens a follow-up).
 */
function addFollowUps(owners: Map<number, OwnerNudge>, followUps: readonly FollowUpDue[], people: ReadonlyMap<number, Person>, book: SnoozeBook, today: IsoDate, dueSoonDays: number): void {
  for (const f of followUps) {
    const until = daysUntilDue(f, today);
    if (until > dueSoonDays) continue;
    const owner = people.get(f.ownerId);
    if (!owner || !owner.active || book.snoozed(owner.id)) continue;
    let n = owners.get(owner.id);
    if (!n) { n = { owner, overdue: [], dueSoon: [] }; owners.set(owner.id, n); }
    (n.followUps ??= []).push({ followUp: f, daysUntilDue: until });
  }
  for (const n of owners.values()) n.followUps?.sort((a, b) => a.daysUntilDue - b.daysUntilDue || a.followUp.id - b.followUp.id);
}

/** When an action last had news: its last update, or when it was created. */
export function lastHeardOf(action: Pick<Action, 'lastUpdateAt' | 'createdAt'>): Date {
  return action.lastUpdateAt ?? action.createdAt;
}

/** The London day before which a last update counts as stale (no update for `weeks` weeks). */
export function staleBefore(today: IsoDate, weeks: number): IsoDate {
  return addDays(today, -7 * weeks);
}

/** The instant before which a last update is stale: the London start of staleBefore(today, weeks). */
export function staleCutoff(today: IsoDate, weeks: number): Date {
  return londonMidnight(staleBefore(today, weeks));
}

/** Open, and nothing heard for `weeks` weeks (a last update on the cut-off day itself still counts). */
export function isStale(action: Pick<Action, 'status' | 'lastUpdateAt' | 'createdAt'>, cutoff: Date): boolean {
  return isOpen(action.status) && lastHeardOf(action).getTime() < cutoff.getTime();
}

export interface StaleAsk {
  owner: Person;
  items: { action: Action; weeksQuiet: number }[];
}

/** Owners asked for a word about their stale actions (snoozes and mutes honoured). */
export function planStaleAsks(input: {
  actions: readonly Action[];
  people: ReadonlyMap<number, Person>;
  snoozes: readonly Snooze[];
  today: IsoDate;
  weeks: number;
  now: Date;
}): StaleAsk[] {
  const book = new SnoozeBook(input.snoozes, input.today);
  const byOwner = new Map<number, StaleAsk>();
  const cutoff = staleCutoff(input.today, input.weeks);
  for (const action of input.actions) {
    if (action.ownerId === null || !isStale(action, cutoff)) continue;
    const owner = input.people.get(action.ownerId);
    if (!owner || !owner.active || book.quiet(owner.id, action.id)) continue;
    let ask = byOwner.get(owner.id);
    if (!ask) { ask = { owner, items: [] }; byOwner.set(owner.id, ask); }
    const weeksQuiet = Math.floor((input.now.getTime() - lastHeardOf(action).getTime()) / (7 * 86_400_000));
    ask.items.push({ action, weeksQuiet });
  }
  const out = [...byOwner.values()].sort((a, b) => a.owner.key.localeCompare(b.owner.key));
  for (const a of out) a.items.sort((x, y) => lastHeardOf(x.action).getTime() - lastHeardOf(y.action).getTime() || x.action.ref.localeCompare(y.action.ref));
  return out;
}
