// The environment as a zod schema. A bad value stops the start with one line naming the
// variable and what is expected. .env.example documents every variable.
import { z } from 'zod';
import { DEFAULT_SHARED_BUFFERS, MEMORY_SIZE } from './store/pglite-settings.js';

const flag = z.enum(['0', '1', 'true', 'false', '']).optional().transform((v) => v === '1' || v === 'true');
const cronExpr = z.string().regex(/^\S+( \S+){4,5}$/, 'a cron expression such as "0 9 * * 1-5"');
const instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'an ISO date-time such as 2026-11-22T09:00:00Z');

/** Neutral on purpose: the deployment names its partnership (PARTNERSHIP_NAME). */
export const DEFAULT_PARTNERSHIP_NAME = 'SEND partnership';
/** Keeps the app package's full name within Teams' 100 characters. */
export const PARTNERSHIP_NAME_MAX = 50;

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgresql:// URL').optional().or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  PGLITE_SHARED_BUFFERS: z.string().regex(MEMORY_SIZE, 'a size such as 16MB').default(DEFAULT_SHARED_BUFFERS),
  DEMO_DATA: flag,
  CLOCK_NOW: instant.optional().or(z.literal('').transform(() => undefined)),
  BOT_ID: z.string().optional().transform((v) => (v ? v : undefined)),
  BOT_PASSWORD: z.string().optional().transform((v) => (v ? v : undefined)),
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  BOT_TENANT_ID: z.string().optional().transform((v) => (v ? v : undefined)),
  BOT_NAME: z.string().min(1).default('Partnership Bot'),
  /** The bot's address as people's browsers and calendars reach it (https://…): for links in cards. */
  PUBLIC_URL: z.string().url().regex(/^https?:\/\//, 'an http:// or https:// address').optional().or(z.literal('').transform(() => undefined)),
  /** Signs links that open without signing in (calendar files); at least 32 characters. */
  LINK_SECRET: z.string().min(32, 'at least 32 characters').optional().or(z.literal('').transform(() => undefined)),
  // The partnership's name in welcomes and the app package: "Kirklees SEND partnership".
  PARTNERSHIP_NAME: z.string().optional().transform((v) => v?.trim() || DEFAULT_PARTNERSHIP_NAME).pipe(z.string().max(PARTNERSHIP_NAME_MAX, `a name of at most ${PARTNERSHIP_NAME_MAX} characters`)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  SCHEDULER: flag.default(true),
  // The outbox sender delivers proactive messages; 0 leaves them queued (tests, maintenance).
  SENDER: flag.default(true),
  // Test-only: where inbound token validation fetches the OpenID configuration.
  BOT_OPENID_METADATA_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),

  // Schedules (cron, Europe/London) and the rules behind nudges and digests.
  NUDGE_CRON: cronExpr.default('0 9 * * 1-5'),
  DIGEST_CRON: cronExpr.default('30 8 * * 1'),
  QUARTERLY_CRON: cronExpr.default('0 8 * * 1-5'),
  MEETING_REMINDER_CRON: cronExpr.default('*/5 * * * *'),
  EXPERT_SLA_CRON: cronExpr.default('0 10 * * 1-5'),
  MAINTENANCE_CRON: cronExpr.default('15 3 * * *'),
  EXTRA_BANK_HOLIDAYS: z.string().default('').transform((v) => v.split(',').map((d) => d.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates as YYYY-MM-DD separated by commas'))),
  DUE_SOON_DAYS: z.coerce.number().int().min(1).max(60).default(7),
  LEAD_COPY_AFTER_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  STALE_UPDATE_WEEKS: z.coerce.number().int().min(1).max(52).default(6),
  EXPERT_FIRST_RESPONSE_DAYS: z.coerce.number().int().min(1).max(30).default(3),
  // Proactive sending, kept well below Teams' limits (7/s per conversation, 50/s per tenant).
  SEND_RATE_PER_SECOND: z.coerce.number().min(0.1).max(50).default(5),
  SEND_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  throw new ConfigError(`Configuration error: ${name}=${JSON.stringify(env[name] ?? '')} is not valid: expected ${issue.message}.`);
}
