// Card update benchmark: latency of an action.save invoke (one transaction: versioned UPDATE, audit
// row) and of an action.refresh invoke, beside a trivial invoke handler in the same run, through
// POST /api/messages with the real adapter; on the embedded database and on PostgreSQL. Then 50
// concurrent saves of the same action at the same version, round after round with the losers
// retrying on the card they were given: exactly one wins per version, the rest are told, none lost.
//   npm run bench:cards            (ITERATIONS=300 CONCURRENT=50 WARMUP=30 to change the sizes)
import crypto from 'node:crypto';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { fixedClock } from '../src/domain/time/clock.js';
import { loadDemoDataIfEmpty } from '../src/importer/demo-data.js';
import { createLogger } from '../src/log/logger.js';
import { startRuntime, type Running } from '../src/runtime.js';
import { openStore, pgConfig, type Store } from '../src/store/database.js';
import { startConnectorStub } from '../src/cli/connector-stub.js';

const ADMIN = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ITERATIONS = Number(process.env.ITERATIONS ?? 300);
const CONCURRENT = Number(process.env.CONCURRENT ?? 50);
const WARMUP = Number(process.env.WARMUP ?? 30);
const NOW = '2026-11-22T09:00:00Z';
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

type Json = Record<string, unknown>;

interface Timing { label: string; samples: number[] }
interface LatencyRow { database: string; handler: string; n: number; p50: number; p95: number; p99: number; mean: number }
interface RaceRow { database: string; concurrent: number; rounds: number; winnersPerRound: string; told: number; lost: number; firstRoundMaxMs: number; ms: number }

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function summarise(database: string, t: Timing): LatencyRow {
  const s = [...t.samples].sort((a, b) => a - b);
  return { database, handler: t.label, n: s.length, p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

interface Rig { running: Running; invoke(verb: string, data: Json): Promise<{ ms: number; card: Json }>; close(): Promise<void> }

async function rig(store: Store): Promise<Rig> {
  await loadDemoDataIfEmpty(store.db, new Date(NOW));
  const connector = await startConnectorStub();
  const running: Running = await startRuntime({
    config: loadConfig({ PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: '0', SENDER: '0' }), store, clock: fixedClock(NOW), log: createLogger('silent'),
  });
  // The trivial handler: answers with a tiny card, no database.
  const tiny = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'ok' }] };
  running.bot.app.adaptiveCards.actionExecute('bench.noop', async (context) => {
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: ADAPTIVE, value: tiny } } });
    return '';
  });
  const owner = await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } });
  const from = { id: `29:${owner.aadObjectId}`, name: owner.name, aadObjectId: owner.aadObjectId };
  const conversationId = `a:bench-${crypto.randomUUID()}`;
  const invoke = async (verb: string, data: Json): Promise<{ ms: number; card: Json }> => {
    const activity = {
      type: 'invoke', name: 'adaptiveCard/action', id: crypto.randomUUID(), timestamp: new Date().toISOString(), channelId: 'msteams',
      serviceUrl: connector.serviceUrl, from, recipient: { id: '28:partnership-bot', name: 'Partnership Bot' }, replyToId: 'card-1',
      conversation: { id: conversationId, conversationType: 'personal', tenantId: 'bench' }, channelData: { tenant: { id: 'bench' } },
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    };
    const started = performance.now();
    const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    const ms = performance.now() - started;
    assert.equal(res.status, 200, `${verb} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
    const body = JSON.parse(text) as { type?: string; value?: Json };
    assert.equal(body.type, ADAPTIVE);
    return { ms, card: body.value ?? {} };
  };
  return { running, invoke, close: async () => { await running.stop(); await connector.close(); } };
}

const words = (card: Json) => JSON.stringify(card);

/** The three handlers interleaved, so they share every condition of the run. */
async function measureLatency(database: string, store: Store, r: Rig): Promise<LatencyRow[]> {
  const target = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-06' } });
  let version = target.version;
  const due = target.dueDate.toISOString().slice(0, 10);
  const timings: Record<string, Timing> = {
    noop: { label: 'trivial invoke (no database)', samples: [] },
    refresh: { label: 'action.refresh (read, per-viewer card)', samples: [] },
    save: { label: 'action.save (versioned update + audit row)', samples: [] },
  };
  for (let i = 0; i < WARMUP + ITERATIONS; i++) {
    const noop = await r.invoke('bench.noop', {});
    const refresh = await r.invoke('action.refresh', { actionId: target.id });
    const save = await r.invoke('action.save', { actionId: target.id, version, status: i % 2 ? 'on_track' : 'at_risk', dueDate: due, note: `Benchmark update ${i}` });
    assert.match(words(save.card), /Saved\./, `save ${i} was not saved`);
    version += 1;
    if (i >= WARMUP) {
      timings.noop!.samples.push(noop.ms);
      timings.refresh!.samples.push(refresh.ms);
      timings.save!.samples.push(save.ms);
    }
  }
  return Object.values(timings).map((t) => summarise(database, t));
}

/** CONCURRENT people save one action at the same version; each loser retries on the card it got. */
async function raceRound(r: Rig, actionId: number, due: string, pending: { i: number; version: number }[], first: boolean) {
  let slowest = 0;
  const results = await Promise.all(pending.map(async (p) => {
    const { card, ms } = await r.invoke('action.save', { actionId, version: p.version, status: 'on_track', dueDate: due, note: `Racer ${p.i}` });
    if (first) slowest = Math.max(slowest, ms);
    const text = words(card);
    if (/Saved\./.test(text)) return { p, won: true, next: p.version };
    assert.match(text, /changed this at \d\d:\d\d; here is the latest\./, `racer ${p.i} got neither a save nor a stale notice`);
    const save = ((card.actions ?? []) as Json[]).find((a) => a.verb === 'action.save');
    assert.ok(save, 'the card has no Save button');
    return { p, won: false, next: (save.data as { version: number }).version };
  }));
  return { results, slowest };
}

async function race(database: string, store: Store, r: Rig): Promise<RaceRow> {
  const action = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-03' } });
  const start = action.version;
  const due = action.dueDate.toISOString().slice(0, 10);
  let pending = Array.from({ length: CONCURRENT }, (_, i) => ({ i, version: start }));
  const winners: number[] = [];
  let told = 0; let rounds = 0; let firstRoundMaxMs = 0;
  const started = performance.now();
  while (pending.length > 0) {
    rounds++;
    const { results, slowest } = await raceRound(r, action.id, due, pending, rounds === 1);
    if (rounds === 1) firstRoundMaxMs = slowest;
    const won = results.filter((x) => x.won);
    assert.equal(won.length, 1, `round ${rounds}: ${won.length} saves at version ${pending[0]?.version}`);
    winners.push(won[0]!.p.i);
    told += results.length - 1;
    pending = results.filter((x) => !x.won).map((x) => ({ i: x.p.i, version: x.next }));
  }
  const ms = performance.now() - started;
  const after = await store.db.action.findUniqueOrThrow({ where: { id: action.id } });
  const rows = await store.db.actionHistory.findMany({ where: { actionId: action.id, version: { gt: start } }, orderBy: { version: 'asc' } });
  const notes = new Set(rows.map((x) => x.note));
  const lost = Array.from({ length: CONCURRENT }, (_, i) => `Racer ${i}`).filter((n) => !notes.has(n)).length;
  assert.equal(after.version, start + CONCURRENT, 'every racer should have landed exactly once');
  assert.equal(rows.length, CONCURRENT, 'one audit row per version');
  assert.deepEqual(rows.map((x) => x.version), Array.from({ length: CONCURRENT }, (_, i) => start + i + 1));
  assert.equal(lost, 0, 'an update was lost');
  assert.equal(new Set(winners).size, CONCURRENT);
  return { database, concurrent: CONCURRENT, rounds, winnersPerRound: '1', told, lost, firstRoundMaxMs, ms };
}

async function bench(database: string, store: Store): Promise<{ latency: LatencyRow[]; race: RaceRow }> {
  const r = await rig(store);
  try {
    return { latency: await measureLatency(database, store, r), race: await race(database, store, r) };
  } finally {
    await r.close();
  }
}

const fmt = (n: number) => n.toFixed(1);
const latency: LatencyRow[] = [];
const races: RaceRow[] = [];

{
  // A real data folder on disk (what production uses), not memory://: a save must be durable.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-cards-'));
  const store = await openStore({ dataDir: path.join(dir, 'pglite') });
  try {
    const r = await bench('embedded (PGlite, folder on disk)', store);
    latency.push(...r.latency);
    races.push(r.race);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const name = `bench_card_update_${crypto.randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ ...pgConfig(ADMIN), connectionTimeoutMillis: 2_000 });
let created = false;
try {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  created = true;
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  const r = await bench('PostgreSQL', store);
  latency.push(...r.latency);
  races.push(r.race);
} catch (err) {
  if (err instanceof assert.AssertionError) throw err;
  console.error(`PostgreSQL skipped: ${err instanceof Error ? err.message : String(err)}`);
} finally {
  if (created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
  await admin.end().catch(() => undefined);
}

console.log(`\nCard update invokes through POST /api/messages to one bot (in the benchmark's own process), ${ITERATIONS} each after ${WARMUP} warm-up, interleaved; Node ${process.version}\n`);
console.log('| database | handler | n | p50 ms | p95 ms | p99 ms | mean ms | p95 × trivial invoke |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const r of latency) {
  const trivial = latency.find((x) => x.database === r.database && x.handler.startsWith('trivial'))?.p95 ?? NaN;
  console.log(`| ${r.database} | ${r.handler} | ${r.n} | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${fmt(r.mean)} | ${(r.p95 / trivial).toFixed(1)} × |`);
}
console.log(`\n${CONCURRENT} concurrent saves of one action at the same version; losers retry on the card they are given\n`);
console.log('| database | concurrent | rounds | winners per round | told "changed this at …" | lost | slowest answer, first round (ms) | all rounds (ms) |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const r of races) console.log(`| ${r.database} | ${r.concurrent} | ${r.rounds} | ${r.winnersPerRound} | ${r.told} | ${r.lost} | ${fmt(r.firstRoundMaxMs)} | ${fmt(r.ms)} |`);
