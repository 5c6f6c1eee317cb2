// The easy-read version of a quarterly report as a self-contained HTML page (inline CSS, no
// scripts, nothing fetched): large text, short sentences, one thing per box. Pure: the easy-read
// parts in, HTML out. Every text a person typed (titles, measure names) goes through escapeHtml.
import { escapeHtml as esc } from '../domain/text/escape.js';
import { buildEasyRead, EASY_READ_RULE, type EasyItem, type EasyKind } from '../domain/quarterly/easy-read.js';
import type { QuarterlyReportModel } from '../domain/quarterly/report-model.js';

const CSS = `
body { font-family: Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 0; background: #ffffff; font-size: 20px; line-height: 1.6; }
main { max-width: 760px; margin: 0 auto; padding: 24px 20px 48px; }
nav { font-size: 18px; margin-bottom: 16px; }
a { color: #1d70b8; }
h1 { font-size: 32px; line-height: 1.25; margin: 0 0 12px; }
h2 { font-size: 26px; margin: 32px 0 12px; }
h3 { font-size: 22px; margin: 0 0 6px; }
ol { list-style: none; padding: 0; margin: 0; }
.easy-item { border-left: 8px solid #1d70b8; padding: 8px 16px; margin: 0 0 20px; }
.easy-item p { margin: 0 0 4px; }
.easy-item.behind, .easy-item.late { border-left-color: #d4351c; }
.easy-item.done, .easy-item.ahead { border-left-color: #00703c; }
.tag { display: inline-block; font-weight: bold; font-size: 18px; }
footer { color: #505a5f; font-size: 18px; margin-top: 32px; }
`.trim();

const CLASS: Record<EasyKind, string> = { 'measure-behind': 'behind', late: 'late', done: 'done', 'measure-ahead': 'ahead' };
// Words, not colour alone, say what each box is.
const TAG: Record<EasyKind, string> = { 'measure-behind': 'Needs to get better', late: 'Late', done: 'Done', 'measure-ahead': 'Going well' };

function item(i: EasyItem, n: number): string {
  const heading = i.ref ? `<a href="/plan/actions/${esc(encodeURIComponent(i.ref))}">${esc(i.heading)}</a>` : esc(i.heading);
  return [`<li class="easy-item ${CLASS[i.kind]}">`, `<p class="tag">${n}. ${TAG[i.kind]}</p>`, `<h3>${heading}</h3>`,
    ...i.sentences.map((s) => `<p>${esc(s)}</p>`), '</li>'].join('\n');
}

/** The easy-read page for the report of `model`, linking to the full report at /reports/{slug}. */
export function renderEasyRead(model: QuarterlyReportModel, slug: string): string {
  const e = buildEasyRead(model);
  const full = `/reports/${esc(encodeURIComponent(slug))}`;
  const body = [
    `<nav aria-label="Report links"><p><a href="${full}">The full report</a> · <a href="/reports">All reports</a> · <a href="/plan">The plan</a></p></nav>`,
    `<h1>${esc(e.title)}</h1>`,
    '<p>This is the easy-read report. It is short. It uses plain words.</p>',
    '<h2>Our plan in short</h2>', ...e.inShort.map((s) => `<p>${esc(s)}</p>`),
    `<h2>The ${e.items.length === 10 ? 'ten ' : ''}things that matter most</h2>`, ...EASY_READ_RULE.map((s) => `<p>${esc(s)}</p>`),
    e.items.length === 0 ? '<p>There is nothing to show yet.</p>' : `<ol>\n${e.items.map((i, k) => item(i, k + 1)).join('\n')}\n</ol>`,
    '<h2>Find out more</h2>', `<p>The <a href="${full}">full report</a> has all the facts.</p>`,
    '<footer><p>This report names no child. It names no staff.</p></footer>',
  ];
  return ['<!DOCTYPE html>', '<html lang="en-GB">', '<head>', '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">', `<title>${esc(e.title)}</title>`, `<style>\n${CSS}\n</style>`,
    '</head>', '<body class="easy-read">', '<main>', ...body, '</main>', '</body>', '</html>', ''].join('\n');
}
