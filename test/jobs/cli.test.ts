// `npm run job -- <name>` end to end: a real process on the embedded database under DATA_DIR,
// honouring CLOCK_NOW, sending through a connector stub, and exiting. Run twice, it sends nothing new.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '../../src/cli/connector-stub.js';
import { openStore } from '../../src/store/database.js';
import { reachEveryone, withDemo } from './support.js';

let dataDir: string;
let stub: ConnectorStub;

function runJob(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/job.ts', ...args], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { ...process.env, DATA_DIR: dataDir, CLOCK_NOW: '2026-11-23T09:00:00Z', LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('close', (code) => resolve({ code, out }));
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'job-cli-'));
  stub = await startConnectorStub();
  const store = await withDemo(await openStore({ dataDir: path.join(dataDir, 'pglite') }));
  await reachEveryone(store, stub.serviceUrl, ['gokafor']);
  await store.close();
});
afterAll(async () => {
  await stub.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('runs owner-nudges once now, sends through the connector, lists who it could not reach, and exits', async () => {
  const first = await runJob(['owner-nudges']);
  expect(first.code).toBe(0);
  expect(first.out).toMatch(/owner-nudges 2026-11-23: 6 owners to nudge, 1 lead copies; 7 newly queued/);
  expect(first.out).toMatch(/Sent 6, retried 0, failed 0/);
  expect(first.out).toMatch(/Waiting for a personal chat with the bot \(1;[^\n]*\n {2}gokafor nudge/);
  expect(stub.sent).toHaveLength(6);
  expect(new Set(stub.sent.map((s) => s.conversationId))).toEqual(new Set(['a:personal-amorgan', 'a:personal-dpatel', 'a:personal-lbyrne', 'a:personal-nhussain', 'a:personal-oprice', 'a:personal-swhitaker']));
  expect(JSON.stringify(stub.for('a:personal-oprice')[0]!.body)).toMatch(/COM-06/);

  const again = await runJob(['owner-nudges']);
  expect(again.code).toBe(0);
  expect(again.out).toMatch(/0 newly queued/);
  expect(stub.sent).toHaveLength(6);
}, 120_000);

it('queues only with --queue-only, and refuses an unknown job', async () => {
  const queued = await runJob(['weekly-digest', '--queue-only']);
  expect(queued.code).toBe(0);
  expect(queued.out).toMatch(/weekly-digest 2026-W48: 7 workstream digests, 1 whole-plan digests/);
  expect(queued.out).toMatch(/Queued only: 8 of this job's messages are waiting/);
  expect(stub.sent).toHaveLength(6);
  const bad = await runJob(['no-such-job']);
  expect(bad.code).toBe(2);
  expect(bad.out).toMatch(/There is no job called "no-such-job"/);
}, 120_000);
