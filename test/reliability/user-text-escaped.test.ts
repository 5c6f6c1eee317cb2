// A note written as a phishing link with bold text, saved on an action through a card, then shown
// everywhere it travels: the answer to a question, the lead alert, the quarterly summary card, the
// report's Markdown and HTML; and an Experts at Hand summary in the expert's card. Through
// /api/messages with the real adapter, on both stores. It must never be a link or bold.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { financialQuarter } from '../../src/domain/time/quarters.js';
import { buildReport } from '../../src/reports/store.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { invoke } from '../actions/support.js';
import { invoke as invokeAny } from '../clusters/helpers.js';
import { createJobStores } from '../../src/store/job-stores.js';

const NOTE = '[verify your account](https://evil.example/phish) **BOLD**';
const ESCAPED = '\\[verify your account\\](https://evil.example/phish) \\*\\*BOLD\\*\\*';
/** A live Markdown link or bold anywhere: the attack working. */
const LIVE = /(?<!\\)\[verify your account(?<!\\)\]\(|(?<!\\)\*\*BOLD/;

/**
 * Every string Teams reads as Markdown, anywhere in messages and cards. A RichTextBlock's TextRun
 * is never read as Markdown (Adaptive Cards 1.5), so its text is collected apart, as `literal`.
 */
function texts(node: unknown, out: string[] = [], literal: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (Array.isArray(node)) node.forEach((n) => texts(n, out, literal));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextRun' && typeof o.text === 'string') literal.push(o.text);
    else Object.values(o).forEach((v) => texts(v, out, literal));
  }
  return out;
}
function literalRuns(node: unknown): string[] {
  const literal: string[] = [];
  texts(node, [], literal);
  return literal;
}

describeEachStore('what people wrote is shown as text', (kind) => {
  let bot: TestBot;
  beforeAll(async () => {
    const store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    bot = await startTestBot(store);
    const a = await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-06' } });
    const due = a.dueDate.toISOString().slice(0, 10);
    const first = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { actionId: a.id, version: a.version, status: 'at_risk', dueDate: due, note: 'Venue booked.', reason: '' } });
    expect(first.status).toBe(200);
    const saved = await invoke(bot, { as: 'oprice', verb: 'action.save', data: { actionId: a.id, version: a.version + 1, status: 'off_track', dueDate: due, note: NOTE, reason: '' } });
    expect(texts(saved.card).join('\n')).toMatch(/Saved/);
    expect((await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-06' } })).lastUpdate).toBe(NOTE); // stored as typed
  });
  afterAll(async () => { await bot.close(); });

  it('in the answer to a question, text and cards', async () => {
    for (const q of ['any update on COM-06?', 'tell me about COM-06', 'how is workstream 1 doing?']) {
      const reply = await bot.say(q, { as: 'amorgan' });
      const all = texts(reply.activities).join('\n');
      expect(all, q).not.toMatch(LIVE);
      if (q !== 'how is workstream 1 doing?') expect(all, q).toContain(ESCAPED);
    }
  });

  it('in the lead alert', async () => {
    const alerts = await bot.store.db.outboxMessage.findMany({ where: { job: 'lead-alert' } });
    expect(alerts.length).toBeGreaterThan(0);
    const all = texts(alerts.map((m) => m.payload)).join('\n');
    expect(all).toContain(`What changed: ${ESCAPED}`);
    expect(all).not.toMatch(LIVE);
    expect(literalRuns(alerts.map((m) => m.payload))).toContain(NOTE); // the card's TextRun: shown exactly as typed
  });

  it('in the quarterly summary card and the report Markdown and HTML', async () => {
    const reply = await bot.say('quarterly report', { as: 'amorgan' });
    const all = texts(reply.activities).join('\n');
    expect(all).toContain(ESCAPED);
    expect(all).not.toMatch(LIVE);
    const report = await buildReport(createJobStores(bot.store.db), financialQuarter('2026-11-22'), new Date(DEMO_NOW), false);
    expect(report.markdown).toContain(ESCAPED);
    expect(report.markdown).not.toMatch(LIVE);
    expect(report.html).toContain('[verify your account](https://evil.example/phish) **BOLD**'); // shown as typed
    expect(report.html).not.toMatch(/<a\b|<strong>BOLD/);
  });

  it('an Experts at Hand summary in the expert\'s card', async () => {
    const setting = await bot.store.db.setting.findUniqueOrThrow({ where: { name: 'Oakfield Primary School' } });
    const summary = `Whole class screening advice please. ${NOTE}`;
    const opened = await invokeAny(bot, { as: 'eclarke', verb: 'expert.open', data: { settingId: String(setting.id), specialism: 'speech_and_language', kind: 'tailored_guidance', summary } });
    expect(opened.status).toBe(200);
    const pool = await bot.store.db.outboxMessage.findMany({ where: { job: 'experts-at-hand' } });
    const all = texts([opened.card, pool.map((m) => m.payload)]).join('\n');
    expect(all).toContain(ESCAPED);
    expect(all).not.toMatch(LIVE);
  });
});
