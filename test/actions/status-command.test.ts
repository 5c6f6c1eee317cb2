// "mark INC-02 as complete", "set COM-06 to at risk", "INC-02 is done" through POST /api/messages:
// the update form with that status chosen for someone who may change the action, the read-only
// card and a kind sentence for anyone else, and nothing saved until Save is pressed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { allOfType, button, cardProblems, firstCard, inputIds, invoke } from './support.js';

const statusChosen = (card: unknown) => allOfType(card, 'Input.ChoiceSet').find((i) => i.id === 'status')?.value;

describeEachStore('changing a status in plain words', (kind) => {
  let store: Store;
  let bot: TestBot;
  const clock = manualClock('2026-11-22T10:42:00Z');

  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    bot = await startTestBot(store, { clock });
  });
  afterAll(async () => { await bot.close(); });

  it('opens the form with the status chosen, and saves it only when Save is pressed', async () => {
    const reply = await bot.say('mark INC-02 as complete', { as: 'hcarr' });
    const card = firstCard(reply.activities);
    expect(cardProblems(card)).toEqual([]);
    expect(reply.text).toMatch(/Here is INC-02 with “Complete” chosen/);
    expect(statusChosen(card)).toBe('complete');
    const before = await store.db.action.findUniqueOrThrow({ where: { ref: 'INC-02' } });
    expect(before.status).toBe('on_track');
    const saved = await invoke(bot, { verb: 'action.save', as: 'hcarr', data: { ...button(card, 'action.save').data as object, status: 'complete', note: 'All 18 clusters audited.' } });
    expect(saved.status).toBe(200);
    expect((await store.db.action.findUniqueOrThrow({ where: { ref: 'INC-02' } })).status).toBe('complete');
    expect(statusChosen(firstCard((await bot.say('set COM-06 to at risk', { as: 'oprice' })).activities))).toBe('at_risk');
  });

  it('gives someone who may not change it the read-only card and a kind sentence', async () => {
    const reply = await bot.say('COM-06 is done', { as: 'jwalker' });
    expect(reply.text).toMatch(/^Sorry, you can't change COM-06\./);
    expect(inputIds(firstCard(reply.activities))).toEqual([]);
    expect((await store.db.action.findUniqueOrThrow({ where: { ref: 'COM-06' } })).status).toBe('off_track');
  });
});
