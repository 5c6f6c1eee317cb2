// Imports a folder of plan CSV files (people, workstreams, actions, clusters, settings, meetings,
// expert requests, term dates; each optional), its outcome measures and their readings (measures.ts), its glossary and plain titles (glossary.ts), and of their history (action_history, maturity_ratings,
// expert_request_events; each optional, written by export). Every row of every file is checked
// first, including references across files and to the database; any error means nothing is
// written. Otherwise everything is applied in one transaction, upserting by natural keys. Rows are
// compared in memory with what is stored and only real changes are written, so importing the same
// files twice changes nothing. Built for big plans: existing rows are loaded once and compared in
// Maps; new and changed rows are written a few thousand at a time, one INSERT or UPDATE per chunk.
//
// History is append-only and restored, never rewritten:
// - An action history row is identified by (action ref, version): a row already stored is skipped,
//   one stored with other details is an error (the folder comes from another database). Rows
//   without a version, maturity ratings and request events are identified by their whole content
//   and counted: the file's copies beyond those stored are added, so a re-import adds nothing.
// - The importer writes its own 'import' history row only for a change the history file does not
//   explain. The history file explains an action up to H, the highest version it lists for it:
//   a new action with H ≥ 1 is created at version H with no row of the importer's own (its
//   history is the file's); an action stored at version S < H takes the file's state at version
//   H, again with no row of its own. Otherwise (no history for it, or H ≤ S: the usual export →
//   edit → import) a change moves it to S + 1 with an 'import' row, as always. So a restore gives
//   each action exactly its old history and version, and an edit after an export is still recorded.
// - A restored action's last_update_at is the time of its newest history row that set it (a card
//   or chat change, or a row with a note); see lastUpdateAtOf.
// - A new Experts at Hand request gets the importer's 'created' event only when the events file
//   has none for it; a changed request still gets a 'noted' event (events carry no version).
//
// The parts: read-folder.ts reads and checks each file's rows (stage-actions.ts copies a first
// import's actions into a staging table meanwhile, on PostgreSQL); import-snapshot.ts loads what is
// stored; plan-import.ts and plan-history.ts check references and work out the changes;
// apply-plan.ts writes them through the bulk writes in src/store/bulk-writes.ts.
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../store/database.js';
import { stagerFor } from '../store/bulk-copy.js';
import { RowsChangedError } from '../store/bulk-writes.js';
import { vacuumAnalyse } from '../store/maintenance.js';
import { buildOwedIndexes } from '../store/owed-indexes.js';
import { applyPlan } from './apply-plan.js';
import { loadSnapshot } from './import-snapshot.js';
import { applyMeasures, planMeasures } from './measures.js';
import { applyGlossary, planGlossary, withPlainTitles } from './glossary.js';
import { ImportConflictError, ImportError, type ImportIssue, type ImportOptions, type ImportReport } from './import-types.js';
import { countHistory, planImport } from './plan-import.js';
import { forgetKept } from '../store/kept.js';
import { screenImportRows } from './privacy-pass.js';
import type { FolderInput } from './read-folder.js';
import { readAndStage } from './stage-actions.js';
import { PLAN_FILES } from './rows.js';

export {
  ImportConflictError, ImportError, formatIssue, type FileReport, type ImportIssue, type ImportOptions, type ImportReport,
} from './import-types.js';

type Client = Prisma.TransactionClient;

export async function importFolder(db: Db, folder: string, opts: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  // On PostgreSQL the biggest tables' rows are staged with COPY (see src/store/bulk-copy.ts), a
  // first import's actions while actions.csv is still being read (stage-actions.ts).
  const stager = opts.dryRun ? undefined : stagerFor(db);
  let report: ImportReport;
  try {
    const { input, staged } = await readAndStage(db, folder, stager);
    const run = async (client: Client, write: boolean): Promise<ImportReport> => {
      const snapshot = await loadSnapshot(client, input);
      const plan = planImport(input, snapshot);
      const adults = [...(input.files['people.csv'] ?? []).map((p) => p.row.name), ...[...snapshot.people.values()].map((p) => p.name)];
      const measures = await planMeasures(client, input, snapshot, opts, adults);
      const glossary = await planGlossary(client, input);
      const places = [
        ...[...(input.files['settings.csv'] ?? []), ...(input.files['clusters.csv'] ?? [])].map((p) => p.row.name),
        ...[...snapshot.settings.values(), ...snapshot.clusters.values()].map((p) => p.name),
      ];
      const issues = [...plan.issues, ...screenImportRows(input.files, { adultNames: adults, placeNames: places }), ...measures.issues, ...glossary.issues];
      if (issues.length > 0) throw new ImportError(sortIssues(issues));
      const historyRows = write ? await applyPlan(client, plan, snapshot, opts, stager, staged) : countHistory(plan);
      if (write) await applyMeasures(client, measures, opts);
      if (write) await applyGlossary(client, glossary, opts.now);
      const files = { ...plan.report, ...measures.report, ...glossary.report };
      const actions = withPlainTitles(files['actions.csv'], glossary);
      if (actions) files['actions.csv'] = actions;
      return { folder, dryRun: !write, files, historyRows, warnings: glossary.warnings, ms: Math.round(performance.now() - started) };
    };
    if (input.fatal) throw new ImportError(input.issues);
    if (opts.dryRun) return await run(db, false);
    report = await db.$transaction((tx) => run(tx, true), { timeout: transactionTimeout(input), maxWait: 30_000 });
  } catch (err) {
    if (err instanceof RowsChangedError) throw new ImportConflictError(err.table.replace(/_/g, ' '));
    throw err;
  } finally {
    await stager?.dispose().catch(() => undefined); // a table left behind is harmless; the import's own error matters
  }
  // Indexes a first import dropped and committed without (PostgreSQL), then statistics and the
  // visibility map for what was just written: without them counts read the table instead of the
  // indexes until a vacuum comes (never, in the embedded database).
  await buildOwedIndexes(db);
  await vacuumAnalyse(db);
  if (!opts.dryRun) forgetKept(db); // measures and glossary read by questions in this process
  return { ...report, ms: Math.round(performance.now() - started) }; // the whole import, indexes and all
}

/**
 * How long the import's transaction may run: two minutes, and more for big folders, so that a
 * million rows on a busy machine are not thrown away at a limit meant for a stuck transaction
 * (a quarter of a millisecond per row: five minutes for a million).
 */
export function transactionTimeout(input: FolderInput): number {
  const rows = Object.values(input.files).reduce((n, f) => n + (f?.length ?? 0), 0);
  return Math.max(120_000, Math.round(rows * 0.25) + 60_000);
}

/** Folder problems first, then by file (in PLAN_FILES order) and line. */
function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  const rank = (file: string): number => (PLAN_FILES as readonly string[]).indexOf(file); // -1: the folder
  return [...issues].sort((a, b) => rank(a.file) - rank(b.file) || (a.line ?? 0) - (b.line ?? 0));
}
