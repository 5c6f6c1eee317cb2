// Rating the maturity matrix by card, end to end, on both stores.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { DEMO_NOW, startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { button, cardProblems, cardText, firstCard, inputIds, invoke } from './support.js';

describeEachStore('rating the maturity matrix', (kind) => {
  let store: Store;
  let bot: TestBot;
  const clock = manualClock('2026-09-30T13:15:00Z');

  beforeAll(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date(DEMO_NOW));
    bot = await startTestBot(store, { clock });
  });
  afterAll(async () => { await bot.close(); });

  it('"rate my pillar" gives a workstream lead the form for their pillar', async () => {
    const reply = await bot.say('rate my pillar', { as: 'pshah' });
    const card = firstCard(reply.activities);
    expect(cardProblems(card)).toEqual([]);
    expect(inputIds(card)).toEqual(['score_1', 'note_1']);
    expect(button(card, 'maturity.save').data).toEqual({ ratings: [{ pillar: '1', latestId: 0 }] });
    expect(cardText(card)).toMatch(/Pillar 1: Co-production, Voice and Partnership Engagement/);
    expect(cardText(card)).toMatch(/Not rated yet/);
  });

  it('pillar 5 is rated as 5a, 5b and 5c by its lead', async () => {
    const card = firstCard((await bot.say('rate my pillar', { as: 'lbyrne' })).activities);
    expect(inputIds(card).sort()).toEqual(['note_5a', 'note_5b', 'note_5c', 'score_5a', 'score_5b', 'score_5c']);
  });

  it('saves a rating, then shows the matrix with the trend from the rating before', async () => {
    const first = await invoke(bot, { as: 'pshah', verb: 'maturity.save', data: { ratings: [{ pillar: '1', latestId: 0 }], score_1: '1', note_1: 'Forum meets monthly.' } });
    expect(cardProblems(first.card)).toEqual([]);
    expect(cardText(first.card)).toMatch(/Saved: pillar 1 is now emerging\./);
    expect(cardText(first.card)).toMatch(/first rating/);
    const latest = await store.db.maturityRating.findFirstOrThrow({ where: { pillar: '1' }, orderBy: { id: 'desc' } });
    expect(latest).toMatchObject({ score: 1, note: 'Forum meets monthly.' });

    clock.set('2026-11-20T10:00:00Z');
    const second = await invoke(bot, { as: 'pshah', verb: 'maturity.save', data: { ratings: [{ pillar: '1', latestId: latest.id }], score_1: '2', note_1: '' } });
    const words = cardText(second.card);
    expect(words).toMatch(/Saved: pillar 1 is now developing\./);
    expect(words).toMatch(/Developing \(2\)/);
    expect(words).toMatch(/↑ up from emerging/);
    expect(words).toMatch(/Rated by Priya Shah on 20 November 2026/);
    expect(await store.db.maturityRating.count({ where: { pillar: '1' } })).toBe(2); // append-only

    const matrix = await bot.say('maturity ratings', { as: 'gokafor' });
    const card = firstCard(matrix.activities);
    expect(cardProblems(card)).toEqual([]);
    const all = cardText(card);
    for (const p of ['1', '2', '3', '4', '5a', '5b', '5c', '6', '7']) expect(all).toContain(`Pillar ${p}:`);
    expect(all).toMatch(/↑ up from emerging/);
    expect(all).toMatch(/Not rated yet/);
    expect(card.actions).toBeUndefined(); // Grace Okafor leads no workstream: no "Rate my pillar"
  });

  it('a stale rating card changes nothing and says who rated it and when', async () => {
    const count = await store.db.maturityRating.count();
    const res = await invoke(bot, { as: 'pshah', verb: 'maturity.save', data: { ratings: [{ pillar: '1', latestId: 1 }], score_1: '0' } });
    expect(cardText(res.card)).toContain('Priya Shah rated pillar 1 at 10:00; here is the latest.');
    expect(await store.db.maturityRating.count()).toBe(count);
  });

  it('refuses people who do not lead the pillar, and bad inputs, changing nothing', async () => {
    const count = await store.db.maturityRating.count();
    const other = await invoke(bot, { as: 'gokafor', verb: 'maturity.save', data: { ratings: [{ pillar: '3', latestId: 0 }], score_3: '3' } });
    expect(cardText(other.card)).toMatch(/Only workstream leads and admins can rate the maturity matrix/);
    const wrongPillar = await invoke(bot, { as: 'pshah', verb: 'maturity.save', data: { ratings: [{ pillar: '3', latestId: 0 }], score_3: '3' } });
    expect(cardText(wrongPillar.card)).toMatch(/Only workstream leads and admins/);
    const unknown = await invoke(bot, { as: null, verb: 'maturity.save', data: { ratings: [{ pillar: '1', latestId: 2 }], score_1: '3' } });
    expect(cardText(unknown.card)).toMatch(/I don't know you in the plan yet/);
    const latest = await store.db.maturityRating.findFirstOrThrow({ where: { pillar: '1' }, orderBy: { id: 'desc' } });
    const bad = await invoke(bot, { as: 'pshah', verb: 'maturity.save', data: { ratings: [{ pillar: '1', latestId: latest.id }], score_1: '4', note_1: 'y'.repeat(2001) } });
    expect(cardText(bad.card)).toMatch(/Please choose a rating/);
    expect(cardText(bad.card)).toMatch(/2,000 characters or fewer/);
    expect(await store.db.maturityRating.count()).toBe(count);
    // An admin may rate any pillar.
    const admin = await invoke(bot, { as: 'amorgan', verb: 'maturity.save', data: { ratings: [{ pillar: '3', latestId: 0 }], score_3: '0' } });
    expect(cardText(admin.card)).toMatch(/Saved: pillar 3 is now not yet emerging\./);
  });

  it('refreshes each viewer to their own view without touching the message', async () => {
    const lead = await invoke(bot, { as: 'pshah', chat: 'groupChat', verb: 'maturity.refresh', data: { pillars: ['1'] }, trigger: 'automatic' });
    expect(inputIds(lead.card)).toEqual(['score_1', 'note_1']);
    const other = await invoke(bot, { as: 'gokafor', chat: 'groupChat', verb: 'maturity.refresh', data: { pillars: ['1'] }, trigger: 'automatic' });
    expect(inputIds(other.card)).toEqual([]);
    expect(cardText(other.card)).toMatch(/Maturity matrix/);
    expect([...lead.outbound, ...other.outbound]).toEqual([]);
  });
});
