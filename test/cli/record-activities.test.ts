// The recording proxy of `npm run playground -- --record`: saves what the client posts, passes the
// bot's answer back untouched.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { recordingName, startRecorder } from '../../src/cli/record-activities.js';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'record-test-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

it('names a recording by its order, type, name and conversation type', () => {
  expect(recordingName(4, { type: 'invoke', name: 'adaptiveCard/action', conversation: { conversationType: 'personal' } })).toBe('04-invoke-adaptiveCard_action-personal.json');
  expect(recordingName(12, { type: 'message' })).toBe('12-message.json');
  expect(recordingName(1, {})).toBe('01-unknown.json');
});

it('saves each activity in order and hands the bot\'s answer back, status and body', async () => {
  const seen: string[] = [];
  const bot = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString(); });
    req.on('end', () => { seen.push(`${req.url} ${body}`); res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"statusCode":200}'); });
  });
  await new Promise<void>((r) => bot.listen(0, '127.0.0.1', r));
  const recorder = await startRecorder(`http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`, folder);
  try {
    const post = (body: string) => fetch(recorder.endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const first = await post(JSON.stringify({ type: 'message', text: 'hello', conversation: { conversationType: 'personal' } }));
    expect(first.status).toBe(200);
    expect(await first.text()).toBe('{"statusCode":200}');
    const second = await post('not json');
    expect(second.status).toBe(200);
    expect(fs.readdirSync(folder)).toEqual(['01-message-personal.json']);
    expect(JSON.parse(fs.readFileSync(path.join(folder, '01-message-personal.json'), 'utf8'))).toMatchObject({ text: 'hello' });
    expect(seen).toEqual(['/api/messages {"type":"message","text":"hello","conversation":{"conversationType":"personal"}}', '/api/messages not json']);
  } finally {
    await recorder.close();
    await new Promise((r) => bot.close(r));
  }
});
