// Structured JSON logs. Every turn gets a child logger carrying its correlation id.
// Redaction: secrets never reach the log; free text from users is never logged by design.
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream): Logger {
  return pino({
    level,
    base: { service: 'send-partnership-bot' },
    redact: {
      paths: ['password', '*.password', 'BOT_PASSWORD', '*.BOT_PASSWORD', 'authorization', '*.authorization', 'headers.authorization', 'req.headers.authorization', 'text', '*.text', 'summary', '*.summary'],
      censor: '[redacted]',
    },
  }, destination);
}
