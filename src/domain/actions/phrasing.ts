// What people read about updates: refusals, the stale-card notice, history lines. Plain, short,
// kind; names in full, statuses in words, dates in British form, times in London.
import { statusWord } from '../plan/status.js';
import type { ActionChange, ActionStatus, ChangeChannel, IsoDate } from '../plan/types.js';
import { formatDate, formatWhen } from '../time/format.js';
import { londonDate, londonTime } from '../time/london.js';
import { listWords } from '../text/list-words.js';

export const UNKNOWN_PERSON =
  "I don't know you in the plan yet, so I can't let you change anything. Ask an admin to add you to the people list.";

export const ACTION_GONE = "I can't find that action in the plan any more, so nothing was changed.";

export const FUTURE_VERSION =
  "This card doesn't match the plan, so nothing was changed. Here is the action as it is now.";

/** "Only Owen Price (the owner), Priya Shah (the workstream lead) or an admin can change COM-06." */
export function whoMayChange(ref: string, ownerName: string | null, leadName: string | null): string {
  const people: string[] = [];
  if (ownerName && leadName && ownerName === leadName) people.push(`${ownerName} (the owner and workstream lead)`);
  else {
    if (ownerName) people.push(`${ownerName} (the owner)`);
    if (leadName) people.push(`${leadName} (the workstream lead)`);
  }
  people.push('an admin');
  const list = people.length === 1 ? people[0] : `${people.slice(0, -1).join(', ')} or ${people[people.length - 1]}`;
  return `Only ${list} can change ${ref}.`;
}

/** The refusal for someone who may not change the action. Nothing changes. */
export function refusal(ref: string, ownerName: string | null, leadName: string | null): string {
  return `Sorry, you can't change ${ref}, so nothing was changed. ${whoMayChange(ref, ownerName, leadName)}`;
}

export interface LastChange {
  actorName: string | null;
  at: Date;
  via: ChangeChannel;
}

function who(change: LastChange): string {
  if (change.actorName) return change.actorName;
  return change.via === 'import' ? 'The plan import' : 'Someone';
}

/** "Owen Price changed this at 10:42; here is the latest." (with the day when it wasn't today). */
export function staleNotice(change: LastChange | null, now: Date): string {
  if (!change) return 'Someone changed this since your card was made; here is the latest.';
  const day = londonDate(change.at) === londonDate(now) ? '' : ` on ${formatDate(londonDate(change.at))}`;
  return `${who(change)} changed this${day} at ${londonTime(change.at)}; here is the latest.`;
}

/** "Thanks, recorded that COM-06 is still on track (due 31 January 2027)." */
export function confirmedSentence(ref: string, status: ActionStatus, dueDate: IsoDate): string {
  return `Thanks, recorded that ${ref} is still ${statusWord(status)} (due ${formatDate(dueDate)}).`;
}

/** "Saved. COM-06 is now on track, due 31 January 2027." */
export function savedSentence(ref: string, status: ActionStatus, dueDate: IsoDate, alerted: boolean): string {
  const tail = alerted ? ' I have let the workstream lead know.' : '';
  return `Saved. ${ref} is now ${statusWord(status)}, due ${formatDate(dueDate)}.${tail}`;
}

/** One recorded change, with the actor's name for display. */
export interface HistoryEntry extends Omit<ActionChange, 'actionId' | 'actorId'> {
  actorName: string | null;
}

const VIA_WORDS: Record<ChangeChannel, string> = { card: 'by card', chat: 'in chat', import: 'by import', system: 'by the bot' };

export function viaWords(via: ChangeChannel): string {
  return VIA_WORDS[via];
}

/** "Owen Price, Sunday 22 November 2026 at 10:42, by card". */
export function historyHeading(e: HistoryEntry): string {
  return `${who({ actorName: e.actorName, at: e.at, via: e.via })}, ${formatWhen(e.at)}, ${viaWords(e.via)}`;
}

/** "Status: at risk → off track", "Status: set to on track", "Status: confirmed on track"; null when untouched. */
export function statusLine(e: Pick<HistoryEntry, 'statusFrom' | 'statusTo'>): string | null {
  if (!e.statusTo) return null;
  if (!e.statusFrom) return `Status: set to ${statusWord(e.statusTo)}`;
  if (e.statusFrom === e.statusTo) return `Status: confirmed ${statusWord(e.statusTo)}`;
  return `Status: ${statusWord(e.statusFrom)} → ${statusWord(e.statusTo)}`;
}

/** "Due date: 14 November 2026 → 31 January 2027", "Due date: set to 14 November 2026"; null when untouched. */
export function dueLine(e: Pick<HistoryEntry, 'dueFrom' | 'dueTo'>): string | null {
  if (!e.dueTo) return null;
  if (!e.dueFrom) return `Due date: set to ${formatDate(e.dueTo)}`;
  return `Due date: ${formatDate(e.dueFrom)} → ${formatDate(e.dueTo)}`;
}

/** The sentence above a history card. */
export function historySentence(ref: string, total: number, latest: HistoryEntry | undefined): string {
  if (!latest || total === 0) return `${ref} has no recorded changes yet.`;
  const changes = total === 1 ? '1 recorded change' : `${total} recorded changes`;
  return `${ref} has ${changes}. The latest was by ${who({ actorName: latest.actorName, at: latest.at, via: latest.via }).replace(/^The plan import$/, 'the plan import')}, ${formatWhen(latest.at)}.`;
}

/** The note stored with a history row: what changed, then why the date moved. */
export function historyNote(note: string | null, reason: string | null): string | null {
  const parts = [note, reason ? `Why the due date moved: ${reason}` : null].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join('\n\n') : null;
}

/** The action's "last update" after a change: the note, or the reason for a moved date. */
export function lastUpdateText(note: string | null, reason: string | null, dueTo: IsoDate, dueChanged: boolean): string | null {
  if (note) return note;
  if (dueChanged && reason) return `Due date moved to ${formatDate(dueTo)}: ${reason}`;
  return null;
}

/** "COM-05, COM-06 and COM-07". */
export function listRefs(refs: readonly string[]): string {
  return listWords(refs);
}

export const NOTHING_TO_SAVE = "There was nothing to save: you didn't change any of these actions.";

/** "Saved 2 changes: COM-05 and COM-06." */
export function savedManySentence(refs: readonly string[], alerted: number): string {
  const what = refs.length === 1 ? `Saved the change to ${refs[0]}.` : `Saved ${refs.length} changes: ${listRefs(refs)}.`;
  return alerted ? `${what} I have let the workstream ${alerted === 1 ? 'lead' : 'leads'} know where it matters.` : what;
}

export function nothingSavedBecause(sentence: string): string {
  return `Nothing was saved. ${sentence}`;
}

// ---- maturity ratings ---------------------------------------------------------------------------

export const CANNOT_RATE = 'Only workstream leads and admins can rate the maturity matrix, so nothing was changed. Here is the matrix.';

/** "Priya Shah rated pillar 1 at 10:42; here is the latest." */
export function ratingStaleNotice(pillar: string, raterName: string | null, at: Date | null, now: Date): string {
  if (!at) return `Someone rated pillar ${pillar} since your card was made; here is the latest.`;
  const day = londonDate(at) === londonDate(now) ? '' : ` on ${formatDate(londonDate(at))}`;
  return `${raterName ?? 'Someone'} rated pillar ${pillar}${day} at ${londonTime(at)}; here is the latest.`;
}

/** "Saved: pillar 2 is now developing." */
export function ratingSavedSentence(changes: readonly { pillar: string; word: string }[]): string {
  if (changes.length === 1) return `Saved: pillar ${changes[0]?.pillar} is now ${changes[0]?.word}.`;
  return `Saved: ${changes.map((c) => `pillar ${c.pillar} is ${c.word}`).join(', ')}.`;
}
