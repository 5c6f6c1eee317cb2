// What the meeting cards send back, checked: a new meeting, an agenda item, notes and follow-ups.
// Agenda items, place, notes and follow-ups go through the privacy screen: case discussions stay
// anonymised.
import type { IsoDate } from '../plan/types.js';
import { formNumber, formText as text, NOT_TEXT_FORM, refuseForm as fail, screenFields, wrongTypeIn, type FormCheck } from '../experts/index.js';
import type { ScreenOptions } from '../privacy/index.js';
import { isIsoDate } from '../time/dates.js';
import { londonDateTimeToInstant } from '../time/london.js';

/** One item per line; bullets and numbering people paste in are dropped. */
export const lines = (raw: unknown): string[] =>
  text(raw).split('\n').map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim()).filter(Boolean);

export const MEETING_LENGTHS = [30, 45, 60, 75, 90, 120, 150, 180] as const;
export const MAX_AGENDA_ITEMS = 20;
export const MAX_ITEM_CHARS = 200;

export interface MeetingFormValue { clusterId: number; startsAt: Date; durationMinutes: number; location: string; agenda: string[] }

export function checkMeetingForm(raw: Record<string, unknown>, allowedClusterIds: number[], now: Date, screen: ScreenOptions = {}): FormCheck<MeetingFormValue> {
  if (wrongTypeIn(raw, ['clusterId', 'date', 'time', 'durationMinutes', 'location', 'agenda'])) return fail(NOT_TEXT_FORM);
  const clusterId = formNumber(raw.clusterId);
  const date = text(raw.date);
  const time = text(raw.time);
  const durationMinutes = formNumber(raw.durationMinutes);
  const location = text(raw.location);
  const agenda = lines(raw.agenda);
  if (!allowedClusterIds.includes(clusterId)) return fail('Choose a cluster you chair.');
  if (!isIsoDate(date)) return fail('Choose the date of the meeting.');
  if (!/^\d{1,2}:\d{2}$/.test(time)) return fail('Choose the start time, such as 13:30.');
  const startsAt = londonDateTimeToInstant(date as IsoDate, time);
  if (startsAt.getTime() <= now.getTime()) return fail('That time has passed: choose a time in the future.');
  if (!Number.isInteger(durationMinutes) || durationMinutes < 15 || durationMinutes > 480) return fail('Choose how long the meeting lasts.');
  if (location.length < 2 || location.length > 200) return fail('Say where the meeting is: a school, a room, or Teams.');
  if (agenda.length > MAX_AGENDA_ITEMS) return fail(`Keep the agenda to ${MAX_AGENDA_ITEMS} items; SENCOs can add more from the card.`);
  if (agenda.some((a) => a.length > MAX_ITEM_CHARS)) return fail(`Keep each agenda item under ${MAX_ITEM_CHARS} characters.`);
  const screened = screenFields([{ label: 'Place', text: location }, ...agenda.map((a, i) => ({ label: `Agenda item ${i + 1}`, text: a }))], screen);
  if (!screened.ok) return fail(screened.message, true);
  return { ok: true, value: { clusterId, startsAt, durationMinutes, location, agenda } };
}

export function checkAgendaItem(raw: Record<string, unknown>, screen: ScreenOptions = {}): FormCheck<string> {
  if (wrongTypeIn(raw, ['agendaItem'])) return fail(NOT_TEXT_FORM);
  const item = text(raw.agendaItem).replace(/\s+/g, ' ');
  if (item.length < 3) return fail('Write the agenda item first.');
  if (item.length > MAX_ITEM_CHARS) return fail(`Keep an agenda item under ${MAX_ITEM_CHARS} characters.`);
  const screened = screenFields([{ label: 'Agenda item', text: item }], screen);
  if (!screened.ok) return fail(screened.message, true);
  return { ok: true, value: item };
}

export interface NotesValue { notes: string | null; followUps: string[] }

export function checkNotes(raw: Record<string, unknown>, screen: ScreenOptions = {}): FormCheck<NotesValue> {
  if (wrongTypeIn(raw, ['notes', 'followUps'])) return fail(NOT_TEXT_FORM);
  const notes = text(raw.notes);
  const followUps = lines(raw.followUps);
  if (!notes && followUps.length === 0) return fail('Write the notes or at least one follow-up.');
  if (notes.length > 4000) return fail('Keep the notes under 4000 characters.');
  if (followUps.length > 30 || followUps.some((f) => f.length > 300)) return fail('Keep to 30 follow-ups of up to 300 characters each.');
  const screened = screenFields([{ label: 'Notes', text: notes }, ...followUps.map((f, i) => ({ label: `Follow-up ${i + 1}`, text: f }))], screen);
  if (!screened.ok) return fail(screened.message, true);
  return { ok: true, value: { notes: notes || null, followUps } };
}
