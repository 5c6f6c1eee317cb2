// School terms, half terms and holidays, from the local authority's term dates (term_dates.csv).
// They are data, not rules: with none imported the answer says so rather than guessing.
import type { IsoDate } from '../../domain/plan/types.js';
import {
  addDays, endOfMonth, toIsoDate, comingHalfTerm, currentOrComingTerm, sortTerms, summerHolidays, termAfter, termBefore, termNamed, type SchoolTerm, type TermName,
} from '../../domain/time/index.js';
import { dayRange, find, window, type Ctx, type Period, type Recogniser } from './period.js';
import type { Span } from '../references.js';

export const NO_TERM_DATES = "I don't know this year's term dates: an admin can import them as term_dates.csv with the plan.";

export function noTermDates(span: Span, said: string): Period {
  return { ...span, label: said, past: false, fromToday: false, missing: NO_TERM_DATES, source: 'calendar' };
}

function termLabel(t: SchoolTerm): string {
  return `${t.name} term ${t.academicYear}`;
}

/** "this term", "next term", "last term", "the spring term": the whole term. */
function termWindow(ctx: Ctx, which: string): { term: SchoolTerm | null; word: string } {
  const terms = ctx.terms ?? [];
  if (which === 'next') return { term: termAfter(terms, ctx.today), word: 'next term' };
  if (which === 'last' || which === 'previous') return { term: termBefore(terms, ctx.today), word: 'last term' };
  if (which === 'autumn' || which === 'spring' || which === 'summer') return { term: termNamed(terms, which as TermName, ctx.today, ctx.past), word: `the ${which} term` };
  return { term: currentOrComingTerm(terms, ctx.today), word: 'this term' };
}

/** The holidays between two terms: "the Christmas holidays" follow autumn, "the Easter holidays" spring. */
function holidaysAfter(terms: readonly SchoolTerm[], name: TermName, today: IsoDate): { from: IsoDate; to: IsoDate } | null {
  const sorted = sortTerms(terms);
  for (const t of sorted.filter((s) => s.name === name)) {
    const next = sorted.find((s) => s.startsOn > t.endsOn);
    if (next && addDays(next.startsOn, -1) >= today) return { from: addDays(t.endsOn, 1), to: addDays(next.startsOn, -1) };
  }
  return null;
}

const TERM_RE = /\b(this|current|next|last|previous|autumn|spring|summer)(?: school)? term\b/;
const HALF_RE = /\bhalf[ -]?term\b/;
const HOLIDAY_RE = /\b(summer|christmas|xmas|easter) (?:school )?(?:holidays?|hols|break)\b/;

// "over Christmas", "during Easter": the holidays; "in the spring", "this autumn": that school term.
const OVER_HOLIDAY_RE = /\b(?:over|during|around|in) (?:the )?(christmas|xmas|easter)\b(?! (?:day|sunday|holidays?|hols|break))/;
const SEASON_RE = /\b(?:in|this|during|over|for) (?:the )?(spring|autumn)\b(?! (?:school )?term)/;
const AFTER_RE = /\b(?:after|since|from the end of) (?:the )?$/;

export const termWindows: Recogniser = (ctx) => {
  const found = termPeriod(ctx);
  // "after half term", "after the Christmas holidays": from the day after it ends.
  const lead = found ? ctx.text.slice(Math.max(0, found.start - 20), found.start) : '';
  const after = AFTER_RE.exec(lead);
  if (!found?.to || found.missing || !after) return found;
  const from = addDays(found.to, 1);
  const span = { start: found.start - lead.length + after.index, end: found.end };
  return { ...window(from, undefined, `after ${found.label.replace(/ \(.*$/, '')} (from ${dayRange(from, from)})`, ctx.today, span), source: 'calendar' };
};

// "summer 2027", "the spring term 2027": the term of that name that starts in that year. Without
// the word "term" and without term dates, the season of the calendar is meant (summer is June to
// August), and the answer says so.
const TERM_YEAR_RE = /\b(?:the )?(spring|summer|autumn)( school)?( term)? (20\d\d)\b/;
const SEASON_MONTHS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11] };

function termInYear(ctx: Ctx, hit: NonNullable<ReturnType<typeof find>>): Period {
  const name = (hit.m[1] ?? 'summer') as TermName;
  const year = hit.m[4] ?? '';
  const word = `the ${name} term of ${year}`;
  const term = sortTerms(ctx.terms ?? []).find((t) => t.name === name && t.startsOn.startsWith(year));
  if (term) return { ...window(term.startsOn, term.endsOn, `in ${word} (${dayRange(term.startsOn, term.endsOn)})`, ctx.today, hit.span), source: 'calendar' };
  if (!hit.m[2] && !hit.m[3]) {
    const [first, last] = SEASON_MONTHS[name] ?? [6, 8];
    const from = toIsoDate(Number(year), first, 1);
    const to = endOfMonth(toIsoDate(Number(year), last, 1));
    return { ...window(from, to, `in ${name} ${year} (${dayRange(from, to)}; I don't have that term's dates)`, ctx.today, hit.span), source: 'calendar' };
  }
  if (!ctx.terms?.length) return noTermDates(hit.span, word);
  return { ...noTermDates(hit.span, word), missing: `The term dates I have don't cover ${word}: an admin can import the year's term_dates.csv.` };
}

function termPeriod(ctx: Ctx): Period | null {
  const inYear = find(ctx.text, TERM_YEAR_RE);
  if (inYear) return termInYear(ctx, inYear);
  const holiday = find(ctx.text, HOLIDAY_RE) ?? find(ctx.text, OVER_HOLIDAY_RE);
  if (holiday) return holidayWindow(ctx, holiday.m[1] ?? 'summer', holiday.span);
  const season = find(ctx.text, SEASON_RE);
  if (season) {
    const { term, word } = termWindow(ctx, season.m[1] ?? 'spring');
    if (!ctx.terms?.length) return noTermDates(season.span, word);
    if (!term) return { ...noTermDates(season.span, word), missing: `The term dates I have don't cover ${word}: an admin can import the year's term_dates.csv.` };
    return { ...window(term.startsOn, term.endsOn, `in ${word} (${termLabel(term)}, ${dayRange(term.startsOn, term.endsOn)})`, ctx.today, season.span), source: 'calendar' };
  }
  const half = find(ctx.text, HALF_RE);
  if (half) {
    if (!ctx.terms?.length) return noTermDates(half.span, 'half term');
    const h = comingHalfTerm(ctx.terms, ctx.today);
    if (!h) return { ...noTermDates(half.span, 'half term'), missing: "The term dates I have don't include another half term: an admin can import the next year's term_dates.csv." };
    return { ...window(h.from, h.to, `half term (${dayRange(h.from, h.to)})`, ctx.today, half.span), source: 'calendar' };
  }
  const hit = find(ctx.text, TERM_RE);
  if (!hit) return null;
  return termOf(ctx, hit);
}

function termOf(ctx: Ctx, hit: NonNullable<ReturnType<typeof find>>): Period {
  const { term, word } = termWindow(ctx, hit.m[1] ?? 'this');
  if (!ctx.terms?.length) return noTermDates(hit.span, word);
  if (!term) return { ...noTermDates(hit.span, word), missing: `The term dates I have don't cover ${word}: an admin can import the year's term_dates.csv.` };
  return { ...window(term.startsOn, term.endsOn, `${word} (${termLabel(term)}, ${dayRange(term.startsOn, term.endsOn)})`, ctx.today, hit.span), source: 'calendar' };
}

function holidayWindow(ctx: Ctx, which: string, span: Span): Period {
  const word = `the ${which === 'xmas' ? 'christmas' : which} holidays`;
  const said = word.replace(/christmas|easter/, (w) => w[0]!.toUpperCase() + w.slice(1));
  if (!ctx.terms?.length) return noTermDates(span, said);
  if (which === 'summer') {
    const s = summerHolidays(ctx.terms, ctx.today);
    if (!s) return { ...noTermDates(span, said), missing: "The term dates I have don't reach the next summer holidays." };
    const note = s.known ? '' : ', as far as the term dates I have show';
    return { ...window(s.from, s.to, `${said} (${dayRange(s.from, s.to)}${note})`, ctx.today, span), source: 'calendar' };
  }
  const h = holidaysAfter(ctx.terms, which === 'easter' ? 'spring' : 'autumn', ctx.today);
  if (!h) return { ...noTermDates(span, said), missing: `The term dates I have don't reach ${said}.` };
  return { ...window(h.from, h.to, `${said} (${dayRange(h.from, h.to)})`, ctx.today, span), source: 'calendar' };
}

/** End points for "by the end of term", "before half term", "before the summer holidays". */
export function termEndPoint(ctx: Ctx, phrase: string): { to: IsoDate; label: string; kind: 'end' | 'start' } | { missing: string; label: string } | null {
  const terms = ctx.terms ?? [];
  if (/^end of (?:the |this )?term$/.test(phrase)) {
    const t = currentOrComingTerm(terms, ctx.today);
    return t ? { to: t.endsOn, label: `the end of term (${termLabel(t)})`, kind: 'end' } : { missing: NO_TERM_DATES, label: 'the end of term' };
  }
  if (/^half[ -]?term$/.test(phrase)) {
    const h = comingHalfTerm(terms, ctx.today);
    return h ? { to: addDays(h.from, -1), label: `half term (${dayRange(h.from, h.to)})`, kind: 'start' } : { missing: NO_TERM_DATES, label: 'half term' };
  }
  if (/^(?:the )?summer (?:holidays?|hols|break)$/.test(phrase)) {
    const s = summerHolidays(terms, ctx.today);
    return s ? { to: addDays(s.from, -1), label: `the summer holidays (from ${dayRange(s.from, s.from)})`, kind: 'start' } : { missing: NO_TERM_DATES, label: 'the summer holidays' };
  }
  return null;
}
