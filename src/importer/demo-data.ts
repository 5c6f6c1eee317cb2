// The illustrative Kirklees demo data set (prisma/demo/kirklees), loaded into an empty database
// when DEMO_DATA=1. It ships inside the project; nothing outside it is read at run time.
import type { Db } from '../store/database.js';
import { isUniqueViolation } from '../store/errors.js';
import { importFolder } from './import-folder.js';
import { fromRoot } from '../paths/package-root.js';

export const DEMO_DATA_DIR = fromRoot('prisma', 'demo', 'kirklees');

async function isEmpty(db: Db): Promise<boolean> {
  const [actions, people] = await Promise.all([db.action.count(), db.person.count()]);
  return actions === 0 && people === 0;
}

/** Loads the demo data when there are no actions and no people; otherwise (or the second time) does nothing. */
export async function loadDemoDataIfEmpty(db: Db, now: Date): Promise<'loaded' | 'skipped'> {
  if (!(await isEmpty(db))) return 'skipped';
  try {
    await importFolder(db, DEMO_DATA_DIR, { now, actorId: null });
    return 'loaded';
  } catch (err) {
    // Another replica loaded it at the same moment: its copy stands.
    if (isUniqueViolation(err) && !(await isEmpty(db))) return 'skipped';
    throw err;
  }
}
