// SIGTERM (runtime.stop): stop accepting, let turns in flight finish and reply, then close.
// Queued proactive messages stay in the outbox and go on the next start (test/jobs covers the resume).
import { expect, it } from 'vitest';
import { createTestStore } from '../support/store.js';
import { startTestBot } from '../support/bot.js';

it('finishes a turn in flight before closing the database, and refuses new connections', async () => {
  const store = await createTestStore('embedded');
  await store.db.person.create({ data: { key: 'amorgan', name: 'Alex Morgan', roles: ['admin'], aadObjectId: 'aad-1' } });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  let entered!: () => void;
  const turnStarted = new Promise<void>((resolve) => { entered = resolve; });
  const bot = await startTestBot(store, {
    ask: async (text) => {
      entered();
      await gate; // a slow answer: still running when shutdown starts
      return { text: `answered: ${text} (${await store.db.person.count()} people)`, cards: [] };
    },
  });
  const inFlight = bot.say('what is overdue?', { as: 'amorgan' });
  // Wait until the turn is really running (a fixed sleep loses the race on a busy machine).
  await turnStarted;
  const stopping = bot.running.stop();
  await new Promise((r) => setTimeout(r, 100));
  // The server no longer accepts new connections while the turn is still running.
  await expect(fetch(`${bot.url}/healthz`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  release();
  const reply = await inFlight;
  expect(reply.status).toBe(200);
  expect(reply.text).toContain('answered: what is overdue? (1 people)');
  await stopping;
  expect(await store.ping()).toBe(false);
  await bot.connector.close();
});
