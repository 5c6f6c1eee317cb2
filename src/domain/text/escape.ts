// What a person wrote (notes, reasons, summaries, agenda items, places, titles, names) is shown as
// text, never as markup. One escaper per medium:
//   - Teams Markdown: Adaptive Card TextBlock and FactSet text and message text, which Teams reads
//     as a subset of Markdown ([x](url), **, _, #, lists) and, in messages, <at> and entities;
//   - report Markdown: CommonMark files, where a table cell also ends at "|";
//   - HTML: the report web page.
// The Markdown escapers put a backslash before each character that can start syntax (CommonMark
// lets any ASCII punctuation be escaped, and Teams' renderer follows it), so `unescapeMarkdown`
// gives the original back. Line breaks are kept; a marker at the start of any line is escaped.

/** Characters that open inline syntax anywhere: emphasis, code, links, autolinks, HTML, entities, strikethrough. */
const TEAMS_INLINE = /[\\`*_[\]<>&~]/g;
/** The same, and "|", which ends a table cell in a report. */
const REPORT_INLINE = /[\\`*_[\]<>&~|]/g;
/** A heading, list, quote or setext marker, or a numbered list ("1." / "1)"), at the start of a line. */
const BLOCK_START = /^([ \t]*)(?:([-+>=#])|(\d{1,9})([.)]))/gm;

function escapeMarkdownWith(inline: RegExp, value: string): string {
  return value
    .replace(inline, (c) => `\\${c}`)
    .replace(BLOCK_START, (_all, space: string, mark?: string, digits?: string, dot?: string) =>
      mark ? `${space}\\${mark}` : `${space}${digits}\\${dot}`);
}

/** User text for an Adaptive Card TextBlock or FactSet, or a Teams message's text. */
export function escapeTeamsMarkdown(value: string): string {
  return escapeMarkdownWith(TEAMS_INLINE, value);
}

/** User text inside a line of a Markdown report (list items, paragraphs, table cells). */
export function escapeReportMarkdown(value: string): string {
  return escapeMarkdownWith(REPORT_INLINE, value);
}

/** Back to the text as written (single spaces), from either Markdown escaper. */
export function unescapeMarkdown(escaped: string): string {
  return escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for HTML element content or a double-quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => HTML[c]!);
}
