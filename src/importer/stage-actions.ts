// A first import's actions, copied into the database while actions.csv is still being read
// (PostgreSQL only). Reading and checking a million rows keeps this process busy for most of an
// import, while the database waits; copied as each row passes its check, the database takes the
// rows in on its own connection (and its own core) at the same time. The copy goes to a staging
// table of its own, never to the plan's tables: the import's transaction moves the rows into
// `actions` only once every file has been checked, so a wrong row anywhere still means nothing is
// written. Only for an empty `actions` table: there every row of the file is a new action, which
// is the only case the staged rows are used for (see createActions in apply-plan.ts); later
// imports, which change a few rows of many, copy just the new ones after the check.
import type { Prisma } from '../generated/prisma/client.js';
import type { Stager, StageWriter } from '../store/bulk-copy.js';
import type { Columns } from '../store/bulk-writes.js';
import type { Db } from '../store/database.js';
import type { Plan } from './plan-import.js';
import { readFolder, type FolderInput } from './read-folder.js';

/** actions.csv's checked rows as the file names them: workstream and owner by key, not yet by id. */
export const FILE_ACTIONS: Columns = {
  ref: 'text', title: 'text', workstream: 'text', area: '"AreaForImprovement"', owner: 'text', due_date: 'date', status: '"ActionStatus"',
  last_update: 'text', source: 'text', own_history: 'boolean',
};

/** The staging table holding every checked row of actions.csv, in the file's order. */
export interface StagedActions {
  table: string;
  rows: number;
}

/** Reads the folder; on an empty PostgreSQL plan, actions.csv's rows are staged as they are read. */
export async function readAndStage(db: Db, folder: string, stager: Stager | undefined): Promise<{ input: FolderInput; staged?: StagedActions }> {
  if (!stager || (await db.action.findFirst({ select: { id: true } })) !== null) return { input: await readFolder(folder) };
  let writer: StageWriter | undefined;
  const opening = stager.open(FILE_ACTIONS);
  opening.catch(() => undefined); // awaited below, whatever happens to the reading
  let input: FolderInput;
  try {
    writer = await opening;
    const copy = writer;
    input = await readFolder(folder, {
      'actions.csv': (r) => copy.add({
        ref: r.ref, title: r.title, workstream: r.workstream, area: r.area_for_improvement, owner: r.owner, due_date: r.due, status: r.status,
        last_update: r.last_update, source: r.source, own_history: true,
      }),
    });
  } catch (err) {
    await writer?.finish().catch(() => undefined); // frees its connection; the stager drops the table
    throw err;
  }
  const table = await writer.finish();
  return { input, staged: writer.count > 0 ? { table, rows: writer.count } : undefined };
}

/**
 * Whether the rows staged while actions.csv was read are exactly the plan's new actions: every row
 * of the file is new, and none takes its version from the history file.
 */
export function everyRowNew(plan: Plan, staged: StagedActions): boolean {
  const { creates, updates } = plan.actions;
  const restored = plan.history.restored;
  return creates.length === staged.rows && updates.length === 0 && (restored.size === 0 || !creates.some((c) => restored.has(c.row.ref)));
}

/** The staged rows into `actions`, in the file's order, their workstreams and owners by key (all checked by the plan). */
export async function moveStaged(client: Prisma.TransactionClient, staged: StagedActions, now: Date): Promise<string> {
  const written = await client.$executeRawUnsafe(`INSERT INTO actions (ref, title, workstream_id, area, owner_id, due_date, status,
      last_update, last_update_at, source, version, created_at, updated_at)
    SELECT s.ref, s.title, w.id, s.area, p.id, s.due_date, s.status, s.last_update, CASE WHEN s.last_update IS NULL THEN NULL ELSE $1::timestamptz END,
      s.source, 1, $1::timestamptz, $1::timestamptz
    FROM ${staged.table} s JOIN workstreams w ON w.code = s.workstream LEFT JOIN people p ON p.key = s.owner
    WHERE s.owner IS NULL OR p.id IS NOT NULL ORDER BY s.seq`, now.toISOString());
  if (written !== staged.rows) throw new Error(`Import: ${staged.rows - written} staged actions name a workstream or owner that was not resolved`);
  return staged.table;
}
