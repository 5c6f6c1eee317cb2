import { describe, expect, it } from 'vitest';
import { renderCard, type CardButton } from '../../src/cli/render-card.js';

describe('terminal card rendering', () => {
  it('shows text, facts, columns, inputs and numbered buttons', () => {
    const buttons: CardButton[] = [];
    const text = renderCard({
      type: 'AdaptiveCard', version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Overdue actions', weight: 'Bolder' },
        { type: 'FactSet', facts: [{ title: 'Owner', value: 'Owen Price' }] },
        { type: 'ColumnSet', columns: [{ type: 'Column', items: [{ type: 'TextBlock', text: 'COM-06' }] }, { type: 'Column', items: [{ type: 'TextBlock', text: 'off track' }] }] },
        { type: 'Input.ChoiceSet', id: 'status', label: 'Status', value: 'on_track', choices: [{ title: 'On track', value: 'on_track' }, { title: 'At risk', value: 'at_risk' }] },
        { type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Update', verb: 'action.edit', data: { actionId: 1, version: 2 } }] },
      ],
      actions: [{ type: 'Action.Submit', title: 'Show all', data: { msteams: { type: 'messageBack', text: 'overdue (all)' } } }],
    }, buttons);
    expect(text).toContain('OVERDUE ACTIONS');
    expect(text).toContain('Owner: Owen Price');
    expect(text).toContain('COM-06 | off track');
    expect(text).toContain('[input status] Status = On track (On track, At risk)');
    expect(text).toContain('[1] Update');
    expect(text).toContain('[2] Show all');
    expect(buttons[0]).toEqual({ title: 'Update', kind: 'execute', verb: 'action.edit', data: { actionId: 1, version: 2 } });
    expect(buttons[1]?.kind).toBe('submit');
  });

  it('copes with an empty or odd card', () => {
    expect(renderCard({ type: 'AdaptiveCard' })).toBe('');
    expect(renderCard({ type: 'AdaptiveCard', body: [null, 3, { type: 'Unknown' }] })).toBe('');
  });
});
