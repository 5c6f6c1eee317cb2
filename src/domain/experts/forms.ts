// What the Experts at Hand cards send back, checked: the request form, an expert's answer and the
// outcome when a request closes. Every free-text field goes through the privacy screen.
import { z } from 'zod';
import type { IsoDate, Specialism, SupportKind } from '../plan/types.js';
import { SPECIALISMS, SUPPORT_KINDS } from '../plan/types.js';
import { isIsoDate } from '../time/dates.js';
import { formatWhen } from '../time/format.js';
import { londonDate, londonDateTimeToInstant } from '../time/london.js';
import type { ScreenOptions } from '../privacy/index.js';
import { screenFields } from './privacy-check.js';

export type FormCheck<T> = { ok: true; value: T } | { ok: false; message: string; privacy: boolean };

/** A refused form: the message says what to change; privacy marks a refusal by the privacy screen. */
export const refuseForm = <T>(message: string, privacy = false): FormCheck<T> => ({ ok: false, message, privacy });
/** A card input as trimmed text with plain newlines ('' for anything that is not a string). */
export const formText = (raw: unknown): string => (typeof raw === 'string' ? raw.replace(/\r\n?/g, '\n').trim() : '');

/** A card input that must be a number (an id, a length): a number, or digits as text; NaN for anything else, never a TypeError. */
export const formNumber = (raw: unknown): number => z.union([z.number(), z.string().trim().regex(/^\d{1,10}$/).transform(Number)]).catch(Number.NaN).parse(raw);

/** Card inputs arrive as text or numbers; an object or a list in a field's place is refused by type. */
const scalarInput = z.union([z.string(), z.number(), z.boolean()]).nullish();
export const NOT_TEXT_FORM = "Part of this form came back in a form I can't read, so nothing was changed. Please fill it in again.";

/** Refuses the form when any of these fields is present but not a plain value. */
export function wrongTypeIn(raw: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.some((k) => !scalarInput.safeParse(raw[k]).success);
}

/** Said to someone who is not the SENCO of any setting (and not an admin) when they ask for help. */
export const NO_SETTING_MESSAGE = "Experts at Hand requests are opened for a setting, and you're not down as the SENCO of one. Ask an admin to add you to your setting, then try again.";

export const SUMMARY_MIN = 20;
export const SUMMARY_MAX = 1500;

export interface RequestFormValue { settingId: number; specialism: Specialism; kind: SupportKind; summary: string }

const choice = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);

/** The request form: a setting the person may ask for, a specialism, a kind of support and a summary. */
export function checkRequestForm(raw: Record<string, unknown>, allowedSettingIds: number[], screen: ScreenOptions = {}): FormCheck<RequestFormValue> {
  if (wrongTypeIn(raw, ['settingId', 'specialism', 'kind', 'summary'])) return refuseForm(NOT_TEXT_FORM);
  const settingId = formNumber(raw.settingId);
  const specialism = choice(SPECIALISMS).parse(raw.specialism);
  const kind = choice(SUPPORT_KINDS).parse(raw.kind);
  const summary = formText(raw.summary);
  if (!allowedSettingIds.includes(settingId)) return refuseForm('Choose the setting the request is for.');
  if (!specialism) return refuseForm('Choose the kind of expert you need.');
  if (!kind) return refuseForm('Choose the kind of support you need.');
  if (summary.length < SUMMARY_MIN) return refuseForm(`Describe what you need in a sentence or two (at least ${SUMMARY_MIN} characters).`);
  if (summary.length > SUMMARY_MAX) return refuseForm(`Keep the summary under ${SUMMARY_MAX} characters; the expert will ask for more.`);
  const screened = screenFields([{ label: 'Summary', text: summary }], screen);
  if (!screened.ok) return refuseForm(screened.message, true);
  return { ok: true, value: { settingId, specialism, kind, summary } };
}

export const ANSWER_KINDS = ['advice', 'visit', 'call'] as const;
export type AnswerKind = (typeof ANSWER_KINDS)[number];
export const ANSWER_KIND_LABELS: Record<AnswerKind, string> = { advice: 'Advice', visit: 'Visit offered', call: 'Call offered' };

export interface AnswerValue { kind: AnswerKind; text: string; offeredAt: Date | null; note: string }

/**
 * An expert's answer: advice (text required), or a visit or call offered on a date and time
 * (London) that has not passed. The note kept with the request reads as a sentence:
 * "Visit offered: Monday 30 November 2026 at 10:00. Bring the floor plan."
 */
export function checkAnswer(raw: Record<string, unknown>, now: Date, screen: ScreenOptions = {}): FormCheck<AnswerValue> {
  if (wrongTypeIn(raw, ['answerKind', 'answerText', 'answerDate', 'answerTime'])) return refuseForm(NOT_TEXT_FORM);
  const kind = choice(ANSWER_KINDS).parse(raw.answerKind) ?? 'advice';
  const body = formText(raw.answerText);
  if (body.length > 2000) return refuseForm('Keep the answer under 2000 characters.');
  let offeredAt: Date | null = null;
  if (kind === 'advice') {
    if (body.length < 10) return refuseForm('Write your advice (at least 10 characters).');
  } else {
    const date = formText(raw.answerDate);
    const time = formText(raw.answerTime) || '09:00';
    if (!isIsoDate(date)) return refuseForm(`Give the date of the ${kind} you are offering.`);
    if (!/^\d{1,2}:\d{2}$/.test(time)) return refuseForm('Give the time as hours and minutes, such as 10:00.');
    offeredAt = londonDateTimeToInstant(date as IsoDate, time);
    if (londonDate(offeredAt) < londonDate(now)) return refuseForm(`That date has passed: offer a ${kind} from today onwards.`);
  }
  const screened = screenFields([{ label: 'Answer', text: body }], screen);
  if (!screened.ok) return refuseForm(screened.message, true);
  const note = [offeredAt ? `${ANSWER_KIND_LABELS[kind]}: ${formatWhen(offeredAt)}.` : '', body].filter(Boolean).join(' ');
  return { ok: true, value: { kind, text: body, offeredAt, note } };
}

/** The outcome given when a request closes. */
export function checkOutcome(raw: Record<string, unknown>, screen: ScreenOptions = {}): FormCheck<string> {
  if (wrongTypeIn(raw, ['outcome'])) return refuseForm(NOT_TEXT_FORM);
  const outcome = formText(raw.outcome);
  if (outcome.length < 3) return refuseForm('Say in a few words how it ended (the outcome), then close it.');
  if (outcome.length > 1000) return refuseForm('Keep the outcome under 1000 characters.');
  const screened = screenFields([{ label: 'Outcome', text: outcome }], screen);
  if (!screened.ok) return refuseForm(screened.message, true);
  return { ok: true, value: outcome };
}
