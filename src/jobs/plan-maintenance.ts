// Nightly upkeep (MAINTENANCE_CRON, default 03:15 every day): VACUUM (ANALYZE) of the plan tables
// where nothing else does it, that is the embedded database (PGlite has no autovacuum) or a server
// with autovacuum off. Card saves and chat updates leave dead rows and stale statistics behind;
// without this, counts drift from index-only scans back to reading the table.
import { lacksAutovacuum, vacuumAnalyse } from '../store/maintenance.js';
import type { Db } from '../store/database.js';
import type { JobDefinition, JobResult } from './types.js';

export const PLAN_MAINTENANCE_JOB = 'plan-maintenance';

export async function runPlanMaintenance(db: Db): Promise<JobResult> {
  if (!(await lacksAutovacuum(db))) {
    return { queued: 0, wanted: 0, summary: `${PLAN_MAINTENANCE_JOB}: nothing to do, the server's autovacuum keeps the tables`, details: { vacuumed: false } };
  }
  const ms = await vacuumAnalyse(db);
  return { queued: 0, wanted: 0, summary: `${PLAN_MAINTENANCE_JOB}: plan tables vacuumed and analysed in ${ms} ms`, details: { vacuumed: true, ms } };
}

export const planMaintenanceJob: JobDefinition = {
  name: PLAN_MAINTENANCE_JOB,
  description: 'Vacuums and analyses the plan tables where no autovacuum runs (the embedded database).',
  cron: (config) => config.MAINTENANCE_CRON,
  period: 'day',
  // Nobody is messaged: quiet nights at weekends and on bank holidays are as good as any.
  workingDaysOnly: false,
  run: (_run, deps) => runPlanMaintenance(deps.db),
};
