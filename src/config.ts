// The environment as a zod schema. A bad value stops the start with one line naming the
// variable and what is expected. .env.example documents every variable.
import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false', '']).optional().transform((v) => v === '1' || v === 'true');
const instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'an ISO date-time such as 2026-11-22T09:00:00Z');

export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'a postgresql:// URL').optional().or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  DEMO_DATA: flag,
  CLOCK_NOW: instant.optional().or(z.literal('').transform(() => undefined)),
  BOT_ID: z.string().optional().transform((v) => (v ? v : undefined)),
  BOT_PASSWORD: z.string().optional().transform((v) => (v ? v : undefined)),
  BOT_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  BOT_TENANT_ID: z.string().optional().transform((v) => (v ? v : undefined)),
  BOT_NAME: z.string().min(1).default('Partnership Bot'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10 * 1024 * 1024).default(256 * 1024),
  SCHEDULER: flag.default(true),
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
