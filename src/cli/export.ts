// npm run export -- <folder>
// Writes the plan as the seven CSV files import reads (people, workstreams, actions, clusters,
// settings, meetings, expert_requests), replacing files of those names in <folder>.
import path from 'node:path';
import { loadConfig } from '../config.js';
import { exportFolder } from '../importer/export-folder.js';
import { PLAN_FILES } from '../importer/rows.js';
import { openStore } from '../store/database.js';

const USAGE = 'Usage: npm run export -- <folder>';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) { console.log(USAGE); return 0; }
  if (args.length !== 1 || args[0]!.startsWith('-')) { console.error(USAGE); return 2; }
  const folder = path.resolve(args[0]!);
  let config;
  try { config = loadConfig(); } catch (err) { console.error(err instanceof Error ? err.message : String(err)); return 2; }
  let store;
  // One line, not a stack trace: the usual reason is the bot holding the embedded data folder.
  try { store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: path.join(config.DATA_DIR, 'pglite'), pgliteSharedBuffers: config.PGLITE_SHARED_BUFFERS }); } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  }
  try {
    const report = await exportFolder(store.db, folder);
    console.log(`Exported to ${folder} (${store.kind} database) in ${(report.ms / 1000).toFixed(1)} s:`);
    for (const file of PLAN_FILES) console.log(`${file}: ${report.rows[file]} rows`);
    return 0;
  } catch (err) {
    console.error(`Export failed: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
