// Typing slips are read as the bot's words or the plan's names, and said back; real words are kept.
import { describe, expect, it } from 'vitest';
import { correctSlips } from '../../src/ask/spelling.js';
import { idx } from './support/question.js';

const noTitles = async () => false;

describe('typing slips', () => {
  it('reads a slip as the word meant, and says which', async () => {
    expect(await correctSlips('whats overdeu in ws5', idx, noTitles)).toEqual({ text: 'whats overdue in ws5', corrections: [{ typed: 'overdeu', read: 'overdue' }] });
    expect((await correctSlips('when is the next meting', idx, noTitles)).text).toBe('when is the next meeting');
    expect((await correctSlips('summery of ws3', idx, noTitles)).corrections).toEqual([{ typed: 'summery', read: 'summary' }]);
  });

  it('reads the few short slips of its commonest words, and no other short word', async () => {
    expect(await correctSlips('whats dew this week', idx, noTitles)).toEqual({ text: 'whats due this week', corrections: [{ typed: 'dew', read: 'due' }] });
    expect((await correctSlips('anything DEU next mnth', idx, noTitles)).corrections).toEqual([{ typed: 'deu', read: 'due' }, { typed: 'mnth', read: 'month' }]);
    for (const text of ['who owns the dew pond survey', 'what is lat', 'due in the new year']) {
      expect((await correctSlips(text, idx, async (w) => w === 'dew')).corrections, text).toEqual([]);
    }
  });

  it('keeps words it knows, short words, and words of action titles', async () => {
    for (const text of ['what is overdue', 'who owns com 6', 'whats due nxt wk', 'owners of the actions', 'which requests are unassigned']) {
      expect(await correctSlips(text, idx, noTitles), text).toEqual({ text, corrections: [] });
    }
    const inTitles = async (w: string) => w === 'overdeu';
    expect((await correctSlips('whats overdeu', idx, inTitles)).corrections).toEqual([]);
  });
});

it('leaves names alone: a capitalised word inside a sentence, or a short one', async () => {
  expect((await correctSlips('next Leeds cluster meeting', idx, noTitles)).corrections).toEqual([]);
  expect((await correctSlips('next leeds cluster meeting', idx, noTitles)).corrections).toEqual([]);
});
