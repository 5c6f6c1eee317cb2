// Upkeep of the embedded database: an import leaves the plan tables vacuumed and analysed, and the
// nightly job does it again after day-to-day writes, every day of the week.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createWorkingCalendar } from '../../src/domain/time/bank-holidays.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { planMaintenanceJob } from '../../src/jobs/plan-maintenance.js';
import { findJob } from '../../src/jobs/registry.js';
import { createLogger } from '../../src/log/logger.js';
import type { Store } from '../../src/store/database.js';
import { createTestStore, describeEachStore } from '../support/store.js';

const NOW = new Date('2026-11-22T09:00:00Z');

describeEachStore('Plan maintenance', (kind) => {
  let store: Store;
  const config = loadConfig({});
  const upkeep = async () => (await store.db.$queryRaw<{ vacuumed: Date | null; analysed: Date | null; visible: number; pages: number }[]>`
    SELECT s.last_vacuum AS vacuumed, s.last_analyze AS analysed, c.relallvisible::int AS visible, c.relpages::int AS pages
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relname = 'actions'`)[0];

  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, NOW);
  });
  afterAll(async () => { await store.close(); });

  it('vacuums and analyses the plan after an import', async () => {
    const after = await upkeep();
    expect(after?.vacuumed).toBeInstanceOf(Date);
    expect(after?.analysed).toBeInstanceOf(Date);
    expect(after?.visible).toBe(after?.pages);
  });

  it('runs nightly, weekends and bank holidays included, and vacuums and analyses again after writes', async () => {
    expect(findJob('plan-maintenance')).toBe(planMaintenanceJob);
    expect(planMaintenanceJob.cron(config)).toBe('15 3 * * *');
    expect(planMaintenanceJob.cron(loadConfig({ MAINTENANCE_CRON: '0 2 * * 0' }))).toBe('0 2 * * 0');
    expect(planMaintenanceJob.workingDaysOnly).toBe(false);
    await store.db.$executeRaw`UPDATE actions SET version = version + 1`;
    const before = await upkeep();
    const result = await planMaintenanceJob.run({ now: NOW, period: '2026-11-22' }, {
      db: store.db, config, log: createLogger('silent'), calendar: createWorkingCalendar([]), dataDir: '/tmp',
    });
    // The test server, like the embedded database, runs without autovacuum.
    expect(result).toMatchObject({ queued: 0, wanted: 0, details: { vacuumed: true } });
    const after = await upkeep();
    expect(after?.vacuumed?.getTime()).toBeGreaterThan(before?.vacuumed?.getTime() ?? Infinity);
    expect(after?.analysed?.getTime()).toBeGreaterThan(before?.analysed?.getTime() ?? Infinity);
    expect(after?.visible).toBe(after?.pages);
  });
});
