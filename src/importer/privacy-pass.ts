// The privacy screen over every free-text column of an import, in the validation pass: a row
// that could identify a child is an error at file.csv:line, so nothing is written. The directory of
// adults (people.csv and the people already stored) and the plan's settings and clusters are
// passed in, so staff and places named in notes pass.
// Identical texts are screened once (plans repeat titles and updates); the reason names the
// column and what to change, never the text.
import { type ScreenResult, screenText } from '../domain/privacy/index.js';
import type { ScreenOptions } from '../domain/privacy/types.js';
import type { ImportIssue } from './import-types.js';
import type { PlanFileName } from './rows.js';

/**
 * The columns a person writes freely, per file. Names of people, settings, clusters and
 * workstreams are names of adults, schools and places, not free text.
 */
export const FREE_TEXT_COLUMNS: { readonly [F in PlanFileName]?: readonly string[] } = {
  'actions.csv': ['title', 'plain_title', 'last_update', 'source'],
  'meetings.csv': ['location', 'agenda'],
  'expert_requests.csv': ['summary'],
  'glossary.csv': ['meaning'],
  'action_history.csv': ['note'],
  'maturity_ratings.csv': ['note'],
  'expert_request_events.csv': ['note'],
};

type Rows = { readonly [F in PlanFileName]?: readonly { line: number; row: object }[] };

function textsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

export function screenImportRows(files: Rows, options: ScreenOptions): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, ScreenResult>();
  for (const [file, columns] of Object.entries(FREE_TEXT_COLUMNS) as [PlanFileName, readonly string[]][]) {
    for (const { line, row } of files[file] ?? []) {
      for (const column of columns) {
        for (const text of textsOf((row as Record<string, unknown>)[column])) {
          let result = seen.get(text);
          if (!result) {
            result = screenText(text, options);
            seen.set(text, result);
          }
          if (!result.ok) issues.push({ file, line, reason: `${column}: ${result.reasons.map((r) => r.message).join(' ')}` });
        }
      }
    }
  }
  return issues;
}
