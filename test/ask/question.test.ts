// The Question is read once: its forms, words, status words, period, aspects, references and mentions.
import { describe, expect, it } from 'vitest';
import { says } from '../../src/ask/question.js';
import { people } from './support/directory.js';
import { question } from './support/question.js';

describe('reading a question once', () => {
  it('keeps the cleaned text, a lower-case form whose positions match the tokens, and a compact one', () => {
    const q = question('<at>Partnership Bot</at> What’s **overdue** in WS5?  (all)');
    expect(q.cleaned).toBe("What's overdue in WS5? (all)");
    expect(q.compact).toBe('what is overdue in ws5?');
    expect(q.restated).toBe('What is overdue in ws5?');
    expect(q.paging).toMatchObject({ offset: 10, limit: 25, all: true });
    for (const t of q.tokens) expect(q.lower.slice(t.start, t.end).replace(/'s?$/, '')).toContain(t.word);
    expect(says(q, 'overdue')).toBe(true);
    expect(says(q, 'late')).toBe(false);
  });

  it('reads status words, the period and the aspects once', () => {
    const q = question('is COM-06 at risk or late next week?');
    expect(q.status.statuses).toEqual(['at_risk']);
    expect(q.status.overdue).toBe(true);
    expect(q.period?.from).toBe('2026-11-23');
    // "Late" is the more specific aspect; "status" only stays when the word is said.
    expect(q.aspects).toEqual(['late']);
    expect(question('what is the status of COM-06, is it late?').aspects).toEqual(['late', 'status']);
    expect(q.refs.actions.map((r) => r.ref)).toEqual(['COM-06']);
  });

  it('knows the asker and whether the question speaks of them', () => {
    expect(question('what are my actions', people.gokafor)).toMatchObject({ self: true, asker: { key: 'gokafor' } });
    expect(question('show me what is overdue', null)).toMatchObject({ self: false, asker: null });
  });

  it('carries the conversation context when there is one', () => {
    expect(question('and WS3?').context).toBeUndefined();
    expect(question('and WS3?', null, undefined, { previous: { kind: 'planSummary' } }).context?.previous).toEqual({ kind: 'planSummary' });
  });

  it('finds people, workstreams, areas, sources and title words, claiming each word once', () => {
    const m = question("what is overdue for Grace in the data workstream about the census?").mentions;
    expect(m.owner?.name).toBe('Grace Okafor');
    expect(m.listWorkstreams.map((w) => w.items.map((x) => x.code))).toEqual([['WS3']]);
    expect(m.listWords).toEqual(['census']);
    expect(question('EHC plans actions in the SEND reform plan').mentions).toMatchObject({ area: 'ehc_plans', source: { source: 'SEND reform plan 2026' } });
    // A status word is never a title word, nor a workstream's.
    expect(question('what is late in inclusion').mentions.detailWords).toEqual(['inclusion']);
  });

  it('never throws, and a long message costs little', () => {
    for (const raw of ['', '   ', '🙂', 'x'.repeat(100_000), '?'.repeat(100_000), ' '.repeat(100_000), 'who has '.repeat(12_500)]) {
      const q = question(raw);
      expect(q.compact.length).toBeLessThanOrEqual(300);
      expect(q.mentions.detailWords.length).toBeLessThanOrEqual(300);
    }
  });

  it('"first ten", "top 5" choose the first page; "the first two weeks" is a window, not a page', () => {
    expect(question('whats overdue, just the first three').paging).toMatchObject({ offset: 0, limit: 3, chosen: true });
    expect(question('top 5 open actions').paging).toMatchObject({ limit: 5, chosen: true });
    expect(question('show me the first ten').paging).toMatchObject({ limit: 10, chosen: true });
    expect(question('what is due in the first two weeks of december').paging.chosen).toBeUndefined();
    expect(question('what is the first one due').paging.chosen).toBeUndefined();
  });
});
