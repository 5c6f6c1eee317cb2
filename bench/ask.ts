// npm run bench:ask -- [--size 100k] [--questions 480] [--stores embedded,postgres] [--json FILE]
// Round trips of distinct questions through POST /api/messages, interleaved in the same run with
// the echo bot (bench/echo-bot.ts, its own process) and with the bot's own floor: "thanks" and its
// variants, which the bot answers through identity lookup, conversation capture, every chat
// command's matching and question understanding, but no plan query. For each store a fresh data
// folder or database gets the generated plan through the product's importer, then a fresh bot
// process is started as production starts it (`node dist/app/main.js`, compiled by npm run build), so its caches are
// cold, and each question is asked once, by its own person in their own chat. One request at a
// time; the order of echo, floor and question is shuffled in every round.
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { startConnectorStub, type ConnectorStub } from '../src/cli/connector-stub.js';
import { random } from './generate-plan.js';
import { askerFor, messageActivity, ms, post, shuffle, summary, times, type Summary } from './lib/client.js';
import { BENCH_NOW, parseSize, planFolder, prepareStore, sizeLabel, type PreparedStore, type StoreKind } from './lib/plan-stores.js';
import { BOT_ENTRY, ECHO_ENTRY, LAUNCH, botEnv, sleep, startServer, type Server } from './lib/servers.js';
import { makeQuestions, type Category, type Question } from './questions.js';

/** The floor: answered without any plan query (src/ask answers "thanks" from its own text). */
export const FLOOR_TEXTS = ['thanks', 'thank you', 'cheers', 'thanks a lot', 'thank you very much', 'ta', 'cheers bot', 'thanks so much'];
const FLOOR_REPLY = "You're welcome";
const NOT_UNDERSTOOD = "didn't understand";
const FAILED = 'something went wrong';

export interface Session { store: PreparedStore; connector: ConnectorStub; echo: Server; bot: Server; botStartMs: number; close(): Promise<void> }

export async function openSession(kind: StoreKind, folder: string): Promise<Session> {
  const store = await prepareStore(kind, folder);
  const connector = await startConnectorStub();
  const started: Server[] = [];
  const close = async () => {
    for (const s of started) await s.stop();
    await connector.close();
    await store.drop();
  };
  try {
    const echo = await startServer('echo bot', ECHO_ENTRY, { NODE_ENV: 'production' });
    started.push(echo);
    const bot = await startServer('bot', BOT_ENTRY, botEnv(store.env, BENCH_NOW));
    started.push(bot);
    return { store, connector, echo, bot, botStartMs: bot.startMs, close };
  } catch (err) {
    await close();
    throw err;
  }
}

export interface AskResult {
  store: StoreKind; actions: number; questions: number; askers: number; importMs: number;
  echo: Summary; floor: Summary; ask: Summary; byCategory: Partial<Record<Category, Summary>>;
  notUnderstood: number; failed: number; floorNotFloor: number;
  rss: { echoIdle: number; botIdle: number; echoAfter: number; botAfter: number };
}

interface Samples { echo: number[]; floor: number[]; ask: number[]; cat: Map<Category, number[]>; notUnderstood: number; failed: number; floorNotFloor: number }

async function round(s: Session, q: Question, i: number, rnd: () => number, out: Samples): Promise<void> {
  const asker = askerFor(q.asker.aad, q.asker.name);
  const steps: Record<'echo' | 'floor' | 'ask', () => Promise<void>> = {
    echo: async () => { out.echo.push((await post(s.echo.url, s.connector, messageActivity(s.connector, asker, q.text))).ms); },
    floor: async () => {
      const r = await post(s.bot.url, s.connector, messageActivity(s.connector, asker, FLOOR_TEXTS[i % FLOOR_TEXTS.length]!));
      if (!r.reply.includes(FLOOR_REPLY)) out.floorNotFloor++;
      out.floor.push(r.ms);
    },
    ask: async () => {
      const r = await post(s.bot.url, s.connector, messageActivity(s.connector, asker, q.text));
      if (r.reply.includes(NOT_UNDERSTOOD)) out.notUnderstood++;
      if (r.reply.includes(FAILED)) out.failed++;
      out.ask.push(r.ms);
      out.cat.set(q.category, [...(out.cat.get(q.category) ?? []), r.ms]);
    },
  };
  const order: ('echo' | 'floor' | 'ask')[] = ['echo', 'floor', 'ask'];
  for (const step of shuffle(order, rnd)) await steps[step]();
}

/** Warms the code paths (JIT, sockets) of both processes without touching any question's data. */
async function warmUp(s: Session, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const stranger = askerFor(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, 'Warm-up');
    await post(s.echo.url, s.connector, messageActivity(s.connector, stranger, `warm-up ${i}`));
    await post(s.bot.url, s.connector, messageActivity(s.connector, stranger, FLOOR_TEXTS[i % FLOOR_TEXTS.length]!));
  }
}

export async function benchAsk(kind: StoreKind, folder: string, actions: number, questions: Question[], warm = 20): Promise<AskResult> {
  const s = await openSession(kind, folder);
  try {
    await sleep(3_000);
    const idle = { echoIdle: s.echo.rssMb(), botIdle: s.bot.rssMb() };
    await warmUp(s, warm);
    const out: Samples = { echo: [], floor: [], ask: [], cat: new Map(), notUnderstood: 0, failed: 0, floorNotFloor: 0 };
    const rnd = random(2026);
    for (const [i, q] of questions.entries()) await round(s, q, i, rnd, out);
    await sleep(3_000);
    return {
      store: kind, actions, questions: questions.length, askers: new Set(questions.map((q) => q.asker.aad)).size, importMs: s.store.importMs,
      echo: summary(out.echo), floor: summary(out.floor), ask: summary(out.ask),
      byCategory: Object.fromEntries([...out.cat].map(([c, xs]) => [c, summary(xs)])),
      notUnderstood: out.notUnderstood, failed: out.failed, floorNotFloor: out.floorNotFloor,
      rss: { ...idle, echoAfter: s.echo.rssMb(), botAfter: s.bot.rssMb() },
    };
  } finally {
    await s.close();
  }
}

const STORE_NAME: Record<StoreKind, string> = { embedded: 'embedded (PGlite, DATA_DIR on disk)', postgres: 'PostgreSQL' };

export function askTables(results: AskResult[]): string {
  const head = [
    '| store | actions | questions (askers) | echo p50 / p95 ms | floor p50 / p95 ms | question p50 / p95 ms | p50 × echo | p95 × echo | p95 × floor | floor p95 × echo | not understood | failed |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const rows = results.map((r) => `| ${STORE_NAME[r.store]} | ${sizeLabel(r.actions)} | ${r.questions} (${r.askers}) | ${ms(r.echo.p50)} / ${ms(r.echo.p95)} | ${ms(r.floor.p50)} / ${ms(r.floor.p95)} | ${ms(r.ask.p50)} / ${ms(r.ask.p95)} | ${times(r.ask.p50, r.echo.p50)} | ${times(r.ask.p95, r.echo.p95)} | ${times(r.ask.p95, r.floor.p95)} | ${times(r.floor.p95, r.echo.p95)} | ${r.notUnderstood} | ${r.failed} |`);
  const cats = [...new Set(results.flatMap((r) => Object.keys(r.byCategory)))] as Category[];
  const catHead = [`| question kind | ${results.map((r) => `${STORE_NAME[r.store].split(' ')[0]} ${sizeLabel(r.actions)}: n, p50 / p95 ms, p95 × echo`).join(' | ')} |`, `|---|${results.map(() => '---:').join('|')}|`];
  const catRows = cats.map((c) => `| ${c} | ${results.map((r) => { const x = r.byCategory[c]; return x ? `${x.n}, ${ms(x.p50)} / ${ms(x.p95)}, ${times(x.p95, r.echo.p95)}` : ''; }).join(' | ')} |`);
  const notes = results.filter((r) => r.floorNotFloor > 0).map((r) => `\n**Warning:** ${r.floorNotFloor} floor requests on ${r.store} were not answered "${FLOOR_REPLY}": the floor is not what it claims.`);
  return [...head, ...rows, '', ...catHead, ...catRows, ...notes].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    size: { type: 'string', default: '100k' }, questions: { type: 'string', default: '480' },
    stores: { type: 'string', default: 'embedded,postgres' }, json: { type: 'string' }, warmup: { type: 'string', default: '20' },
  } });
  const actions = parseSize(values.size);
  const folder = planFolder(actions);
  const questions = makeQuestions(folder, Number(values.questions));
  const results: AskResult[] = [];
  for (const kind of values.stores.split(',') as StoreKind[]) {
    console.error(`bench:ask: ${questions.length} questions on ${kind}, ${sizeLabel(actions)} actions…`);
    results.push(await benchAsk(kind, folder, actions, questions, Number(values.warmup)));
  }
  if (values.json) fs.writeFileSync(values.json, JSON.stringify(results, null, 2));
  console.log(`Both processes started with \`${LAUNCH}\`; ${questions.length} distinct questions, each asked once.\n`);
  console.log(askTables(results));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
