// Entry point: npm start. Reads the environment, starts the bot, shuts down cleanly.
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log/logger.js';
import { startRuntime } from './runtime.js';
import { isUnavailable } from './store/errors.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) { console.error(err.message); process.exit(2); }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  const running = await startRuntime({ config, log });
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    running.stop().then(() => process.exit(0), (err: unknown) => {
      log.error({ err: { message: String(err) } }, 'shutdown failed');
      process.exit(1);
    });
  };
  // A transaction that times out and then loses its connection (a database restart) leaves a
  // rejection nobody awaits; that must not take the bot down, which recovers on its own. Anything
  // else unexpected is logged and ends the process, for the supervisor to restart cleanly.
  process.on('unhandledRejection', (reason: unknown) => {
    const message = reason instanceof Error ? reason.message : String(reason);
    if (isUnavailable(reason)) { log.warn({ err: { message } }, 'database unavailable (unhandled rejection ignored)'); return; }
    log.fatal({ err: { message } }, 'unhandled rejection');
    process.exit(1);
  });
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(`The bot could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
