// The privacy screen for every free text a person saves or shares: Experts at Hand requests,
// answers and outcomes, action notes and reasons, maturity notes, meeting agendas and notes, and
// imported plan text. The plan is public but children are not: text that could identify a child
// is refused with kind, plain reasons. Adults named as adults (a title and a surname, or someone
// in the plan's directory) are accepted. Pure and silent: no I/O, no logging, no text in results.
import { adultContextSpans } from './adult-context.js';
import { adultSpans, directoryWords } from './detect-adults.js';
import { detectAges } from './detect-ages.js';
import { detectDatesOfBirth } from './detect-dob.js';
import { detectInitials } from './detect-initials.js';
import { detectLaterClauseNames } from './detect-later-clauses.js';
import { detectNames } from './detect-names.js';
import { detectNhsNumbers, detectSpeltNhsNumbers, detectUpns } from './detect-numbers.js';
import { detectAddresses, detectPostcodes } from './detect-places.js';
import { placeWords } from './plan-places.js';
import { countDigits } from './fast-regex.js';
import { PRIVACY_MESSAGES } from './messages.js';
import { buildNameLists } from './name-lists.js';
import { figuresAsLetters, formatAsSpaces, isShouted, normaliseForScreen } from './normalise.js';
import { tokenize } from './text.js';
import { type Finding, PRIVACY_REASON_CODES, type ScreenOptions, type ScreenResult } from './types.js';

// One empty directory for every call without one, so its lookup tables are built once.
const NO_ADULTS: readonly string[] = [];
const NO_PLACES: readonly string[] = [];

const within = (inner: Finding, outer: Finding): boolean => inner.start >= outer.start && inner.end <= outer.end;

/**
 * Every finding in the text; an age-with-name finding absorbs the plain name inside it. A joiner
 * between two letters may hide a space as well as sit inside a word ("JACK\u200DSMITH"): such text
 * is screened all three ways (rare: only text with a format character between letters).
 */
export function findPrivacyIssues(text: string, options: ScreenOptions = {}): Finding[] {
  const spaced = formatAsSpaces(text);
  const found = findInText(text, options);
  // "L1ly-R0se is 4": read again with the figures as letters; only the names and ages that reading finds.
  const lettered = figuresAsLetters(text);
  if (lettered !== undefined) found.push(...findInText(lettered, options).filter((f) => f.code === 'personal_name' || f.code === 'age_with_name'));
  if (spaced === undefined) return found;
  // …and with every joiner simply gone, as a reader sees it: "jOs\u2060HuA" is "jOsHuA", not two words.
  return [...found, ...findInText(spaced, options), ...findInText(text.replace(/\p{Cf}+/gu, ''), options)];
}

function findInText(text: string, options: ScreenOptions): Finding[] {
  const clean = normaliseForScreen(text);
  const shouted = isShouted(clean);
  const lists = buildNameLists(options.extraNames ?? []);
  const tokens = tokenize(clean);
  const directory = directoryWords(options.adultNames ?? NO_ADULTS, lists.isKnownFirstName);
  const foundAges = detectAges(clean, lists, shouted);
  const foundNames = [...detectNames({ text: clean, tokens, lists, shouted }), ...detectLaterClauseNames(clean, tokens, lists, shouted)];
  // Adults only excuse names and ages: most texts have neither, and need not look for them.
  const adults = foundAges.length + foundNames.length > 0 ? adultSpans(clean, tokens, lists, directory, shouted) : [];
  const ages = foundAges.filter((a) => !adults.some((s) => within(a, s)));
  let atWork: Finding[] | undefined;
  let places: ReadonlySet<string> | undefined;
  const names = foundNames.filter((n) => {
    if (ages.some((a) => within(n, a)) || adults.some((s) => within(n, s))) return false;
    if (n.byCue) return true;
    // A directory person's first name or surname alone is fine, and so is a word of the plan's
    // places or a name the words around place at work (adult-context.ts), unless a child cue
    // points at it.
    places ??= placeWords(options.placeNames ?? NO_PLACES, lists.isKnownFirstName);
    if (clean.slice(n.start, n.end).toLowerCase().split(/\s+/u).every((w) => directory.words.has(w) || directory.shortForms.has(w) || places!.has(w))) return false;
    atWork ??= adultContextSpans(clean, tokens, lists);
    return !atWork.some((s) => within(n, s));
  });
  // Initials count only beside a child cue, so no adult or directory entry excuses them.
  const named = [...names, ...detectInitials(clean, shouted)];
  // Numbers, postcodes and dates all need a digit (unless spelt out); most titles have none.
  const spelt = [...detectSpeltNhsNumbers(clean), ...detectDatesOfBirth(clean)];
  if (countDigits(clean) === 0) return [...named, ...ages, ...spelt, ...detectAddresses(clean, shouted)];
  return [
    ...named,
    ...ages,
    ...spelt,
    ...detectUpns(clean),
    ...detectNhsNumbers(clean),
    ...detectAddresses(clean, shouted),
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
