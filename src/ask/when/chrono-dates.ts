// Days in everyday words, read by chrono-node's British English parser (dd/mm dates, "3rd of Dec",
// "next Friday", "tomorrow", "end of the month"). chrono reads points in time; this file keeps the
// ones that name a calendar day and turns them into London dates. Windows are the callers' work.
import * as chrono from 'chrono-node';
import type { IsoDate } from '../../domain/plan/types.js';
import { isIsoDate, toIsoDate } from '../../domain/time/index.js';
import type { Span } from '../references.js';

export interface ChronoDay extends Span {
  date: IsoDate;
  /** The text named the day of the month (or a weekday, or a relative day), not only a month. */
  text: string;
}

/** Noon UTC of London's day is the same London day all year (GMT or BST), so it anchors chrono. */
function reference(today: IsoDate): chrono.ParsingReference {
  return { instant: new Date(`${today}T12:00:00Z`), timezone: 'Europe/London' };
}

function toDay(r: chrono.ParsedResult): IsoDate | null {
  const c = r.start;
  if (!c.isCertain('day') && !c.isCertain('weekday')) return null;
  const year = c.get('year'); const month = c.get('month'); const day = c.get('day');
  if (year === null || month === null || day === null) return null;
  const iso = toIsoDate(year, month, day);
  return isIsoDate(iso) ? iso : null;
}

function parseChunk(text: string, today: IsoDate, past: boolean, offset: number): ChronoDay[] {
  const out: ChronoDay[] = [];
  for (const r of chrono.en.GB.parse(text, reference(today), { forwardDate: !past })) {
    // "in 5 minutes" is a time, not a day; "now" is a moment ("send my digest now"); "for two
    // weeks" or "10 days" alone is a duration (a snooze), not a window of due dates.
    if (/\b(?:minutes?|mins?|hours?|hrs?|seconds?|secs?)\b/.test(r.text) || /^(?:right )?now$/.test(r.text)) continue;
    if (/^(?:for )?(?:a|an|\d{1,3}|[a-z]{3,6}) (?:days?|weeks?|fortnights?|months?)$/.test(r.text)) continue;
    const date = toDay(r);
    if (date) out.push({ date, text: r.text, start: offset + r.index, end: offset + r.index + r.text.length });
  }
  return out;
}

// chrono's cost grows with the number of date-like fragments, so a long text is read in
// overlapping pieces (a date phrase is far shorter than the overlap) and reading stops at the
// first piece with a day in it: 100,000 characters of "1 dec 1 dec …" stay fast.
const CHUNK = 160;
const STEP = 120;

/**
 * Every day chrono can name holds a digit or starts a word with one of these (weekdays, months,
 * "today", "tmrw", "noon", "week", "fortnight", "ago", …). Most questions hold none, and chrono costs
 * about 2 ms a question however little it finds, so a text without any is not given to it.
 * `test/ask/chrono-hint.test.ts` checks this against every question the project keeps.
 */
const DAY_HINT = /\d|\b(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|tod|tom|tmr|tmw|yes|ton|now|noo|mid|mor|aft|eve|nig|wee|yea|fortn|day|ago|hou|min|sec|qua|las|nex|thi|end|beg|sta|overm|eod|eow|eom)/i;

/** Whether chrono could find a day in the text at all (see DAY_HINT). */
export function mayHoldDay(text: string): boolean {
  return DAY_HINT.test(text);
}

/** The calendar days chrono finds in the first piece of the text that has any, in order. */
export function chronoDays(text: string, today: IsoDate, past: boolean): ChronoDay[] {
  if (!mayHoldDay(text)) return [];
  for (let offset = 0; offset < text.length; offset += STEP) {
    const found = parseChunk(text.slice(offset, offset + CHUNK), today, past, offset);
    if (found.length) return found;
    if (offset + CHUNK >= text.length) break;
  }
  return [];
}

/**
 * chrono is slow the first few times each of its parsers runs (about 40 ms a question, cold), and
 * with most questions holding no day it would stay cold for a long time: read a few phrases of
 * each kind once, at start-up.
 */
export function warmDateParser(today: IsoDate): void {
  for (const phrase of ['next friday', 'on the 3rd of dec', '04/12/2026', 'in two weeks', 'tomorrow at noon', 'a week ago', 'by the end of the month']) {
    chronoDays(phrase, today, false);
    chronoDays(phrase, today, true);
  }
}

/** A phrase that is one calendar day and nothing else ("the 4th of december", "fri", "04/12"). */
export function chronoDay(phrase: string, today: IsoDate, past: boolean): IsoDate | null {
  const p = phrase.trim().replace(/^the /, '');
  const [hit] = chronoDays(p, today, past);
  return hit && hit.start === 0 && hit.end === p.length ? hit.date : null;
}
