// The card builders on their own: valid Adaptive Cards 1.5 (checked with the adaptivecards parser),
// Action.Submit fallbacks, data that holds ids and versions only, refresh rules, and size.
import { describe, expect, it } from 'vitest';
import {
  CARD_BYTE_BUDGET, actionEditCard, actionHistoryCard, actionSummaryCard, maturityFormCard, maturityMatrixCard, myActionsCard, problemCard,
  type ActionCardModel, type ManyItemState, type PillarModel,
} from '../../src/cards/action-update/index.js';
import { allOfType, cardBytes, cardProblems, cardText } from './support.js';

const TEAMS_LIMIT = 28 * 1024;

function model(id: number, over: Partial<ActionCardModel['action']> = {}): ActionCardModel {
  return {
    action: {
      id, ref: `COM-${String(id).padStart(2, '0')}`, title: 'Hold Local Offer Live events in North and South Kirklees', status: 'off_track',
      dueDate: '2026-11-14', lastUpdate: 'Venue for the North event fell through.', lastUpdateAt: new Date('2026-11-20T10:00:00Z'), version: 3, ...over,
    },
    workstream: { code: 'WS1', name: 'Co-production, Voice and Partnership Engagement' },
    owner: { name: 'Owen Price' },
    lead: { name: 'Priya Shah' },
    lastChange: { actorName: 'Owen Price', at: new Date('2026-11-20T10:00:00Z'), via: 'card' },
  };
}

const today = '2026-11-22';
const refresh = { enabled: true };

/** Every Action.Execute's data (and the refresh's) holds only ids, versions and the lists of them. */
function dataKeys(card: Record<string, unknown>): string[] {
  const keys = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { keys.add(k); walk(x); }
  };
  for (const a of allOfType(card, 'Action.Execute')) walk(a.data);
  return [...keys].sort();
}

describe('action update cards', () => {
  const pillar = (p: string, scores: number[]): PillarModel => ({
    pillar: p, workstream: { code: 'WS1', name: 'Co-production' }, lead: { name: 'Priya Shah' },
    latest: scores[0] === undefined ? null : { rating: { id: 2, pillar: p, score: scores[0], note: 'Evidence', ratedById: 2, ratedAt: new Date('2026-11-20T10:00:00Z') }, raterName: 'Priya Shah' },
    previous: scores[1] === undefined ? null : { rating: { id: 1, pillar: p, score: scores[1], note: null, ratedById: 2, ratedAt: new Date('2026-08-20T10:00:00Z') }, raterName: 'Priya Shah' },
  });
  const cards: [string, Record<string, unknown>][] = [
    ['edit form', actionEditCard(model(6), { today, right: 'owner', refresh })],
    ['edit form with errors', actionEditCard(model(6), { today, right: 'owner', refresh, banner: { text: 'Owen Price changed this at 10:42; here is the latest.', tone: 'warning' }, errors: { status: 'x', note: 'y', dueDate: 'z', reason: 'r' }, values: { note: 'typed' } })],
    ['summary', actionSummaryCard(model(6), { today, canChange: false, whoMayChange: 'Only …', refresh })],
    ['summary, changeable', actionSummaryCard(model(6, { status: 'complete' }), { today, canChange: true, whoMayChange: 'Only …', refresh: { enabled: false } })],
    ['many', myActionsCard([model(1), model(2)], { today, title: 'Your open actions', total: 5, refresh, states: new Map([[1, { editable: true }], [2, { editable: false, whoMayChange: 'Only …' }]]) })],
    ['history', actionHistoryCard(model(6), [
      { at: new Date('2026-11-22T10:42:00Z'), actorName: 'Owen Price', via: 'card', statusFrom: 'at_risk', statusTo: 'off_track', dueFrom: '2026-11-14', dueTo: '2027-01-30', note: 'Venue lost', version: 4 },
      { at: new Date('2026-11-01T09:00:00Z'), actorName: null, via: 'import', statusFrom: null, statusTo: 'at_risk', dueFrom: null, dueTo: '2026-11-14', note: null, version: 1 },
    ], { total: 30, canChange: true })],
    ['problem', problemCard('Sorry, something went wrong.', { title: 'Try again', verb: 'action.refresh', data: { actionId: 6 } })],
    ['rating form', maturityFormCard([pillar('5a', [2, 1]), pillar('5b', [])], { refresh, errors: { '5a': { score: 'x' } } })],
    ['matrix', maturityMatrixCard([pillar('1', [2, 1]), pillar('2', [1, 2]), pillar('3', [3, 3]), pillar('4', [0]), pillar('5a', [])], { refresh, canRate: true })],
  ];

  for (const [name, card] of cards) {
    it(`${name}: the adaptivecards parser accepts it; every Action.Execute falls back to Action.Submit`, () => {
      expect(cardProblems(card)).toEqual([]);
      expect(cardBytes(card)).toBeLessThan(CARD_BYTE_BUDGET);
      expect(dataKeys(card).filter((k) => !['actionId', 'version', 'items', 'actionIds', 'ratings', 'pillar', 'latestId', 'pillars'].includes(k) && !/^\d+$/.test(k))).toEqual([]);
    });
  }

  it('puts the refresh on the cards that change per viewer, with userIds only when given (at most 60)', () => {
    const card = actionEditCard(model(6), { today, right: 'lead', refresh });
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Refresh', verb: 'action.refresh', data: { actionId: 6 } } });
    const many = Array.from({ length: 90 }, (_, i) => `29:user-${i}`);
    const big = actionSummaryCard(model(6), { today, canChange: false, whoMayChange: '', refresh: { enabled: true, userIds: many } });
    expect((big.refresh as { userIds: string[] }).userIds).toHaveLength(60);
    expect(cardProblems(big)).toEqual([]);
  });

  it('shows statuses in words and dates in British form', () => {
    const words = cardText(actionEditCard(model(6), { today, right: 'owner', refresh }));
    expect(words).toContain('Off track');
    expect(words).toContain('14 November 2026 (8 days late)');
    expect(words).toContain('Owen Price');
    expect(words).not.toContain('Status: off_track');
  });

  it('keeps the biggest "update my actions" card under 28 KB, even with the longest text everywhere', () => {
    const huge = '😀'.repeat(2_000); // 8 KB of UTF-8 per field
    const models = Array.from({ length: 8 }, (_, i) => model(i + 1, { title: huge, lastUpdate: huge }));
    const states = new Map<number, ManyItemState>(models.map((m) => [m.action.id, {
      editable: true, errors: { status: 'Please choose a status.', note: 'Please keep what changed to 2,000 characters or fewer (this has 2,000).', dueDate: 'x', reason: 'y' },
      values: { status: 'on_track', note: huge, dueDate: '2026-11-14', reason: '😀'.repeat(500) }, banner: { text: 'Owen Price changed this at 10:42; here is the latest.', tone: 'warning' },
    }]));
    const card = myActionsCard(models, { today, title: 'Your open actions', total: 40, refresh: { enabled: true, userIds: Array.from({ length: 60 }, (_, i) => `29:${'x'.repeat(80)}${i}`) }, states });
    const bytes = cardBytes(card);
    expect(bytes).toBeLessThan(TEAMS_LIMIT);
    expect(bytes).toBeLessThanOrEqual(CARD_BYTE_BUDGET);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/too long to show again/);
    // A realistic full card keeps what people typed.
    const normal = myActionsCard(Array.from({ length: 8 }, (_, i) => model(i + 1)), {
      today, title: 'Your open actions', total: 8, refresh,
      states: new Map(Array.from({ length: 8 }, (_, i) => [i + 1, { editable: true, values: { note: 'n'.repeat(1_000) } }])),
    });
    expect(cardBytes(normal)).toBeLessThan(CARD_BYTE_BUDGET);
    expect(cardText(normal)).not.toMatch(/too long to show again/);
  });
});
