// A small RFC 4180 CSV reader and writer: quoted fields with embedded commas, quotes ("") and
// line breaks, CRLF or LF line ends, an optional UTF-8 byte order mark. Every record carries the
// physical line it starts on (header = line 1) so errors can point at the right line.

export interface CsvRecord {
  /** Physical line (1-based) on which the record starts. */
  line: number;
  fields: string[];
}

export interface CsvIssue {
  line: number;
  reason: string;
}

export interface CsvParseResult {
  records: CsvRecord[];
  /** Quoting mistakes. After an unclosed quote nothing further is read. */
  issues: CsvIssue[];
}

const BOM = '\uFEFF';

/**
 * Parses CSV text. Blank lines are skipped; a line break inside a quoted field is kept as '\n'
 * (whatever the file's line ends). Quoting mistakes are reported, not thrown.
 */
export function parseCsv(text: string): CsvParseResult {
  const records: CsvRecord[] = [];
  const issues: CsvIssue[] = [];
  const n = text.length;
  let i = text.startsWith(BOM) ? 1 : 0;
  let line = 1;

  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    let blank = true;
    // One record: fields until an unquoted line end or the end of the text.
    for (;;) {
      let field: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        blank = false;
        const fieldLine = line;
        const { value, end, lineBreaks, closed } = readQuoted(text, i + 1);
        i = end;
        line += lineBreaks;
        if (!closed) {
          issues.push({ line: fieldLine, reason: 'a quoted field is never closed (a " is missing)' });
          return { records, issues };
        }
        field = value.replace(/\r\n?/g, '\n');
        // After the closing quote only a comma or a line end may follow.
        const c = text.charCodeAt(i);
        if (i < n && c !== 44 && c !== 10 && c !== 13) {
          issues.push({ line, reason: 'text after a closing quote (a " inside a quoted field must be doubled as "")' });
          const end = nextDelimiter(text, i);
          field += text.slice(i, end);
          i = end;
        }
      } else {
        const end = nextDelimiter(text, i);
        field = text.slice(i, end);
        if (field.trim().length > 0) blank = false;
        if (field.includes('"')) {
          issues.push({ line, reason: 'a " inside an unquoted field (quote the whole field and double the ", as in "say ""hello""")' });
        }
        i = end;
      }
      fields.push(field);
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === 44 /* , */) { i++; blank = false; if (i >= n) { fields.push(''); break; } continue; }
      // Line end: CRLF, LF or a lone CR.
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      break;
    }
    if (!blank) records.push({ line: recordLine, fields });
  }
  return { records, issues };
}

/** A quoted field's value from just after its opening quote: where it ends (after the closing quote) and the line breaks inside. */
function readQuoted(text: string, from: number): { value: string; end: number; lineBreaks: number; closed: boolean } {
  const n = text.length;
  let i = from;
  let value = '';
  let lineBreaks = 0;
  while (i < n) {
    const q = text.indexOf('"', i);
    const chunk = text.slice(i, q === -1 ? n : q);
    value += chunk;
    lineBreaks += countLineBreaks(chunk);
    if (q === -1) break;
    if (text.charCodeAt(q + 1) === 34) { value += '"'; i = q + 2; continue; }
    return { value, end: q + 1, lineBreaks, closed: true };
  }
  return { value, end: n, lineBreaks, closed: false };
}

function nextDelimiter(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Line breaks in a piece of text, counting CRLF once (as editors number lines). */
export function countLineBreaks(s: string): number {
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13 && s.charCodeAt(i + 1) !== 10) count++;
  }
  return count;
}

/** Quotes a field only when it has to: a comma, quote, line break, or space at either end. */
export function formatCsvField(value: string): string {
  if (/[",\r\n]/.test(value) || /^\s|\s$/.test(value)) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

export interface WriteCsvOptions {
  /** Line end after every row; LF by default. */
  eol?: '\n' | '\r\n';
  /** Columns (by index) whose non-empty values are always quoted, as the demo files do for free text. */
  alwaysQuote?: readonly number[];
}

/** Writes rows (the first usually the header), every row ending with the line end. */
export function writeCsv(rows: readonly (readonly string[])[], options: WriteCsvOptions = {}): string {
  const eol = options.eol ?? '\n';
  const always = new Set(options.alwaysQuote ?? []);
  const parts: string[] = [];
  rows.forEach((row, r) => {
    parts.push(row.map((v, c) => (r > 0 && always.has(c) && v !== '' ? `"${v.replace(/"/g, '""')}"` : formatCsvField(v))).join(',') + eol);
  });
  return parts.join('');
}
