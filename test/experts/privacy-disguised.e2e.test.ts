// Disguised children's details, end to end through POST /api/messages on both stores: a request
// summary and an action note with a spelt-out, lower-case or full-width child's details are
// refused, nothing is stored, and the text never reaches a log line (a plain pino logger at trace
// level without the app's redaction). An import with child data fails at file:line, writing
// nothing; staff named in the directory pass.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '../../src/cli/connector-stub.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/domain/time/clock.js';
import { DEMO_DATA_DIR } from '../../src/importer/demo-data.js';
import { ImportError, importFolder } from '../../src/importer/import-folder.js';
import { IMPORT_FILES } from '../../src/importer/rows.js';
import { startRuntime, type Running } from '../../src/runtime.js';
import type { Store } from '../../src/store/database.js';
import { BOT, DEMO_NOW, TENANT_ID } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';

describeEachStore('disguised children through the privacy screen', (kind) => {
  const lines: string[] = [];
  let store: Store;
  let connector: ConnectorStub;
  let running: Running;
  const temps: string[] = [];

  const as = async (key: string) => {
    const p = await store.db.person.findUniqueOrThrow({ where: { key } });
    return { id: `29:${p.aadObjectId}`, name: p.name, aadObjectId: p.aadObjectId };
  };
  const invoke = async (key: string, verb: string, data: Record<string, unknown>) => {
    const activity = {
      type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card-1', id: `m-${Math.random()}`, serviceUrl: connector.serviceUrl,
      channelId: 'msteams', from: await as(key), recipient: BOT, conversation: { id: `a:${key}`, conversationType: 'personal', tenantId: TENANT_ID },
      channelData: { tenant: { id: TENANT_ID } }, locale: 'en-GB', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    };
    const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    return { status: res.status, body: await res.text() };
  };
  const everything = async () => JSON.stringify(await Promise.all([
    store.db.expertRequest.findMany(), store.db.expertRequestEvent.findMany(), store.db.outboxMessage.findMany(),
    store.db.action.findMany(), store.db.actionHistory.findMany(),
  ]));

  beforeAll(async () => {
    store = await createTestStore(kind);
    connector = await startConnectorStub();
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    running = await startRuntime({
      config: loadConfig({ PORT: '0', DEMO_DATA: '1', SCHEDULER: '0', LOG_LEVEL: 'trace' }), store, clock: fixedClock(DEMO_NOW), log: pino({ level: 'trace' }, sink),
    });
  });
  afterAll(async () => {
    await running?.stop();
    await connector?.close();
    for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an Experts at Hand summary with a spelt-out child name; nothing stored or logged', async () => {
    const settingId = String((await store.db.setting.findUniqueOrThrow({ where: { name: 'Oakfield Primary School' } })).id);
    const text = 'Please advise on J a c k  S m i t h who has limited speech in class; ideas for the classroom please.';
    const before = await everything();
    const res = await invoke('eclarke', 'expert.open', { settingId, specialism: 'speech_and_language', kind: 'tailored_guidance', summary: text });
    expect(res.status).toBe(200);
    expect(res.body).toContain("I haven't saved this, so that no child can be identified.");
    expect(await everything()).toEqual(before);
    expect(lines.join('\n')).not.toContain('S m i t h');
  });

  it('refuses an action note naming a child in small letters, and one with a full-width NHS number', async () => {
    const a = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-02' } });
    const due = a.dueDate.toISOString().slice(0, 10);
    for (const note of ['my son jack smith in year 4 came to the event.', 'Referral for pupil, NHS ９４３ ４７６ ５９１９, needs speech therapy.']) {
      const before = await everything();
      const res = await invoke('oprice', 'action.save', { actionId: a.id, version: a.version, status: a.status, dueDate: due, note, reason: '' });
      expect(res.status).toBe(200);
      expect(res.body).toContain('It looks like this');
      expect(await everything()).toEqual(before);
      const logged = lines.join('\n');
      for (const marker of ['jack smith', '９４３', '943 476']) expect(logged).not.toContain(marker);
    }
  });

  it('accepts a note naming staff from the directory or with a title', async () => {
    const a = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-02' } });
    const owner = await store.db.person.findUniqueOrThrow({ where: { key: 'oprice' } });
    const note = `${owner.name} and Mrs Khan agreed the draft.`;
    const res = await invoke('oprice', 'action.save', { actionId: a.id, version: a.version, status: a.status, dueDate: a.dueDate.toISOString().slice(0, 10), note, reason: '' });
    expect(res.status).toBe(200);
    expect((await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-02' } })).lastUpdate).toContain('Mrs Khan agreed the draft.');
  });

  it('fails an import whose last update names a child, at file:line, writing nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'privacy-import-'));
    temps.push(dir);
    for (const file of IMPORT_FILES) fs.copyFileSync(path.join(DEMO_DATA_DIR, file), path.join(dir, file));
    const actions = fs.readFileSync(path.join(dir, 'actions.csv'), 'utf8').split('\n');
    actions[2] = actions[2]!.replace(/,not_started,,/, ',not_started,oliver in year 4 is struggling with his speech,');
    fs.writeFileSync(path.join(dir, 'actions.csv'), actions.join('\n'));
    const before = await everything();
    const error = await importFolder(store.db, dir, { now: new Date(DEMO_NOW) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).errors).toEqual([expect.stringMatching(/^actions\.csv:3: last_update: It looks like this includes someone's name/)]);
    expect((error as ImportError).message).not.toContain('oliver');
    expect(await everything()).toEqual(before);
  });
});
