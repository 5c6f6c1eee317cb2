// npm run import -- <folder> [--dry-run]
// Imports the plan CSV files in <folder> (see prisma/demo/kirklees/README.md for the format).
// Everything is checked first; with any error nothing is imported and the errors are listed as
// file.csv:LINE: reason. --dry-run shows what would be added and changed without writing.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { fixedClock, systemClock } from '../domain/time/clock.js';
import { ImportConflictError, ImportError, importFolder, type ImportReport } from '../importer/import-folder.js';
import { PLAN_FILES } from '../importer/rows.js';
import { openStore } from '../store/database.js';

const USAGE = 'Usage: npm run import -- <folder> [--dry-run]';
const LIST_LIMIT = 50;

function keys(label: string, items: string[]): string {
  const shown = items.slice(0, LIST_LIMIT).join(', ');
  const more = items.length > LIST_LIMIT ? `, … and ${items.length - LIST_LIMIT} more` : '';
  return `    ${label}: ${shown}${more}`;
}

function summarise(report: ImportReport): string[] {
  const lines: string[] = [];
  for (const file of PLAN_FILES) {
    const r = report.files[file];
    if (!r) continue;
    lines.push(`${file}: ${r.added} added, ${r.changed} changed, ${r.unchanged} unchanged`);
    if (report.dryRun) {
      if (r.addedKeys.length > 0) lines.push(keys('would add', r.addedKeys));
      if (r.changedKeys.length > 0) lines.push(keys('would change', r.changedKeys));
    }
  }
  const seconds = (report.ms / 1000).toFixed(1);
  const history = `${report.historyRows} action history ${report.historyRows === 1 ? 'row' : 'rows'}`;
  lines.push(report.dryRun
    ? `Dry run: nothing was written (${history} would be written; checked in ${seconds} s).`
    : `Imported in ${seconds} s; ${history} written.`);
  return lines;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) { console.log(USAGE); return 0; }
  if (parsed.positionals.length !== 1) { console.error(USAGE); return 2; }
  const folder = path.resolve(parsed.positionals[0]!);
  const dryRun = parsed.values['dry-run'] === true;

  let config;
  try { config = loadConfig(); } catch (err) { console.error(err instanceof Error ? err.message : String(err)); return 2; }
  const clock = config.CLOCK_NOW ? fixedClock(config.CLOCK_NOW) : systemClock;
  let store;
  // One line, not a stack trace: the usual reason is the bot holding the embedded data folder.
  try { store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: path.join(config.DATA_DIR, 'pglite'), pgliteSharedBuffers: config.PGLITE_SHARED_BUFFERS }); } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
  try {
    const report = await importFolder(store.db, folder, { dryRun, now: clock.now() });
    console.log(`${dryRun ? 'Checked' : 'Imported'} ${folder} (${store.kind} database):`);
    for (const line of summarise(report)) console.log(line);
    for (const line of report.warnings ?? []) console.log(`Plain language: ${line}`);
    return 0;
  } catch (err) {
    if (err instanceof ImportError) {
      for (const line of err.errors) console.error(line);
      console.error(`${err.errors.length} ${err.errors.length === 1 ? 'error' : 'errors'}. Nothing was imported.`);
      return 1;
    }
    if (err instanceof ImportConflictError) { console.error(err.message); return 1; }
    console.error(err instanceof Error ? err.message : String(err));
    console.error('Nothing was imported.');
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
