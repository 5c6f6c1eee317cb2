// Database errors arrive in different shapes from the PostgreSQL and PGlite adapters;
// these helpers read the SQLSTATE from either.

function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const o = e as { code?: unknown; originalCode?: unknown; cause?: unknown };
    if (typeof o.originalCode === 'string') return o.originalCode;
    if (typeof o.code === 'string' && /^[0-9A-Z]{5}$/.test(o.code)) return o.code;
    if (o.code === 'P2002') return '23505';
    e = o.cause;
  }
  return undefined;
}

export function isUniqueViolation(err: unknown): boolean {
  return sqlState(err) === '23505';
}

/** Connection lost, server restarting, database closed: worth a "try again shortly". */
export function isUnavailable(err: unknown): boolean {
  const state = sqlState(err);
  if (state && /^(08|57P|53)/.test(state)) return true;
  const message = err instanceof Error ? err.message : String(err);
  return /ECONNREFUSED|ECONNRESET|Connection terminated|PGlite is closed|closed/i.test(message);
}
