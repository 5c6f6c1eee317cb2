// New figures for an action's outcome measures from its update card, end to end through
// POST /api/messages with the real adapter, on the embedded database and PostgreSQL.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { button, cardProblems, cardText, firstCard, inputIds, invoke } from './support.js';

describeEachStore('recording a measure from the update card', (kind) => {
  let store: Store;
  let bot: TestBot;
  const clock = manualClock('2026-11-22T10:42:00Z');

  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    bot = await startTestBot(store, { clock });
  }, 180_000);
  afterAll(async () => { await bot.close(); });

  const measureOf = (ref: string) => store.db.measure.findUniqueOrThrow({ where: { ref }, include: { readings: { orderBy: { id: 'asc' } } } });
  const actionOf = (ref: string) => store.db.action.findUniqueOrThrow({ where: { ref } });
  const formFor = async (ref: string, as: string) => firstCard((await bot.say(`update ${ref}`, { as })).activities);
  const saveData = async (ref: string, extra: Record<string, unknown>) => {
    const a = await actionOf(ref);
    return { actionId: a.id, version: a.version, status: a.status, dueDate: a.dueDate.toISOString().slice(0, 10), note: '', reason: '', ...extra };
  };

  it('offers a box for each of the action\'s measures, with its unit and latest figure, and none on other actions', async () => {
    const m = await measureOf('EHC-20WK');
    const card = await formFor('EHC-01', 'nhussain');
    expect(cardProblems(card)).toEqual([]);
    expect(inputIds(card)).toContain(`reading_${m.id}`);
    expect(JSON.stringify(card)).toMatch(/EHC plans issued within 20 weeks \(per cent\)/);
    expect(JSON.stringify(card)).toMatch(/Latest: 52% on 30 September 2026/);
    expect(inputIds(await formFor('COM-06', 'oprice')).some((id) => id.startsWith('reading_'))).toBe(false);
  });

  it('records the figure with the update, for today, and says so', async () => {
    const m = await measureOf('EHC-20WK');
    const before = m.readings.length;
    const res = await invoke(bot, { as: 'nhussain', verb: 'action.save', data: await saveData('EHC-01', { note: 'Backlog down by a third.', [`reading_${m.id}`]: '55' }) });
    expect(res.status).toBe(200);
    expect(cardText(res.card)).toMatch(/Recorded 55% for EHC plans issued within 20 weeks/);
    const after = await measureOf('EHC-20WK');
    expect(after.readings).toHaveLength(before + 1);
    expect(after.readings.at(-1)).toMatchObject({ value: 55, via: 'card', date: new Date('2026-11-22T00:00:00Z') });
    expect((await actionOf('EHC-01')).lastUpdate).toBe('Backlog down by a third.');
  });

  it('a figure with no other change is recorded, and the action keeps its version', async () => {
    const m = await measureOf('EHC-20WK');
    const a = await actionOf('EHC-01');
    const res = await invoke(bot, { as: 'nhussain', verb: 'action.save', data: await saveData('EHC-01', { [`reading_${m.id}`]: 56 }) });
    expect(cardText(res.card)).toMatch(/Recorded 56%/);
    expect((await actionOf('EHC-01')).version).toBe(a.version);
  });

  it('refuses bad figures in the form and changes nothing: out of range, not a number, an object, an array', async () => {
    const m = await measureOf('EHC-20WK');
    const id = `reading_${m.id}`;
    for (const bad of ['150', 'lots', { toString: 'x' }, ['55'], '-3']) {
      const before = await measureOf('EHC-20WK');
      const a = await actionOf('EHC-01');
      const res = await invoke(bot, { as: 'nhussain', verb: 'action.save', data: await saveData('EHC-01', { note: 'Should not be saved.', [id]: bad }) });
      expect(res.status, JSON.stringify(bad)).toBe(200);
      expect(cardText(res.card), JSON.stringify(bad)).toMatch(/Please check the form below/);
      expect(button(res.card, 'action.save')).toBeDefined();
      expect((await measureOf('EHC-20WK')).readings).toHaveLength(before.readings.length);
      expect((await actionOf('EHC-01')).version).toBe(a.version);
    }
  });

  it('does not read a figure for a measure the action does not have', async () => {
    const other = await measureOf('WHEELCHAIR-WAIT');
    const before = other.readings.length;
    const res = await invoke(bot, { as: 'nhussain', verb: 'action.save', data: await saveData('EHC-01', { note: 'Checked.', [`reading_${other.id}`]: '10' }) });
    expect(cardText(res.card)).not.toMatch(/Recorded/);
    expect((await measureOf('WHEELCHAIR-WAIT')).readings).toHaveLength(before);
  });

  it('someone who may not change the action records nothing', async () => {
    const m = await measureOf('EHC-20WK');
    const before = m.readings.length;
    const res = await invoke(bot, { as: 'oprice', verb: 'action.save', data: await saveData('EHC-01', { [`reading_${m.id}`]: '60' }) });
    expect(cardText(res.card)).toMatch(/can change EHC-01|can't change/i);
    expect((await measureOf('EHC-20WK')).readings).toHaveLength(before);
  });
});
