// Reading an import folder: which of the plan's files it holds, and each file's rows checked
// against its schema as the file streams through csv-parse (the first pass of an import: the text
// is never held whole, only the typed rows). Every problem is collected as `file.csv:LINE: reason`;
// nothing is thrown, and nothing is written until every file has passed.
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { parse, type CsvError, type Options as CsvOptions } from 'csv-parse';
import { countLineBreaks } from './csv.js';
import type { ImportIssue } from './import-types.js';
import { COLUMNS, OPTIONAL_COLUMNS, PLAN_FILES, parseRow, type PlanFileName, type RowOf } from './rows.js';

export interface Parsed<R> {
  line: number;
  row: R;
}
export type ParsedFiles = { [F in PlanFileName]?: Parsed<RowOf<F>>[] };

export interface FolderInput {
  files: ParsedFiles;
  issues: ImportIssue[];
  /** The folder itself is unusable: nothing more to check. */
  fatal: boolean;
}

/**
 * Called with each checked row of a file as it is read; a promise returned holds the reading back
 * until it settles (a copy into the database that has fallen behind).
 */
export type RowTaps = { [F in PlanFileName]?: (row: RowOf<F>) => Promise<void> | undefined };

export async function readFolder(folder: string, taps: RowTaps = {}): Promise<FolderInput> {
  const issues: ImportIssue[] = [];
  let entries: string[];
  try {
    if (!fs.statSync(folder).isDirectory()) return { files: {}, issues: [{ file: folder, reason: 'is not a folder' }], fatal: true };
    entries = fs.readdirSync(folder);
  } catch {
    return { files: {}, issues: [{ file: folder, reason: 'no such folder' }], fatal: true };
  }
  const found = new Map<PlanFileName, string>();
  for (const name of entries.sort()) {
    if (!name.toLowerCase().endsWith('.csv')) continue;
    const known = PLAN_FILES.find((f) => f === name.toLowerCase());
    if (known) found.set(known, name);
    else issues.push({ file: name, reason: `is not one of the plan's files (${PLAN_FILES.join(', ')})` });
  }
  if (found.size === 0 && issues.length === 0) {
    return { files: {}, issues: [{ file: folder, reason: `has none of the plan's files (${PLAN_FILES.join(', ')})` }], fatal: true };
  }
  const files: ParsedFiles = {};
  for (const file of PLAN_FILES) {
    const name = found.get(file);
    if (name === undefined) continue;
    // Each file type is read by its own schema; the cast only re-attaches the key's row type.
    (files as Record<PlanFileName, unknown>)[file] = await readFile(file, path.join(folder, name), issues,
      taps[file] as ((row: unknown) => Promise<void> | undefined) | undefined);
  }
  return { files, issues, fatal: false };
}

/** Passes the bytes on unchanged, failing the stream at the first byte sequence that is not UTF-8. */
function utf8Check(): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try { decoder.decode(chunk, { stream: true }); } catch { done(new NotUtf8()); return; }
      done(null, chunk);
    },
    flush(done) {
      try { decoder.decode(); } catch { done(new NotUtf8()); return; }
      done();
    },
  });
}

class NotUtf8 extends Error {}

/**
 * The physical line a record starts on, from the line it ends on and its raw text (the record with
 * the blank lines before it and the line end after it).
 */
function startLine(endLine: number, raw: string): number {
  // Nearly every record is one line with its line end: no need to strip and count.
  const end = raw.endsWith('\r\n') ? raw.length - 2 : raw.endsWith('\n') || raw.endsWith('\r') ? raw.length - 1 : raw.length;
  const n = raw.indexOf('\n');
  const r = raw.indexOf('\r');
  if ((n < 0 || n >= end) && (r < 0 || r >= end)) return endLine;
  return endLine - countLineBreaks(raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\r|\n)$/, ''));
}

/** Checks the header; returns where each column is, or null when a column is missing. */
function checkHeader(file: PlanFileName, names: string[], line: number, issues: ImportIssue[]): number[] | null {
  const columns: readonly string[] = COLUMNS[file];
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) issues.push({ file, line, reason: `column ${JSON.stringify(n)} appears twice in the header` });
    seen.add(n);
  }
  const optional: readonly string[] = OPTIONAL_COLUMNS[file] ?? [];
  const missing = columns.filter((c) => !seen.has(c) && !optional.includes(c));
  const unknown = names.filter((n) => !columns.includes(n));
  if (missing.length > 0) {
    issues.push({ file, line, reason: `missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} (the header must be: ${columns.join(',')})` });
  }
  if (unknown.length > 0) {
    issues.push({ file, line, reason: `unknown ${unknown.length === 1 ? 'column' : 'columns'} ${unknown.map((u) => JSON.stringify(u)).join(', ')} (the header must be: ${columns.join(',')})` });
  }
  return missing.length > 0 ? null : columns.map((c) => names.indexOf(c));
}

/**
 * One copy of each repeated cell text per column: a million rows name the same few statuses,
 * owners, workstreams and dates over and over, and each parsed copy would otherwise be kept. A
 * column whose texts keep differing (refs, titles) stops being pooled once its pool is full.
 */
class CellPool {
  private readonly pools: Map<string, string>[];
  constructor(columns: number, private readonly limit = 20_000) {
    this.pools = Array.from({ length: columns }, () => new Map());
  }
  get(column: number, text: string): string {
    const pool = this.pools[column]!;
    const known = pool.get(text);
    if (known !== undefined) return known;
    if (pool.size < this.limit) pool.set(text, text);
    return text;
  }
}

/** One record checked against the file's schema: its row, or its problems added to `issues`. */
function rowOf<F extends PlanFileName>(file: F, fields: string[], line: number, width: number, index: number[], issues: ImportIssue[],
  pool: CellPool): RowOf<F> | undefined {
  if (fields.length !== width) {
    issues.push({ file, line, reason: `has ${fields.length} ${fields.length === 1 ? 'field' : 'fields'} but the header has ${width} (a missing comma, or a comma in a field that is not quoted?)` });
    return undefined;
  }
  const columns: readonly string[] = COLUMNS[file];
  const values: Record<string, string> = {};
  // A line break inside a quoted field is kept as '\n', whatever the file's line ends.
  columns.forEach((c, i) => {
    const v = fields[index[i]!];
    if (v === undefined) return; // an optional column the file leaves out
    values[c] = pool.get(i, v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v);
  });
  // The database cannot store a NUL character in text, whatever the column.
  const nul = columns.filter((c) => values[c]?.includes('\u0000'));
  if (nul.length > 0) {
    for (const c of nul) issues.push({ file, line, reason: `${c} contains a NUL character (\\0), which cannot be stored: remove it` });
    return undefined;
  }
  const parsed = parseRow(file, values);
  if (parsed.ok) return parsed.row;
  for (const reason of parsed.reasons) issues.push({ file, line, reason });
  return undefined;
}

/** csv-parse's quoting errors in the words of a person editing a spreadsheet; fatal: nothing after it can be trusted. */
function quotingIssue(err: CsvError, recordLine: number, extraLines: number): { line: number; reason: string; fatal: boolean } {
  // The record in flight is not yet in extraLines: its own CRLFs (in err.raw) count twice too.
  const inFlight = typeof err.raw === 'string' ? err.raw.split('\r\n').length - 1 : 0;
  const line = Number(err.lines) - extraLines - inFlight || recordLine;
  if (err.code === 'INVALID_OPENING_QUOTE') {
    return { line, reason: 'a " inside an unquoted field (quote the whole field and double the ", as in "say ""hello""")', fatal: false };
  }
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return { line, reason: 'text after a closing quote (a " inside a quoted field must be doubled as "")', fatal: true };
  }
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return { line: recordLine, reason: 'a quoted field is never closed (a " is missing)', fatal: true };
  return { line, reason: `cannot be read as CSV: ${err.message}`, fatal: true };
}

/**
 * Streams one file through csv-parse, checking each record as it arrives, so only the typed rows
 * are kept, never the file's text. After a quoting mistake that leaves the parser inside a quoted
 * field nothing further is read (every later line would be misread).
 */
async function readFile<F extends PlanFileName>(file: F, fullPath: string, issues: ImportIssue[],
  tap?: (row: RowOf<F>) => Promise<void> | undefined): Promise<Parsed<RowOf<F>>[]> {
  const mine: ImportIssue[] = [];
  const out: Parsed<RowOf<F>>[] = [];
  // Line bookkeeping runs in the parser's own order (on_record and 'skip' fire as it reads), not
  // in the consumer's: the async iterator below may lag several records behind the parser.
  // csv-parse counts a CRLF inside a quoted field as two lines; its raw text shows a CRLF that
  // ends a record as a lone CR, so every CRLF in the raw text is one such extra line.
  let extraLines = 0;
  let lastEnd = 0;
  let stopped = false;
  const quoted = new Set<string>();
  const parser = parse({
    bom: true, relax_column_count: true, skip_empty_lines: true, raw: true, skip_records_with_error: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    // With raw set, csv-parse hands on_record { record, raw } and the record's info; its types do not
    // say so. The info comes anyway: asking for it with `info` made a second copy of it per record.
    on_record: ((rec: { record: string[]; raw: string }, info: { lines: number }) => {
      if (stopped) return null; // after a fatal quoting mistake every later line would be misread
      if (rec.raw.includes('\r\n')) extraLines += rec.raw.split('\r\n').length - 1;
      lastEnd = info.lines - extraLines;
      return { record: rec.record, raw: rec.raw, line: startLine(lastEnd, rec.raw) };
    }) as unknown as CsvOptions['on_record'],
  });
  parser.on('skip', (err: CsvError) => {
    if (stopped) return;
    const q = quotingIssue(err, lastEnd + 1, extraLines);
    const key = `${q.line} ${q.reason}`;
    if (!quoted.has(key)) mine.push({ file, ...q });
    quoted.add(key);
    stopped = q.fatal;
  });
  const source = fs.createReadStream(fullPath).pipe(utf8Check());
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  let header: { index: number[] | null; width: number; pool: CellPool } | undefined;
  try {
    for await (const { record, raw, line } of parser as AsyncIterable<{ record: string[]; raw: string; line: number }>) {
      // A line of spaces alone is a blank line.
      if (record.length === 1 && record[0]!.trim() === '' && !raw.includes('"')) continue;
      if (!header) {
        const names = record.map((f) => f.trim().toLowerCase());
        header = { index: checkHeader(file, names, line, mine), width: names.length, pool: new CellPool(COLUMNS[file].length) };
        continue;
      }
      if (header.index === null) continue; // still read on, for quoting mistakes
      const row = rowOf(file, record, line, header.width, header.index, mine, header.pool);
      if (row === undefined) continue;
      out.push({ line, row });
      const waiting = tap?.(row);
      if (waiting) await waiting;
    }
  } catch (err) {
    if (!(err instanceof NotUtf8)) throw err;
    issues.push({ file, line: 1, reason: 'is not UTF-8 text (save it as "CSV UTF-8")' });
    return [];
  } finally {
    source.destroy();
  }
  // Quoting issues are found by the parser, row issues by the loop: put them back in file order.
  mine.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  if (!header) mine.push({ file, line: 1, reason: `the file is empty (the first line must be the header: ${COLUMNS[file].join(',')})` });
  issues.push(...mine);
  return header?.index ? out : [];
}
