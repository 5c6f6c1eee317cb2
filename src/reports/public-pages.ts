// The public pages as HTML: the live plan, one action, the index of published reports and a kind
// "not found". Self-contained pages (inline CSS, no scripts, nothing fetched) that a partnership
// can link to or embed on its Local Offer site. Pure: page models in, HTML out. Every text a
// person typed (titles, notes, job titles, organisations) goes through escapeHtml.
import { escapeHtml as esc } from '../domain/text/escape.js';
import { statusWord } from '../domain/plan/status.js';
import type { ActionPageModel, PlanPageModel, StatusRow } from '../domain/public/plan-page.js';
import { WITHHELD_NOTE } from '../domain/public/people.js';
import { formatDate, formatDays, formatLongDate } from '../domain/time/format.js';
import { londonDate } from '../domain/time/london.js';
import type { ActionStatus } from '../domain/plan/types.js';
import { CHART_STATUSES } from './chart.js';
import { measureChart } from './measure-chart.js';
import { COURSE_RULE } from '../domain/measures/words.js';
import type { MeasureLine } from '../domain/public/measures.js';

const CSS = `
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 0; background: #ffffff; line-height: 1.45; }
main { max-width: 860px; margin: 0 auto; padding: 24px 20px 48px; }
nav { font-size: 16px; margin-bottom: 12px; }
a { color: #1d70b8; }
h1 { font-size: 30px; margin: 0 0 6px; }
h2 { font-size: 22px; margin: 32px 0 10px; border-top: 2px solid #1d70b8; padding-top: 14px; }
.lede { font-size: 18px; color: #505a5f; margin: 0 0 8px; }
.late { font-weight: bold; color: #d4351c; }
table { border-collapse: collapse; width: 100%; font-size: 15px; margin: 8px 0 16px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border-bottom: 1px solid #b1b4b6; padding: 4px 6px; text-align: right; vertical-align: top; }
th[scope=row], thead th:first-child, td.text { text-align: left; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; }
dt { font-weight: bold; }
dd { margin: 0; }
blockquote { border-left: 4px solid #b1b4b6; margin: 8px 0; padding: 4px 12px; white-space: pre-wrap; }
footer { color: #505a5f; font-size: 14px; margin-top: 32px; }
.measure { margin: 12px 0 20px; }
.measure h3 { font-size: 18px; margin: 0 0 4px; }
.chart { display: block; margin: 4px 0; }
@media print { nav { display: none; } a { color: #0b0c0c; } }
`.trim();

const NAV = '<nav><a href="/plan">The plan</a> · <a href="/reports">Quarterly reports</a> · <a href="/glossary">Words we use</a></nav>';
const FOOTER = '<footer><p>Published by the partnership bot from the improvement plan. No child is named on this page, and neither is any member of staff: owners appear by job title and organisation, and an update that names anyone is withheld.</p></footer>';

/** A whole page around `body`; `title` is plain text. */
export function page(title: string, body: string): string {
  return ['<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">', `<title>${esc(title)}</title>`, `<style>\n${CSS}\n</style>`,
    '</head>', '<body>', '<main>', NAV, body, FOOTER, '</main>', '</body>', '</html>', ''].join('\n');
}

const capital = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const actionHref = (ref: string) => `/plan/actions/${encodeURIComponent(ref)}`;

function statusTable(first: string, rows: readonly StatusRow[], caption: string): string {
  const head = [first, ...CHART_STATUSES.map((s) => capital(statusWord(s.status))), 'Total', 'Late'];
  const body = rows.map((r) => `<tr><th scope="row">${esc(r.code)}${r.words ? `<br><span>${esc(r.words)}</span>` : ''}</th>${CHART_STATUSES.map((s) => `<td>${r.counts[s.status]}</td>`).join('')}<td>${r.total}</td><td>${r.late}</td></tr>`);
  return `<table>\n<caption>${esc(caption)}</caption>\n<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>\n<tbody>\n${body.join('\n')}\n</tbody>\n</table>`;
}

/** The status as the public should read it: late first when the date has passed, the owner's word beside it. */
function statusText(status: ActionStatus, daysLate: number): string {
  if (daysLate > 0 && status !== 'complete') return `<span class="late">Late by ${esc(formatDays(daysLate))}</span> (its owner's status: ${esc(statusWord(status))})`;
  return esc(capital(statusWord(status)));
}

export function renderPlanPage(m: PlanPageModel): string {
  const p: string[] = [];
  p.push('<h1>Our improvement plan: where it stands</h1>',
    `<p class="lede">The plan as it stands on ${esc(formatLongDate(m.today))}. It changes as owners update their actions.</p>`);
  p.push('<h2>In brief</h2>', '<ul>',
    `<li>The plan has ${n(m.total, 'action')}: ${m.complete} complete and ${m.open} still open.</li>`,
    `<li>${m.late === 0 ? 'No open action is past its due date.' : `${n(m.late, 'open action')} ${m.late === 1 ? 'is' : 'are'} late: past ${m.late === 1 ? 'its' : 'their'} due date, whatever ${m.late === 1 ? 'its owner says' : 'their owners say'}.`}</li>`,
    '</ul>');
  if (m.measures.length > 0) p.push(measuresSection(m.measures));
  p.push('<h2>Status by workstream</h2>', statusTable('Workstream', m.byWorkstream, 'Actions by status for each workstream'));
  p.push('<h2>Status by area for improvement</h2>', statusTable('Area for improvement', m.byArea, 'Actions by status for each area for improvement'));
  if (m.unlinked) {
    const where = m.unlinked.workstreams.map((w) => `${w.code} (${w.count})`).join(', ');
    p.push(`<p>${esc(`${n(m.unlinked.count, 'action')} ${m.unlinked.count === 1 ? 'is' : 'are'} not tied to one area for improvement: ${m.unlinked.count === 1 ? 'it is' : 'they are'} wider work of the plan, in ${where}.`)}</p>`);
  }
  p.push('<h2>Late actions</h2>', m.lateActions.length === 0 ? '<p>Nothing is late.</p>' : `<ul>\n${m.lateActions.map((a) =>
    `<li><a href="${esc(actionHref(a.ref))}">${esc(a.ref)}</a> ${esc(a.title)} (${esc(a.workstream)}): due ${esc(formatDate(a.dueDate))}, ${statusText(a.status, a.daysLate)}.</li>`).join('\n')}\n</ul>`);
  p.push('<h2>Every action</h2>');
  for (const w of m.workstreams) {
    p.push(`<table>\n<caption>${esc(w.words)}</caption>\n<thead><tr><th scope="col">Action</th><th scope="col">What it is</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>\n<tbody>`,
      ...w.actions.map((a) => `<tr><td class="text"><a href="${esc(actionHref(a.ref))}">${esc(a.ref)}</a></td><td class="text">${esc(a.title)}</td><td class="text">${esc(formatDate(a.dueDate))}</td><td class="text">${statusText(a.status, a.daysLate)}</td></tr>`),
      '</tbody>\n</table>');
  }
  return page('Our improvement plan: where it stands', p.join('\n'));
}

/** Each measure: its name, where it stands in words, and a small chart that has the same in words. */
function measuresSection(lines: readonly MeasureLine[]): string {
  const items = lines.map((l) => [
    '<div class="measure">',
    `<h3>${esc(l.name)}: ${esc(l.course)}</h3>`,
    measureChart(l),
    `<p>${esc(l.trendText)} ${esc(l.courseText)}</p>`,
    '</div>',
  ].join('\n'));
  return ['<h2>Are things getting better?</h2>',
    `<p>These are the figures the plan is judged on. ${esc(COURSE_RULE)} In each chart the blue line is the figures so far, the dashed line is the way to the target, and the open dot is the target.</p>`,
    ...items].join('\n');
}

export function renderActionPage(m: ActionPageModel): string {
  const note = m.note === null ? '<p>No update yet.</p>'
    : m.note.kind === 'withheld' ? `<p><em>${esc(capital(WITHHELD_NOTE))}</em>: it names a person, and this page names nobody.</p>`
      : `<blockquote>${esc(m.note.text)}</blockquote>`;
  const on = m.noteOn && m.note !== null ? `<p>Given on ${esc(formatDate(londonDate(m.noteOn)))}.</p>` : '';
  const body = [
    `<h1>${esc(m.ref)}: ${esc(m.title)}</h1>`,
    `<p class="lede">Part of ${esc(m.workstream)}.</p>`,
    '<dl>',
    ...(m.planTitle ? [`<dt>In the plan</dt><dd>${esc(m.planTitle)}</dd>`] : []),
    `<dt>Status</dt><dd>${statusText(m.status, m.daysLate)}</dd>`,
    `<dt>Due</dt><dd>${esc(formatLongDate(m.dueDate))}</dd>`,
    `<dt>Owner</dt><dd>${esc(capital(m.owner))}</dd>`,
    `<dt>Area for improvement</dt><dd>${esc(capital(m.area))}</dd>`,
    '</dl>',
    '<h2>Latest update from the owner</h2>', note, on,
  ];
  return page(`${m.ref}: ${m.title}`, body.join('\n'));
}

export interface ReportListing { slug: string; label: string; months: string; publishedOn: string; easyRead?: boolean }

export function renderReportIndex(reports: readonly ReportListing[]): string {
  const list = reports.length === 0
    ? '<p>No quarterly report has been published yet. Each one is published when its quarter\'s update round closes.</p>'
    : `<ul>\n${reports.map((r) => `<li><a href="/reports/${esc(r.slug)}">${esc(r.label)}</a> (${esc(r.months)}), published ${esc(r.publishedOn)}. ${r.easyRead ? `<a href="/reports/${esc(r.slug)}/easy-read">Easy read</a> · ` : ''}<a href="/reports/${esc(r.slug)}.md">Markdown</a></li>`).join('\n')}\n</ul>`;
  return page('Quarterly progress reports', ['<h1>Quarterly progress reports</h1>',
    `<p class="lede">Every quarter the partnership reports on its improvement plan. The newest is always at <a href="/reports/latest">/reports/latest</a>${reports[0]?.easyRead ? ', and its easy-read version at <a href="/reports/latest/easy-read">/reports/latest/easy-read</a>' : ''}.</p>`, list].join('\n'));
}

export function renderNotFound(what: string): string {
  return page('Page not found', ['<h1>We cannot find that page</h1>', `<p>${esc(what)}</p>`,
    '<p>You can see <a href="/plan">the whole plan</a> or <a href="/reports">the quarterly reports</a>.</p>'].join('\n'));
}
