// Single days ("today", "on 4 December", "04/12/2026", "next Friday", "in two weeks' time") read
// by chrono, and whole named months ("in December", "December 2026") read here, because chrono
// reads a bare month as its first day and takes "may I" or "the march of" for months.
import { addDays, endOfMonth, formatDate, toIsoDate } from '../../domain/time/index.js';
import { chronoDays } from './chrono-dates.js';
import { MONTH_RE, MONTHS, find, monthName, nextOrLastMonthYear, resolveMonthYear, window, type Recogniser } from './period.js';

export const relativeDay: Recogniser = ({ text, today }) => {
  const hit = find(text, /\b(today|tomorrow|yesterday|tonight)\b/);
  if (!hit) return null;
  const d = hit.m[1] === 'tomorrow' ? addDays(today, 1) : hit.m[1] === 'yesterday' ? addDays(today, -1) : today;
  return { ...window(d, d, `${hit.m[1] === 'tonight' ? 'today' : hit.m[1]} (${formatDate(d)})`, today, hit.span), source: 'chrono' };
};

/** The first day chrono finds: a date, a weekday, "end of the month". */
export const chronoDay: Recogniser = ({ text, today, past }) => {
  const [d] = chronoDays(text, today, past);
  if (!d) return null;
  const p = window(d.date, d.date, `on ${formatDate(d.date)}`, today, { start: d.start, end: d.end });
  return { ...p, source: 'chrono' };
};

/** Month words that are also ordinary words need a preposition or a year to count as months. */
const RISKY_MONTHS = new Set(['may', 'march', 'mar', 'jan', 'dec', 'sep', 'aug', 'jun', 'jul', 'oct', 'nov', 'feb', 'apr']);
const MONTH_WORD = new RegExp(`\\b(in|during|for|throughout|across|over|of|due|within|next|last|this|coming)? ?(?:the month of )?(${MONTH_RE})(?: (\\d{4})| (next|this|last) year)?\\b`, 'g');

export const wholeMonth: Recogniser = ({ text, today, past }) => {
  MONTH_WORD.lastIndex = 0;
  for (let m = MONTH_WORD.exec(text); m; m = MONTH_WORD.exec(text)) {
    const word = m[2] ?? '';
    if (RISKY_MONTHS.has(word) && !m[1] && !m[3] && !m[4]) continue;
    const month = MONTHS[word] ?? 1;
    const which = m[1] === 'next' || m[1] === 'coming' ? 'next' : m[1] === 'last' ? 'last' : undefined;
    const yearWord = m[4] ? Number(today.slice(0, 4)) + (m[4] === 'next' ? 1 : m[4] === 'last' ? -1 : 0) : undefined;
    const year = m[3] ? Number(m[3]) : yearWord ?? (which ? nextOrLastMonthYear(month, today, which) : resolveMonthYear(month, today, past));
    const from = toIsoDate(year, month, 1);
    const start = m.index + (m[0].length - m[0].trimStart().length);
    return window(from, endOfMonth(from), `in ${monthName(month, year)}`, today, { start, end: m.index + m[0].length });
  }
  return null;
};
