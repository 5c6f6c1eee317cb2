// Database errors arrive in different shapes: a PrismaClientKnownRequestError (code P1001, P2002…)
// whose meta.driverAdapterError.cause holds the driver's view ({ kind: 'DatabaseNotReachable' },
// { kind: 'postgres', originalCode: '57P01' }…), a bare DriverAdapterError with that cause, a pg
// error with a SQLSTATE code, a socket error (ECONNREFUSED), or a plain Error ("Connection
// terminated unexpectedly", "PGlite is closed"). These helpers read all of them.

interface ErrorFacts {
  /** SQLSTATE codes, e.g. 23505, 57P01. */
  states: Set<string>;
  /** Prisma error codes, e.g. P1001, P2002. */
  prisma: Set<string>;
  /** Driver adapter error kinds, e.g. DatabaseNotReachable. */
  kinds: Set<string>;
  /** Socket error codes, e.g. ECONNREFUSED. */
  sys: Set<string>;
  messages: string[];
}

function facts(err: unknown): ErrorFacts {
  const out: ErrorFacts = { states: new Set(), prisma: new Set(), kinds: new Set(), sys: new Set(), messages: [] };
  const seen = new Set<object>();
  const queue: { value: unknown; depth: number }[] = [{ value: err, depth: 0 }];
  while (queue.length > 0) {
    const { value, depth } = queue.shift()!;
    if (typeof value === 'string') { out.messages.push(value); continue; }
    if (!value || typeof value !== 'object' || seen.has(value) || depth > 6) continue;
    seen.add(value);
    const o = value as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; originalMessage?: unknown; cause?: unknown; meta?: unknown };
    for (const code of [o.originalCode, o.code]) {
      if (typeof code !== 'string') continue;
      if (/^P\d{4}$/.test(code)) out.prisma.add(code);
      else if (/^[0-9A-Z]{5}$/.test(code)) out.states.add(code);
      else if (/^E[A-Z]+$/.test(code)) out.sys.add(code);
    }
    if (typeof o.kind === 'string') out.kinds.add(o.kind);
    for (const m of [o.message, o.originalMessage]) if (typeof m === 'string') out.messages.push(m);
    queue.push({ value: o.cause, depth: depth + 1 });
    const meta = o.meta as { driverAdapterError?: unknown } | undefined;
    if (meta && typeof meta === 'object') queue.push({ value: meta.driverAdapterError, depth: depth + 1 });
  }
  return out;
}

export function isUniqueViolation(err: unknown): boolean {
  const f = facts(err);
  return f.states.has('23505') || f.prisma.has('P2002') || f.kinds.has('UniqueConstraintViolation');
}

/** Prisma: can't reach the server, it timed out, it closed the connection; pool or transaction timed out. */
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
const UNAVAILABLE_SYS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ECONNABORTED']);
const UNAVAILABLE_TEXT = new RegExp([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE',
  'Connection terminated', "Can't reach database server", 'server closed the connection', 'terminating connection',
  'the database system is (?:shutting down|starting up|in recovery mode|not yet accepting connections)',
  'timeout exceeded when trying to connect', 'Client has encountered a connection error', 'PGlite is closed', '\\bclosed\\b',
].join('|'), 'i');

/**
 * Connection lost, server stopping or restarting, pool exhausted, database closed: worth a "try
 * again shortly". SQLSTATE classes 08 (connection), 57P (operator intervention: shutdown,
 * cannot connect now) and 53 (insufficient resources).
 */
export function isUnavailable(err: unknown): boolean {
  const f = facts(err);
  if ([...f.states].some((s) => /^(08|57P|53)/.test(s))) return true;
  if ([...f.prisma].some((c) => UNAVAILABLE_PRISMA.has(c))) return true;
  if ([...f.kinds].some((k) => UNAVAILABLE_KINDS.has(k))) return true;
  if ([...f.sys].some((c) => UNAVAILABLE_SYS.has(c))) return true;
  if (f.messages.length === 0) f.messages.push(String(err));
  return f.messages.some((m) => UNAVAILABLE_TEXT.test(m));
}
