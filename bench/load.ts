// npm run bench:load: a loopback load generator for POST /api/messages. The bot (the real
// runtime, demo data, replies to a connector stub) runs in a child process so its CPU and memory
// are its own; this process sends a mixed workload at rising rates and reports throughput,
// latency percentiles, errors and the saturation point, per database. --soak holds a steady rate
// and samples the bot's RSS every 10 s, failing (exit 1) if it grows more than 10 %.
//
//   npm run bench:load -- [--seconds 60] [--rates 10,25,50,100,200] [--db embedded,postgresql]
//                         [--engine open|autocannon] [--mix 60,25,15]
//   npm run bench:load -- --soak 600 [--soak-rate 10] [--warmup 60] [--db embedded]
//
// Everything stays on 127.0.0.1; every run is bounded in time (--seconds per rate, a 10 s
// timeout per request) and in count (rate × seconds requests, at most 2 000 in flight).
// The default engine is open-loop: request i is due at start + i/rate whatever happened to the
// ones before, and its latency counts from that moment, so a slow server cannot slow the load
// down and hide its own queueing. `--engine autocannon` runs the same workload through
// autocannon (closed loop per connection, its rate limiter releases each connection's quota at
// the start of every second, so "200 req/s" arrives as bursts) for comparison.
// PostgreSQL: a fresh database on TEST_DATABASE_URL's server (default 127.0.0.1:5432), created
// and dropped here; the server itself is never touched.
import { fork, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const NOW = '2026-11-22T09:00:00Z'; // the demo data's "today": its meetings are still ahead
const TENANT = '9b3c6d2e-0000-4000-8000-00000000c0de';
const BOT = { id: '28:partnership-bot', name: 'Partnership Bot' };
const ADMIN = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TIMEOUT_MS = 10_000;
const MAX_IN_FLIGHT = 2_000;
/** A rate is "sustained" when it is delivered within 5 %, p99 under this, and ≤ 0.5 % fail. */
const P99_LIMIT_MS = 2_000;

// ---- shared shapes --------------------------------------------------------------------------

interface Fixtures {
  people: { key: string; name: string; aad: string }[];
  actions: { id: number; ref: string; version: number; saverAad: string; saverName: string }[];
  meetings: number[];
  questions: string[];
}
interface ChildStats { rss: number; heapUsed: number; external: number; cpuMicros: number; wallMicros: number }
type ToChild = { type: 'stats'; id: number } | { type: 'stop' };
type FromChild = { type: 'ready'; port: number; fixtures: Fixtures; database: string } | ({ type: 'stats'; id: number } & ChildStats);

// ---- the bot, in a child process -----------------------------------------------------------

async function serve(): Promise<void> {
  const { loadConfig } = await import('../src/config.js');
  const { startRuntime } = await import('../src/runtime.js');
  const config = loadConfig({
    PORT: '0', SCHEDULER: '0', DEMO_DATA: '1', CLOCK_NOW: NOW, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    ...(process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : { DATA_DIR: process.env.BENCH_DATA_DIR ?? './data' }),
  });
  const running = await startRuntime({ config });
  const db = running.services.store.db;
  const people = await db.person.findMany({ where: { aadObjectId: { not: null } }, orderBy: { id: 'asc' } });
  const admin = people.find((p) => p.roles.includes('admin'));
  const actions = await db.action.findMany({ orderBy: { id: 'asc' }, include: { owner: true, workstream: { include: { lead: true } } } });
  const meetings = await db.clusterMeeting.findMany({ where: { startsAt: { gt: new Date(NOW) } }, orderBy: { id: 'asc' } });
  const workstreams = await db.workstream.findMany({ orderBy: { id: 'asc' } });
  const questions: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = actions[(i * 7) % actions.length]!;
    const w = workstreams[i % workstreams.length]!;
    questions.push(`Who owns ${a.ref}?`, `When is ${a.ref.toLowerCase().replace('-', ' ')} due?`, "What's overdue?",
      `What is overdue in ${w.code}?`, 'Which actions are at risk?', 'What are my open actions?',
      `What is ${a.owner?.name ?? 'Owen Price'} working on?`, "What's due in the next two weeks?",
      'How many actions are off track?', `Summary of ${w.code}`);
  }
  const fixtures: Fixtures = {
    people: people.map((p) => ({ key: p.key, name: p.name, aad: p.aadObjectId! })),
    // Each action is saved by someone allowed to: its owner, else the workstream lead, else an admin.
    actions: actions.flatMap((a) => {
      const saver = [a.owner, a.workstream.lead, admin].find((p) => p?.aadObjectId);
      return saver ? [{ id: a.id, ref: a.ref, version: a.version, saverAad: saver.aadObjectId!, saverName: saver.name }] : [];
    }),
    meetings: meetings.map((m) => m.id),
    questions,
  };
  const wallStart = process.hrtime.bigint();
  const send = (m: FromChild) => process.send?.(m);
  process.on('message', (m: ToChild) => {
    if (m.type === 'stats') {
      const mem = process.memoryUsage();
      const cpu = process.cpuUsage();
      send({
        type: 'stats', id: m.id, rss: mem.rss, heapUsed: mem.heapUsed, external: mem.external,
        cpuMicros: cpu.user + cpu.system, wallMicros: Number((process.hrtime.bigint() - wallStart) / 1000n),
      });
    } else if (m.type === 'stop') {
      void running.stop().finally(() => process.exit(0));
    }
  });
  // The load generator went away (finished, or was interrupted): stop, and never linger.
  process.on('disconnect', () => {
    setTimeout(() => process.exit(0), 5_000);
    void running.stop().finally(() => process.exit(0));
  });
  send({ type: 'ready', port: running.port, fixtures, database: running.services.store.kind });
}

interface BotProcess {
  url: string;
  fixtures: Fixtures;
  stats(): Promise<ChildStats>;
  /** Error and fatal log lines seen so far, and the first few messages. */
  logErrors(): { count: number; samples: string[] };
  stop(): Promise<void>;
}

async function startBot(env: Record<string, string>): Promise<BotProcess> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let errors = 0;
  const samples: string[] = [];
  let tail = '';
  let partial = '';
  child.stdout!.on('data', (c: Buffer) => {
    const lines = (partial + c.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!/"level":(50|60)/.test(line)) continue;
      errors++;
      const msg = /"msg":"([^"]*)"/.exec(line)?.[1] ?? line.slice(0, 200);
      const err = /"err":\{"message":"([^"]{0,160})/.exec(line)?.[1];
      const sample = err ? `${msg}: ${err}` : msg;
      if (samples.length < 5 && !samples.includes(sample)) samples.push(sample);
    }
  });
  child.stderr!.on('data', (c: Buffer) => { tail = (tail + c.toString()).slice(-4000); });
  let nextId = 0;
  const waiting = new Map<number, (s: ChildStats) => void>();
  const ready = new Promise<{ port: number; fixtures: Fixtures }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start within 180 s\n${tail}`)), 180_000);
    child.on('message', (m: FromChild) => {
      if (m.type === 'ready') { clearTimeout(timer); resolve(m); }
      if (m.type === 'stats') { waiting.get(m.id)?.(m); waiting.delete(m.id); }
    });
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`the bot exited (${code}) before it was ready\n${tail}`)); });
  });
  const { port, fixtures } = await ready;
  child.on('exit', (code) => { if (code !== 0 && code !== null) console.error(`The bot exited with ${code}:\n${tail}`); });
  return {
    url: `http://127.0.0.1:${port}`,
    fixtures,
    stats: () => new Promise<ChildStats>((resolve, reject) => {
      const id = ++nextId;
      const timer = setTimeout(() => { waiting.delete(id); reject(new Error('the bot did not answer a stats request within 10 s')); }, 10_000);
      waiting.set(id, (s) => { clearTimeout(timer); resolve(s); });
      child.send({ type: 'stats', id } satisfies ToChild);
    }),
    logErrors: () => ({ count: errors, samples }),
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) { resolve(); return; }
      const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
      child.once('exit', () => { clearTimeout(kill); resolve(); });
      try { child.send({ type: 'stop' } satisfies ToChild); } catch { child.kill('SIGTERM'); }
    }),
  };
}

// ---- the connector stub (replies land here) ------------------------------------------------

async function startStub(): Promise<{ serviceUrl: string; received(): number; close(): Promise<void> }> {
  const { startConnectorStub } = await import('../src/cli/connector-stub.js');
  const stub = await startConnectorStub();
  let received = 0;
  // The stub keeps what it receives; empty it often so this process's memory stays flat.
  const timer = setInterval(() => { received += stub.sent.length; stub.clear(); }, 1_000);
  return {
    serviceUrl: stub.serviceUrl,
    received: () => received + stub.sent.length,
    close: async () => { clearInterval(timer); await stub.close(); },
  };
}

// ---- the workload ---------------------------------------------------------------------------

type Kind = 'question' | 'card update' | 'rsvp';
const KINDS: Kind[] = ['question', 'card update', 'rsvp'];

interface Req { kind: Kind; body: string; onResponse(status: number, body: string): void }

interface KindTally {
  sent: number;
  ok: number;
  statuses: Map<number, number>;
  timeouts: number;
  errors: number;
  latencies: number[];
  /** Card updates: saved (version moved on), stale (someone else's save got there first), other. */
  outcomes: Map<string, number>;
  /** Other failures by code: connection errors (ECONNRESET…), requests not sent at the in-flight cap. */
  errorCodes: Map<string, number>;
}

const NOTES = [
  'Reviewed at the weekly partnership meeting.',
  'Draft shared with the parent carer forum for comment.',
  'Waiting for the finance sign-off before the next step.',
  'Progress checked with the workstream lead.',
];
const STATUSES = ['on_track', 'at_risk', 'on_track', 'off_track', 'not_started'];
const RSVPS = ['attending', 'maybe', 'not_attending'];

class Workload {
  private n = 0;
  private readonly versions = new Map<number, number>();
  private readonly busyUntil = new Map<number, number>();
  private cursor = 0;
  private readonly pattern: Kind[];

  constructor(private readonly f: Fixtures, private readonly serviceUrl: string, mix: [number, number, number]) {
    for (const a of f.actions) this.versions.set(a.id, a.version);
    // A fixed interleaving of 20 requests in the wanted proportions.
    const share = mix.map((m) => m / (mix[0] + mix[1] + mix[2]));
    const used = [0, 0, 0];
    this.pattern = [];
    for (let i = 1; i <= 20; i++) {
      // The kind furthest behind its share so far goes next.
      let j = 0;
      for (let k = 1; k < KINDS.length; k++) if (share[k]! * i - used[k]! > share[j]! * i - used[j]!) j = k;
      used[j]!++;
      this.pattern.push(KINDS[j]!);
    }
    if (f.meetings.length === 0) this.pattern = this.pattern.map((k) => (k === 'rsvp' ? 'question' : k));
    if (f.actions.length === 0) this.pattern = this.pattern.map((k) => (k === 'card update' ? 'question' : k));
  }

  private activity(from: { aad: string; name: string }, conversation: { id: string; type: string }): Record<string, unknown> {
    return {
      id: crypto.randomUUID(), timestamp: new Date().toISOString(), localTimezone: 'Europe/London', serviceUrl: this.serviceUrl,
      channelId: 'msteams', from: { id: `29:${from.aad}`, name: from.name, aadObjectId: from.aad },
      conversation: { id: conversation.id, conversationType: conversation.type, tenantId: TENANT, ...(conversation.type === 'personal' ? {} : { isGroup: true }) },
      recipient: BOT, locale: 'en-GB', channelData: { tenant: { id: TENANT } },
    };
  }

  next(tally: Record<Kind, KindTally>): Req {
    const i = this.n++;
    const kind = this.pattern[i % this.pattern.length]!;
    const f = this.f;
    if (kind === 'question') {
      const p = f.people[i % f.people.length]!;
      const text = f.questions[(i * 7) % f.questions.length]!;
      const body = { ...this.activity(p, { id: `a:load-${p.key}`, type: 'personal' }), type: 'message', textFormat: 'plain', text };
      return { kind, body: JSON.stringify(body), onResponse: () => undefined };
    }
    if (kind === 'card update') {
      // One save in flight per action (a person does not press Save twice at once); the version
      // the card carries is the latest this generator has seen.
      const now = performance.now();
      let a = f.actions[this.cursor++ % f.actions.length]!;
      for (let tries = 0; tries < f.actions.length && (this.busyUntil.get(a.id) ?? 0) > now; tries++) a = f.actions[this.cursor++ % f.actions.length]!;
      this.busyUntil.set(a.id, now + TIMEOUT_MS);
      const version = this.versions.get(a.id)!;
      const data = { actionId: a.id, version, status: STATUSES[i % STATUSES.length], note: NOTES[i % NOTES.length] };
      const body = {
        ...this.activity({ aad: a.saverAad, name: a.saverName }, { id: `a:load-${a.saverAad}`, type: 'personal' }),
        type: 'invoke', name: 'adaptiveCard/action', replyToId: `card-${a.id}`,
        value: { action: { type: 'Action.Execute', id: 'save', verb: 'action.save', data }, trigger: 'manual' },
      };
      return {
        kind, body: JSON.stringify(body),
        onResponse: (status, text) => {
          this.busyUntil.delete(a.id);
          const outcomes = tally['card update'].outcomes;
          if (status === 501) { outcomes.set('verb not registered (501)', (outcomes.get('verb not registered (501)') ?? 0) + 1); return; }
          const m = new RegExp(`"data":\\{"actionId":${a.id},"version":(\\d+)\\}`).exec(text);
          const seen = m ? Number(m[1]) : undefined;
          if (seen !== undefined) this.versions.set(a.id, Math.max(this.versions.get(a.id) ?? 0, seen));
          const outcome = seen === version + 1 ? 'saved' : seen !== undefined ? 'stale'
            : /still working on this/.test(text) ? 'slow: answer to follow' : /try again shortly/.test(text) ? "kind 'try again shortly'"
              : /went wrong on my side/.test(text) ? "kind 'something went wrong'" : 'other answer';
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        },
      };
    }
    const p = f.people[(i * 3) % f.people.length]!;
    const meetingId = f.meetings[i % f.meetings.length]!;
    const body = {
      ...this.activity(p, { id: `19:load-meeting-${meetingId}@thread.v2`, type: 'groupChat' }),
      type: 'invoke', name: 'adaptiveCard/action', replyToId: `meeting-card-${meetingId}`,
      value: { action: { type: 'Action.Execute', id: 'rsvp', verb: 'meeting.rsvp', data: { meetingId, response: RSVPS[i % RSVPS.length] } }, trigger: 'manual' },
    };
    return {
      kind, body: JSON.stringify(body),
      onResponse: (status, text) => {
        const outcomes = tally.rsvp.outcomes;
        const outcome = status === 501 ? 'verb not registered (501)' : /you're down as/.test(text) ? 'recorded'
          : /try again shortly/.test(text) ? "kind 'try again shortly'" : /went wrong on my side/.test(text) ? "kind 'something went wrong'" : 'other answer';
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      },
    };
  }
}

// ---- running one rate -----------------------------------------------------------------------

interface RateResult {
  rate: number;
  seconds: number;
  sent: number;
  ok: number;
  achieved: number;
  p50: number; p95: number; p99: number; max: number;
  /** autocannon reports these instead of p95. */
  p90?: number; p975?: number;
  non2xx: number; timeouts: number; errors: number;
  tally: Record<Kind, KindTally>;
  cpuPercent: number;
  rssMb: number;
  logErrors: number;
  /** The machine's 1-minute load average at the end of the step (other work on the machine shows here). */
  loadAvg: number;
  sustained: boolean;
}

const newTally = (): Record<Kind, KindTally> => Object.fromEntries(KINDS.map((k): [Kind, KindTally] => [k, {
  sent: 0, ok: 0, statuses: new Map<number, number>(), timeouts: 0, errors: 0, latencies: [], outcomes: new Map<string, number>(),
  errorCodes: new Map<string, number>(),
}])) as Record<Kind, KindTally>;

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

function countError(t: KindTally, err: NodeJS.ErrnoException): void {
  const code = err.code ?? err.message.slice(0, 40);
  t.errorCodes.set(code, (t.errorCodes.get(code) ?? 0) + 1);
}

/** Open loop: request i leaves at start + i/rate; its latency counts from then. */
async function runOpen(url: string, rate: number, seconds: number, work: Workload, tally: Record<Kind, KindTally>): Promise<EngineRun> {
  const target = new URL('/api/messages', url);
  if (target.hostname !== '127.0.0.1') throw new Error('Loopback only.');
  const total = Math.round(rate * seconds);
  const start = performance.now();
  let issued = 0;
  let inFlight = 0;
  let lastDone = start;
  await new Promise<void>((resolve) => {
    const finish = () => { if (issued >= total && inFlight === 0) { clearInterval(tick); resolve(); } };
    const fire = (due: number) => {
      const req = work.next(tally);
      const t = tally[req.kind];
      t.sent++;
      if (inFlight >= MAX_IN_FLIGHT) { t.errors++; t.errorCodes.set('not sent: 2000 in flight', (t.errorCodes.get('not sent: 2000 in flight') ?? 0) + 1); return; }
      inFlight++;
      let settled = false;
      const done = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        inFlight--;
        lastDone = performance.now();
        fn();
        finish();
      };
      const timer = setTimeout(() => done(() => { t.timeouts++; r.destroy(); }), Math.max(1, due + TIMEOUT_MS - performance.now()));
      const r = http.request(target, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(req.body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(() => {
          const status = res.statusCode ?? 0;
          t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
          if (status >= 200 && status < 300) { t.ok++; t.latencies.push(performance.now() - due); }
          req.onResponse(status, Buffer.concat(chunks).toString());
        }));
        res.on('error', (err: NodeJS.ErrnoException) => done(() => { t.errors++; countError(t, err); }));
      });
      r.on('error', (err: NodeJS.ErrnoException) => done(() => { t.errors++; countError(t, err); }));
      r.end(req.body);
    };
    const tick = setInterval(() => {
      const now = performance.now();
      while (issued < total && start + (issued * 1000) / rate <= now) fire(start + (issued++ * 1000) / rate);
      finish();
    }, 2);
  });
  return { elapsed: (lastDone - start) / 1000 };
}

interface AutocannonResult {
  timeouts: number; errors: number; non2xx: number;
  requests: { sent: number };
  latency: { p50: number; p90: number; p97_5: number; p99: number; max: number };
}
/** What an engine measured itself, over its own numbers (autocannon's latencies). */
interface EngineRun { elapsed: number; overall?: { sent: number; p50: number; p90: number; p975: number; p99: number; max: number } }
type AutocannonFn = (opts: Record<string, unknown>) => Promise<AutocannonResult>;

/**
 * The same workload through autocannon (closed loop per connection, per-second bursts). Its own
 * latency histogram is used: a request is built before autocannon's rate limiter holds it back,
 * so timing from setupRequest would count the wait. Per-kind rows then show counts only.
 */
async function runAutocannon(url: string, rate: number, seconds: number, work: Workload, tally: Record<Kind, KindTally>): Promise<EngineRun> {
  const autocannon = createRequire(import.meta.url)('autocannon') as AutocannonFn;
  if (new URL(url).hostname !== '127.0.0.1') throw new Error('Loopback only.');
  const started = performance.now();
  const result = await autocannon({
    url: `${url}/api/messages`, method: 'POST', headers: { 'content-type': 'application/json' },
    connections: Math.min(rate, 100), overallRate: rate, duration: seconds, timeout: TIMEOUT_MS / 1000,
    requests: [{
      setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
        const req = work.next(tally);
        context.req = req;
        return { ...request, body: req.body };
      },
      onResponse: (status: number, body: string, context: Record<string, unknown>) => {
        const req = context.req as Req;
        const t = tally[req.kind];
        t.sent++;
        t.statuses.set(status, (t.statuses.get(status) ?? 0) + 1);
        if (status >= 200 && status < 300) t.ok++;
        req.onResponse(status, body);
      },
    }],
  });
  // Timeouts and connection errors are not seen per request: book them on questions, the bulk.
  tally.question.timeouts += result.timeouts;
  tally.question.errors += Math.max(0, result.errors - result.timeouts);
  const l = result.latency;
  return {
    elapsed: (performance.now() - started) / 1000,
    overall: { sent: result.requests.sent, p50: l.p50, p90: l.p90, p975: l.p97_5, p99: l.p99, max: l.max },
  };
}

async function measureRate(bot: BotProcess, work: Workload, rate: number, seconds: number, engine: string): Promise<RateResult> {
  const tally = newTally();
  const before = await bot.stats();
  const errorsBefore = bot.logErrors().count;
  const run = engine === 'autocannon' ? await runAutocannon(bot.url, rate, seconds, work, tally) : await runOpen(bot.url, rate, seconds, work, tally);
  const elapsed = run.elapsed;
  const o = run.overall;
  const after = await bot.stats();
  const all = KINDS.map((k) => tally[k]);
  const latencies = all.flatMap((t) => t.latencies);
  const sent = o?.sent ?? all.reduce((n, t) => n + t.sent, 0);
  const ok = all.reduce((n, t) => n + t.ok, 0);
  const non2xx = all.reduce((n, t) => n + [...t.statuses].filter(([s]) => s < 200 || s >= 300).reduce((m, [, c]) => m + c, 0), 0);
  const timeouts = all.reduce((n, t) => n + t.timeouts, 0);
  const errors = all.reduce((n, t) => n + t.errors, 0);
  const achieved = ok / Math.max(elapsed, seconds);
  const p99 = o?.p99 ?? pct(latencies, 0.99);
  return {
    rate, seconds, sent, ok, achieved, p50: o?.p50 ?? pct(latencies, 0.5), p95: o ? NaN : pct(latencies, 0.95), p99,
    max: o?.max ?? latencies.reduce((m, v) => Math.max(m, v), 0), ...(o ? { p90: o.p90, p975: o.p975 } : {}),
    non2xx, timeouts, errors, tally,
    cpuPercent: (100 * (after.cpuMicros - before.cpuMicros)) / Math.max(1, after.wallMicros - before.wallMicros),
    rssMb: after.rss / 2 ** 20,
    logErrors: bot.logErrors().count - errorsBefore,
    loadAvg: os.loadavg()[0] ?? NaN,
    sustained: achieved >= 0.95 * rate && p99 < P99_LIMIT_MS && non2xx + timeouts + errors <= 0.005 * sent,
  };
}

// ---- databases ------------------------------------------------------------------------------

interface Database { label: string; env: Record<string, string>; drop(): Promise<void> }

async function embeddedDatabase(): Promise<Database> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bot-load-'));
  return { label: 'embedded (PGlite, on disk)', env: { BENCH_DATA_DIR: dir }, drop: async () => { fs.rmSync(dir, { recursive: true, force: true }); } };
}

async function postgresDatabase(): Promise<Database> {
  const name = `bench_load_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  try { await admin.query(`CREATE DATABASE ${name}`); } finally { await admin.end(); }
  const url = new URL(ADMIN);
  if (!['127.0.0.1', 'localhost'].includes(url.hostname)) throw new Error('The load test only uses a PostgreSQL server on this machine.');
  url.pathname = `/${name}`;
  return {
    label: 'PostgreSQL 127.0.0.1:5432', env: { BENCH_DATABASE_URL: url.toString() },
    drop: async () => {
      const c = new pg.Client({ connectionString: ADMIN });
      await c.connect();
      try { await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } finally { await c.end(); }
    },
  };
}

// ---- reporting ------------------------------------------------------------------------------

const ms = (v: number): string => (Number.isNaN(v) ? 'n/a' : v < 10 ? v.toFixed(1) : v.toFixed(0));

function rateTable(results: RateResult[]): string {
  const rows = [
    '| target (req/s) | sent | 2xx | achieved (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | non-2xx | timeouts | other errors | bot CPU (% of a core) | bot RSS (MB) | error log lines | load avg (1 min) | sustained |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    rows.push(`| ${r.rate} | ${r.sent} | ${r.ok} | ${r.achieved.toFixed(1)} | ${ms(r.p50)} | ${r.p975 !== undefined ? `n/a (p90 ${ms(r.p90 ?? NaN)}, p97.5 ${ms(r.p975)})` : ms(r.p95)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.non2xx} | ${r.timeouts} | ${r.errors} | ${r.cpuPercent.toFixed(0)} | ${r.rssMb.toFixed(0)} | ${r.logErrors} | ${r.loadAvg.toFixed(1)} | ${r.sustained ? 'yes' : '**no**'} |`);
  }
  return rows.join('\n');
}

function kindTable(results: RateResult[]): string {
  const rows = ['| target (req/s) | kind | sent | 2xx | other statuses | timeouts | p50 (ms) | p95 (ms) | p99 (ms) | outcomes, other errors |', '|---|---|---|---|---|---|---|---|---|---|'];
  for (const r of results) {
    for (const k of KINDS) {
      const t = r.tally[k];
      const other = [...t.statuses].filter(([s]) => s < 200 || s >= 300).map(([s, c]) => `${s}×${c}`).join(', ') || '–';
      const outcomes = [...[...t.outcomes].map(([o, c]) => `${o} ${c}`), ...[...t.errorCodes].map(([e, c]) => `${e}×${c}`)].join(', ') || '–';
      rows.push(`| ${r.rate} | ${k} | ${t.sent} | ${t.ok} | ${other} | ${t.timeouts} | ${ms(pct(t.latencies, 0.5))} | ${ms(pct(t.latencies, 0.95))} | ${ms(pct(t.latencies, 0.99))} | ${outcomes} |`);
    }
  }
  return rows.join('\n');
}

function saturation(results: RateResult[]): string {
  const firstMiss = results.find((r) => !r.sustained);
  const best = [...results].filter((r) => r.sustained).pop();
  if (!firstMiss) return `Every rate up to ${results.at(-1)?.rate ?? 0} req/s was sustained: saturation lies above the ladder.`;
  const why = [
    firstMiss.achieved < 0.95 * firstMiss.rate ? `delivered ${firstMiss.achieved.toFixed(1)} req/s` : '',
    firstMiss.p99 >= P99_LIMIT_MS ? `p99 ${ms(firstMiss.p99)} ms` : '',
    firstMiss.non2xx + firstMiss.timeouts + firstMiss.errors > 0.005 * firstMiss.sent ? `${firstMiss.non2xx + firstMiss.timeouts + firstMiss.errors} failed` : '',
  ].filter(Boolean).join(', ');
  return `Saturation: ${firstMiss.rate} req/s is not sustained (${why}); the highest sustained rate is ${best ? `${best.rate} req/s` : 'below the first step'}.`;
}

// ---- main -----------------------------------------------------------------------------------

const args = process.argv.slice(2);
const opt = (n: string, d: string): string => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] ?? d : d; };

async function withBot<T>(db: Database, fn: (bot: BotProcess, work: Workload) => Promise<T>, stubUrl: string, mix: [number, number, number]): Promise<T> {
  let bot: BotProcess | undefined;
  const cleanUp = async () => {
    await bot?.stop();
    await db.drop().catch((err: unknown) => console.error(`Could not remove the ${db.label} database: ${String(err)}`));
  };
  // Interrupted (Ctrl-C, kill): stop the bot and remove the database before leaving.
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`${signal}: stopping the bot and removing the ${db.label} database`);
    void cleanUp().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    bot = await startBot(db.env);
    return await fn(bot, new Workload(bot.fixtures, stubUrl, mix));
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    await cleanUp();
  }
}

async function main(): Promise<void> {
  const seconds = Number(opt('seconds', '60'));
  const rates = opt('rates', '10,25,50,100,200').split(',').map(Number).filter((n) => n > 0);
  const engine = opt('engine', 'open');
  const mix = opt('mix', '60,25,15').split(',').map(Number) as [number, number, number];
  const soak = Number(opt('soak', '0'));
  const dbs = opt('db', soak ? 'embedded' : 'embedded,postgresql').split(',');
  if (!(seconds > 0 && seconds <= 600) || rates.some((r) => r > 2_000) || (soak && !(soak > 0 && soak <= 7_200))) {
    throw new Error('Bounded runs only: --seconds 1..600, rates up to 2000 req/s, --soak up to 7200 s.');
  }
  const cpu = os.cpus();
  console.log(`Machine: ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; load average at start ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}; ${new Date().toISOString()}`);
  console.log(`Workload: questions / card updates (action.save) / RSVPs (meeting.rsvp) = ${mix.join(' / ')} %; engine ${engine}; bot in a child process, LOG_LEVEL ${process.env.LOG_LEVEL ?? 'info'}, scheduler off, demo data, clock ${NOW}.\n`);
  const stub = await startStub();
  try {
    for (const which of dbs) {
      const db = which === 'postgresql' ? await postgresDatabase() : await embeddedDatabase();
      await withBot(db, async (bot, work) => {
        if (soak) {
          await runSoak(bot, work, db.label, soak, Number(opt('soak-rate', '10')), Number(opt('warmup', '60')), engine);
          return;
        }
        // A short warm-up (JIT, pools, caches), not reported.
        await measureRate(bot, work, 10, Math.min(10, seconds), engine);
        const results: RateResult[] = [];
        for (const rate of rates) {
          const r = await measureRate(bot, work, rate, seconds, engine);
          results.push(r);
          console.error(`[${db.label}] ${rate} req/s: ${r.achieved.toFixed(1)} achieved, p95 ${ms(r.p95)} ms, p99 ${ms(r.p99)} ms, ${r.non2xx} non-2xx, ${r.timeouts} timeouts`);
          await new Promise((res) => setTimeout(res, 2_000));
        }
        console.log(`### ${db.label}: ${seconds} s per rate\n`);
        console.log(rateTable(results));
        console.log(`\n${saturation(results)}\n`);
        console.log(kindTable(results));
        const logged = bot.logErrors();
        console.log(`\nError lines the bot logged: ${logged.count}${logged.samples.length ? ` (${logged.samples.join('; ')})` : ''}. Replies received by the connector stub: ${stub.received()}.\n`);
      }, stub.serviceUrl, mix);
    }
  } finally {
    await stub.close();
    agent.destroy();
  }
}

async function runSoak(bot: BotProcess, work: Workload, label: string, seconds: number, rate: number, warmup: number, engine: string): Promise<void> {
  console.error(`[soak] warm-up ${warmup} s at ${rate} req/s`);
  if (warmup > 0) await measureRate(bot, work, rate, warmup, engine);
  const samples: { t: number; rssMb: number; heapMb: number; externalMb: number }[] = [];
  const t0 = performance.now();
  const sample = async () => {
    const s = await bot.stats();
    samples.push({ t: (performance.now() - t0) / 1000, rssMb: s.rss / 2 ** 20, heapMb: s.heapUsed / 2 ** 20, externalMb: s.external / 2 ** 20 });
  };
  await sample();
  const sampler = setInterval(() => { void sample(); }, 10_000);
  let result: RateResult;
  try {
    result = await measureRate(bot, work, rate, seconds, engine);
  } finally {
    clearInterval(sampler);
  }
  await sample();
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const peak = samples.reduce((m, s) => Math.max(m, s.rssMb), 0);
  const growth = (last.rssMb - first.rssMb) / first.rssMb;
  // Least-squares slope of RSS over time, MB per minute.
  const n = samples.length;
  const mt = samples.reduce((a, s) => a + s.t, 0) / n;
  const mr = samples.reduce((a, s) => a + s.rssMb, 0) / n;
  const slope = (samples.reduce((a, s) => a + (s.t - mt) * (s.rssMb - mr), 0) / Math.max(1e-9, samples.reduce((a, s) => a + (s.t - mt) ** 2, 0))) * 60;
  console.log(`### Soak, ${label}: ${rate} req/s for ${seconds} s after a ${warmup} s warm-up\n`);
  console.log(rateTable([result]));
  console.log('');
  console.log(kindTable([result]));
  console.log('\n| time after warm-up (s) | RSS (MB) | V8 heap used (MB) | external (MB) |\n|---|---|---|---|');
  for (const s of samples.filter((_, i) => i % 6 === 0 || i === samples.length - 1)) {
    console.log(`| ${s.t.toFixed(0)} | ${s.rssMb.toFixed(1)} | ${s.heapMb.toFixed(1)} | ${s.externalMb.toFixed(1)} |`);
  }
  const pass = growth <= 0.10;
  console.log(`\nRSS: first sample ${first.rssMb.toFixed(1)} MB, last ${last.rssMb.toFixed(1)} MB, peak ${peak.toFixed(1)} MB, ${samples.length} samples every 10 s; growth ${(growth * 100).toFixed(1)} % (limit 10 %), trend ${slope.toFixed(2)} MB/min: **${pass ? 'PASS' : 'FAIL'}**.`);
  if (!pass) process.exitCode = 1;
}

if (args.includes('--serve')) {
  serve().catch((err: unknown) => { console.error(err instanceof Error ? err.stack : String(err)); process.exit(1); });
} else {
  main().catch((err: unknown) => { console.error(err instanceof Error ? err.stack ?? err.message : String(err)); process.exitCode = 1; });
}
