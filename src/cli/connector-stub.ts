// A Bot Framework connector stub on 127.0.0.1: receives what the bot sends, per conversation,
// and can be told to fail (429, 500, hang, drop). Used by `npm run chat` and by the tests.
import http from 'node:http';
import crypto from 'node:crypto';

export interface SentActivity { conversationId: string; method: string; path: string; body: Record<string, unknown> }
export type Fault = { status: number; retryAfter?: number } | 'hang' | 'drop';

export interface ConnectorStub {
  serviceUrl: string;
  sent: SentActivity[];
  for(conversationId: string): SentActivity[];
  /** Each queued fault answers one request, in order, before normal service resumes. */
  failNext(...faults: Fault[]): void;
  requests: number;
  clear(): void;
  close(): Promise<void>;
}

export async function startConnectorStub(): Promise<ConnectorStub> {
  const sent: SentActivity[] = [];
  const faults: Fault[] = [];
  let requests = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => {
      requests++;
      const fault = faults.shift();
      if (fault === 'hang') return; // never answers: the client's timeout must fire
      if (fault === 'drop') { req.socket.destroy(); return; }
      if (fault) {
        res.writeHead(fault.status, fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {});
        res.end(JSON.stringify({ error: { code: 'Throttled', message: 'stub fault' } }));
        return;
      }
      const m = (req.url ?? '').match(/\/v3\/conversations\/([^/]+)\/activities/);
      if (m) {
        let parsed: Record<string, unknown> = {};
        try { parsed = JSON.parse(body) as Record<string, unknown>; } catch { /* keep empty */ }
        sent.push({ conversationId: decodeURIComponent(m[1]!), method: req.method ?? '', path: req.url ?? '', body: parsed });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: crypto.randomUUID() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    sent,
    for: (conversationId) => sent.filter((s) => s.conversationId === conversationId),
    failNext: (...f) => { faults.push(...f); },
    get requests() { return requests; },
    clear: () => { sent.length = 0; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
