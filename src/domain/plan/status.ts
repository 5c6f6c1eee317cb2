// Small, pure rules about action status: the words people read, the colours cards use, and
// when an action counts as overdue. "Today" is always a London calendar date ('YYYY-MM-DD').
import { diffDays } from '../time/dates.js';
import type { ActionStatus, Area, IsoDate } from './types.js';

/** Statuses of an action that is not finished yet ("open"). */
export const OPEN_STATUSES: readonly ActionStatus[] = ['not_started', 'on_track', 'at_risk', 'off_track'];

const WORDS: Record<ActionStatus, string> = {
  not_started: 'not started',
  on_track: 'on track',
  at_risk: 'at risk',
  off_track: 'off track',
  complete: 'complete',
};

/** The status in plain words: 'on track', 'at risk', 'off track', 'not started', 'complete'. */
export function statusWord(status: ActionStatus): string {
  return WORDS[status];
}

/** Adaptive Card text colour for a status. */
export type StatusColour = 'Good' | 'Warning' | 'Attention' | 'Default' | 'Accent';

export function statusColour(status: ActionStatus): StatusColour {
  switch (status) {
    case 'on_track': return 'Good';
    case 'complete': return 'Good';
    case 'at_risk': return 'Warning';
    case 'off_track': return 'Attention';
    default: return 'Default';
  }
}

export function isOpen(status: ActionStatus): boolean {
  return status !== 'complete';
}

/** Overdue: the due date is before today (London) and the action is not complete. */
export function isOverdue(action: { dueDate: IsoDate; status: ActionStatus }, today: IsoDate): boolean {
  return isOpen(action.status) && action.dueDate < today;
}

/** Whole days late (0 when not overdue). */
export function daysLate(action: { dueDate: IsoDate; status: ActionStatus }, today: IsoDate): number {
  return isOverdue(action, today) ? diffDays(action.dueDate, today) : 0;
}

/** Days until due (negative when the date has passed). */
export function daysUntilDue(action: { dueDate: IsoDate }, today: IsoDate): number {
  return diffDays(today, action.dueDate);
}

/** Due soon: open, not overdue, due within the next `withinDays` days (14 by default). */
export const DUE_SOON_DAYS = 14;
export function isDueSoon(action: { dueDate: IsoDate; status: ActionStatus }, today: IsoDate, withinDays = DUE_SOON_DAYS): boolean {
  if (!isOpen(action.status)) return false;
  const d = daysUntilDue(action, today);
  return d >= 0 && d <= withinDays;
}

/** Urgency order for lists: most overdue first, then by due date, then reference. */
export function compareUrgency(a: { dueDate: IsoDate; ref: string }, b: { dueDate: IsoDate; ref: string }): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.ref.localeCompare(b.ref);
}

const AREA_LABELS: Record<Area, string> = {
  preparing_for_adulthood: 'Preparing for adulthood',
  health_waiting_times: 'Health waiting times',
  ehc_plans: 'EHC plans',
  communication: 'Communication',
};

/** The area for improvement as people write it. */
export function areaLabel(area: Area): string {
  return AREA_LABELS[area];
}
