// The easy-read report's content: the plan in three short sentences, then the ten things that
// matter most, chosen by one fixed rule that the page states (EASY_READ_RULE). Pure: the report
// model in, plain parts out; src/reports/easy-read.ts renders them. Short sentences, plain words,
// no codes, no owners: parents and young people read this. Titles and measure names are the
// partnership's text: the renderer escapes them, and one the public-text screen refuses is left out.
import { screenText } from '../privacy/screen.js';
import { formatValue } from '../measures/words.js';
import { formatDate } from '../time/format.js';
import type { IsoDate } from '../time/dates.js';
import type { MeasureLine } from '../public/measures.js';
import type { QuarterlyReportModel } from './report-model.js';

export const EASY_READ_MOST = 10;
const MOST_LATE = 4;
const MOST_DONE = 3;

/** The rule, said as the page says it. Keep in step with easyReadItems. */
export const EASY_READ_RULE = [
  'We picked these by the same rule each time.',
  'First come the figures that are not on course.',
  'Then the jobs that are most late, up to four.',
  'Then the jobs we finished, up to three.',
  'Then the figures that are on course.',
  'We stop at ten.',
];

export type EasyKind = 'measure-behind' | 'late' | 'done' | 'measure-ahead';

/** One thing that matters: a heading (the partnership's words) and short sentences of the bot's. */
export interface EasyItem { kind: EasyKind; heading: string; sentences: string[]; ref?: string }

export interface EasyRead {
  title: string;
  months: string;
  /** The plan in short: a few sentences. */
  inShort: string[];
  items: EasyItem[];
}

const BEHIND = new Set(['off course', 'target missed']);
const AHEAD = new Set(['on course', 'target met']);

/** Nothing that the public-text screen refuses (a child's details, a phone number…) reaches the page. */
const safe = (text: string) => screenText(text).ok;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function measureItem(l: MeasureLine, kind: EasyKind): EasyItem {
  const now = l.points[l.points.length - 1];
  const aim = `We aim for ${formatValue(l.target.value, l.unit)} by ${formatDate(l.target.date)}.`;
  const said: Record<string, string> = {
    'off course': 'This is not on course.', 'target missed': 'We did not reach our aim.',
    'on course': 'This is on course.', 'target met': 'We reached our aim.',
  };
  return {
    kind, heading: l.name,
    sentences: [said[l.course] ?? 'It is too soon to say.', ...(now ? [`It is ${formatValue(now.value, l.unit)} now.`] : []), aim],
  };
}

function lateSentences(dueDate: IsoDate, daysLate: number): string[] {
  const weeks = Math.floor(daysLate / 7);
  const howLate = weeks >= 1 ? plural(weeks, 'week', 'weeks') : plural(daysLate, 'day', 'days');
  return ['This job is late.', `It was due on ${formatDate(dueDate)}.`, `That is ${howLate} ago.`];
}

/** The ten things, by EASY_READ_RULE: measures behind, most late jobs, jobs finished, measures ahead. */
export function easyReadItems(m: QuarterlyReportModel): EasyItem[] {
  const measures = m.measures.filter((l) => safe(l.name));
  const behind = measures.filter((l) => BEHIND.has(l.course)).map((l) => measureItem(l, 'measure-behind'));
  const late = m.late.filter((l) => safe(l.title)).slice(0, MOST_LATE)
    .map((l): EasyItem => ({ kind: 'late', heading: l.title, ref: l.ref, sentences: lateSentences(l.dueDate, l.daysLate) }));
  // One line per job finished, however often its status moved in the quarter; the latest first.
  const latestFirst = [...m.completed].sort((a, b) => b.on.localeCompare(a.on));
  const done = latestFirst.filter((c, i) => latestFirst.findIndex((o) => o.ref === c.ref) === i && safe(c.title)).slice(0, MOST_DONE)
    .map((c): EasyItem => ({ kind: 'done', heading: c.title, ref: c.ref, sentences: ['This job is done.', `We finished it on ${formatDate(c.on)}.`] }));
  const ahead = measures.filter((l) => AHEAD.has(l.course)).map((l) => measureItem(l, 'measure-ahead'));
  return [...behind, ...late, ...done, ...ahead].slice(0, EASY_READ_MOST);
}

function inShort(m: QuarterlyReportModel): string[] {
  const done = m.counts.complete;
  return [
    `Our plan has ${plural(m.total, 'job', 'jobs')} to make things better.`,
    `${done === 0 ? 'None are' : done === 1 ? 'One is' : `${done} are`} done.`,
    m.overdueCount === 0 ? 'No job is late.' : `${m.overdueCount === 1 ? 'One job is' : `${m.overdueCount} jobs are`} late.`,
    m.completed.length === 0 ? 'We finished no jobs in these months.' : `We finished ${plural(new Set(m.completed.map((c) => c.ref)).size, 'job', 'jobs')} in these months.`,
  ];
}

export function buildEasyRead(m: QuarterlyReportModel): EasyRead {
  return { title: `Easy read: our progress, ${m.months}`, months: m.months, inShort: inShort(m), items: easyReadItems(m) };
}
