// `npm run playground -- --record <folder>`: a small proxy between the Playground and the bot that
// saves every activity the client posts, one JSON file each, numbered in the order they came. This
// is how test/fixtures/activities/playground/ was captured: what a real Teams client sends, not
// what the project's builders imagined it sends. The bot's answers pass through untouched.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface Recorder {
  /** The address to give the Playground as the bot's endpoint. */
  endpoint: string;
  close(): Promise<void>;
}

/** A file name that says what the activity was: 03-message-personal.json, 04-invoke-adaptiveCard_action-personal.json. */
export function recordingName(n: number, activity: { type?: unknown; name?: unknown; conversation?: { conversationType?: unknown } }): string {
  const part = (v: unknown) => (typeof v === 'string' && v ? v.replace(/\W+/g, '_') : undefined);
  return [String(n).padStart(2, '0'), part(activity.type) ?? 'unknown', part(activity.name), part(activity.conversation?.conversationType)]
    .filter(Boolean).join('-') + '.json';
}

export async function startRecorder(botEndpoint: string, folder: string): Promise<Recorder> {
  fs.mkdirSync(folder, { recursive: true });
  const target = new URL(botEndpoint);
  let count = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      try {
        const activity = JSON.parse(body.toString('utf8')) as Record<string, never>;
        fs.writeFileSync(path.join(folder, recordingName(++count, activity)), `${JSON.stringify(activity, null, 2)}\n`);
      } catch {
        // Not JSON: nothing to record; the bot answers it as it would anyway.
      }
      const forward = http.request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => { res.writeHead(502); res.end(); });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${target.pathname}`,
    close: () => new Promise((resolve) => { server.close(() => resolve()); server.closeAllConnections(); }),
  };
}
