// How the public pages and the quarterly report print (and so how the PDF looks): A4, no
// navigation, links in the text's colour, charts kept whole and scaled to the paper, headings kept
// with what follows, table heads repeated on each page. Added when a page is served, not when a
// report is kept, so reports published before this stylesheet print as well as new ones.

export const PRINT_CSS = `
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
  html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 11pt; line-height: 1.4; }
  main { max-width: none; margin: 0; padding: 0; }
  nav, .no-print { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h1 { font-size: 20pt; }
  h2 { font-size: 15pt; margin-top: 16pt; }
  h3 { font-size: 12.5pt; }
  h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
  svg, .chart, .measure, .easy-item, dl, blockquote, li, tr { break-inside: avoid; page-break-inside: avoid; }
  .chart { overflow: visible; }
  svg { max-width: 100%; height: auto; }
  /* A measure's chart stays with the sentences under it. */
  svg.chart { display: block; break-after: avoid; page-break-after: avoid; }
  body.easy-read { font-size: 14pt; }
  thead { display: table-header-group; }
  table { font-size: 9.5pt; }
  p { orphans: 3; widows: 3; }
  footer { break-before: avoid; }
}
`.trim();

const TAG = `<style media="print">\n${PRINT_CSS}\n</style>`;

/** The page with the print stylesheet in its head (once, however often it is passed through). */
export function withPrintCss(html: string): string {
  if (html.includes(TAG)) return html;
  const at = html.indexOf('</head>');
  return at < 0 ? html : `${html.slice(0, at)}${TAG}\n${html.slice(at)}`;
}

export interface ReportLinks { slug: string; easyRead: boolean }

/**
 * The links a kept report carries on the site: to the index, the plan, its easy-read version and
 * its Markdown. Put after <main> when served, since reports are kept without them.
 */
export function withReportLinks(html: string, links: ReportLinks): string {
  const at = html.indexOf('<main>');
  if (at < 0 || html.includes('<nav aria-label="Report links"')) return html;
  const base = `/reports/${encodeURIComponent(links.slug)}`;
  const items = [
    '<a href="/plan">The plan</a>', '<a href="/reports">All quarterly reports</a>',
    ...(links.easyRead ? [`<a href="${base}/easy-read">Easy-read version</a>`] : []),
    `<a href="${base}.md">Markdown</a>`,
  ];
  const nav = `<nav aria-label="Report links"><p>${items.join(' · ')}</p></nav>`;
  const end = at + '<main>'.length;
  return `${html.slice(0, end)}\n${nav}${html.slice(end)}`;
}
