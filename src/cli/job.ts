// npm run job -- <name> [--queue-only] [--max-wait <seconds>]     run one scheduled job once, now
// npm run job -- --list                                              the jobs and when they next run
//
// Runs the job for "now" (CLOCK_NOW honoured), as the scheduler would, and queues its messages in
// the outbox (a second run of the same period queues nothing new). Then it sends them through
// the Bot Framework connector, with the same pacing and retries as the running bot, and exits
// when this job's messages are all sent or failed. --queue-only leaves sending to the running
// bot's sender (use it with PostgreSQL; the embedded database belongs to one process at a time).
// Exit codes: 0 done (failed messages are listed), 1 the job failed, 2 bad usage or config.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { createWorkingCalendar } from '../domain/time/bank-holidays.js';
import { fixedClock, systemClock } from '../domain/time/clock.js';
import { formatLongDate, formatWhen } from '../domain/time/format.js';
import { londonDate } from '../domain/time/london.js';
import { loadDemoDataIfEmpty } from '../importer/demo-data.js';
import { advancingClock, jobDeps } from '../jobs/deps.js';
import { OutboxSender } from '../jobs/outbox-sender.js';
import { findJob, jobNames, jobRegistry } from '../jobs/registry.js';
import { nextOccurrence, periodAt } from '../jobs/schedule.js';
import { scheduleOptions } from '../jobs/scheduler.js';
import type { JobDefinition } from '../jobs/types.js';
import { createLogger } from '../log/logger.js';
import { createServices } from '../runtime.js';
import { openStore } from '../store/database.js';
import { OutboxSenderRepository } from '../store/outbox-sender-repo.js';
import { createBot } from '../teams/app.js';
import { createMessenger } from '../teams/messenger.js';
import type { Services } from '../teams/services.js';

const USAGE = `Usage: npm run job -- <name> [--queue-only] [--max-wait <seconds>]
       npm run job -- --list
Jobs: ${jobNames().join(', ')}`;

function listJobs(config: Config, now: Date): void {
  const deps = { calendar: createWorkingCalendar(config.EXTRA_BANK_HOLIDAYS) };
  for (const job of jobRegistry) {
    const expr = job.cron(config);
    const next = nextOccurrence(expr, now, scheduleOptions(job, deps));
    console.log(`${job.name.padEnd(18)} ${expr.padEnd(16)} next: ${next ? `${formatWhen(next.runAt)}${next.moved ? ` (moved from ${formatLongDate(next.scheduledDate)})` : ''}` : 'never'}`);
    console.log(`${''.padEnd(18)} ${job.description}`);
  }
}

interface JobRequest { job: JobDefinition; maxWaitMs: number; queueOnly: boolean }

/** The command line read into a job to run, or the exit code when there is nothing to run. */
function readRequest(config: Config, now: Date): JobRequest | number {
  let parsed;
  try {
    parsed = parseArgs({
      options: { 'queue-only': { type: 'boolean' }, 'max-wait': { type: 'string' }, list: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) { console.log(USAGE); return 0; }
  if (parsed.values.list) { listJobs(config, now); return 0; }
  const name = parsed.positionals[0];
  const job = name ? findJob(name) : undefined;
  if (!job || parsed.positionals.length !== 1) {
    console.error(name ? `There is no job called "${name}".\n${USAGE}` : USAGE);
    return 2;
  }
  const maxWaitMs = Number(parsed.values['max-wait'] ?? 600) * 1000;
  if (!Number.isFinite(maxWaitMs) || maxWaitMs < 0) { console.error(`--max-wait takes seconds.\n${USAGE}`); return 2; }
  return { job, maxWaitMs, queueOnly: parsed.values['queue-only'] === true };
}

/** Sends the job's messages now; leaves them to the running bot when its sender is already at work. */
async function sendNow(job: JobDefinition, services: Services, maxWaitMs: number): Promise<void> {
  const { config, clock, log, store } = services;
  const repo = new OutboxSenderRepository(store.db);
  const senderClock = advancingClock(clock);
  const sender = new OutboxSender({
    db: store.db, messenger: createMessenger(createBot(services), services), log, clock: senderClock,
    ratePerSecond: config.SEND_RATE_PER_SECOND, maxAttempts: config.SEND_MAX_ATTEMPTS,
  });
  const started = Date.now();
  for (;;) {
    await sender.drainDue();
    const c = await repo.counts({ job: job.name });
    if (c.pending + c.sending === 0) break;
    if (sender.standingBy) {
      console.log(`The running bot is sending (one sender at a time); it will deliver the ${c.pending + c.sending} messages waiting.`);
      return;
    }
    if (Date.now() - started > maxWaitMs) {
      console.log(`${c.pending + c.sending} messages are still waiting for a retry; the running bot's sender will deliver them.`);
      break;
    }
    const next = await repo.nextDueAt();
    const wait = next ? next.getTime() - senderClock.now().getTime() : 1_000;
    await new Promise((resolve) => setTimeout(resolve, Math.min(Math.max(wait, 100), 5_000)));
  }
  await sender.handOver();
  const t = sender.totals;
  console.log(`Sent ${t.sent}, retried ${t.retried}, failed ${t.failed} (${t.attempts} requests to Teams${t.throttled ? `, ${t.throttled} throttled` : ''}).`);
  await reportUndelivered(repo, job);
}

async function reportUndelivered(repo: OutboxSenderRepository, job: JobDefinition): Promise<void> {
  const waiting = await repo.waiting(200, { job: job.name });
  if (waiting.length > 0) {
    console.log(`Waiting for a personal chat with the bot (${waiting.length}; sent when they install the app or write to it):`);
    for (const w of waiting) console.log(`  ${w.recipientKey.replace(/^person:/, '')} ${w.kind}`);
  }
  const failed = await repo.failed(200, { job: job.name });
  if (failed.length > 0) {
    console.log(`Not delivered (${failed.length}):`);
    for (const f of failed) console.log(`  ${f.recipientKey.replace(/^person:/, '')} ${f.kind}: ${f.lastError ?? 'failed'}${f.statusCodes.length ? ` [${f.statusCodes.join(', ')}]` : ''}`);
  }
}

async function main(): Promise<number> {
  let config: Config;
  try { config = loadConfig(); } catch (err) { console.error(err instanceof Error ? err.message : String(err)); return 2; }
  const clock = config.CLOCK_NOW ? fixedClock(config.CLOCK_NOW) : systemClock;
  const request = readRequest(config, clock.now());
  if (typeof request === 'number') return request;
  const { job } = request;

  // Logs go to stderr at warn unless LOG_LEVEL asks for more, so stdout stays readable.
  const log = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn');
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: path.join(config.DATA_DIR, 'pglite'), pgliteSharedBuffers: config.PGLITE_SHARED_BUFFERS });
  try {
    if (config.DEMO_DATA) await loadDemoDataIfEmpty(store.db, clock.now());
    const services = createServices({ config, clock, log, store }); // jobs send no welcomes: no examples
    const deps = jobDeps(services);
    const now = clock.now();
    const period = periodAt(job.cron(config), now, scheduleOptions(job, deps));
    if (!deps.calendar.isWorkingDay(londonDate(now)) && scheduleOptions(job, deps).workingDaysOnly) {
      console.log(`Note: ${formatWhen(now)} is not a working day; the scheduler would not run ${job.name} today, but you asked, so it runs.`);
    }
    try {
      console.log((await job.run({ now, period }, deps)).summary);
    } catch (err) {
      console.error(`${job.name} failed: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
    if (request.queueOnly) {
      const c = await new OutboxSenderRepository(store.db).counts({ job: job.name });
      console.log(`Queued only: ${c.pending} of this job's messages are waiting for the running bot's sender.`);
      return 0;
    }
    await sendNow(job, services, request.maxWaitMs);
    return 0;
  } finally {
    await store.close();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(`npm run job failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
