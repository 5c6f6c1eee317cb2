// npm run bench:outbox-crash -- [--messages 400] [--runs 3] [--db both|postgresql|embedded] [--fault all|kill|terminate|restart]
//
// Counts messages received twice and messages lost when the bot is hurt in the middle of draining
// its outbox. The bot is the real one (compiled, `node dist/app/main.js`, its outbox sender on,
// scheduler off, SEND_RATE_PER_SECOND=50), sending to the connector stub (src/cli/connector-stub.ts)
// in this process, which records every message it accepts. Each run starts from a fresh database
// holding `--messages` queued messages, one per personal chat (as a digest queues them), then:
//  - kill: SIGKILL to the bot once the stub has accepted a share of them (a third, a half, two
//    thirds, in turn), and the bot started again on the same database; it resumes once the dead
//    sender's claims lapse (60 s);
//  - terminate (PostgreSQL only): pg_terminate_backend on every connection of the bot's database
//    at a quarter, a half and three quarters of the drain; the bot keeps running;
//  - restart (PostgreSQL only): a private PostgreSQL server (bench/lib/private-postgres.ts; the
//    shared one is not touched) stopped with `pg_ctl stop -m fast` at a quarter, a half and three
//    quarters of the drain and started again a second later; the bot keeps running.
// A run ends when every message has reached the stub or after --timeout seconds. Printed per run:
// messages received twice, lost (never received), rows not marked sent. Exit code 1 on any loss.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startConnectorStub, type ConnectorStub } from '../src/cli/connector-stub.js';
import { privatePostgres, privatePostgresUnavailable, type PrivatePostgres } from './lib/private-postgres.js';
import { openStore, pgConfig } from '../src/store/database.js';
import { enqueueMessages } from '../src/store/outbox.js';
import { BOT_ENTRY, sleep, startServer, type Server } from './lib/servers.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '400' }, runs: { type: 'string', default: '3' },
    db: { type: 'string', default: 'both' }, fault: { type: 'string', default: 'all' }, timeout: { type: 'string', default: '180' },
  },
});
const MESSAGES = Number(values.messages);
const RUNS = Number(values.runs);
const TIMEOUT_MS = Number(values.timeout) * 1000;
const ADMIN = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

interface Database {
  kind: 'postgresql' | 'embedded'; env: Record<string, string>; open(): ReturnType<typeof openStore>;
  /** Outbox rows not yet marked sent, read while the bot runs (PostgreSQL only). */
  unsent?(): Promise<number>;
  terminate?(): Promise<number>;
  /** Stops the server and starts it again (a private server only). */
  restart?(): Promise<void>;
  drop(): Promise<void>;
}

async function adminQuery(sql: string, params: unknown[] = [], url = ADMIN): Promise<pg.QueryResult> {
  const c = new pg.Client(pgConfig(url));
  await c.connect();
  try { return await c.query(sql, params); } finally { await c.end(); }
}

/** A database on a private server, for the restart fault. */
async function privateDatabase(): Promise<Database> {
  const server: PrivatePostgres = await privatePostgres();
  const url = server.url;
  return {
    kind: 'postgresql', env: { DATABASE_URL: url }, open: () => openStore({ databaseUrl: url }),
    unsent: async () => Number((await adminQuery("SELECT count(*) AS n FROM outbox WHERE status <> 'sent'", [], url)).rows[0]?.n),
    restart: async () => { await server.stop('fast'); await sleep(1000); await server.start(); },
    drop: () => server.remove(),
  };
}

async function freshDatabase(kind: Database['kind'], fault: Fault): Promise<Database> {
  if (fault === 'restart') return privateDatabase();
  if (kind === 'embedded') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-crash-'));
    return { kind, env: { DATA_DIR: dir }, open: () => openStore({ dataDir: path.join(dir, 'pglite') }), drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `bench_crash_${crypto.randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN);
  url.pathname = `/${name}`;
  return {
    kind, env: { DATABASE_URL: url.toString() }, open: () => openStore({ databaseUrl: url.toString() }),
    unsent: async () => Number((await adminQuery("SELECT count(*) AS n FROM outbox WHERE status <> 'sent'", [], url.toString())).rows[0]?.n),
    // Every connection the bot holds to its database, ended by the server as in a restart.
    terminate: async () => (await adminQuery('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name])).rowCount ?? 0,
    drop: async () => { await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); },
  };
}

const text = (i: number) => `crash message ${i}`;

/** N reachable personal chats and one queued message for each. */
async function fill(db: Database, stub: ConnectorStub): Promise<void> {
  const store = await db.open();
  try {
    await store.db.conversationRef.createMany({
      data: Array.from({ length: MESSAGES }, (_, i) => {
        const id = `a:crash-${i}`;
        return {
          conversationId: id, kind: 'personal' as const, serviceUrl: stub.serviceUrl, tenantId: 'bench',
          reference: { channelId: 'msteams', serviceUrl: stub.serviceUrl, conversation: { id, conversationType: 'personal', tenantId: 'bench' }, bot: { id: '28:bench', name: 'Bench' }, user: { id: `29:${i}` } },
        };
      }),
    });
    await enqueueMessages(store.db, Array.from({ length: MESSAGES }, (_, i) => ({
      job: 'bench', period: 'crash', recipient: { conversationId: `a:crash-${i}` }, kind: `m${i}`, payload: { text: text(i), cards: [] },
    })), new Date());
  } finally { await store.close(); }
}

function startBot(db: Database): Promise<Server> {
  return startServer('bot', BOT_ENTRY, {
    ...db.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', SCHEDULER: '0', SENDER: '1', SEND_RATE_PER_SECOND: '50', DEMO_DATA: '0',
  });
}

const received = (stub: ConnectorStub) => stub.sent.filter((s) => s.method === 'POST').map((s) => String(s.body.text ?? ''));
const distinct = (stub: ConnectorStub) => new Set(received(stub)).size;

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!check()) { if (Date.now() > end) return false; await sleep(20); }
  return true;
}

async function killed(pid: number): Promise<void> {
  process.kill(pid, 'SIGKILL');
  await until(() => { try { process.kill(pid, 0); return false; } catch { return true; } }, 10_000);
}

interface RunResult { db: string; fault: string; at: string; receivedAtFault: number; terminated: number; twice: number; lost: number; notMarkedSent: number; seconds: number }

type Fault = 'kill' | 'terminate' | 'restart';

async function run(kind: Database['kind'], fault: Fault, k: number): Promise<RunResult> {
  const db = await freshDatabase(kind, fault);
  const stub = await startConnectorStub();
  const started = Date.now();
  let bot: Server | undefined;
  let receivedAtFault = 0;
  let terminated = 0;
  let killedAt = 0;
  let at = '';
  try {
    await fill(db, stub);
    bot = await startBot(db);
    if (fault === 'kill') {
      const share = [1 / 3, 1 / 2, 2 / 3][k % 3] as number;
      at = `${Math.round(share * 100)} %`;
      await until(() => received(stub).length >= MESSAGES * share, TIMEOUT_MS);
      await killed(bot.pid);
      receivedAtFault = received(stub).length;
      killedAt = Date.now();
      bot = await startBot(db);
    } else {
      at = '25, 50, 75 %';
      for (const share of [0.25, 0.5, 0.75]) {
        await until(() => received(stub).length >= MESSAGES * share, TIMEOUT_MS);
        receivedAtFault = received(stub).length;
        if (fault === 'restart') { await db.restart?.(); terminated += 1; } else terminated += (await db.terminate?.()) ?? 0;
      }
    }
    await until(() => distinct(stub) >= MESSAGES, TIMEOUT_MS);
    // Settled: every row marked sent (read directly on PostgreSQL), and on the embedded database,
    // which only the bot can open, until the dead sender's claims (60 s) have lapsed and been
    // taken up again. Rows the stub already has may be sent again then: those are the duplicates.
    if (db.unsent) {
      const end = Date.now() + TIMEOUT_MS;
      while ((await db.unsent()) > 0 && Date.now() < end) await sleep(500);
    } else if (killedAt > 0) {
      await sleep(Math.max(0, killedAt + 75_000 - Date.now()));
    }
    await sleep(2_000); // anything still in flight lands
    await bot.stop();
    bot = undefined;
    const counts = new Map<string, number>();
    for (const t of received(stub)) counts.set(t, (counts.get(t) ?? 0) + 1);
    const store = await db.open();
    const sentRows = await store.db.outboxMessage.count({ where: { status: 'sent' } });
    await store.close();
    return {
      db: kind, fault, at, receivedAtFault, terminated,
      twice: [...counts.values()].filter((n) => n > 1).length,
      lost: Array.from({ length: MESSAGES }, (_, i) => text(i)).filter((t) => !counts.has(t)).length,
      notMarkedSent: MESSAGES - sentRows,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    if (bot) await killed(bot.pid).catch(() => undefined);
    await stub.close();
    await db.drop();
  }
}

async function main(): Promise<void> {
  const kinds: Database['kind'][] = values.db === 'both' ? ['postgresql', 'embedded'] : [values.db as Database['kind']];
  const faults: Fault[] = values.fault === 'all' ? ['kill', 'terminate', 'restart'] : [values.fault as Fault];
  if (faults.includes('restart') && privatePostgresUnavailable) throw new Error(`--fault restart needs a private PostgreSQL server: ${privatePostgresUnavailable}.`);
  const results: RunResult[] = [];
  for (const fault of faults) {
    for (const kind of kinds) {
      if (fault !== 'kill' && kind !== 'postgresql') continue;
      for (let k = 0; k < RUNS; k++) {
        const r = await run(kind, fault, k);
        results.push(r);
        console.log(JSON.stringify(r));
      }
    }
  }
  console.log(`\n${MESSAGES} messages per run, load average ${os.loadavg()[0]?.toFixed(1)}`);
  console.log('| database | fault | when | accepted by the stub at the (last) fault | connections ended / restarts | received twice | lost | rows not marked sent | seconds |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of results) console.log(`| ${r.db} | ${r.fault} | ${r.at} | ${r.receivedAtFault} | ${r.terminated} | ${r.twice} | ${r.lost} | ${r.notMarkedSent} | ${r.seconds} |`);
  if (results.some((r) => r.lost > 0)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : String(err));
  process.exit(1);
});
