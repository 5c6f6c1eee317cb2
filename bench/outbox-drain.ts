// npx tsx bench/outbox-drain.ts [--messages 20000] [--limit 100] [--rate 95] [--conversations 5000] [--postgres] [--replicas 2]
//
// Drains an outbox of 20 000 messages through the real proactive path (bot adapter → Bot
// Framework connector REST → a local connector stub) with the production sender. The stub
// enforces a rate limit (--limit requests per rolling second, across all conversations) and answers
// 429 with Retry-After: 1 above it, as Teams does. The sender runs at SEND_RATE_PER_SECOND = --rate
// (default 95 % of the limit, as an operator would set it; --rate above the limit shows the 429
// handling at work). Asserts: zero messages lost, zero duplicates, and (when the rate is not above
// the limit) throughput ≥ 90 % of the limit.
// --replicas N runs N senders at once on the same outbox, as N replicas of the bot would (on
// PostgreSQL each has its own connection pool): the drain lease lets one send at a time, so the
// limit holds for the bot as a whole; the figures show who sent what, the 429s, loss and duplicates.
// The database is the embedded one in memory; --postgres uses a throwaway database on
// TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres), dropped afterwards.
import crypto from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { systemClock } from '../src/domain/time/clock.js';
import { OutboxSender } from '../src/jobs/outbox-sender.js';
import { createLogger } from '../src/log/logger.js';
import { openStore, pgConfig, type Store } from '../src/store/database.js';
import { enqueueMessages } from '../src/store/outbox.js';
import { createBot } from '../src/teams/app.js';
import { createMessenger } from '../src/teams/messenger.js';
import { createServices } from '../src/runtime.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '20000' }, limit: { type: 'string', default: '100' },
    conversations: { type: 'string', default: '5000' }, postgres: { type: 'boolean', default: false }, rate: { type: 'string' },
    replicas: { type: 'string', default: '1' },
  },
});
const MESSAGES = Number(values.messages);
const LIMIT = Number(values.limit);
const CONVERSATIONS = Number(values.conversations);
const RATE = values.rate ? Number(values.rate) : LIMIT * 0.95;
const REPLICAS = Number(values.replicas);

interface Stub { url: string; report(): Promise<{ received: Map<string, number>; accepted: number; throttled: number }>; close(): Promise<void> }

// The connector runs in its own thread, as a real one runs on its own machine: the sender's
// database work never stalls its clock.
const STUB_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const crypto = require('node:crypto');
const limit = workerData.limit;
const window = [];
const received = new Map();
let accepted = 0, throttled = 0;
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    const now = performance.now();
    while (window.length > 0 && window[0] <= now - 1000) window.shift();
    if (window.length >= limit) {
      throttled++;
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
      res.end('{"error":{"code":"Throttled","message":"Too many requests"}}');
      return;
    }
    window.push(now);
    accepted++;
    const text = String(JSON.parse(body).text || '');
    received.set(text, (received.get(text) || 0) + 1);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: crypto.randomUUID() }));
  });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (m) => {
  if (m === 'report') parentPort.postMessage({ received: [...received], accepted, throttled });
  if (m === 'close') { server.closeAllConnections(); server.close(() => process.exit(0)); }
});
`;

/** A connector that accepts at most `limit` requests in any rolling second and answers 429 above it. */
async function rateLimitedConnector(limit: number): Promise<Stub> {
  const worker = new Worker(STUB_SOURCE, { eval: true, workerData: { limit } });
  const port = await new Promise<number>((resolve) => worker.once('message', (m: { port: number }) => resolve(m.port)));
  return {
    url: `http://127.0.0.1:${port}/`,
    report: () => new Promise((resolve) => {
      worker.once('message', (m: { received: [string, number][]; accepted: number; throttled: number }) => resolve({ ...m, received: new Map(m.received) }));
      worker.postMessage('report');
    }),
    close: async () => { worker.postMessage('close'); await new Promise((resolve) => worker.once('exit', resolve)); },
  };
}

async function throwawayPostgres(): Promise<{ store: Store; url: string; drop(): Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `bench_outbox_${crypto.randomBytes(4).toString('hex')}`;
  const run = async (sql: string) => { const c = new pg.Client(pgConfig(admin)); await c.connect(); try { await c.query(sql); } finally { await c.end(); } };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  return { store, url: url.toString(), drop: async () => { await store.close(); await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}

async function main(): Promise<void> {
  const stub = await rateLimitedConnector(LIMIT);
  const pgStore = values.postgres ? await throwawayPostgres() : null;
  const store = pgStore?.store ?? await openStore({ dataDir: 'memory://' });
  try {
    // Conversations the bot can reach, and the outbox.
    const setup = performance.now();
    for (let c = 0; c < CONVERSATIONS; c += 1_000) {
      await store.db.conversationRef.createMany({
        data: Array.from({ length: Math.min(1_000, CONVERSATIONS - c) }, (_, i) => {
          const id = `a:bench-${c + i}`;
          return {
            conversationId: id, kind: 'personal' as const, serviceUrl: stub.url, tenantId: 'bench',
            reference: { channelId: 'msteams', serviceUrl: stub.url, conversation: { id, conversationType: 'personal', tenantId: 'bench' }, bot: { id: '28:bench', name: 'Bench' }, user: { id: `29:${c + i}` } },
          };
        }),
      });
    }
    const now = new Date();
    await enqueueMessages(store.db, Array.from({ length: MESSAGES }, (_, i) => ({
      job: 'bench', period: 'drain', recipient: { conversationId: `a:bench-${i % CONVERSATIONS}` }, kind: `m${i}`,
      payload: { text: `bench message ${i}`, cards: [{ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Card for message ${i}`, wrap: true }] }] },
    })), now);
    const setupMs = performance.now() - setup;

    const config = loadConfig({ LOG_LEVEL: 'silent', SCHEDULER: '0' });
    const log = createLogger('silent');
    // Each replica: its own connection pool on PostgreSQL (the embedded database has one process).
    const replicaStores = [store, ...await Promise.all(Array.from({ length: REPLICAS - 1 }, async () => (pgStore ? openStore({ databaseUrl: pgStore.url }) : store)))];
    const senders = replicaStores.map((s) => {
      const services = createServices({ config, clock: systemClock, log, store: s });
      return new OutboxSender({
        db: s.db, messenger: createMessenger(createBot(services), services), clock: systemClock, log,
        ratePerSecond: RATE, maxAttempts: 8, idlePollMs: 500,
      });
    });
    const started = performance.now();
    const perReplica = await Promise.all(senders.map((sender) => sender.drainAll(10 * 60_000)));
    const seconds = (performance.now() - started) / 1000;
    for (const s of replicaStores.slice(1)) if (s !== store) await s.close();
    const stats = perReplica.reduce((a, b) => ({ ...a, sent: a.sent + b.sent, attempts: a.attempts + b.attempts, retried: a.retried + b.retried, pauses: a.pauses + b.pauses }));

    const stubReport = await stub.report();
    const rows = await store.db.outboxMessage.groupBy({ by: ['status'], _count: { _all: true } });
    const sentRows = rows.find((r) => r.status === 'sent')?._count._all ?? 0;
    const lost = [...Array(MESSAGES).keys()].filter((i) => !stubReport.received.has(`bench message ${i}`)).length;
    const duplicates = [...stubReport.received.values()].filter((n) => n > 1).length;
    const throughput = stats.sent / seconds;
    const result = {
      bench: 'outbox drain', database: store.kind, messages: MESSAGES, conversations: CONVERSATIONS, limitPerSecond: LIMIT, sendRatePerSecond: RATE,
      setupSeconds: Math.round(setupMs / 100) / 10, seconds: Math.round(seconds * 10) / 10, throughputPerSecond: Math.round(throughput * 10) / 10,
      ofLimit: `${Math.round((throughput / LIMIT) * 1000) / 10}%`, requests: stats.attempts, throttled429: stubReport.throttled, retried: stats.retried,
      pauses: stats.pauses, sentRows, lost, duplicates, replicas: REPLICAS, sentByReplica: perReplica.map((r) => r.sent),
    };
    console.log(JSON.stringify(result));
    const problems = [
      lost > 0 ? `${lost} messages lost` : '', duplicates > 0 ? `${duplicates} messages duplicated` : '',
      sentRows !== MESSAGES ? `${MESSAGES - sentRows} rows not marked sent` : '',
      // Above the limit (a misconfiguration) the 429 handling is on show: no loss, no duplicates; the
      // throughput is reported, not asserted.
      RATE <= LIMIT && throughput < 0.9 * LIMIT ? `throughput ${throughput.toFixed(1)}/s is under 90% of the limit (${LIMIT}/s)` : '',
    ].filter(Boolean);
    if (problems.length > 0) throw new Error(problems.join('; '));
  } finally {
    if (pgStore) await pgStore.drop(); else await store.close();
    await stub.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
