// Reading an import folder: which of the plan's files it holds, and each file's rows checked
// against its schema. Every problem is collected as `file.csv:LINE: reason`; nothing is thrown.
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv.js';
import type { ImportIssue } from './import-types.js';
import { COLUMNS, PLAN_FILES, parseRow, type PlanFileName, type RowOf } from './rows.js';

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

export function readFolder(folder: string): FolderInput {
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
    (files as Record<PlanFileName, unknown>)[file] = readFile(file, path.join(folder, name), issues);
  }
  return { files, issues, fatal: false };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readFile<F extends PlanFileName>(file: F, fullPath: string, issues: ImportIssue[]): Parsed<RowOf<F>>[] {
  let text: string;
  try {
    text = utf8.decode(fs.readFileSync(fullPath));
  } catch {
    issues.push({ file, line: 1, reason: 'is not UTF-8 text (save it as "CSV UTF-8")' });
    return [];
  }
  const { records, issues: syntax } = parseCsv(text);
  for (const s of syntax) issues.push({ file, line: s.line, reason: s.reason });
  const columns: readonly string[] = COLUMNS[file];
  const header = records[0];
  if (!header) {
    issues.push({ file, line: 1, reason: `the file is empty (the first line must be the header: ${columns.join(',')})` });
    return [];
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) issues.push({ file, line: header.line, reason: `column ${JSON.stringify(n)} appears twice in the header` });
    seen.add(n);
  }
  const missing = columns.filter((c) => !seen.has(c));
  const unknown = names.filter((n) => !(columns as readonly string[]).includes(n));
  if (missing.length > 0) {
    issues.push({ file, line: header.line, reason: `missing ${missing.length === 1 ? 'column' : 'columns'} ${missing.join(', ')} (the header must be: ${columns.join(',')})` });
  }
  if (unknown.length > 0) {
    issues.push({ file, line: header.line, reason: `unknown ${unknown.length === 1 ? 'column' : 'columns'} ${unknown.map((u) => JSON.stringify(u)).join(', ')} (the header must be: ${columns.join(',')})` });
  }
  if (missing.length > 0) return [];
  const index = columns.map((c) => names.indexOf(c));
  const out: Parsed<RowOf<F>>[] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.fields.length !== names.length) {
      issues.push({ file, line: record.line, reason: `has ${record.fields.length} ${record.fields.length === 1 ? 'field' : 'fields'} but the header has ${names.length} (a missing comma, or a comma in a field that is not quoted?)` });
      continue;
    }
    const values: Record<string, string> = {};
    columns.forEach((c, i) => { values[c] = record.fields[index[i]!]!; });
    // The database cannot store a NUL character in text, whatever the column.
    const nul = columns.filter((c) => values[c]!.includes('\u0000'));
    if (nul.length > 0) {
      for (const c of nul) issues.push({ file, line: record.line, reason: `${c} contains a NUL character (\\0), which cannot be stored: remove it` });
      continue;
    }
    const parsed = parseRow(file, values);
    if (parsed.ok) out.push({ line: record.line, row: parsed.row });
    else for (const reason of parsed.reasons) issues.push({ file, line: record.line, reason });
  }
  return out;
}
