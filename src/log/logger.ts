// Structured logs. Every turn gets a child logger carrying its correlation id.
// Redaction: secrets never reach the log; free text from users is never logged by design.
// Format: JSON lines wherever a machine reads them (containers, files, pipes, CI, tests); readable,
// coloured lines only when a person watches a terminal. Redaction applies before either.
import pino from 'pino';
import pretty from 'pino-pretty';

export type Logger = pino.Logger;

/** Pretty lines only for a person at a terminal: stdout is a TTY, and this is not a test or CI run. */
export function wantsPrettyLogs(env: NodeJS.ProcessEnv = process.env, isTTY: boolean = process.stdout.isTTY === true): boolean {
  if (!isTTY) return false;
  return !(env.CI || env.VITEST || env.NODE_ENV === 'test');
}

export function createLogger(
  level: string = process.env.LOG_LEVEL ?? 'info',
  destination?: pino.DestinationStream,
  options: { pretty?: boolean } = {},
): Logger {
  const isPretty = options.pretty ?? (destination === undefined && wantsPrettyLogs());
  // Synchronous, so the last lines before an exit are not lost; a terminal's volume is small.
  const stream = isPretty
    ? pretty({ destination: destination ?? 1, sync: true, colorize: destination === undefined, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' })
    : destination;
  return pino({
    level,
    base: { service: 'send-partnership-bot' },
    redact: {
      paths: ['password', '*.password', 'BOT_PASSWORD', '*.BOT_PASSWORD', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization', 'text', '*.text', 'summary', '*.summary'],
      censor: '[redacted]',
    },
  }, stream);
}
