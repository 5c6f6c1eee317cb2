// The whole visible text of a page or report, as the blocks a reader takes one at a time (a
// heading, a paragraph, a list item, a table row, a term and its meaning), for measuring how
// easy it is to read (src/domain/text/readability.ts). Titles, notes, tables and all; not the
// head, the styles or the charts' drawing (their figures are in the tables and the text).
import { readingLevel, type ReadingLevel } from '../domain/text/readability.js';
import { unescapeMarkdown } from '../domain/text/escape.js';

/** Tags that end a block: the text after them is read as a new sentence. */
const BLOCK = /^<\/?(p|li|ul|ol|h[1-6]|tr|table|caption|thead|tbody|dt|dd|dl|blockquote|footer|nav|main|div|section|br|figcaption)\b/i;
const HIDDEN = new Set(['head', 'style', 'script', 'svg']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', middot: '·', ndash: '–', mdash: '—' };

const decode = (s: string): string => s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
  return ENTITIES[name.toLowerCase()] ?? all;
});

export function htmlBlocks(html: string): string[] {
  const blocks: string[] = [];
  let current = '';
  const hidden: string[] = [];
  const end = () => { const t = current.replace(/\s+/g, ' ').trim(); if (t) blocks.push(t); current = ''; };
  for (const part of html.split(/(<[^>]*>)/)) {
    if (!part.startsWith('<')) { if (hidden.length === 0) current += decode(part); continue; }
    const m = /^<(\/?)([a-zA-Z][\w-]*)/.exec(part);
    const name = m?.[2]?.toLowerCase() ?? '';
    if (HIDDEN.has(name)) {
      if (m![1] === '/') hidden.pop(); else if (!part.endsWith('/>')) hidden.push(name);
      continue;
    }
    if (BLOCK.test(part)) end();
    else if (/^<\/?(td|th)\b/i.test(part)) current += ' ';
  }
  end();
  return blocks;
}

export function markdownBlocks(markdown: string): string[] {
  return markdown.split('\n')
    .filter((l) => !/^\|(\s*:?-{3,}:?\s*\|)+\s*$/.test(l))
    .map((l) => unescapeMarkdown(l.replace(/^#+\s*|^\s*[-*]\s+/, '').replace(/(?<!\\)\*\*/g, '').replace(/(?<!\\)\|/g, ' ')).replace(/\s+/g, ' ').trim())
    .filter((l) => l.length > 0);
}

export const htmlReadingLevel = (html: string): ReadingLevel => readingLevel(htmlBlocks(html));
export const markdownReadingLevel = (markdown: string): ReadingLevel => readingLevel(markdownBlocks(markdown));
