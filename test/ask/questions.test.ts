// Our own question set (questions.jsonl, the format of ../shared/eval/ask.mjs), asked through
// POST /api/messages with the real adapter and a connector stub, over the demo data on each store.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { answerQuestion } from '../../src/ask/answer-question.js';
import { fixedClock } from '../../src/domain/time/clock.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import { MeasureStore } from '../../src/store/measures.js';
import { PrismaPlanReader } from '../../src/store/cached-plan-reader.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { cardProblems } from '../cards/support-validate.js';
import { matches } from './support/match.js';

interface Question { id: string; as?: string | null; chat?: 'personal' | 'groupChat' | 'channel'; text: string; expect?: (string | string[])[]; forbid?: (string | string[])[] }

const file = path.join(import.meta.dirname, 'questions.jsonl');
export const QUESTIONS: Question[] = fs.readFileSync(file, 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('//'))
  .map((l) => JSON.parse(l) as Question);

it('has at least 80 questions, each with expected facts and a unique id', () => {
  expect(QUESTIONS.length).toBeGreaterThanOrEqual(80);
  expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
  for (const q of QUESTIONS) expect(q.expect?.length, q.id).toBeGreaterThan(0);
});

describeEachStore('our question set through /api/messages', (kind) => {
  let bot: TestBot;
  beforeAll(async () => {
    const store = await createTestStore(kind);
    const clock = fixedClock(DEMO_NOW);
    await loadDemoDataIfEmpty(store.db, clock.now());
    const reader = new PrismaPlanReader(store.db);
    const measures = new MeasureStore(store.db);
    bot = await startTestBot(store, { clock, ask: (text, asker) => answerQuestion(text, asker, { reader, clock, measures: () => measures.all(), onError: (e) => { throw e; } }) });
  }, 180_000);
  afterAll(async () => { await bot?.close(); });

  it.each(QUESTIONS)('$id: $text', async (q) => {
    const reply = await bot.say(q.text, { as: q.as === undefined ? 'amorgan' : q.as, chat: q.chat ?? 'personal' });
    expect(reply.status).toBeLessThan(300);
    expect(reply.activities.length, 'the bot answered').toBeGreaterThan(0);
    const missing = (q.expect ?? []).filter((e) => !matches(reply.text, e));
    const unwanted = (q.forbid ?? []).filter((f) => matches(reply.text, f));
    expect({ missing, unwanted, answer: reply.text.replace(/\s+/g, ' ').slice(0, 800) }).toMatchObject({ missing: [], unwanted: [] });
    for (const a of reply.activities) {
      for (const att of (a.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? []) {
        if (att.contentType === 'application/vnd.microsoft.card.adaptive') expect(cardProblems(att.content), q.id).toEqual([]);
      }
    }
  });
});
