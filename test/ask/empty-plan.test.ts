// An empty plan says so, and how to import one, instead of "No actions are overdue."
import { afterAll, beforeAll, expect, it } from 'vitest';
import { answerQuestion } from '../../src/ask/answer-question.js';
import { fixedClock } from '../../src/domain/time/clock.js';
import { PrismaPlanReader } from '../../src/store/cached-plan-reader.js';
import type { Store } from '../../src/store/database.js';
import { DEMO_NOW } from '../support/bot.js';
import { createTestStore } from '../support/store.js';

let store: Store;
beforeAll(async () => { store = await createTestStore('embedded'); }, 180_000);
afterAll(async () => { await store?.close(); });

it('answers questions about the plan with how to import one', async () => {
  const deps = { reader: new PrismaPlanReader(store.db), clock: fixedClock(DEMO_NOW), onError: (e: unknown) => { throw e; } };
  for (const text of ["What's overdue?", 'who owns COM-06', 'how is WS1 doing?']) {
    const answer = await answerQuestion(text, { person: null, conversationKind: 'personal' }, deps);
    expect(answer.text, text).toContain('npm run import');
  }
  expect((await answerQuestion('help', { person: null, conversationKind: 'personal' }, deps)).text).not.toContain('npm run import');
});
