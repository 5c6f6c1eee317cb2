// A new embedded data folder is created (PostgreSQL's initdb, inside PGlite) in a short-lived
// child process. initdb leaves about 460 MB of WebAssembly memory behind that the process never
// gives back (measured: 890 MB idle after the first start on a new folder, 428 MB on an existing
// one); done in a child, the bot opens a folder that already exists and starts at the lower figure.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDurablePGlite } from './durable-fs.js';

/** True when the folder holds a PostgreSQL cluster already (initdb writes PG_VERSION). */
export function isInitialised(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

/** The arguments that run this very file as a script, under tsx when it is TypeScript. */
function selfArgs(dataDir: string): string[] {
  const file = import.meta.filename;
  const loader = file.endsWith('.ts') && !process.execArgv.some((a) => a.includes('tsx')) ? ['--import', 'tsx'] : [];
  return [...process.execArgv, ...loader, file, dataDir];
}

/** Runs initdb for a new folder in a child process; does nothing when the folder is initialised. */
export async function initialiseInChild(dataDir: string): Promise<void> {
  if (isInitialised(dataDir)) return;
  const child = spawn(process.execPath, selfArgs(dataDir), { stdio: ['ignore', 'ignore', 'pipe'], env: process.env });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => { stderr = (stderr + c.toString()).slice(-4000); });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0 || !isInitialised(dataDir)) {
    throw new Error(`Could not create the embedded database in ${dataDir} (exit ${code}): ${stderr.trim()}`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: embedded-init <data folder>');
  const db = await openDurablePGlite(dataDir);
  await db.close();
}
