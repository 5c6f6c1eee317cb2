// Identifying numbers: Unique Pupil Numbers and NHS numbers. Phone numbers, reference numbers and
// percentages must pass, so NHS numbers are checked with their modulus-11 check digit.
import { allMatches, countDigits, countOccurrences, forText, isAscii, lowered } from './fast-regex.js';
import type { Finding } from './types.js';

// A UPN is a check letter then 12 digits (A123456789012); a temporary UPN ends in a letter
// instead. Writers add spaces or hyphens between groups. Not part of a longer code (ISBNs).
// "UPNA123…" written straight after its label still counts.
const UPN = /(?:(?<![\p{L}\d])|(?<=\bUPN[:#]?))[A-Za-z](?:[ -]?\d){11}(?:[ -]?\d(?![ -]?\d)|[ -]?[A-Za-z](?![\p{L}\d]))/giu;

/** True for a 10-digit string whose last digit is the NHS modulus-11 check digit. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false; // no such NHS number
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

// Runs of digit groups separated by single spaces or hyphens, e.g. "943 476 5919", "01484 221000".
// Writers also use dots, slashes, underscores, bullets or middle dots, repeated spaces and line
// breaks between groups ("943/476/5919", "943_476_5919", "943•476•5919"), and put groups in
// brackets ("(943) 476 5919", "[476] [815] [6290]", "(475)2318016"): a bracket between two groups
// is a separator like a space.
const MARK = String.raw`[-./_\u2022\u00B7\u2027\u2219\u22C5]`;
// The marks come first: " • " is one separator, not a space and then a bullet.
const SEP = String.raw`[ \t]?${MARK}[ \t]?|[ \t]*\r?\n[ \t]*|[)\]}]?[ \t]{1,3}[(\[{]?|[)\]}][(\[{]?`;
// A run starts after no letter, or straight after its label ("NHSno6073202156", "NHS794/807/5593").
const LABEL = String.raw`[Nn][Hh][Ss](?:[Nn][Oo]\.?|[Nn][Uu][Mm](?:[Bb][Ee][Rr])?)?[:#]?`;
const DIGIT_RUN = new RegExp(String.raw`(?:(?<![\p{L}\d+])|(?<=${LABEL}))\d+(?:(?:${SEP})\d+)*(?![\p{L}\d])`, 'gu');
const GROUP_SEPARATOR = new RegExp(SEP, 'gu');

interface Groups { groups: string[]; offsets: number[]; bracketAfter: boolean[]; seps: string[] }

/** A run's digit groups, each with where it starts in the text and whether a bracket closes it. */
function digitGroups(run: string, at: number): Groups {
  const groups: string[] = [];
  const offsets: number[] = [];
  const bracketAfter: boolean[] = [];
  const seps: string[] = [];
  let from = 0;
  for (const sep of allMatches(GROUP_SEPARATOR, run)) {
    groups.push(run.slice(from, sep.index));
    offsets.push(at + from);
    bracketAfter.push(/[)\]}]/.test(sep[0]));
    seps.push(sep[0]);
    from = sep.index + sep[0].length;
  }
  groups.push(run.slice(from));
  offsets.push(at + from);
  bracketAfter.push(false);
  return { groups, offsets, bracketAfter, seps };
}

/** /\+\s*\d{1,3}[ -]?$/ on the text before `at`, read backwards without copying it. */
function afterDiallingCode(text: string, at: number): boolean {
  let i = at - 1;
  const c = text.charCodeAt(i);
  if (c === 32 || c === 45) i--;
  let digits = 0;
  while (i >= 0 && digits < 4 && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) { i--; digits++; }
  if (digits < 1 || digits > 3) return false;
  while (i >= 0 && /\s/u.test(text.charAt(i))) i--;
  return text.charCodeAt(i) === 43;
}

export function detectUpns(text: string): Finding[] {
  if (countDigits(text) < 11) return []; // a UPN holds at least 11 of them
  return allMatches(forText(UPN, isAscii(text)), text).map((m) => ({ code: 'upn' as const, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/**
 * Whether the whole run is one NHS number in another grouping: 3-3-2-2, 2-2-2-2-2, 4-3-3 …: three
 * groups or more, each of two digits or more, ten in all. Writers mix separators too
 * ("943-476 59 19"), so they may differ, unless three groups read as a date ("12/04/2017 10", a
 * date and an hour). A list of years or a version number ("10.12.2018.1234") holds a lone digit or
 * more than ten, so it is never read as one.
 */
function otherGrouping(groups: string[], seps: string[]): boolean {
  if (groups.length < 3) return false;
  let sum = 0;
  for (const g of groups) {
    if (g.length < 2) return false;
    sum += g.length;
  }
  return sum === 10 && (seps.every((s) => s === seps[0]) || !holdsDate(groups, seps));
}

/** Whether groups i..i+2, joined by one mark twice, read as a date, either way round or year first. */
function holdsDate(groups: string[], seps: string[]): boolean {
  for (let i = 0; i + 2 < groups.length; i++) {
    const [a, b, c] = [groups[i] as string, groups[i + 1] as string, groups[i + 2] as string];
    if (seps[i] !== seps[i + 1] || !/[-./]/u.test(seps[i] ?? '')) continue;
    const dayMonthYear = Number(a) >= 1 && Number(a) <= 31 && Number(b) >= 1 && Number(b) <= 31 && (c.length === 4 || c.length === 2);
    const yearMonthDay = a.length === 4 && Number(b) >= 1 && Number(b) <= 12 && Number(c) >= 1 && Number(c) <= 31;
    if (dayMonthYear || yearMonthDay) return true;
  }
  return false;
}

// Letters that stand for digits inside a group of figures ("564 738 29I6", "4O1 O23 2137"): a
// word made only of digits and O, o, I, i or l, with a digit and such a letter in it, is read as
// figures. Words without a digit ("Oil", "ILO") stay words; the length is kept, so spans hold.
const MIXED_GROUP = /(?<![\p{L}\d])(?=[\dOoIil]*[OoIil])(?=[\dOoIil]*\d)[\dOoIil]+(?![\p{L}\d])/gu;
const MAY_MIX = /\d[OoIil]|[OoIil]\d/u;
const AS_DIGIT: Record<string, string> = { O: '0', o: '0', I: '1', i: '1', l: '1' };

function lookalikeDigits(text: string): string {
  if (!MAY_MIX.test(text)) return text;
  return text.replace(MIXED_GROUP, (group) => group.replace(/[OoIil]/gu, (c) => AS_DIGIT[c] ?? c));
}

/**
 * NHS numbers are 10 digits, written whole, as 3-3-4, as two groups of five, or in any other
 * grouping of two digits or more (otherGrouping). A UK phone number starts
 * with 0 (or +44), so those never count; any other 10 digits that pass the check digit do.
 */
export function detectNhsNumbers(original: string): Finding[] {
  const found: Finding[] = [];
  const text = lookalikeDigits(original);
  if (countDigits(text) < 10) return found; // an NHS number holds 10
  for (const m of allMatches(forText(DIGIT_RUN, isAscii(text)), text)) {
    if (afterDiallingCode(text, m.index)) continue; // "+44 …": an international phone number
    const { groups, offsets, bracketAfter, seps } = digitGroups(m[0], m.index);
    const add = (window: string[], i: number): void => {
      const digits = window.join('');
      if (digits.startsWith('0') || !isValidNhsNumber(digits)) return;
      const start = offsets[i] ?? 0;
      found.push({ code: 'nhs_number', start, end: (offsets[i + window.length - 1] ?? start) + (window[window.length - 1] ?? '').length });
    };
    // Look at every window of groups shaped like an NHS number: [10], [3, 3, 4] or [5, 5]; and
    // [3, 7] when a bracket closes the first group, as with a dialling code ("(475)2318016").
    groups.forEach((g, i) => {
      const window = g.length === 10 ? [g] : g.length === 5 ? groups.slice(i, i + 2) : groups.slice(i, i + 3);
      let shape = window.map((w) => w.length).join(',');
      if (g.length === 3 && bracketAfter[i] && groups[i + 1]?.length === 7) {
        window.splice(0, window.length, g, groups[i + 1] as string);
        shape = '3,7';
      }
      if (shape === '10' || shape === '3,3,4' || shape === '5,5' || shape === '3,7') add(window, i);
    });
    if (otherGrouping(groups, seps)) add(groups, 0);
  }
  return [...found, ...labelledNhsNumbers(text)];
}

// "NHS number 4857773456", "N.H.S. no. 9-4-3-4-7-6-5-9-1-9": ten figures straight after the label,
// in any grouping, are an NHS number whatever their check digit: one mistyped still points to a
// child. Only a number starting with 0 (a phone number) is not. "NHS" alone is not the label
// ("NHS 111", "NHS 100 000 00 00" as a reference): there the check digit decides, as elsewhere.
const LABELLED_NHS = /(?<![\p{L}\d])n\.?[ \t]?h\.?[ \t]?s\.?[ \t]*(?:no|num|number|nbr|#)\.?(?:[ \t]+is)?[ \t]*[:#-]?[ \t]*(?<digits>[1-9](?:[ \t./_-]{0,2}\d){9})(?![ \t./_-]{0,2}\d)/giu;

function labelledNhsNumbers(text: string): Finding[] {
  return allMatches(LABELLED_NHS, text).map((m) => ({ code: 'nhs_number' as const, start: m.index, end: m.index + m[0].length }));
}

// Digits written as words, one by one, alone or mixed with figures: "four eight five seven …",
// "NINE, FOUR, THREE …", "943 476 five nine one nine". "oh" and "o" count as zero. A run that
// holds ten digits or more is checked at every ten that start and end between its items.
const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', o: '0', nought: '0', nil: '0', one: '1', two: '2', three: '3', four: '4', five: '5',
  six: '6', seven: '7', eight: '8', nine: '9',
};
const DIGIT_WORD = '(?:zero|oh|o|nought|nil|one|two|three|four|five|six|seven|eight|nine)';
const ITEM = String.raw`(?:\d+|${DIGIT_WORD})`;
const SPELT_RUN = new RegExp(String.raw`\b${ITEM}(?:[\s,.;/_-]{1,4}${ITEM})+\b`, 'gi');
const COUNTED_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'zero', 'oh', 'nought', 'nil'];

/**
 * A quick test before the pattern runs on ASCII text: ten digits, some of them in words, need the
 * text's figures and its digit words (counted wherever they occur, "done" too) to reach ten.
 */
function mayHoldSpeltNumber(text: string): boolean {
  const figures = countDigits(text);
  // Ten words of three letters or more and the gaps between them; with figures, fewer.
  if (text.length < (figures === 0 ? 39 : 13)) return false;
  if (!isAscii(text)) return true;
  // Five words at least when there are no figures: a number with noughts as "o" counts fewer.
  const need = Math.max(1, Math.min(5, 10 - figures));
  return countOccurrences(lowered(text), COUNTED_WORDS, need) >= need;
}

/** Where run's ten digits from item i end (the item's index), or -1. */
function tenFrom(items: string[], i: number): number {
  let sum = 0;
  for (let j = i; j < items.length; j++) {
    sum += (items[j] as string).length;
    if (sum >= 10) return sum === 10 ? j : -1;
  }
  return -1;
}

/** NHS numbers with digits in words, in any case, with the same check digit as the figures. */
export function detectSpeltNhsNumbers(text: string): Finding[] {
  const found: Finding[] = [];
  if (!mayHoldSpeltNumber(text)) return found;
  for (const m of allMatches(SPELT_RUN, text)) {
    const raw = m[0].toLowerCase().split(/[^a-z0-9]+/u).filter((w) => w !== '');
    const items = raw.map((w) => DIGIT_WORDS[w] ?? w);
    for (let i = 0; i < items.length; i++) {
      const j = tenFrom(items, i);
      // Figures alone are detectNhsNumbers' to judge; here a word must be among the ten.
      if (j < 0 || !raw.slice(i, j + 1).some((w) => w in DIGIT_WORDS)) continue;
      const candidate = items.slice(i, j + 1).join('');
      if (!candidate.startsWith('0') && isValidNhsNumber(candidate)) {
        found.push({ code: 'nhs_number', start: m.index, end: m.index + m[0].length });
        break;
      }
    }
  }
  return found;
}
