// npm run bench:ask: p50/p95 round trip of a question mix through POST /api/messages, beside
// an echo handler on the same server in the same run (same adapter, identity lookup and reply
// path; only question answering skipped). Demo data and a generated 100 000-action plan, on
// the embedded database and on PostgreSQL.
//   npm run bench:ask -- [--rounds 200] [--big bench/out/plan-100k] [--skip-big] [--skip-pg]
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { fixedClock } from '../src/domain/time/clock.js';
import { importFolder } from '../src/importer/import-folder.js';
import { DEMO_DATA_DIR } from '../src/importer/demo-data.js';
import { createLogger } from '../src/log/logger.js';
import { startRuntime, type Running } from '../src/runtime.js';
import { openStore, type Store } from '../src/store/database.js';
import type { Services } from '../src/teams/services.js';
import { startConnectorStub } from '../src/cli/connector-stub.js';

const args = process.argv.slice(2);
const opt = (n: string, d: string) => { const i = args.indexOf(`--${n}`); return i >= 0 ? args[i + 1] ?? d : d; };
const ROUNDS = Number(opt('rounds', '200'));
const BIG = opt('big', 'bench/out/plan-100k');
const NOW = '2026-11-22T09:00:00Z';
const ADMIN = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN; };

async function questionsFor(store: Store): Promise<{ text: string; aad: string }[]> {
  // Real refs, people and workstreams from this data set, so every question has an answer.
  const people = await store.db.person.findMany({ where: { aadObjectId: { not: null } }, take: 50, orderBy: { id: 'asc' } });
  const actions = await store.db.action.findMany({ take: 50, orderBy: { id: 'desc' }, include: { owner: true } });
  const ws = await store.db.workstream.findMany();
  const qs: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = actions[(i * 7) % actions.length]!;
    const w = ws[i % ws.length]!;
    qs.push(`Who owns ${a.ref}?`, `When is ${a.ref.toLowerCase().replace('-', ' ')} due?`, "What's overdue?",
      `What is overdue in ${w.code}?`, 'Which actions are at risk?', 'What are my open actions?',
      `What is ${a.owner?.name ?? 'Owen Price'} working on?`, "What's due in the next two weeks?",
      'How many actions are off track?', `Summary of ${w.code}`);
  }
  return qs.map((text, i) => ({ text, aad: people[i % people.length]!.aadObjectId! }));
}

async function run(label: string, store: Store): Promise<string> {
  const connector = await startConnectorStub();
  // Echo shares the route; the real answerer is wrapped so "echo …" skips it.
  const running: Running = await startRuntime({
    config: loadConfig({ PORT: '0', LOG_LEVEL: 'silent', SCHEDULER: '0' }),
    store: { ...store, close: async () => undefined }, clock: fixedClock(NOW), log: createLogger('silent'),
  });
  const real: Services['ask'] = running.services.ask;
  running.services.ask = async (text, asker) => (text.startsWith('echo ') ? { text, cards: [] } : real(text, asker));
  const questions = await questionsFor(store);
  const send = async (text: string, aad: string) => {
    const body = {
      type: 'message', id: crypto.randomUUID(), serviceUrl: connector.serviceUrl, channelId: 'msteams', text,
      from: { id: `29:${aad}`, aadObjectId: aad, name: 'Bench' }, recipient: { id: '28:bot', name: 'Partnership Bot' },
      conversation: { id: `a:bench-${aad}`, conversationType: 'personal', tenantId: 't' }, locale: 'en-GB',
    };
    const t0 = performance.now();
    const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    await res.text();
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return performance.now() - t0;
  };
  // Warm-up, then interleave echo and question so drift hits both equally.
  for (const q of questions.slice(0, 20)) { await send(q.text, q.aad); await send(`echo ${q.text}`, q.aad); }
  const echo: number[] = []; const ask: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const q = questions[i % questions.length]!;
    echo.push(await send(`echo ${q.text}`, q.aad));
    ask.push(await send(q.text, q.aad));
  }
  await running.stop();
  await connector.close();
  const ratio = pct(ask, 0.95) / pct(echo, 0.95);
  return `| ${label} | ${ROUNDS} | ${pct(echo, 0.5).toFixed(1)} | ${pct(echo, 0.95).toFixed(1)} | ${pct(ask, 0.5).toFixed(1)} | ${pct(ask, 0.95).toFixed(1)} | ${ratio.toFixed(2)} |`;
}

async function withPostgres<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const name = `bench_ask_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN); url.pathname = `/${name}`;
  try { return await fn(url.toString()); } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function dataset(label: string, folder: string, rows: string[]): Promise<void> {
  const now = new Date(NOW);
  const embedded = await openStore({ dataDir: 'memory://' });
  await importFolder(embedded.db, folder, { now });
  rows.push(await run(`${label}, embedded`, embedded));
  await embedded.close();
  if (args.includes('--skip-pg')) return;
  rows.push(await withPostgres(async (url) => {
    const store = await openStore({ databaseUrl: url });
    await importFolder(store.db, folder, { now });
    try { return await run(`${label}, PostgreSQL`, store); } finally { await store.close(); }
  }));
}

const rows: string[] = [];
await dataset('demo (46 actions)', DEMO_DATA_DIR, rows);
if (!args.includes('--skip-big')) {
  if (!fs.existsSync(`${BIG}/actions.csv`)) {
    console.error(`No generated plan at ${BIG}: run npm run bench:data first (or pass --skip-big).`);
  } else {
    await dataset('generated (100 000 actions, 5 000 people)', BIG, rows);
  }
}
console.log(`Machine: ${os.cpus().length} cores, Node ${process.version}; ${ROUNDS} echo + ${ROUNDS} questions per row, one client, interleaved.\n`);
console.log('| data, database | rounds | echo p50 (ms) | echo p95 (ms) | question p50 (ms) | question p95 (ms) | p95 ratio |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
