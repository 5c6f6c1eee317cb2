// The escapers: for any string, the escaped Markdown has no unescaped link, emphasis, code, HTML
// or block syntax, and unescapes back to the original; HTML has no raw markup characters.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeReportMarkdown, escapeTeamsMarkdown, unescapeMarkdown } from '../../../src/domain/text/escape.js';
import { cardMarkdown, md } from '../../../src/cards/markup.js';

/** Strings rich in Markdown syntax, and arbitrary Unicode. */
const markdownish = fc.oneof(
  fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '*', '_', '`', '~', '<', '>', '&', '#', '-', '+', '1', '.', '|', '\\', '\n', ' ', 'a', 'h', ':', '/', '!') , maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constant('[verify your account](https://evil.example/phish) **BOLD**'),
);

/** Syntax characters with an even number (0, 2, …) of backslashes before them: live, not escaped. */
const LIVE_INLINE = /(?<!\\)(?:\\\\)*[[\]*_`<>&~]/;
const LIVE_BLOCK = /^[ \t]*(?:[-+>=#]|\d{1,9}[.)])/m;

describe('Markdown escaping', () => {
  for (const [name, escape] of [['Teams', escapeTeamsMarkdown], ['report', escapeReportMarkdown]] as const) {
    it(`${name}: no live syntax is left, and it unescapes to the original`, () => {
      fc.assert(fc.property(markdownish, (s) => {
        const e = escape(s);
        expect(e).not.toMatch(LIVE_INLINE);
        expect(e).not.toMatch(LIVE_BLOCK);
        if (name === 'report') expect(e).not.toMatch(/(?<!\\)(?:\\\\)*\|/);
        expect(unescapeMarkdown(e)).toBe(s);
      }), { numRuns: 2000 });
    });
  }

  it('the phishing note shows as typed: no link, no bold', () => {
    const e = escapeTeamsMarkdown('[verify your account](https://evil.example/phish) **BOLD**');
    expect(e).toBe('\\[verify your account\\](https://evil.example/phish) \\*\\*BOLD\\*\\*');
  });

  it('md`` keeps the bot\'s bold and escapes what it interpolates; a plain string is always text', () => {
    expect(cardMarkdown(md`**${'COM-06'}** ${'**x** [a](b)'}`)).toBe('**COM-06** \\*\\*x\\*\\* \\[a\\](b)');
    expect(cardMarkdown('**not bold**')).toBe('\\*\\*not bold\\*\\*');
    expect(cardMarkdown('- a list?\n1. no')).toBe('\\- a list?\n1\\. no');
  });
});

describe('HTML escaping', () => {
  it('leaves no tag, entity or attribute break', () => {
    fc.assert(fc.property(markdownish, (s) => {
      const e = escapeHtml(s);
      expect(e).not.toMatch(/[<>"]|&(?!amp;|lt;|gt;|quot;)/);
      expect(e.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).toBe(s);
    }), { numRuns: 1000 });
  });
});
