// The quarterly progress report, in plain language: Markdown for sharing and editing, and a
// self-contained HTML page (inline CSS and SVG, nothing fetched) with a status chart by area for
// improvement and by workstream, what changed this quarter, and what is late and why.
// Pure and deterministic: the same plan and the same day give byte-identical files.
import { escapeHtml, escapeReportMarkdown as t, unescapeMarkdown } from '../domain/text/escape.js';
import { statusWord } from '../domain/plan/status.js';
import { formatDate, formatDays, formatLongDate } from '../domain/time/format.js';
import { CHART_STATUSES, stackedBarChart } from './chart.js';
import { measureChart } from './measure-chart.js';
import { COURSE_RULE } from '../domain/measures/words.js';
import type { MeasureLine } from '../domain/public/measures.js';
import { buildQuarterlyModel, type ChangeLine, type ChartRow, type LateItem, type QuarterlyReportInput, type QuarterlyReportModel } from '../domain/quarterly/report-model.js';

export { buildQuarterlyModel, quarterMonths } from '../domain/quarterly/report-model.js';
export type { ChangeLine, LateItem, QuarterlyReportInput, QuarterlyReportModel } from '../domain/quarterly/report-model.js';

export interface QuarterlyReport {
  model: QuarterlyReportModel;
  markdown: string;
  html: string;
  /** A few plain sentences for the chat summary. */
  summary: string;
}

function n(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Late actions are counted as late, not by the status their owners last gave. */
function openBreakdown(m: QuarterlyReportModel): string {
  const onTime = (s: 'on_track' | 'at_risk' | 'off_track' | 'not_started') => m.counts[s] - m.lateByStatus[s];
  const parts = (['on_track', 'at_risk', 'off_track', 'not_started'] as const).filter((s) => onTime(s) > 0).map((s) => `${onTime(s)} ${statusWord(s)}`);
  if (m.overdueCount > 0) parts.push(`${m.overdueCount} late`);
  if (parts.length === 0) return 'There are no open actions.';
  const last = parts.pop();
  return `Of the open actions, ${parts.length ? `${parts.join(', ')} and ${last}` : last}.`;
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function briefLines(m: QuarterlyReportModel): string[] {
  const changes = [
    m.statusChanges.length ? n(m.statusChanges.length, 'other status change') : '',
    m.dueMoves.length ? n(m.dueMoves.length, 'due date change') : '',
  ].filter(Boolean);
  return [
    `The plan has ${n(m.total, 'action')}: ${m.counts.complete} complete and ${m.open} still open.`,
    openBreakdown(m),
    m.overdueCount === 0 ? 'No open action is past its due date.' : `${n(m.overdueCount, 'open action')} ${m.overdueCount === 1 ? 'is' : 'are'} past ${m.overdueCount === 1 ? 'its' : 'their'} due date.`,
    m.completed.length === 0 ? 'No actions were completed this quarter.' : `${n(m.completed.length, 'action')} ${m.completed.length === 1 ? 'was' : 'were'} completed this quarter.`,
    changes.length === 0 ? 'No other status or due date changes were recorded this quarter.' : `${capital(changes.join(' and '))} ${m.statusChanges.length + m.dueMoves.length === 1 ? 'was' : 'were'} recorded this quarter.`,
    ...(m.added ? [`${n(m.added, 'action')} ${m.added === 1 ? 'was' : 'were'} added to the plan this quarter.`] : []),
    ...(m.baseline ? [baselineWords(m.baseline)] : []),
  ];
}

function baselineWords(b: NonNullable<QuarterlyReportModel['baseline']>): string {
  return `The plan was first loaded on ${formatDate(b.on)} with ${n(b.actions, 'action')}: that is its starting point, not new work.`;
}

/** The actions tied to no area for improvement, said in words rather than as a bare count. */
function unlinkedWords(m: QuarterlyReportModel): string | null {
  const u = m.unlinked;
  if (!u) return null;
  const where = u.workstreams.map((w) => `${w.code} (${w.count})`);
  const list = where.length > 1 ? `${where.slice(0, -1).join(', ')} and ${where[where.length - 1]}` : where[0] ?? '';
  return `${n(u.count, 'action')} ${u.count === 1 ? 'is' : 'are'} not tied to one area for improvement: ${u.count === 1 ? 'it is' : 'they are'} wider work of the plan, in ${list}.`;
}

export function reportSummary(m: QuarterlyReportModel): string {
  const lead = m.final ? `The ${m.quarterLabel} progress report is ready (${m.months}).` : `Here is the ${m.quarterLabel} progress report so far (${m.months}), as it stands on ${formatDate(m.today)}.`;
  return [lead, ...briefLines(m)].join(' ');
}

function changeWord(c: ChangeLine): string {
  return `**${c.ref}** ${t(c.title)} (${c.workstream}): ${c.words} on ${formatDate(c.on)}.${c.note ? ` Note: ${t(c.note)}` : ''}`;
}

function lateWord(l: LateItem): string {
  // Short sentences: the report is read by parents and young people (docs/PLAIN-LANGUAGE.md).
  return `**${l.ref}** ${t(l.title)} (${l.workstream}, ${t(l.owner)}). Late: it was due on ${formatDate(l.dueDate)}, ${formatDays(l.daysLate)} ago. Its owner's status: ${statusWord(l.status)}. Why: ${l.why ? t(l.why) : 'no reason given yet.'}`;
}

function riskWord(l: LateItem): string {
  return `**${l.ref}** ${t(l.title)} (${l.workstream}, ${t(l.owner)}). ${capital(statusWord(l.status))}. Due on ${formatDate(l.dueDate)}. Latest update: ${l.why ? t(l.why) : 'none given yet.'}`;
}

const STATUS_HEADS = CHART_STATUSES.map((s) => capital(statusWord(s.status)));

function mdTable(first: string, rows: readonly ChartRow[]): string[] {
  const head = [first, ...STATUS_HEADS, 'Total'];
  const out = [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const r of rows) {
    const cells = CHART_STATUSES.map((s) => String(r.counts[s.status]));
    const total = CHART_STATUSES.reduce((t, s) => t + r.counts[s.status], 0);
    out.push(`| ${t(r.label)} | ${cells.join(' | ')} | ${total} |`);
  }
  return out;
}

function mdList(items: string[], none: string): string[] {
  return items.length ? items.map((i) => `- ${i}`) : [none];
}

/** 'Average wait for a wheelchair assessment: on course. Getting better: … On course for …' */
const measureWord = (l: MeasureLine): string => `**${t(l.name)}**: ${l.course}. ${l.trendText} ${l.courseText}`;
const MEASURES_INTRO = `These are the figures the plan is judged on. ${COURSE_RULE}`;

export function renderMarkdown(m: QuarterlyReportModel): string {
  const out: string[] = [];
  out.push(`# ${m.title}`, '');
  out.push(`${m.months}. The plan as it stood on ${formatLongDate(m.today)}.${m.final ? '' : ' This is a draft: the quarter is not over yet.'}`, '');
  out.push('## In brief', '', ...briefLines(m).map((l) => `- ${l}`), '');
  if (m.measures.length) out.push('## Are things getting better?', '', MEASURES_INTRO, '', ...mdList(m.measures.map(measureWord), ''), '');
  out.push('## Status by area for improvement', '', ...mdTable('Area for improvement', m.byArea), '', ...(unlinkedWords(m) ? [unlinkedWords(m)!, ''] : []));
  out.push('## Status by workstream', '', ...mdTable('Workstream', m.byWorkstream), '');
  out.push('## What changed this quarter', '');
  out.push('### Completed', '', ...mdList(m.completed.map(changeWord), 'No actions were completed this quarter.'), '');
  out.push('### Status changes', '', ...mdList(m.statusChanges.map(changeWord), 'No other status changes were recorded.'), '');
  out.push('### Due dates moved', '', ...mdList(m.dueMoves.map(changeWord), 'No due dates were moved.'), '');
  out.push('### New actions and updates', '',
    `- ${m.added ? `${n(m.added, 'action')} ${m.added === 1 ? 'was' : 'were'} added to the plan.` : 'No actions were added to the plan.'}`,
    ...(m.baseline ? [`- ${baselineWords(m.baseline)}`] : []),
    `- ${n(m.updatesGiven, 'written update')} ${m.updatesGiven === 1 ? 'was' : 'were'} given on existing actions.`, '');
  out.push('## What is late and why', '', 'Open actions past their due date, most overdue first. "Why" is the owner\'s latest update.', '',
    ...mdList(m.late.map(lateWord), 'Nothing is late.'), '');
  out.push('## At risk or off track, not yet late', '', ...mdList(m.atRisk.map(riskWord), 'No other actions are at risk or off track.'), '');
  out.push('## Maturity ratings', '', ...mdList(m.ratings.map((r) => `Pillar ${r.pillar}${r.workstreams ? ` (${r.workstreams})` : ''}: ${r.words}, rated ${formatDate(r.on)}.${r.note ? ` ${t(r.note)}` : ''}`),
    'No maturity ratings have been recorded yet.'), '');
  out.push('## Updates for this report', '');
  out.push(m.round
    ? `The update round opened on ${formatDate(m.round.opened)}. ${m.round.updated} of ${m.round.open} open actions have had an update since then.`
    : 'No update round ran for this quarter; the statuses are the latest the owners gave.', '');
  out.push('## About this report', '',
    `Built by the partnership bot from the improvement plan on ${formatDate(m.today)}. Quarters follow the financial year: Q1 is April to June, Q2 July to September, Q3 October to December and Q4 January to March. Statuses are on track, at risk, off track, not started and complete. No child is named in this report, and neither is any member of staff: owners appear by job title and organisation, and an update that names anyone is withheld.`, '');
  return out.join('\n');
}

const esc = escapeHtml;

/**
 * A report line (Markdown, people's words escaped by `t`) as HTML: the bot's own **bold** becomes
 * <strong>; an escaped \*\* from a person's note is not bold, and its backslashes go.
 */
function inline(s: string): string {
  const bold = esc(s).replace(/(?<!\\)\*\*((?:\\.|[^*\\])+?)(?<!\\)\*\*/g, '<strong>$1</strong>');
  return unescapeMarkdown(bold);
}

function htmlList(items: string[], none: string): string {
  return items.length ? `<ul>\n${items.map((i) => `<li>${inline(i)}</li>`).join('\n')}\n</ul>` : `<p>${inline(none)}</p>`;
}

function htmlTable(first: string, rows: readonly ChartRow[], caption: string): string {
  const head = [first, ...STATUS_HEADS, 'Total'];
  const body = rows.map((r) => {
    const total = CHART_STATUSES.reduce((t, s) => t + r.counts[s.status], 0);
    return `<tr><th scope="row">${esc(r.label)}</th>${CHART_STATUSES.map((s) => `<td>${r.counts[s.status]}</td>`).join('')}<td>${total}</td></tr>`;
  });
  return `<table>\n<caption>${esc(caption)}</caption>\n<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

const CSS = `
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 0; background: #ffffff; line-height: 1.45; }
main { max-width: 820px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 30px; margin: 0 0 6px; }
h2 { font-size: 22px; margin: 32px 0 10px; border-top: 2px solid #1d70b8; padding-top: 14px; }
h3 { font-size: 18px; margin: 20px 0 6px; }
.lede { font-size: 18px; color: #505a5f; margin: 0 0 8px; }
.draft { background: #fff7bf; border-left: 6px solid #ffdd00; padding: 8px 12px; }
.chart { overflow-x: auto; margin: 8px 0 4px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 4px 6px; text-align: right; }
th[scope=row], thead th:first-child { text-align: left; }
li { margin-bottom: 6px; }
footer { color: #505a5f; font-size: 14px; margin-top: 32px; }
`.trim();

export function renderHtml(m: QuarterlyReportModel): string {
  const p: string[] = [];
  p.push('<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">', `<title>${esc(m.title)}</title>`, `<style>\n${CSS}\n</style>`, '</head>', '<body>', '<main>');
  p.push(`<h1>${esc(m.title)}</h1>`, `<p class="lede">${esc(m.months)}. The plan as it stood on ${esc(formatLongDate(m.today))}.</p>`);
  if (!m.final) p.push('<p class="draft">This is a draft: the quarter is not over yet.</p>');
  p.push('<h2>In brief</h2>', htmlList(briefLines(m), ''));
  if (m.measures.length) {
    p.push('<h2>Are things getting better?</h2>', `<p>${esc(MEASURES_INTRO)}</p>`,
      ...m.measures.map((l) => `<h3>${esc(l.name)}: ${esc(l.course)}</h3>\n${measureChart(l)}\n<p>${esc(`${l.trendText} ${l.courseText}`)}</p>`));
  }
  p.push('<h2>Status by area for improvement</h2>', `<div class="chart">\n${stackedBarChart('Actions by status for each area for improvement', m.byArea, 'chart-area')}\n</div>`,
    htmlTable('Area for improvement', m.byArea, 'Actions by status for each area for improvement'), ...(unlinkedWords(m) ? [`<p>${esc(unlinkedWords(m)!)}</p>`] : []));
  p.push('<h2>Status by workstream</h2>', `<div class="chart">\n${stackedBarChart('Actions by status for each workstream', m.byWorkstream, 'chart-workstream')}\n</div>`,
    htmlTable('Workstream', m.byWorkstream, 'Actions by status for each workstream'));
  p.push('<h2>What changed this quarter</h2>',
    '<h3>Completed</h3>', htmlList(m.completed.map(changeWord), 'No actions were completed this quarter.'),
    '<h3>Status changes</h3>', htmlList(m.statusChanges.map(changeWord), 'No other status changes were recorded.'),
    '<h3>Due dates moved</h3>', htmlList(m.dueMoves.map(changeWord), 'No due dates were moved.'),
    '<h3>New actions and updates</h3>', htmlList([
      m.added ? `${n(m.added, 'action')} ${m.added === 1 ? 'was' : 'were'} added to the plan.` : 'No actions were added to the plan.',
      ...(m.baseline ? [baselineWords(m.baseline)] : []),
      `${n(m.updatesGiven, 'written update')} ${m.updatesGiven === 1 ? 'was' : 'were'} given on existing actions.`,
    ], ''));
  p.push('<h2>What is late and why</h2>', '<p>Open actions past their due date, most overdue first. &ldquo;Why&rdquo; is the owner&rsquo;s latest update.</p>',
    htmlList(m.late.map(lateWord), 'Nothing is late.'));
  p.push('<h2>At risk or off track, not yet late</h2>', htmlList(m.atRisk.map(riskWord), 'No other actions are at risk or off track.'));
  p.push('<h2>Maturity ratings</h2>', htmlList(m.ratings.map((r) => `Pillar ${r.pillar}${r.workstreams ? ` (${r.workstreams})` : ''}: ${r.words}, rated ${formatDate(r.on)}.${r.note ? ` ${t(r.note)}` : ''}`),
    'No maturity ratings have been recorded yet.'));
  p.push('<h2>Updates for this report</h2>', `<p>${esc(m.round
    ? `The update round opened on ${formatDate(m.round.opened)}. ${m.round.updated} of ${m.round.open} open actions have had an update since then.`
    : 'No update round ran for this quarter; the statuses are the latest the owners gave.')}</p>`);
  p.push(`<footer><p>Built by the partnership bot from the improvement plan on ${esc(formatDate(m.today))}. Quarters follow the financial year: Q1 is April to June, Q2 July to September, Q3 October to December and Q4 January to March. Statuses are on track, at risk, off track, not started and complete. No child is named in this report, and neither is any member of staff: owners appear by job title and organisation, and an update that names anyone is withheld.</p></footer>`);
  p.push('</main>', '</body>', '</html>', '');
  return p.join('\n');
}

export function buildQuarterlyReport(input: QuarterlyReportInput): QuarterlyReport {
  const model = buildQuarterlyModel(input);
  return { model, markdown: renderMarkdown(model), html: renderHtml(model), summary: reportSummary(model) };
}
