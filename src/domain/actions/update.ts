// Validation of an action update submitted from a card or the chat. Two steps: the card reference
// (action id and version: the only state a card carries) and the person's inputs, which are
// checked against the action as it is now (moving the due date needs a reason). Pure, with zod.
import { z } from 'zod';
import { type ScreenOptions, screenText } from '../privacy/index.js';
import { diffDays, isIsoDate } from '../time/dates.js';
import { ACTION_STATUSES, type ActionStatus, type IsoDate } from '../plan/types.js';

export const NOTE_MAX_CHARS = 2_000;
export const REASON_MAX_CHARS = 500;
/** Due dates outside these years are typing mistakes, not plans. */
export const EARLIEST_DUE: IsoDate = '2000-01-01';
export const LATEST_DUE: IsoDate = '2099-12-31';

const MAX_INT = 2_147_483_647;

/** A whole number from card data: a JSON number, or digits in a string (some clients send strings). */
const wholeNumber = z
  .union([z.number(), z.string().regex(/^\s*\d{1,10}\s*$/).transform((s) => Number(s.trim()))])
  .pipe(z.number().int().min(1).max(MAX_INT));

export const actionIdSchema = wholeNumber;
export const versionSchema = wholeNumber;

/** What an action card carries: the action's id and the version the person saw. */
export const cardRefSchema = z.object({ actionId: actionIdSchema, version: versionSchema });
export type CardRef = z.infer<typeof cardRefSchema>;

/** A card that only names an action (refresh, history, view). */
export const actionOnlySchema = z.object({ actionId: actionIdSchema });

export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const DAMAGED_CARD = "This card doesn't look right, so nothing was changed. Ask me again, for example \"update my actions\".";

export function parseCardRef(data: unknown): ParseResult<CardRef> {
  const r = cardRefSchema.safeParse(data);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: DAMAGED_CARD };
}

export function parseActionId(data: unknown): ParseResult<number> {
  const r = actionOnlySchema.safeParse(data);
  return r.success ? { ok: true, value: r.data.actionId } : { ok: false, message: DAMAGED_CARD };
}

// ---- the person's inputs --------------------------------------------------------------------

export type UpdateField = 'status' | 'note' | 'dueDate' | 'reason';
export type FieldErrors = Partial<Record<UpdateField, string>>;

/** The inputs as typed, cleaned but not judged: shown again in the card when something is wrong. */
export interface SubmittedValues {
  status: string;
  note: string;
  dueDate: string;
  reason: string;
}

export interface ActionChange {
  status: ActionStatus;
  dueDate: IsoDate;
  /** What changed, in the person's words (null when they wrote nothing). */
  note: string | null;
  /** Why the due date moved (null when it did not). */
  reason: string | null;
  statusChanged: boolean;
  dueChanged: boolean;
  /** Days the due date moved: positive later, negative earlier, 0 unchanged. */
  dueMovedDays: number;
}

export type ChangeResult =
  | { ok: true; change: ActionChange; values: SubmittedValues }
  | { ok: false; errors: FieldErrors; values: SubmittedValues };

/** Code points, so an emoji counts as one character, as people count. */
export function charCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

const thousands = (n: number): string => n.toLocaleString('en-GB');

/** Free text as we keep it: NUL and other control characters gone (PostgreSQL refuses NUL), newlines kept. */
export function cleanFreeText(v: unknown): string {
  if (typeof v !== 'string') return '';
  return v
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

const STATUS_MESSAGE = 'Please choose a status: not started, on track, at risk, off track or complete.';
const statusSchema = z.enum(ACTION_STATUSES, { error: STATUS_MESSAGE });

const dueDateSchema = z
  .string()
  .refine(isIsoDate, 'Please give the due date as a real date, for example 14 November 2026.')
  .refine((d) => d >= EARLIEST_DUE && d <= LATEST_DUE, 'Please choose a due date between the years 2000 and 2099.');

function textSchema(max: number, what: string) {
  return z.string().superRefine((s, ctx) => {
    const n = charCount(s);
    if (n > max) ctx.addIssue({ code: 'custom', message: `Please keep ${what} to ${thousands(max)} characters or fewer (this has ${thousands(n)}).` });
  });
}

const noteSchema = textSchema(NOTE_MAX_CHARS, 'what changed');
const reasonSchema = textSchema(REASON_MAX_CHARS, 'the reason');

function firstMessage(r: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return r.success ? undefined : r.error?.issues[0]?.message;
}

/**
 * Plan updates are public, so notes and reasons get the same screen as every other free text.
 * Staff and partners may be named as adults: with a title ("Mrs Khan") or as people in the plan's
 * directory (screen.adultNames); anything that could identify a child is refused.
 */
export function privacyProblem(text: string, screen: ScreenOptions = {}): string | undefined {
  if (!text) return undefined;
  const screened = screenText(text, screen);
  return screened.ok ? undefined : screened.reasons.map((r) => r.message).join(' ');
}

/**
 * A card input arrives as text, or not at all. An object or a list in its place ({"toString": "x"},
 * ["at_risk"]) is refused by type, never turned into a string.
 */
export const cardInputSchema = z.string().nullish();
export const NOT_TEXT_MESSAGE = "This field came back in a form I can't read, so nothing was changed. Please choose or type it again.";

/** The fields of `inputs` that are present but not text. */
function fieldsNotText(inputs: Record<string, unknown>): UpdateField[] {
  return (['status', 'note', 'dueDate', 'reason'] as const).filter((f) => !cardInputSchema.safeParse(inputs[f]).success);
}

function readValues(inputs: Record<string, unknown>, current: { status: ActionStatus; dueDate: IsoDate }): SubmittedValues {
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    status: inputs.status === undefined ? current.status : str(inputs.status).trim(),
    note: cleanFreeText(inputs.note),
    dueDate: inputs.dueDate === undefined ? current.dueDate : str(inputs.dueDate).trim(),
    reason: cleanFreeText(inputs.reason),
  };
}

/**
 * Checks a person's inputs against the action as it is now. Status and due date default to the
 * current ones when absent (a client that leaves an untouched input out); an empty due date is an
 * error. Moving the due date needs a reason. Every problem is reported, one sentence per field.
 */
export function validateChange(
  inputs: Record<string, unknown>,
  current: { status: ActionStatus; dueDate: IsoDate },
  screen: ScreenOptions = {},
): ChangeResult {
  const values = readValues(inputs, current);
  const errors: FieldErrors = {};
  const status = statusSchema.safeParse(values.status);
  if (!status.success) errors.status = STATUS_MESSAGE;
  const due = dueDateSchema.safeParse(values.dueDate);
  if (!due.success) errors.dueDate = firstMessage(due);
  const note = noteSchema.safeParse(values.note);
  errors.note = firstMessage(note) ?? privacyProblem(values.note, screen);
  const reason = reasonSchema.safeParse(values.reason);
  errors.reason = firstMessage(reason) ?? privacyProblem(values.reason, screen);
  const dueChanged = due.success && due.data !== current.dueDate;
  if (dueChanged && !values.reason && !errors.reason) errors.reason = 'You moved the due date: please say why.';
  for (const f of fieldsNotText(inputs)) errors[f] = NOT_TEXT_MESSAGE;
  for (const k of Object.keys(errors) as UpdateField[]) if (errors[k] === undefined) delete errors[k];
  if (Object.keys(errors).length > 0 || !status.success || !due.success) return { ok: false, errors, values };
  return {
    ok: true,
    values,
    change: {
      status: status.data,
      dueDate: due.data,
      note: values.note || null,
      reason: dueChanged ? values.reason : null,
      statusChanged: status.data !== current.status,
      dueChanged,
      dueMovedDays: dueChanged ? diffDays(current.dueDate, due.data) : 0,
    },
  };
}

/** True when the inputs differ from what the card showed: used to skip untouched rows of a multi-action card. */
export function isTouched(inputs: Record<string, unknown>, shown: { status: ActionStatus; dueDate: IsoDate }): boolean {
  const v = readValues(inputs, shown);
  return fieldsNotText(inputs).length > 0 || v.status !== shown.status || v.dueDate !== shown.dueDate || v.note !== '' || v.reason !== '';
}

/** The inputs of one action in a multi-action card: `status_12`, `note_12`, `dueDate_12`, `reason_12`. */
export function inputsFor(data: Record<string, unknown>, actionId: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of ['status', 'note', 'dueDate', 'reason'] as const) {
    const key = `${field}_${actionId}`;
    if (key in data) out[field] = data[key];
  }
  return out;
}

/** What a multi-action card carries: the actions it shows, each with the version the person saw. */
export const manyRefSchema = z.object({ items: z.array(cardRefSchema).min(1).max(50) });

export function parseManyRefs(data: unknown): ParseResult<CardRef[]> {
  const r = manyRefSchema.safeParse(data);
  if (!r.success) return { ok: false, message: DAMAGED_CARD };
  const ids = r.data.items.map((i) => i.actionId);
  if (new Set(ids).size !== ids.length) return { ok: false, message: DAMAGED_CARD };
  return { ok: true, value: r.data.items };
}

/** The action ids a multi-action refresh names. */
export const manyIdsSchema = z.object({ actionIds: z.array(actionIdSchema).min(1).max(50) });
