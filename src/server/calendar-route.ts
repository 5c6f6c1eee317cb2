// GET /calendar/meetings/<id>.ics?sig=…: the signed calendar file of a cluster meeting (the
// checks and the file are src/calendar's; this only speaks HTTP). Plain-text answers a person can
// read for a link that is not valid (404) or a database that is away (503).
import type restify from 'restify';
import type { Logger } from '../log/logger.js';

export function registerCalendarRoute(server: restify.Server, calendarFile: (file: unknown, sig: unknown) => Promise<string | null>, log: Logger): void {
  server.get('/calendar/meetings/:file', async (req: restify.Request, res: restify.Response) => {
    const sig = new URL(req.url ?? '/', 'http://localhost').searchParams.get('sig');
    try {
      const ics = await calendarFile(req.params?.file, sig);
      if (ics === null) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('This calendar link is not valid. Open the meeting card in Teams and use its "Add to calendar" button again.');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="meeting.ics"', 'cache-control': 'no-store' });
      res.end(ics);
    } catch (err) {
      log.error({ err: { message: err instanceof Error ? err.message : String(err) } }, 'calendar file failed');
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The calendar file cannot be made just now. Please try again shortly.');
    }
  });
}
