// The maturity flows without an adapter, on both stores: the form for the pillars a person may
// rate, refusals, saving, and a stale card.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { manualClock } from '../../src/domain/time/clock.js';
import type { Store } from '../../src/store/database.js';
import { cardText } from '../actions/support.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { flowRig, type FlowRig } from './support.js';

describeEachStore('maturity flows', (kind) => {
  let store: Store;
  let rig: FlowRig;
  const clock = manualClock('2026-09-30T13:15:00Z');

  beforeAll(async () => {
    store = await createTestStore(kind);
    rig = await flowRig(store, clock);
  });
  afterAll(async () => { await store.close(); });

  it('offers a lead the form for their own pillar, and refuses people who lead none', async () => {
    expect(await rig.flows.maturity.rateForm(await rig.viewer('pshah'))).toMatchObject({ outcome: 'form', text: 'Rate pillar 1 from 0 to 3.' });
    expect(await rig.flows.maturity.rateForm(await rig.viewer('lbyrne'))).toMatchObject({ outcome: 'form', text: 'Rate pillars 5a, 5b, 5c from 0 to 3.' });
    expect(await rig.flows.maturity.rateForm(await rig.viewer('gokafor'))).toMatchObject({ outcome: 'refused' });
    expect(await rig.flows.maturity.rateForm(await rig.viewer('pshah'), '99')).toMatchObject({ outcome: 'unknown-pillar', text: 'There is no pillar 99 in the matrix.' });
    expect(await rig.flows.maturity.rateForm(await rig.viewer(null))).toMatchObject({ outcome: 'unknown-person' });
  });

  it('saves a rating, then refuses the same card as stale and changes nothing', async () => {
    const viewer = await rig.viewer('pshah');
    const saved = await rig.flows.maturity.rateSave(viewer, { ratings: [{ pillar: '1', latestId: 0 }], score_1: '1', note_1: 'Forum meets monthly.' });
    expect(saved).toMatchObject({ outcome: 'saved', text: 'Saved: pillar 1 is now emerging.', log: { ratings: 1 } });
    expect(await store.db.maturityRating.findMany({ where: { pillar: '1' } })).toMatchObject([{ score: 1, note: 'Forum meets monthly.', ratedAt: clock.now() }]);
    clock.set('2026-09-30T14:00:00Z');
    const stale = await rig.flows.maturity.rateSave(viewer, { ratings: [{ pillar: '1', latestId: 0 }], score_1: '3' });
    expect(stale.outcome).toBe('stale');
    expect(cardText(stale.card)).toContain('Priya Shah rated pillar 1 at 14:15; here is the latest.');
    expect(await store.db.maturityRating.count({ where: { pillar: '1' } })).toBe(1);
    const other = await rig.flows.maturity.rateSave(await rig.viewer('gokafor'), { ratings: [{ pillar: '1', latestId: 0 }], score_1: '3' });
    expect(other.outcome).toBe('refused');
  });

  it('shows the matrix with every pillar, and a rating form on refresh only to those who may rate', async () => {
    const matrix = await rig.flows.maturity.matrix(await rig.viewer('gokafor'));
    expect(matrix.outcome).toBe('matrix');
    for (const p of ['1', '2', '5a', '7']) expect(cardText(matrix.card)).toContain(`Pillar ${p}:`);
    expect((await rig.flows.maturity.rateRefresh(await rig.viewer('pshah'), { pillars: ['1'] })).outcome).toBe('form');
    expect((await rig.flows.maturity.rateRefresh(await rig.viewer('gokafor'), { pillars: ['1'] })).outcome).toBe('matrix');
  });
});
