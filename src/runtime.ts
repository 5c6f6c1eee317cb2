// Composition: config → clock → database → services → bot → HTTP server. Used by src/main.ts
// and by the end-to-end tests, which start the real thing on an ephemeral port.
import path from 'node:path';
import type { Config } from './config.js';
import { createWorkingCalendar } from './domain/time/bank-holidays.js';
import { fixedClock, systemClock, type Clock } from './domain/time/clock.js';
import { createLogger, type Logger } from './log/logger.js';
import { createHttpServer, listen } from './server/http.js';
import { openStore, type Store } from './store/database.js';
import { createRepositories } from './store/repositories.js';
import { createFlows } from './flows/index.js';
import { reportArchive } from './reports/store.js';
import { createPublicSite } from './reports/public-site.js';
import { createJobStores } from './store/job-stores.js';
import { createBot, type Bot } from './teams/app.js';
import type { Services } from './teams/services.js';
import { createAsk, createFindActions, createPlanExamples, createQuestionReader } from './ask-wiring.js';
import { loadDemoDataIfEmpty } from './importer/demo-data.js';
import { buildOwedIndexes } from './store/owed-indexes.js';
import { startJobs } from './jobs/start.js';
import { createMessenger } from './teams/messenger.js';
import { calendarLinks } from './calendar/links.js';
import { meetingCalendarFile } from './calendar/serve.js';

export interface Running {
  url: string;
  port: number;
  services: Services;
  bot: Bot;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  log?: Logger;
  clock?: Clock;
  /** An already-open store (tests); otherwise opened from the config. */
  store?: Store;
  /** Replace question answering (the benchmark's echo handler). */
  ask?: Services['ask'];
}

export function clockFromConfig(config: Config): Clock {
  return config.CLOCK_NOW ? fixedClock(config.CLOCK_NOW) : systemClock;
}

/**
 * The services over one store: repositories and use cases built once here and handed to the edge
 * and the jobs. Questions and plan examples start empty; the runtime fills them in.
 */
export function createServices(base: Pick<Services, 'config' | 'clock' | 'log' | 'store'>): Services {
  const { config, clock, store } = base;
  const repositories = createRepositories(store.db);
  const jobStores = createJobStores(store.db);
  const services: Services = {
    ...base,
    people: repositories.people,
    conversations: repositories.conversations,
    jobStores,
    flows: createFlows({
      clock, repositories,
      calendar: createWorkingCalendar(config.EXTRA_BANK_HOLIDAYS),
      reports: reportArchive(jobStores, config.DATA_DIR),
      examples: () => services.examples(),
      expertFirstResponseDays: config.EXPERT_FIRST_RESPONSE_DAYS,
      calendarUrl: calendarLinks(config).urlFor,
    }),
    ask: async () => ({ text: '', cards: [] }),
    findActions: async () => ({ views: [], said: '' }),
    examples: async () => ({}),
  };
  return services;
}

export async function startRuntime(options: StartOptions): Promise<Running> {
  const { config } = options;
  const log = options.log ?? createLogger(config.LOG_LEVEL);
  const clock = options.clock ?? clockFromConfig(config);
  const started = performance.now();
  const store = options.store ?? await openStore({ databaseUrl: config.DATABASE_URL, dataDir: path.join(config.DATA_DIR, 'pglite'), pgliteSharedBuffers: config.PGLITE_SHARED_BUFFERS });
  log.info({ database: store.kind, applied: store.migration.applied, migrationMs: Math.round(store.migration.ms) }, 'database ready');
  // Indexes an import was killed before building (src/store/owed-indexes.ts): built while the bot serves.
  const owed = buildOwedIndexes(store.db)
    .then((built) => { if (built.length > 0) log.info({ built }, 'owed indexes built'); })
    .catch((err: unknown) => { log.error({ err }, 'owed indexes could not be built; the next start or import tries again'); });
  if (config.DEMO_DATA) {
    const demo = await loadDemoDataIfEmpty(store.db, clock.now());
    log.info({ demo }, demo === 'loaded' ? 'demo data loaded' : 'demo data not loaded: the database already has a plan');
  }

  const services = createServices({ config, clock, log, store });
  services.examples = createPlanExamples(services);
  const questions = createQuestionReader(services);
  services.ask = options.ask ?? await createAsk(services, config, questions);
  services.findActions = createFindActions(services, questions);
  const bot = createBot(services);

  // Without a bot id there is no inbound authentication: never listen beyond this machine then.
  const host = config.BOT_ID ? (config.HOST ?? '0.0.0.0') : '127.0.0.1';
  if (!config.BOT_ID) log.warn('BOT_ID is not set: inbound authentication is OFF, so the bot listens on 127.0.0.1 only.');
  const server = createHttpServer({
    log,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    processActivity: (req, res) => bot.process(req, res),
    calendarFile: meetingCalendarFile({
      links: calendarLinks(config), clusters: services.jobStores.clusters, clock,
      partnershipName: config.PARTNERSHIP_NAME, uidDomain: config.PUBLIC_URL ? new URL(config.PUBLIC_URL).hostname : 'localhost',
    }),
    health: async () => {
      const ok = await store.ping();
      return { ok, details: { database: store.kind } };
    },
    pages: createPublicSite(services.jobStores, clock),
  });
  const port = await listen(server, config.PORT, host);
  const jobs = startJobs(services, createMessenger(bot, services));
  log.info({ port, host, ms: Math.round(performance.now() - started) }, 'bot listening');

  let stopping: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    services,
    bot,
    stop: () => {
      stopping ??= (async () => {
        // Stop accepting, let turns in flight finish, then close the database.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive sockets would hold close() open for seconds: close them once no turn runs.
        await bot.idle();
        (server.server as { closeAllConnections?: () => void }).closeAllConnections?.();
        await closed;
        await jobs.stop();
        await owed;
        await store.close();
        log.info('stopped');
      })();
      return stopping;
    },
  };
}
