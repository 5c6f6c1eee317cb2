// Follow-ups agreed at a cluster meeting: each has an owner, a due date, and is open, done, or
// turned into a plan action (an Experts at Hand request made for it is recorded, but the
// follow-up stays open until its owner says it is done).
// - Set an owner and a due date: the cluster's chair or an admin.
// - Mark one done, or ask Experts at Hand for it: its owner, the chair or an admin.
// - Make it a plan action: a workstream lead (in their workstream) or an admin (in any).
import { z } from 'zod';
import type { IsoDate, Person } from '../plan/types.js';
import { addDays, diffDays, isIsoDate } from '../time/dates.js';
import { formNumber, NOT_TEXT_FORM, refuseForm as fail, wrongTypeIn, type FormCheck } from '../experts/index.js';
import { isAdmin, isChair, type ClusterFacts, type Permission } from './permissions.js';

export interface FollowUpView {
  id: number;
  position: number;
  text: string;
  owner: { id: number; name: string } | null;
  dueDate: IsoDate | null;
  done: boolean;
  /** The plan action it became. */
  actionRef: string | null;
  /** The Experts at Hand request asked for it. */
  requestRef: string | null;
}

/** Still to do: not done and not handed to the plan. */
export function isOpenFollowUp(f: Pick<FollowUpView, 'done' | 'actionRef'>): boolean {
  return !f.done && f.actionRef === null;
}

/** A due date is at most this far ahead: further than that, it belongs in the plan. */
export const MAX_DUE_DAYS = 366;
/** Without a later meeting to work towards, a follow-up is due this many days after the meeting. */
export const DEFAULT_DUE_DAYS = 14;

/**
 * The due date a new follow-up gets: the day before the cluster's next meeting (so it can be
 * reported there), else 14 days after this one; never today or earlier.
 */
export function defaultFollowUpDue(meetingDay: IsoDate, nextMeetingDay: IsoDate | null, today: IsoDate): IsoDate {
  const beforeNext = nextMeetingDay && nextMeetingDay > meetingDay ? addDays(nextMeetingDay, -1) : null;
  const due = beforeNext && beforeNext > today ? beforeNext : addDays(meetingDay, DEFAULT_DUE_DAYS);
  return due > today ? due : addDays(today, DEFAULT_DUE_DAYS);
}

export interface FollowUpReconciliation {
  /** Rows whose text is still there, at their new place. */
  keep: Array<{ id: number; position: number }>;
  /** New lines. */
  add: Array<{ text: string; position: number }>;
  /** Rows whose line was taken out. */
  remove: number[];
}

/**
 * The notes form keeps follow-ups as lines of text. A line that is unchanged keeps its row (owner,
 * due date, done); a new or reworded line is a new follow-up; a line taken out removes its row.
 */
export function reconcileFollowUps(existing: ReadonlyArray<Pick<FollowUpView, 'id' | 'text'>>, lines: readonly string[]): FollowUpReconciliation {
  const unused = [...existing];
  const out: FollowUpReconciliation = { keep: [], add: [], remove: [] };
  lines.forEach((text, i) => {
    const at = unused.findIndex((f) => f.text === text);
    if (at >= 0) out.keep.push({ id: unused.splice(at, 1)[0]!.id, position: i + 1 });
    else out.add.push({ text, position: i + 1 });
  });
  out.remove = unused.map((f) => f.id);
  return out;
}

const OK: Permission = { ok: true };
const no = (message: string): Permission => ({ ok: false, message });

export function canSetFollowUps(person: Person | null, cluster: ClusterFacts): Permission {
  if (!person) return no("I don't recognise you, so I can't change the follow-ups.");
  return isAdmin(person) || isChair(person, cluster) ? OK : no(`Only the ${cluster.name} cluster chair or an admin can set who owns a follow-up and when it is due.`);
}

function ownerChairOrAdmin(person: Person | null, cluster: ClusterFacts, f: Pick<FollowUpView, 'owner'>, what: string): Permission {
  if (!person) return no(`I don't recognise you, so I can't ${what}.`);
  if (isAdmin(person) || isChair(person, cluster) || (person.active && f.owner?.id === person.id)) return OK;
  return no(`Only the follow-up's owner, the ${cluster.name} cluster chair or an admin can ${what}.`);
}

export function canMarkFollowUpDone(person: Person | null, cluster: ClusterFacts, f: Pick<FollowUpView, 'owner' | 'done' | 'actionRef'>): Permission {
  const who = ownerChairOrAdmin(person, cluster, f, 'mark this follow-up done');
  if (!who.ok) return who;
  return isOpenFollowUp(f) ? OK : no(f.done ? 'That follow-up is already done.' : `That follow-up is now plan action ${f.actionRef}.`);
}

export function canAskExpertsFor(person: Person | null, cluster: ClusterFacts, f: Pick<FollowUpView, 'owner' | 'done' | 'actionRef' | 'requestRef'>): Permission {
  const who = ownerChairOrAdmin(person, cluster, f, 'ask Experts at Hand for this follow-up');
  if (!who.ok) return who;
  if (f.requestRef) return no(`Experts at Hand were already asked for this follow-up: ${f.requestRef}.`);
  return isOpenFollowUp(f) ? OK : no('That follow-up is no longer open.');
}

/** The workstreams this person may add a plan action to: those they lead; every one for an admin. */
export function actionWorkstreams<W extends { id: number; leadId: number | null }>(person: Person | null, workstreams: readonly W[]): W[] {
  if (!person?.active) return [];
  return isAdmin(person) ? [...workstreams] : workstreams.filter((w) => w.leadId === person.id);
}

export function canMakePlanAction(person: Person | null, workstreams: ReadonlyArray<{ id: number; leadId: number | null }>, f: Pick<FollowUpView, 'done' | 'actionRef'>): Permission {
  if (!person) return no("I don't recognise you, so I can't add to the plan.");
  if (actionWorkstreams(person, workstreams).length === 0) return no('Only a workstream lead or an admin can make a follow-up a plan action.');
  if (f.actionRef) return no(`That follow-up is already plan action ${f.actionRef}.`);
  return f.done ? no('That follow-up is already done.') : OK;
}

export interface FollowUpSetting { followUpId: number; ownerId: number; dueDate: IsoDate }

/** The "Set an owner and a date" form: the ids as numbers, the date a real day from today to a year on. */
export function checkFollowUpSetting(raw: Record<string, unknown>, followUpIds: readonly number[], today: IsoDate): FormCheck<FollowUpSetting> {
  if (wrongTypeIn(raw, ['followUpId', 'ownerId', 'dueDate'])) return fail(NOT_TEXT_FORM);
  const followUpId = formNumber(raw.followUpId);
  const ownerId = formNumber(raw.ownerId);
  const dueDate = z.string().trim().catch('').parse(raw.dueDate);
  if (!followUpIds.includes(followUpId)) return fail('Choose one of this meeting\'s open follow-ups.');
  if (!Number.isInteger(ownerId) || ownerId <= 0) return fail('Choose who owns the follow-up.');
  if (!isIsoDate(dueDate)) return fail('Choose the due date from the calendar, such as 9 December 2026.');
  if (dueDate < today) return fail('That date has passed: choose today or a later day.');
  if (diffDays(today, dueDate) > MAX_DUE_DAYS) return fail('Choose a date within a year. A longer piece of work belongs in the plan: make it a plan action.');
  return { ok: true, value: { followUpId, ownerId, dueDate } };
}
