// The scheduler under an injected clock: one run per job and period, moved runs, leases that
// expire when their holder dies, retries after a failure, and two schedulers racing (on
// PostgreSQL: two separate connection pools, as two replicas would have).
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/database.js';
import { LeaseRepository } from '../../src/store/leases.js';
import { Scheduler, leaseName } from '../../src/jobs/scheduler.js';
import type { JobDefinition, JobRun } from '../../src/jobs/types.js';
import { enqueueMessages } from '../../src/store/outbox.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { depsFor, log } from './support.js';

function countingJob(name: string, opts: Partial<JobDefinition> = {}, body?: (run: JobRun) => Promise<void>) {
  const runs: JobRun[] = [];
  const job: JobDefinition = {
    name, description: 'test', cron: () => '0 9 * * 1-5', period: 'day',
    run: async (run, deps) => {
      runs.push(run);
      await body?.(run);
      const queued = await deps.stores.outbox.enqueue([{ job: name, period: run.period, recipient: { conversationId: 'a:1' }, kind: 'k', payload: { text: 'x' } }], run.now);
      return { queued, wanted: 1, summary: `${name} ${run.period}` };
    },
    ...opts,
  };
  return { job, runs };
}

/** A second, independent connection to the same database (another replica). */
async function secondConnection(store: Store): Promise<Store> {
  if (store.kind === 'embedded') return store;
  const rows = await store.db.$queryRawUnsafe<{ db: string }[]>('SELECT current_database()::text AS db');
  const db = rows[0]!.db;
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${db}`;
  return openStore({ databaseUrl: url.toString() });
}

describeEachStore('scheduler', (kind) => {
  let store: Store;
  beforeEach(async () => { store = await createTestStore(kind); });
  afterEach(async () => { await store.close(); });

  it('runs a job once per period however often it ticks, and not before its time or at weekends', async () => {
    const { job, runs } = countingJob('nudges');
    const s = new Scheduler({ registry: [job], deps: depsFor(store), clock: { now: () => new Date() }, log });
    expect(await s.tick(new Date('2026-11-23T08:59:00Z'))).toEqual([]);
    const first = await s.tick(new Date('2026-11-23T09:00:00Z'));
    expect(first).toMatchObject([{ job: 'nudges', period: '2026-11-23', outcome: 'ran' }]);
    expect(await s.tick(new Date('2026-11-23T09:01:00Z'))).toMatchObject([{ outcome: 'held' }]);
    expect(await s.tick(new Date('2026-11-23T15:00:00Z'))).toMatchObject([{ outcome: 'held' }]);
    expect(await s.tick(new Date('2026-11-28T09:00:00Z'))).toEqual([]); // Saturday
    await s.tick(new Date('2026-11-24T09:00:00Z'));
    expect(runs.map((r) => r.period)).toEqual(['2026-11-23', '2026-11-24']);
    expect(runs[0]!.now.toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('runs the Monday digest moved by a bank holiday on Tuesday, once, with Monday’s week', async () => {
    const { job, runs } = countingJob('digest', { cron: () => '30 8 * * 1', period: 'week' });
    const s = new Scheduler({ registry: [job], deps: depsFor(store), clock: { now: () => new Date() }, log });
    expect(await s.tick(new Date('2026-05-25T07:30:00Z'))).toEqual([]); // Spring bank holiday
    await s.tick(new Date('2026-05-26T07:30:00Z'));
    await s.tick(new Date('2026-05-26T07:31:00Z'));
    expect(runs.map((r) => r.period)).toEqual(['2026-W22']);
  });

  it('a run on another replica (or a second scheduler in this one) is skipped while its lease lasts', async () => {
    const { job, runs } = countingJob('slow', {}, () => new Promise((r) => setTimeout(r, 200)));
    const deps = depsFor(store);
    const a = new Scheduler({ registry: [job], deps, clock: { now: () => new Date() }, log, holder: 'a' });
    const b = new Scheduler({ registry: [job], deps, clock: { now: () => new Date() }, log, holder: 'b' });
    const at = new Date('2026-11-23T09:00:00Z');
    const [ra, rb] = await Promise.all([a.tick(at), b.tick(at)]);
    expect([ra[0]!.outcome, rb[0]!.outcome].sort()).toEqual(['held', 'ran']);
    expect(runs).toHaveLength(1);
  });

  it('takes over when the holder died (its lease expired), and the re-run queues nothing twice', async () => {
    const { job, runs } = countingJob('nudges');
    const leases = new LeaseRepository(store.db);
    const at = new Date('2026-11-23T09:00:00Z');
    // A replica took the lease, queued its message, then died without finishing.
    expect(await leases.acquire(leaseName('nudges', '2026-11-23'), 'dead', at, 10 * 60_000)).toBe(true);
    await enqueueMessages(store.db, [{ job: 'nudges', period: '2026-11-23', recipient: { conversationId: 'a:1' }, kind: 'k', payload: { text: 'x' } }], at);
    const s = new Scheduler({ registry: [job], deps: depsFor(store), clock: { now: () => new Date() }, log });
    expect(await s.tick(new Date('2026-11-23T09:05:00Z'))).toMatchObject([{ outcome: 'held' }]);
    const later = await s.tick(new Date('2026-11-23T09:11:00Z'));
    expect(later).toMatchObject([{ outcome: 'ran', result: { queued: 0, wanted: 1 } }]);
    expect(runs).toHaveLength(1);
    expect(await store.db.outboxMessage.count()).toBe(1);
  });

  it('tries a failed run again after a few minutes', async () => {
    let fail = true;
    const { job, runs } = countingJob('flaky', {}, async () => { if (fail) { fail = false; throw new Error('database hiccup'); } });
    const s = new Scheduler({ registry: [job], deps: depsFor(store), clock: { now: () => new Date() }, log });
    expect(await s.tick(new Date('2026-11-23T09:00:00Z'))).toMatchObject([{ outcome: 'failed', error: 'database hiccup' }]);
    expect(await s.tick(new Date('2026-11-23T09:02:00Z'))).toMatchObject([{ outcome: 'held' }]);
    expect(await s.tick(new Date('2026-11-23T09:06:00Z'))).toMatchObject([{ outcome: 'ran' }]);
    expect(runs).toHaveLength(2);
  });

  it('two schedulers racing on separate connections produce one run per period', async () => {
    const other = await secondConnection(store);
    try {
      const { job, runs } = countingJob('race', { cron: () => '*/5 * * * *', period: 'occurrence', workingDaysOnly: false });
      const a = new Scheduler({ registry: [job], deps: depsFor(store), clock: { now: () => new Date() }, log, holder: 'replica-a' });
      const b = new Scheduler({ registry: [job], deps: depsFor(other), clock: { now: () => new Date() }, log, holder: 'replica-b' });
      const start = new Date('2026-11-23T09:00:00Z').getTime();
      for (let i = 0; i < 12; i++) {
        const at = new Date(start + i * 5 * 60_000 + 30_000);
        const results = await Promise.all([a.tick(at), b.tick(at), a.tick(at), b.tick(at)]);
        expect(results.flat().filter((r) => r.outcome === 'ran')).toHaveLength(1);
      }
      expect(runs).toHaveLength(12);
      expect(new Set(runs.map((r) => r.period)).size).toBe(12);
      expect(await store.db.outboxMessage.count()).toBe(12);
    } finally {
      if (other !== store) await other.close();
    }
  });

  it('starts with node-cron and stops cleanly', async () => {
    const { job } = countingJob('never', { cron: () => '0 9 * * 1-5' });
    const s = new Scheduler({ registry: [job], deps: depsFor(store), clock: { now: () => new Date('2026-11-22T12:00:00Z') }, log });
    s.start();
    await s.stop();
  });
});
