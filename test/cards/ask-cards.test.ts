import { describe, expect, it } from 'vitest';
import { actionDetailCard, actionListCard, type ActionView } from '../../src/cards/actions.js';
import { choiceCard, factsCard, helpCard, meetingsCard, summaryCard } from '../../src/cards/answers.js';
import { askButton, updateButton } from '../../src/cards/common.js';
import { cardProblems } from './support-validate.js';

function view(n: number, extra: Partial<ActionView> = {}): ActionView {
  return {
    id: n, version: 3, ref: `COM-${String(n).padStart(2, '0')}`,
    title: 'Hold Local Offer Live events in North and South Kirklees with a rather long title that wraps onto a second line',
    owner: 'Owen Price', due: '14 November 2026', dueLong: 'Saturday 14 November 2026', status: 'off track',
    statusColour: 'Attention', daysLate: 8, timing: '8 days late', workstream: 'WS1 Co-production, Voice and Partnership Engagement',
    area: 'Communication', lastUpdate: 'Venue for the North event fell through.', lastUpdateOn: '20 November 2026', canUpdate: true,
    ...extra,
  };
}

const texts = (card: unknown): string[] => {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) { n.forEach(walk); return; }
    if (!n || typeof n !== 'object') return;
    for (const [k, v] of Object.entries(n)) { if (typeof v === 'string' && ['text', 'title', 'value'].includes(k)) out.push(v); else walk(v); }
  };
  walk(card);
  return out;
};

describe('action cards', () => {
  it('a list card is valid Adaptive Card 1.5 with rows, status words, days late and Update buttons', () => {
    const card = actionListCard({
      title: 'Overdue actions', subtitle: '23 actions, most urgent first', rows: Array.from({ length: 10 }, (_, i) => view(i + 1)),
      offset: 0, total: 23, more: { title: 'Show all 23', question: 'What is overdue? (all)' },
    });
    expect(cardProblems(card)).toEqual([]);
    const all = texts(card).join('\n');
    expect(all).toContain('**COM-01**');
    expect(all).toContain('off track');
    expect(all).toContain('8 days late');
    expect(all).toContain('Owen Price · due 14 November 2026');
    expect(all).toContain('Showing 1 to 10 of 23.');
    const json = JSON.stringify(card);
    expect(json.match(/"verb":"action\.edit"/g)).toHaveLength(10);
    expect(card.actions).toEqual([{ type: 'Action.Submit', title: 'Show all 23', data: { msteams: { type: 'messageBack', text: 'What is overdue? (all)', displayText: 'Show more' } } }]);
  });

  it('a list of three or fewer shows each latest update as text; a longer one leaves it to the action card', () => {
    const short = actionListCard({ title: 'Wheelchair actions', subtitle: '2 actions', rows: [view(1, { lastUpdate: 'Longest wait **31** weeks' }), view(2, { lastUpdate: null })], offset: 0, total: 2 });
    expect(cardProblems(short)).toEqual([]);
    const all = texts(short).join('\n');
    expect(all).toContain('Latest update (20 November 2026): Longest wait \\*\\*31\\*\\* weeks');
    expect(all.match(/Latest update/g)).toHaveLength(1);
    const long = actionListCard({ title: 'Open', subtitle: '4 actions', rows: [1, 2, 3, 4].map((n) => view(n)), offset: 0, total: 4 });
    expect(texts(long).join('\n')).not.toContain('Latest update');
  });

  it('the longest page stays well under the 28 KB Teams limit', () => {
    const long = 'x'.repeat(300);
    const card = actionListCard({ title: 'Open actions', subtitle: '30', rows: Array.from({ length: 25 }, (_, i) => view(i + 1, { title: long, owner: long })), offset: 10, total: 500, more: { title: 'Show more', question: 'q (from 41)' } });
    expect(cardProblems(card)).toEqual([]);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(24 * 1024);
  });

  it('a detail card has the facts and the Update button', () => {
    const card = actionDetailCard(view(6));
    expect(cardProblems(card)).toEqual([]);
    const all = texts(card).join('\n');
    for (const fact of ['Owen Price', 'Saturday 14 November 2026', 'off track', '8 days late', 'Communication', 'Venue for the North event fell through.']) expect(all).toContain(fact);
    expect(card.actions).toEqual([updateButton(6, 3)]);
    expect(cardProblems(actionDetailCard(view(7, { area: null, lastUpdate: null, daysLate: 0, canUpdate: false })))).toEqual([]);
  });
});

describe('other answer cards', () => {
  it('choice, help, summary, meetings and facts cards are valid', () => {
    expect(cardProblems(choiceCard('Which Sam?', [{ title: 'Sam Whitaker', question: 'What is Sam Whitaker working on?' }, { title: 'Sam Jones', question: 'What is Sam Jones working on?' }]))).toEqual([]);
    expect(cardProblems(helpCard('Questions you can ask', ['What is overdue?', 'Who owns COM-06?']))).toEqual([]);
    expect(cardProblems(summaryCard({
      title: 'WS3', facts: [['Lead', 'Sam Whitaker']], counts: [{ label: 'overdue', count: 1, colour: 'Attention' }, { label: 'on track', count: 2, colour: 'Good' }],
      lines: [{ text: '**DAT-02** … · 23 days late', colour: 'Attention' }], linesTitle: 'Needs attention', more: { title: 'Open actions in WS3', question: 'What is open in WS3?' },
    }))).toEqual([]);
    expect(cardProblems(summaryCard({ title: 'Empty', facts: [], counts: [], lines: [], linesTitle: '' }))).toEqual([]);
    expect(cardProblems(meetingsCard('Next Batley cluster meeting', [{ cluster: 'Batley cluster (BS1)', date: 'Wednesday 25 November 2026', time: '13:30 to 15:00', location: 'Oakfield Primary School', agenda: ['Experts at Hand', 'Inclusion Counts'] }]))).toEqual([]);
    expect(cardProblems(factsCard('Oakfield Primary School', [['Cluster', 'Batley'], ['SENCO', '']], ['A note'], [{ title: 'Ask', question: 'Q?' }]))).toEqual([]);
  });

  it('buttons send questions back as messageBack', () => {
    expect(askButton('Sam Jones', 'What is Sam Jones working on?')).toEqual({
      type: 'Action.Submit', title: 'Sam Jones', data: { msteams: { type: 'messageBack', text: 'What is Sam Jones working on?', displayText: 'What is Sam Jones working on?' } },
    });
  });

  it('the validator does catch broken cards', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'NoSuchThing' }] }).length).toBeGreaterThan(0);
  });
});

describe('button limits', () => {
  it('many choices or examples stay within five buttons per set', () => {
    const many = Array.from({ length: 7 }, (_, i) => ({ title: `Option ${i + 1}`, question: `Question ${i + 1}?` }));
    expect(cardProblems(choiceCard('Which one?', many))).toEqual([]);
    expect(cardProblems(helpCard('Questions', many.map((m) => m.question)))).toEqual([]);
    expect(cardProblems(factsCard('Facts', [['a', 'b']], [], many))).toEqual([]);
  });
});
