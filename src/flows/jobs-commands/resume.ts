// The day reminders start again, from what follows "snooze" or "mute COM-06": a duration chrono-node
// reads ("for two weeks", "10 days", "a fortnight", "for a month"), a day or window the question
// parser reads ("till 1 dec", "until Friday", "until half term") or the day after one ("until
// after half term", "till after Christmas"). School terms come from the plan's term dates.
import * as chrono from 'chrono-node';
import { parseResumeDate } from '../../domain/nudges/snooze-words.js';
import type { IsoDate } from '../../domain/plan/types.js';
import { addDays, isIsoDate, toIsoDate, type SchoolTerm } from '../../domain/time/index.js';
import { parsePeriod } from '../../ask/when/index.js';

export type Resume = { date: IsoDate } | { missing: string } | null;

const DURATION = /^(?:for\s+)?(?:the\s+next\s+|another\s+)?(\d{1,3}|a|an|[a-z]{3,7})\s+(days?|weeks?|fortnights?|months?)$/;
const CONNECTOR = /^(?:until|till|til|to|through|up to|for)\s+/;
const AFTER = /^(?:after|past)\s+(?:the\s+)?/;
const COUNTS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const FILLER = /\s+(?:please|pls|plz|thanks|thank you|thx|ta)$/;

/** "two weeks" from today, as chrono-node reads "in two weeks" ("fortnight" is two weeks). */
function afterDuration(n: string, unit: string, today: IsoDate): IsoDate | null {
  let words = `${n} ${unit}`;
  if (unit.startsWith('fortnight')) {
    const count = /^\d+$/.test(n) ? Number(n) : n === 'a' || n === 'an' ? 1 : COUNTS.indexOf(n) + 1;
    if (!count) return null;
    words = `${2 * count} weeks`;
  }
  const [hit] = chrono.en.GB.parse(`in ${words}`, { instant: new Date(`${today}T12:00:00Z`), timezone: 'Europe/London' }, { forwardDate: true });
  if (!hit || hit.text !== `in ${words}`) return null;
  const c = hit.start;
  const iso = toIsoDate(c.get('year') ?? 0, c.get('month') ?? 0, c.get('day') ?? 0);
  return isIsoDate(iso) ? iso : null;
}

/** The day reminders resume for `when` (lower case, after the command's verb); null when unclear. */
export function resumeDate(when: string, today: IsoDate, terms?: readonly SchoolTerm[]): Resume {
  const t = when.toLowerCase().replace(/[,]/g, ' ').replace(/\s+/g, ' ').trim().replace(FILLER, '');
  const d = DURATION.exec(t);
  if (d) {
    const date = afterDuration(d[1]!, d[2]!, today);
    return date ? { date } : null;
  }
  let phrase = t.replace(CONNECTOR, '');
  const after = AFTER.test(phrase);
  if (after) phrase = phrase.replace(AFTER, '');
  const options = terms ? { terms } : {};
  const period = parsePeriod(phrase, today, options) ?? (after ? null : parsePeriod(`by ${phrase}`, today, options));
  if (period?.missing) return { missing: period.missing };
  if (period) {
    // "until after X": the day after X ends; "until X": the day X starts (or, for "by X", X itself).
    const date = after ? (period.to ? addDays(period.to, 1) : period.from) : period.from && period.from > today ? period.from : period.to;
    if (date && date > today) return { date };
  }
  const fallback = parseResumeDate(`until ${phrase}`, today);
  return fallback ? { date: fallback } : null;
}
