// When a change is worth telling the workstream lead about: the action goes off track, or its due
// date moves by more than four weeks (either way). Pure; the store queues the message.
import { formatDate } from '../time/format.js';
import { escapeTeamsMarkdown as asText } from '../text/escape.js';
import { diffDays } from '../time/dates.js';
import { statusWord } from '../plan/status.js';
import type { ActionStatus, IsoDate } from '../plan/types.js';

/** A due date moved by more than this many days tells the lead. */
export const LEAD_ALERT_DUE_MOVE_DAYS = 28;

export type LeadAlertReason = 'off_track' | 'due_moved';

interface State { status: ActionStatus; dueDate: IsoDate }

/** The reasons this change should reach the workstream lead (empty: no alert). */
export function leadAlertReasons(before: State, after: State): LeadAlertReason[] {
  const reasons: LeadAlertReason[] = [];
  if (after.status === 'off_track' && before.status !== 'off_track') reasons.push('off_track');
  if (Math.abs(diffDays(before.dueDate, after.dueDate)) > LEAD_ALERT_DUE_MOVE_DAYS) reasons.push('due_moved');
  return reasons;
}

/**
 * Should the lead hear about it? Not when there is no lead, and not when the lead made the change.
 * The workstream's linked chat hears of every such change (src/flows/actions/views.ts), whoever made it.
 */
export function shouldAlertLead(before: State, after: State, leadId: number | null, actorId: number | null): boolean {
  return leadId !== null && leadId !== actorId && leadAlertReasons(before, after).length > 0;
}

function weeksAndDays(days: number): string {
  const abs = Math.abs(days);
  const weeks = Math.floor(abs / 7);
  const rest = abs % 7;
  const parts = [weeks ? `${weeks} ${weeks === 1 ? 'week' : 'weeks'}` : '', rest ? `${rest} ${rest === 1 ? 'day' : 'days'}` : ''].filter(Boolean);
  return parts.join(' and ');
}

export interface LeadAlertInput {
  ref: string;
  /** Where it is read: the lead's personal chat (default), or the workstream's linked chat (its code). */
  linkedChatOf?: string;
  title: string;
  actorName: string;
  before: State;
  after: State;
  note: string | null;
  reason: string | null;
}

/** The message the lead reads: what happened, in plain words, and what was said about it. */
export function leadAlertText(a: LeadAlertInput): string {
  const reasons = leadAlertReasons(a.before, a.after);
  const lines: string[] = [];
  // The lead reads this as a Teams message: every word a person wrote is escaped, never markup.
  const what = `${a.ref} "${asText(a.title)}"`;
  const actor = asText(a.actorName);
  if (reasons.includes('off_track')) {
    lines.push(`${actor} marked ${what} as off track (it was ${statusWord(a.before.status)}).`);
  }
  if (reasons.includes('due_moved')) {
    const days = diffDays(a.before.dueDate, a.after.dueDate);
    const direction = days > 0 ? 'later' : 'earlier';
    const lead = reasons.includes('off_track') ? 'The due date also moved' : `${actor} moved the due date of ${what}`;
    lines.push(`${lead} from ${formatDate(a.before.dueDate)} to ${formatDate(a.after.dueDate)}, ${weeksAndDays(days)} ${direction}.`);
  }
  if (a.reason) lines.push(`Why the date moved: ${asText(a.reason)}`);
  if (a.note) lines.push(`What changed: ${asText(a.note)}`);
  lines.push(a.linkedChatOf ? `Posted here because this chat is linked to ${a.linkedChatOf}.` : 'You get this message because you lead the workstream.');
  return lines.join('\n\n');
}
