// Logs never carry secrets or what people typed (which could identify a child).
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/domain/time/clock.js';
import { createLogger } from '../../src/log/logger.js';
import { startRuntime, type Running } from '../../src/runtime.js';
import { startConnectorStub, type ConnectorStub } from '../../src/cli/connector-stub.js';
import { createTestStore } from '../support/store.js';

const lines: string[] = [];
const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
let running: Running;
let connector: ConnectorStub;

beforeAll(async () => {
  connector = await startConnectorStub();
  const store = await createTestStore('embedded');
  running = await startRuntime({ config: loadConfig({ PORT: '0', SCHEDULER: '0' }), store, clock: fixedClock('2026-11-22T09:00:00Z'), log: createLogger('trace', sink) });
});
afterAll(async () => { await running.stop(); await connector.close(); });

it('redacts secrets and free text given to the logger', () => {
  const log = createLogger('info', sink);
  log.info({ BOT_PASSWORD: 's3cret-value', headers: { authorization: 'Bearer abc.def.ghi' }, text: 'Pupil Jane Doe', summary: 'Tom, aged 7' }, 'check');
  const out = lines.join('');
  for (const secret of ['s3cret-value', 'abc.def.ghi', 'Jane Doe', 'Tom, aged 7']) expect(out).not.toContain(secret);
  expect(out).toContain('[redacted]');
});

it('logs a whole turn, at trace level, without the words the person typed', async () => {
  const sensitive = 'Please help with Jamie Smith, DOB 03/04/2017, NHS 943 476 5919, 12 Acacia Avenue HD1 2AB';
  const before = lines.length;
  const res = await fetch(`${running.url}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-real-token' },
    body: JSON.stringify({
      type: 'message', id: '1', text: sensitive, serviceUrl: connector.serviceUrl, channelId: 'msteams',
      from: { id: '29:x', aadObjectId: 'unknown' }, recipient: { id: '28:bot' }, conversation: { id: 'a:redaction', conversationType: 'personal' },
    }),
  });
  expect(res.status).toBe(200);
  const out = lines.slice(before).join('');
  expect(out.length).toBeGreaterThan(0);
  for (const piece of ['Jamie', 'Smith', '03/04/2017', '943 476 5919', 'Acacia', 'HD1 2AB', 'not-a-real-token']) expect(out).not.toContain(piece);
});
