// The privacy screen for Experts at Hand request summaries and meeting agendas and notes. The plan
// is public but children are not: text that could identify a child (or family, or staff member)
// is refused with kind, plain reasons. Pure and silent: no I/O, no logging, no text in results.
import { detectAges } from './detect-ages.js';
import { detectDatesOfBirth } from './detect-dob.js';
import { detectNames } from './detect-names.js';
import { detectNhsNumbers, detectUpns } from './detect-numbers.js';
import { detectAddresses, detectPostcodes } from './detect-places.js';
import { PRIVACY_MESSAGES } from './messages.js';
import { buildNameLists } from './name-lists.js';
import { type Finding, PRIVACY_REASON_CODES, type ScreenOptions, type ScreenResult } from './types.js';

/** Spaces that look like spaces, and invisible characters that could split a name or number. */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00A0\u2007\u202F]/gu, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/gu, '');
}

const within = (inner: Finding, outer: Finding): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** Every finding in the text; an age-with-name finding absorbs the plain name inside it. */
export function findPrivacyIssues(text: string, options: ScreenOptions = {}): Finding[] {
  const clean = normalise(text);
  const lists = buildNameLists(options.extraNames ?? []);
  const ages = detectAges(clean, lists);
  const names = detectNames(clean, lists).filter((n) => !ages.some((a) => within(n, a)));
  return [
    ...names,
    ...ages,
    ...detectDatesOfBirth(clean),
    ...detectUpns(clean),
    ...detectNhsNumbers(clean),
    ...detectAddresses(clean),
    ...detectPostcodes(clean),
  ];
}

/**
 * Screens text before it is saved or shared. ok: true when nothing identifying was found;
 * otherwise one reason per kind of problem, in a fixed order, each with a message that says what to
 * change without repeating the text.
 */
export function screenText(text: string, options: ScreenOptions = {}): ScreenResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: true };
  const findings = findPrivacyIssues(text, options);
  if (findings.length === 0) return { ok: true };
  const codes = PRIVACY_REASON_CODES.filter((code) => findings.some((f) => f.code === code));
  return { ok: false, reasons: codes.map((code) => ({ code, message: PRIVACY_MESSAGES[code] })) };
}
