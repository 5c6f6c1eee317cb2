// What an import is asked to do and what it answers: options, the report, and the two errors
// (the files did not pass the checks; rows changed under the import).
import type { PlanFileName } from './rows.js';

export interface ImportOptions {
  /** Check everything and compute the report, but write nothing. */
  dryRun?: boolean;
  /** The clock's now: history rows, createdAt/updatedAt and lastUpdateAt of imported rows. */
  now: Date;
  /** The person running the import, recorded on history rows (null: nobody in particular). */
  actorId?: number | null;
}

export interface FileReport {
  added: number;
  changed: number;
  unchanged: number;
  /** Natural keys (refs, codes, names) of the rows added and changed, in file order. */
  addedKeys: string[];
  changedKeys: string[];
}

export interface ImportReport {
  folder: string;
  dryRun: boolean;
  /** One entry per file found in the folder. History files report rows added and already there. */
  files: { [F in PlanFileName]?: FileReport };
  /** Action history rows written (or that would be written): the importer's own and restored ones. */
  historyRows: number;
  /** Advice that stops nothing, as `file.csv:LINE: …` (a title that reads above grade 8). */
  warnings?: string[];
  ms: number;
}

export interface ImportIssue {
  file: string;
  /** Physical line in the file (header = 1); absent for problems with the folder itself. */
  line?: number;
  reason: string;
}

export function formatIssue(issue: ImportIssue): string {
  return issue.line === undefined ? `${issue.file}: ${issue.reason}` : `${issue.file}:${issue.line}: ${issue.reason}`;
}

/** The files did not pass the checks; nothing was written. `errors` reads `file.csv:LINE: reason`. */
export class ImportError extends Error {
  readonly issues: readonly ImportIssue[];
  readonly errors: readonly string[];
  constructor(issues: ImportIssue[]) {
    const errors = issues.map(formatIssue);
    const shown = errors.slice(0, 20).join('\n') + (errors.length > 20 ? `\n… and ${errors.length - 20} more` : '');
    super(`The import found ${issues.length} ${issues.length === 1 ? 'error' : 'errors'}; nothing was imported.\n${shown}`);
    this.name = 'ImportError';
    this.issues = issues;
    this.errors = errors;
  }
}

/** Someone changed a row between the import reading it and writing it; nothing was imported. */
export class ImportConflictError extends Error {
  constructor(what: string) {
    super(`Some ${what} changed while the import was running; nothing was imported. Run it again.`);
    this.name = 'ImportConflictError';
  }
}
