import { describe, expect, it } from 'vitest';
import { cleanText, lowerQuestion, MAX_QUESTION_CHARS, parseCount, tokenize } from '../../src/ask/normalise.js';

describe('cleanText', () => {
  it('removes the bot mention Teams adds in group chats and channels', () => {
    expect(cleanText('<at>Partnership Bot</at> who owns PFA-01?')).toBe('who owns PFA-01?');
    expect(cleanText('&lt;at&gt;Partnership Bot&lt;/at&gt; hello')).toBe('hello');
    expect(cleanText('<at id="0">Bot</at> <at id="1">Sam</at>what is overdue')).toBe('what is overdue');
  });

  it('strips HTML, decodes entities and keeps the words', () => {
    expect(cleanText('<p><b>What&#39;s</b> overdue?</p>')).toBe("What's overdue?");
    expect(cleanText('Tom &amp; Jerry&nbsp;&nbsp;actions')).toBe('Tom & Jerry actions');
    expect(cleanText('<script>alert(1)</script>status of COM-06')).toBe('alert(1) status of COM-06');
  });

  it('strips markdown and emoji', () => {
    expect(cleanText('**What** is _overdue_? 🙂')).toBe('What is overdue ?');
    expect(cleanText('`COM-06` ~~late~~')).toBe('COM-06 late');
    expect(cleanText('[the newsletter](https://example.org) owner')).toBe('the newsletter owner');
    expect(cleanText('🙂🙂🙂')).toBe('');
    expect(cleanText('👍 thanks 🎉')).toBe('thanks');
  });

  it('straightens curly quotes and dashes', () => {
    expect(cleanText('What\u2019s COM\u201306?')).toBe("What's COM-06?");
  });

  it('caps very long input quickly', () => {
    const long = 'overdue '.repeat(2_500);
    const started = performance.now();
    const out = cleanText(long);
    expect(performance.now() - started).toBeLessThan(50);
    expect(out.length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    expect(cleanText('x'.repeat(20_000)).length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
  });

  it('never throws on odd input', () => {
    expect(cleanText(undefined)).toBe('');
    expect(cleanText(42)).toBe('');
    expect(cleanText('')).toBe('');
    expect(cleanText("'; DROP TABLE actions; --")).toBe("'; DROP TABLE actions; --");
    expect(cleanText('\u0000\u0007 hello \uFFFF')).toBe('hello');
  });
});

describe('lowerQuestion', () => {
  it('spells out contractions and keeps possessives', () => {
    expect(lowerQuestion("What's overdue? Who's doing it? I'm late, it isn't done")).toBe('what is overdue? who is doing it? i am late, it is not done');
    expect(lowerQuestion("Grace's actions haven't started")).toBe("grace's actions have not started");
    expect(lowerQuestion('whats due')).toBe('what is due');
  });

  it('removes accents', () => {
    expect(lowerQuestion(cleanText('Zoë’s café'))).toBe("zoe's cafe");
  });
});

describe('tokenize', () => {
  it('marks possessives and splits hyphens', () => {
    const t = tokenize("grace's at-risk actions");
    expect(t.map((x) => x.word)).toEqual(['grace', 'at', 'risk', 'actions']);
    expect(t[0]?.possessive).toBe(true);
    expect(t[1]?.possessive).toBe(false);
  });

  it('keeps positions in the question', () => {
    const q = 'who owns com 6';
    for (const t of tokenize(q)) expect(q.slice(t.start, t.end)).toContain(t.word);
  });
});

describe('parseCount', () => {
  it('reads digits and number words', () => {
    expect(parseCount('5')).toBe(5);
    expect(parseCount('two')).toBe(2);
    expect(parseCount('a')).toBe(1);
    expect(parseCount('lots')).toBeNull();
  });
});
