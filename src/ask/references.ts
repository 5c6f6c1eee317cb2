// Action and request references as people type them: "COM-06", "com 6", "com-6", "COM06",
// "Com-06", "eah-r-2". Known prefixes (from the plan) may be written loosely; an unknown prefix
// only counts when it looks deliberate ("XYZ-99"), so "year 9" or "post-16" never become actions.
import { isStopWord } from './words.js';

export interface Span { start: number; end: number }

export interface RefMatch extends Span {
  /** The reference in its usual form: 'COM-06'. */
  ref: string;
  /** Forms to look up, most likely first: 'COM-06', 'COM-6', 'COM-006'. */
  candidates: string[];
  /** True when the prefix is one the plan uses. */
  known: boolean;
}

/** Words that look like prefixes but never are (they are followed by numbers in ordinary speech). */
const NOT_PREFIXES = new Set([
  'ws', 'q', 'qtr', 'year', 'yr', 'y', 'ks', 'post', 'pre', 'under', 'over', 'age', 'ages', 'top', 'week', 'wk',
  'day', 'days', 'page', 'from', 'pillar', 'covid', 'the', 'and', 'or', 'in', 'of', 'at', 'to', 'by', 'on', 'for',
  'is', 'are', 'was', 'be', 'me', 'my', 'all', 'any', 'next', 'last', 'first', 'about', 'up', 'than', 'only', 'nov',
  'dec', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'fy', 'term', 'step', 'phase',
  'stage', 'level', 'tier', 'no', 'number', 'ref', 'item', 'eah', 'fte', 'bs', 'dm', 'hd', 'kr',
]);

function pad(n: string, width: number): string {
  return n.padStart(width, '0');
}

export function refCandidates(prefix: string, digits: string): string[] {
  const p = prefix.toUpperCase();
  const n = String(Number(digits));
  const forms = [`${p}-${pad(n, 2)}`, `${p}-${n}`, `${p}-${pad(n, 3)}`, `${p}-${pad(n, 4)}`, `${p}-${pad(n, 5)}`];
  if (digits !== n) forms.push(`${p}-${digits}`);
  return [...new Set(forms)];
}

/**
 * Action references in a lower-case question. `prefixes` are the plan's prefixes (any case).
 * Request references ("eah-r-0002") are not action references and are skipped.
 */
export function findActionRefs(lower: string, prefixes: readonly string[]): RefMatch[] {
  const known = new Set(prefixes.map((p) => p.toLowerCase()));
  const out: RefMatch[] = [];
  const taken: Span[] = [];
  const overlaps = (s: Span) => taken.some((t) => s.start < t.end && t.start < s.end);
  // Request references first, so their parts are never read as actions.
  for (const m of lower.matchAll(/\b[a-z]{2,5}\s?-?\s?r\s?-?\s?\d{1,6}\b/g)) {
    if (/\br\s?-?\s?\d/.test(m[0]) && /-|\s/.test(m[0])) taken.push({ start: m.index, end: m.index + m[0].length });
  }
  // Known prefixes, loosely: "com 6", "com-6", "com06", "com_06", "com. 6".
  // Not before a unit: "EHC 20 weeks" is a time, not EHC-20.
  for (const m of lower.matchAll(/\b([a-z]{2,6})\s?[-_.#]?\s?(\d{1,6})\b(?!\s?(?:(?:weeks?|wks?|days?|months?|years?|hours?|per ?cent)\b|%))/g)) {
    const prefix = m[1] ?? '';
    const digits = m[2] ?? '';
    const span = { start: m.index, end: m.index + m[0].length };
    if (!known.has(prefix) || overlaps(span)) continue;
    const candidates = refCandidates(prefix, digits);
    out.push({ ...span, ref: candidates[0] ?? '', candidates, known: true });
    taken.push(span);
  }
  // Anything else only with a hyphen ("xyz-99") or glued upper-case letters and digits.
  for (const m of lower.matchAll(/\b([a-z]{2,5})-(\d{1,6})\b/g)) {
    const prefix = m[1] ?? '';
    const span = { start: m.index, end: m.index + m[0].length };
    if (known.has(prefix) || NOT_PREFIXES.has(prefix) || overlaps(span)) continue;
    const candidates = refCandidates(prefix, m[2] ?? '');
    out.push({ ...span, ref: `${prefix.toUpperCase()}-${m[2] ?? ''}`, candidates, known: false });
    taken.push(span);
  }
  // "who owns abc 12", "when is xyz 4 due": an unknown prefix with a space, only where a reference is
  // plainly asked about, so "in year 4" or "dec 12" stay what they are.
  for (const m of lower.matchAll(/\b(?:owns|owner of|status of|when is|what is|whats|what's|update on|news on) ([a-z]{3,4}) (\d{1,3})(?= due\b|\s*[?.!]?\s*$)/g)) {
    const prefix = m[1] ?? '';
    const start = m.index + m[0].length - prefix.length - 1 - (m[2] ?? '').length;
    const span = { start, end: m.index + m[0].length };
    if (known.has(prefix) || NOT_PREFIXES.has(prefix) || isStopWord(prefix) || NOT_SPACED_PREFIXES.has(prefix) || overlaps(span)) continue;
    out.push({ ...span, ref: `${prefix.toUpperCase()}-${m[2] ?? ''}`, candidates: refCandidates(prefix, m[2] ?? ''), known: false });
    taken.push(span);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Words before a number that NOT_PREFIXES does not already hold and that a spaced reference must not be ("june 12", "room 4"). */
const NOT_SPACED_PREFIXES = new Set(['june', 'july', 'room', 'unit', 'flat']);

/** Glued upper-case references in the original text ("XYZ99"), for a clear "can't find". */
export function findGluedUnknownRefs(cleaned: string, prefixes: readonly string[]): string[] {
  const known = new Set(prefixes.map((p) => p.toUpperCase()));
  const out: string[] = [];
  for (const m of cleaned.matchAll(/\b([A-Z]{3,5})(\d{2,6})\b/g)) {
    const p = m[1] ?? '';
    if (known.has(p) || NOT_PREFIXES.has(p.toLowerCase()) || /^(WS|Q|KS|FY)/.test(p)) continue;
    out.push(`${p}${m[2] ?? ''}`);
  }
  return out;
}

export interface RequestRefMatch extends Span {
  ref: string;
  candidates: string[];
}

function requestCandidates(prefix: string, digits: string): string[] {
  const n = String(Number(digits));
  return [...new Set([`${prefix}-R-${pad(n, 4)}`, `${prefix}-R-${n}`, `${prefix}-R-${digits}`, `${prefix}-R-${pad(n, 3)}`, `${prefix}-R-${pad(n, 5)}`])];
}

/**
 * Experts at Hand request references: "EAH-R-0002", "eah r 2", "EAHR0002", and loosely "request 2",
 * "request no. 0002" or a bare "0002" (two leading zeros: no year, time or count is written so).
 */
export function findRequestRefs(lower: string): RequestRefMatch[] {
  const out: RequestRefMatch[] = [];
  for (const m of lower.matchAll(/\b([a-z]{2,5})\s?-?\s?r\s?-?\s?(\d{1,6})\b/g)) {
    const prefix = (m[1] ?? '').toUpperCase();
    if (prefix !== 'EAH' && !/-\s?r\s?-/.test(m[0])) continue;
    const candidates = requestCandidates(prefix, m[2] ?? '');
    out.push({ start: m.index, end: m.index + m[0].length, ref: candidates[0] ?? '', candidates });
  }
  if (out.length) return out;
  for (const m of lower.matchAll(/\b(?:requests?|referrals?|req) (?:no\.? ?|number |#)?(\d{1,6})\b|(?<![\w-])#?(00\d{2,4})\b/g)) {
    const candidates = requestCandidates('EAH', m[1] ?? m[2] ?? '');
    out.push({ start: m.index, end: m.index + m[0].length, ref: candidates[0] ?? '', candidates });
  }
  return out;
}
