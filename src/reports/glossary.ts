// The glossary on the public pages and in the report: acronyms and workstream codes spelt out on
// first use, a "Words we use" section listing the terms a page uses, and the whole glossary at
// GET /glossary. Applied to the finished HTML or Markdown, so the pages and the report keep one
// renderer each: only the text between tags (HTML) or on a line (Markdown) is read, and every
// meaning added is escaped for its medium like any other text a person wrote.
import { FirstUse, fullGlossary, termsUsed, type GlossaryEntry } from '../domain/public/glossary.js';
import type { Workstream } from '../domain/plan/types.js';
import { escapeHtml as esc, escapeReportMarkdown } from '../domain/text/escape.js';
import { page } from './public-pages.js';
import type { QuarterlyReport } from './quarterly.js';

export interface Glossary {
  terms: readonly GlossaryEntry[];
  workstreams: readonly Pick<Workstream, 'code' | 'name'>[];
}

const HEADING = 'Words we use';
const INTRO = 'What the short forms and special words on this page mean.';

/** Elements whose text is not read as the page's running text: the head, styles, charts (they have their own words) and quoted notes. */
const SKIPPED = new Set(['head', 'style', 'script', 'svg', 'title', 'blockquote']);

/** Calls `onText` for each run of text a reader sees, in order; returns the page with each run replaced. */
export function mapVisibleText(html: string, onText: (text: string) => string): string {
  const open: string[] = [];
  return html.split(/(<[^>]*>)/).map((part) => {
    if (part.startsWith('<')) {
      const m = /^<(\/?)([a-zA-Z][\w-]*)/.exec(part);
      const name = m?.[2]?.toLowerCase();
      if (name && SKIPPED.has(name) && !part.endsWith('/>')) {
        if (m![1] === '/') { const at = open.lastIndexOf(name); if (at >= 0) open.splice(at, 1); } else open.push(name);
      }
      return part;
    }
    return open.length > 0 || part.trim() === '' ? part : onText(part);
  }).join('');
}

function sectionHtml(entries: readonly GlossaryEntry[]): string {
  return [`<h2 id="words-we-use">${HEADING}</h2>`, `<p>${INTRO}</p>`, '<dl>',
    ...entries.map((e) => `<dt>${esc(e.term)}</dt><dd>${esc(e.meaning)}</dd>`), '</dl>'].join('\n');
}

/** A page or report with its acronyms spelt out on first use and a "Words we use" section before its footer. */
export function withGlossaryHtml(html: string, g: Glossary): string {
  const seen: string[] = [];
  mapVisibleText(html, (t) => { seen.push(t); return t; });
  const used = termsUsed(seen.join('\n'), fullGlossary(g.terms, g.workstreams));
  const first = new FirstUse(g.terms, g.workstreams);
  const explained = mapVisibleText(html, (t) => first.explain(t, esc));
  if (used.length === 0) return explained;
  const at = explained.lastIndexOf('<footer>') >= 0 ? explained.lastIndexOf('<footer>') : explained.lastIndexOf('</main>');
  return at < 0 ? explained : `${explained.slice(0, at)}${sectionHtml(used)}\n${explained.slice(at)}`;
}

/** A Markdown line's parts a reader takes one at a time: a table row's cells, or the line. */
function mapMarkdownLine(line: string, onText: (text: string) => string): string {
  if (/^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(line)) return line; // a table's rule
  if (line.startsWith('|')) return line.split(/(?<!\\)\|/).map((cell) => (cell.trim() === '' ? cell : onText(cell))).join('|');
  return line.trim() === '' ? line : onText(line);
}

/** The Markdown report with its acronyms spelt out on first use and a "Words we use" section before "About this report". */
export function withGlossaryMarkdown(markdown: string, g: Glossary): string {
  const used = termsUsed(markdown, fullGlossary(g.terms, g.workstreams));
  const first = new FirstUse(g.terms, g.workstreams);
  const lines = markdown.split('\n').map((l) => mapMarkdownLine(l, (t) => first.explain(t, escapeReportMarkdown)));
  if (used.length === 0) return lines.join('\n');
  const section = [`## ${HEADING}`, '', INTRO, '', ...used.map((e) => `- **${escapeReportMarkdown(e.term)}**: ${escapeReportMarkdown(e.meaning)}`), ''];
  const about = lines.indexOf('## About this report');
  if (about < 0) return [...lines, ...section].join('\n');
  return [...lines.slice(0, about), ...section, ...lines.slice(about)].join('\n');
}

/** GET /glossary: every workstream and every term. */
export function renderGlossaryPage(g: Glossary): string {
  const entries = fullGlossary(g.terms, g.workstreams);
  const body = entries.length === 0
    ? '<p>The partnership has not written its glossary yet.</p>'
    : ['<dl>', ...entries.map((e) => `<dt>${esc(e.term)}</dt><dd>${esc(e.meaning)}</dd>`), '</dl>'].join('\n');
  return page(HEADING, [`<h1>${HEADING}</h1>`, '<p class="lede">The short forms and special words in our plan and reports, and what they mean.</p>', body].join('\n'));
}

/** The report's Markdown and HTML with the glossary applied (the chat summary is left as it is). */
export function withGlossary(report: QuarterlyReport, g: Glossary): QuarterlyReport {
  return { ...report, markdown: withGlossaryMarkdown(report.markdown, g), html: withGlossaryHtml(report.html, g) };
}
