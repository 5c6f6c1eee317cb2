// npx tsx bench/digest.ts [--owners 10000] [--actions 100000] [--workstreams 500] [--changes 50000] [--runs 5] [--db]
//
// Builds the weekly digests for a big invented plan: every workstream's digest and card (one per
// lead), the whole-plan card for admins, and the early-warning asks with their cards.
// Data is generated IN MEMORY (seeded, deterministic) and the pure build is timed: target < 2 s.
// With --db the same plan is also written to an in-memory embedded database (PGlite) and the
// whole job is timed end to end: loading from the database, building, and queueing the outbox rows.
import { parseArgs } from 'node:util';
import { buildDigests, type Rating } from '../src/domain/digest/build.js';
import { planStaleAsks } from '../src/domain/nudges/rules.js';
import type { Action, ActionChange, ActionStatus, Person, Workstream } from '../src/domain/plan/types.js';
import { addDays } from '../src/domain/time/dates.js';
import { planDigestMessage, workstreamDigestMessage } from '../src/cards/digest/cards.js';
import { staleAskMessage } from '../src/cards/nudges/cards.js';
import { random } from './generate-plan.js';

const { values } = parseArgs({
  options: {
    owners: { type: 'string', default: '10000' }, actions: { type: 'string', default: '100000' },
    workstreams: { type: 'string', default: '500' }, changes: { type: 'string', default: '50000' },
    runs: { type: 'string', default: '5' }, db: { type: 'boolean', default: false },
  },
});
const OWNERS = Number(values.owners);
const ACTIONS = Number(values.actions);
const WORKSTREAMS = Number(values.workstreams);
const CHANGES = Number(values.changes);
const RUNS = Number(values.runs);
const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T08:30:00Z');
const TARGET_MS = 2_000;


export interface BenchPlan { people: Map<number, Person>; workstreams: Workstream[]; actions: Action[]; changes: ActionChange[]; ratings: Rating[] }

export function generate(): BenchPlan {
  const r = random(2026);
  const people = new Map<number, Person>();
  const mk = (id: number, key: string, roles: Person['roles']): Person => ({
    id, key, name: `Person ${id}`, email: null, jobTitle: null, organisation: null, aadObjectId: null, roles, specialism: null, active: true,
  });
  for (let i = 1; i <= OWNERS; i++) people.set(i, mk(i, `owner${i}`, ['owner']));
  const workstreams: Workstream[] = [];
  for (let w = 1; w <= WORKSTREAMS; w++) {
    const leadId = OWNERS + w;
    people.set(leadId, mk(leadId, `lead${w}`, ['lead']));
    workstreams.push({ id: w, code: `WS${w}`, name: `Workstream ${w} with a realistic long name`, pillar: String(1 + (w % 7)), leadId });
  }
  for (let a = 1; a <= 5; a++) people.set(OWNERS + WORKSTREAMS + a, mk(OWNERS + WORKSTREAMS + a, `admin${a}`, ['admin']));
  const statuses: ActionStatus[] = ['not_started', 'on_track', 'on_track', 'on_track', 'at_risk', 'off_track', 'complete', 'complete'];
  const actions: Action[] = [];
  for (let i = 1; i <= ACTIONS; i++) {
    const heard = new Date(NOW.getTime() - Math.floor(r() * 120) * 86_400_000);
    actions.push({
      id: i, ref: `A${Math.floor(i / 1000)}-${String(i % 1000).padStart(3, '0')}`, title: `Action ${i}: deliver a part of the improvement plan with partners`,
      workstreamId: 1 + Math.floor(r() * WORKSTREAMS), area: null, ownerId: 1 + Math.floor(r() * OWNERS),
      dueDate: addDays(TODAY, Math.floor(r() * 400) - 200), status: statuses[Math.floor(r() * statuses.length)]!,
      lastUpdate: r() < 0.7 ? 'Progress as planned; next step agreed with partners.' : null, lastUpdateAt: heard,
      successMeasure: null, source: 'Bench', version: 1 + Math.floor(r() * 5), createdAt: new Date('2026-01-05T09:00:00Z'), updatedAt: heard,
    });
  }
  const changes: ActionChange[] = [];
  for (let i = 0; i < CHANGES; i++) {
    changes.push({
      actionId: 1 + Math.floor(r() * ACTIONS), actorId: 1, at: new Date(NOW.getTime() - Math.floor(r() * 7 * 86_400_000)), via: 'card',
      statusFrom: 'on_track', statusTo: r() < 0.5 ? 'at_risk' : 'on_track', dueFrom: null, dueTo: null, note: 'Weekly update', version: 2,
    });
  }
  const ratings: Rating[] = ['1', '2', '3', '4', '5a', '5b', '5c', '6', '7'].map((pillar, i) => ({ pillar, score: i % 4, note: null, ratedAt: new Date('2026-10-01T00:00:00Z') }));
  return { people, workstreams, actions, changes, ratings };
}

function buildAll(p: BenchPlan) {
  const digest = buildDigests({ workstreams: p.workstreams, actions: p.actions, changes: p.changes, ratings: p.ratings, people: p.people, today: TODAY, now: NOW, staleWeeks: 6 });
  const messages = digest.workstreams.map((d) => workstreamDigestMessage(d, TODAY, 6));
  messages.push(planDigestMessage(digest, TODAY, 6));
  const asks = planStaleAsks({ actions: p.actions, people: p.people, snoozes: [], today: TODAY, weeks: 6, now: NOW });
  for (const a of asks) messages.push(staleAskMessage(a, TODAY, 6));
  return { messages, asks: asks.length, overdue: digest.overdue.length, stale: digest.staleCount };
}

/** Measured after timing: sending would serialise them anyway. */
function sizes(messages: { cards: Record<string, unknown>[] }[]) {
  let bytes = 0;
  let biggest = 0;
  for (const m of messages) {
    const size = Buffer.byteLength(JSON.stringify(m.cards));
    bytes += size;
    biggest = Math.max(biggest, size);
  }
  return { bytes, biggest };
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const plan = generate();
  const genMs = performance.now() - t0;
  const times: number[] = [];
  let last: ReturnType<typeof buildAll> | undefined;
  buildAll(plan); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    last = buildAll(plan);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const size = sizes(last!.messages);
  const result = {
    bench: 'digest (in memory)', owners: OWNERS, actions: ACTIONS, workstreams: WORKSTREAMS, changes: CHANGES,
    generateMs: Math.round(genMs), medianMs: Math.round(median), maxMs: Math.round(times.at(-1)!), targetMs: TARGET_MS,
    messages: last!.messages.length, staleAsks: last!.asks, overdue: last!.overdue, biggestCardBytes: size.biggest, totalCardKB: Math.round(size.bytes / 1024),
  };
  console.log(JSON.stringify(result));
  if (median >= TARGET_MS) throw new Error(`digest build took ${Math.round(median)} ms (target < ${TARGET_MS} ms)`);
  if (size.biggest > 28 * 1024) throw new Error(`a card is ${size.biggest} bytes, over Teams' 28 KB`);

  if (values.db) await dbRun(plan);
}

/** The whole job against an embedded database: load, build, queue. */
async function dbRun(p: BenchPlan): Promise<void> {
  const { openStore } = await import('../src/store/database.js');
  const { runWeeklyDigest } = await import('../src/jobs/weekly-digest.js');
  const { jobDeps } = await import('../src/jobs/deps.js');
  const { createJobStores } = await import('../src/store/job-stores.js');
  const { loadConfig } = await import('../src/config.js');
  const { createLogger } = await import('../src/log/logger.js');
  const store = await openStore({ dataDir: 'memory://' });
  const s = performance.now();
  const chunk = <T>(xs: T[], n = 5_000) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));
  for (const c of chunk([...p.people.values()])) await store.db.person.createMany({ data: c.map((x) => ({ id: x.id, key: x.key, name: x.name, roles: x.roles })) });
  await store.db.workstream.createMany({ data: p.workstreams.map((w) => ({ id: w.id, code: w.code, name: w.name, pillar: w.pillar, leadId: w.leadId })) });
  for (const c of chunk(p.actions)) {
    await store.db.action.createMany({ data: c.map((a) => ({
      id: a.id, ref: a.ref, title: a.title, workstreamId: a.workstreamId, ownerId: a.ownerId, dueDate: new Date(`${a.dueDate}T00:00:00Z`), status: a.status,
      lastUpdate: a.lastUpdate, lastUpdateAt: a.lastUpdateAt, source: a.source, version: a.version, createdAt: a.createdAt, updatedAt: a.updatedAt,
    })) });
  }
  for (const c of chunk(p.changes)) await store.db.actionHistory.createMany({ data: c.map((h) => ({ actionId: h.actionId, actorId: h.actorId, at: h.at, via: h.via, statusFrom: h.statusFrom, statusTo: h.statusTo, note: h.note, version: h.version })) });
  await store.db.maturityRating.createMany({ data: p.ratings.map((r) => ({ pillar: r.pillar, score: r.score, ratedAt: r.ratedAt })) });
  const loadMs = performance.now() - s;
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const deps = jobDeps({ config, log: createLogger('silent'), jobStores: createJobStores(store.db) });
  const j = performance.now();
  const result = await runWeeklyDigest({ now: NOW, period: '2026-W48' }, deps);
  const jobMs = performance.now() - j;
  const again = performance.now();
  const second = await runWeeklyDigest({ now: NOW, period: '2026-W48' }, deps);
  const againMs = performance.now() - again;
  console.log(JSON.stringify({
    bench: 'weekly-digest job (embedded database)', seedMs: Math.round(loadMs), jobMs: Math.round(jobMs), queued: result.queued, parts: result.details,
    secondRunMs: Math.round(againMs), secondRunQueued: second.queued,
  }));
  await store.close();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
