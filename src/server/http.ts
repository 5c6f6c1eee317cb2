// The HTTP server: POST /api/messages for the Bot Framework, GET /healthz for probes, and the
// public pages (GET /plan, /reports…; see public-routes.ts).
// Kept apart from the bot so the bot can be tested and benchmarked on its own.
import restify from 'restify';
import type { Logger } from '../log/logger.js';
import { checkInboundActivity } from './activity-shape.js';
import { isPublicPath, registerPublicRoutes, sendNotFound, type PublicPages } from './public-routes.js';
import { registerCalendarRoute } from './calendar-route.js';

export interface HttpDeps {
  log: Logger;
  bodyLimitBytes: number;
  /** Hands the request to the bot's adapter (src/teams), which writes the response. */
  processActivity(req: restify.Request, res: restify.Response): Promise<void>;
  health(): Promise<{ ok: boolean; details: Record<string, unknown> }>;
  /** A meeting's calendar file for a signed link, or null (src/calendar/serve.ts). */
  calendarFile?(file: unknown, sig: unknown): Promise<string | null>;
  /** The public pages; without them only the bot's routes are served. */
  pages?: PublicPages;
}

export function createHttpServer(deps: HttpDeps): restify.Server {
  const server = restify.createServer({ name: 'send-partnership-bot', handleUncaughtExceptions: false });
  // Only JSON is read (a multipart body would otherwise be written to disk before any token
  // check), and bodies over the limit get 413 before any bot code runs.
  server.pre((req: restify.Request, res: restify.Response, next: restify.Next) => {
    const type = String(req.headers['content-type'] ?? '');
    if (req.method === 'POST' && !/^application\/json\b/i.test(type)) {
      res.send(415, { error: 'Send the activity as application/json.' });
      return next(false);
    }
    return next();
  });
  // jsonBodyParser hands maxBodySize to its body reader; the type definitions lag behind.
  const jsonOptions: restify.plugins.JsonBodyParserOptions & { maxBodySize: number } = { mapParams: false, maxBodySize: deps.bodyLimitBytes };
  server.use(restify.plugins.jsonBodyParser(jsonOptions));

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) {
      res.send(400, { error: 'Expected a Bot Framework activity as JSON.' });
      return;
    }
    const check = checkInboundActivity(req.body);
    if (!check.ok) {
      deps.log.warn({ reason: check.reason }, 'rejected a malformed activity');
      res.send(400, { error: `Not a valid activity: ${check.reason}.` });
      return;
    }
    try {
      await deps.processActivity(req, res);
    } catch (err) {
      deps.log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: 'The bot could not process this activity.' });
    }
  });

  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const { ok, details } = await deps.health();
    res.send(ok ? 200 : 503, { status: ok ? 'ok' : 'unavailable', ...details });
  });

  if (deps.calendarFile) registerCalendarRoute(server, deps.calendarFile, deps.log);

  const pages = deps.pages;
  if (pages) {
    registerPublicRoutes(server, pages, deps.log);
    // An address under /plan or /reports that is no page still gets a page a person can read.
    server.on('NotFound', (req: restify.Request, res: restify.Response, _err: Error, next: (err?: unknown) => void) => {
      if (req.method === 'GET' && isPublicPath(req.path())) { sendNotFound(res, pages); return; }
      next();
    });
  }

  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, next: () => void) => {
    // Log client errors (bad JSON, 413) without bodies: they may hold personal text.
    deps.log.warn({ status: err.statusCode, path: req.path?.() }, err.name);
    next();
  });
  return server;
}

export async function listen(server: restify.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => { server.removeListener('error', reject); resolve(); });
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}
