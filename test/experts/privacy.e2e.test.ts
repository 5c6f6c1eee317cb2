// The privacy screen on Experts at Hand and meeting cards, end to end: a refused summary, answer,
// outcome, agenda item or note is never stored and never logged (a capturing logger at trace level
// sees every line the bot writes), and comes back in the form with a clear reason.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startConnectorStub, type ConnectorStub } from '../../src/cli/connector-stub.js';
import { loadConfig } from '../../src/config.js';
import { fixedClock } from '../../src/domain/time/clock.js';
import { startRuntime, type Running } from '../../src/runtime.js';
import type { Store } from '../../src/store/database.js';
import { BOT, DEMO_NOW, TENANT_ID } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { inputValue } from '../clusters/helpers.js';

describeEachStore('privacy screen on cards', (kind) => {
  const lines: string[] = [];
  let store: Store;
  let connector: ConnectorStub;
  let running: Running;

  const as = async (key: string) => {
    const p = await store.db.person.findUniqueOrThrow({ where: { key } });
    return { id: `29:${p.aadObjectId}`, name: p.name, aadObjectId: p.aadObjectId };
  };
  const act = async (key: string, extra: Record<string, unknown>) => ({
    type: 'message', id: `m-${Math.random()}`, serviceUrl: connector.serviceUrl, channelId: 'msteams', from: await as(key), recipient: BOT,
    conversation: { id: `a:${key}`, conversationType: 'personal', tenantId: TENANT_ID }, channelData: { tenant: { id: TENANT_ID } }, locale: 'en-GB', ...extra,
  });
  const post = async (activity: Record<string, unknown>) => {
    const res = await fetch(`${running.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as { type: string; value: Record<string, unknown> }) : null };
  };
  const invoke = async (key: string, verb: string, data: Record<string, unknown>) => post(await act(key, {
    type: 'invoke', name: 'adaptiveCard/action', replyToId: 'card-1', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  }));
  /** Every row of the tables a refused text could reach, as one string. */
  const everything = async () => JSON.stringify(await Promise.all([
    store.db.expertRequest.findMany(), store.db.expertRequestEvent.findMany(), store.db.outboxMessage.findMany(),
    store.db.clusterMeeting.findMany(), store.db.conversationRef.findMany(),
  ]));

  beforeAll(async () => {
    store = await createTestStore(kind);
    connector = await startConnectorStub();
    // A plain pino logger without the app's redaction: a leak under any key would show here.
    const sink = new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } });
    running = await startRuntime({
      config: loadConfig({ PORT: '0', DEMO_DATA: '1', SCHEDULER: '0', LOG_LEVEL: 'trace' }), store, clock: fixedClock(DEMO_NOW), log: pino({ level: 'trace' }, sink),
    });
  });
  afterAll(async () => { await running?.stop(); await connector?.close(); });

  const cases = [
    { name: 'a child named with a date of birth', text: 'A pupil called Jayden Smith, born 03/04/2018, has limited speech and needs an assessment.', marker: 'Jayden' },
    { name: 'an NHS number', text: 'Child with NHS number 943 476 5919 has unclear speech sounds; advice on screening please.', marker: '943 476 5919' },
    { name: 'a UPN', text: 'Year 4 pupil, UPN A123456789012, struggles with fine motor tasks such as handwriting.', marker: 'A123456789012' },
    { name: 'a home address and postcode', text: 'Family at 14 Acacia Avenue, Batley WF17 5QT would like a home visit about sensory needs.', marker: 'Acacia' },
  ];

  it.each(cases)('refuses a summary with $name: kept in the form, never stored or logged', async ({ text, marker }) => {
    const settingId = String((await store.db.setting.findUniqueOrThrow({ where: { name: 'Oakfield Primary School' } })).id);
    const counts = async () => [await store.db.expertRequest.count(), await store.db.expertRequestEvent.count(), await store.db.outboxMessage.count()];
    const before = await counts();
    const res = await invoke('eclarke', 'expert.open', { settingId, specialism: 'speech_and_language', kind: 'tailored_guidance', summary: text });
    expect(res.status).toBe(200);
    expect(res.body?.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = res.body!.value;
    expect(inputValue(card, 'summary')).toBe(text);
    expect(inputValue(card, 'settingId')).toBe(settingId);
    expect(JSON.stringify(card)).toContain("I haven't saved this, so that no child can be identified.");
    expect(await counts()).toEqual(before);
    expect(await everything()).not.toContain(marker);
    expect(lines.join('\n')).not.toContain(marker);
  });

  it('refuses answers, outcomes, agenda items and notes the same way', async () => {
    const settingId = String((await store.db.setting.findUniqueOrThrow({ where: { name: 'Oakfield Primary School' } })).id);
    const opened = await invoke('eclarke', 'expert.open', { settingId, specialism: 'speech_and_language', kind: 'strategic_advice', summary: 'Setting up a language-rich nursery environment for two-year-olds.' });
    expect(JSON.stringify(opened.body)).toContain('Sent: EAH-R-0004');
    const r = await store.db.expertRequest.findUniqueOrThrow({ where: { ref: 'EAH-R-0004' } });
    await invoke('mreid', 'expert.claim', { requestId: r.id, version: 1 });
    const answer = await invoke('mreid', 'expert.answer', { requestId: r.id, version: 2, answerKind: 'advice', answerText: 'Please ask Jayden Smith\'s mum to bring his red book.' });
    expect(inputValue(answer.body!.value, 'answerText')).toMatch(/Jayden/);
    const close = await invoke('eclarke', 'expert.close', { requestId: r.id, version: 2, outcome: 'Visited the family at 14 Acacia Avenue.' });
    expect(inputValue(close.body!.value, 'outcome')).toMatch(/Acacia/);
    expect((await store.db.expertRequest.findUniqueOrThrow({ where: { id: r.id } })).status).toBe('assigned');

    const meeting = await store.db.clusterMeeting.findFirstOrThrow({ where: { cluster: { code: 'BS1' } } });
    const agenda = await invoke('eclarke', 'meeting.agenda.add', { meetingId: meeting.id, version: 1, agendaItem: 'Case: Jayden Smith, UPN A123456789012' });
    expect(inputValue(agenda.body!.value, 'agendaItem')).toMatch(/Jayden/);
    expect(await everything()).not.toMatch(/Jayden|Acacia|A123456789012/);
    expect(lines.length).toBeGreaterThan(10);
    expect(lines.join('\n')).not.toMatch(/Jayden|Acacia|A123456789012/);
  });
});
