// Turns whatever arrives in a chat message into a short, predictable question string:
// mentions, HTML, markdown, emoji and stray symbols go; contractions are spelled out; the
// length is capped before any pattern work, so 20 000 characters cost nothing.

/** Raw input is cut to this many characters before anything else looks at it. */
export const MAX_RAW_CHARS = 2_000;
/** The cleaned question keeps at most this many characters. */
export const MAX_QUESTION_CHARS = 300;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '-', mdash: '-', hellip: '...',
  lsquo: "'", rsquo: "'", ldquo: '"', rdquo: '"',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : ' ';
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

/**
 * The question as a person would read it: no mention, markup or emoji; single spaces; case kept.
 * Never throws, whatever it is given.
 */
export function cleanText(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  let s = raw.slice(0, MAX_RAW_CHARS);
  s = s.replace(/<at\b[^>]{0,200}>[\s\S]{0,200}?<\/at>/gi, ' ');
  s = s.replace(/&lt;at&gt;[\s\S]{0,200}?&lt;\/at&gt;/gi, ' ');
  s = s.replace(/<\/?(?:p|div|br|li|ul|ol|tr|td|h\d)\b[^>]{0,200}>/gi, ' ');
  s = s.replace(/<[^>]{0,200}>/g, ' ');
  s = decodeEntities(s);
  s = s.replace(/<at\b[^>]{0,200}>[\s\S]{0,200}?<\/at>/gi, ' ').replace(/<[^>]{0,200}>/g, ' ');
  // Markdown: links keep their words, code fences and emphasis marks go.
  s = s.replace(/!?\[([^\]]{0,200})\]\([^)]{0,500}\)/g, '$1');
  s = s.replace(/```+|`+|\*{1,3}|_{2,3}|~~/g, ' ');
  s = s.replace(/^\s{0,3}(?:#{1,6}|>|[-+*]\s|\d+\.\s)/gm, ' ');
  s = s.normalize('NFKC');
  s = s.replace(/[\u2018\u2019\u201B\u2032`\u00B4]/g, "'").replace(/[\u201C\u201D\u201E\u2033]/g, '"');
  s = s.replace(/[\u2010-\u2015\u2212]/g, '-');
  // Keep letters, digits, and a little punctuation that carries meaning; everything else is a gap.
  s = s.replace(/[^\p{L}\p{M}\p{N}\s'"\-/?!.,:;()&#+]/gu, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length > MAX_QUESTION_CHARS) {
    const cut = s.slice(0, MAX_QUESTION_CHARS);
    const space = cut.lastIndexOf(' ');
    s = space > MAX_QUESTION_CHARS / 2 ? cut.slice(0, space) : cut;
  }
  return s;
}

// Chat spellings, read as the words they stand for before anything else looks at the question.
// Dates typed short ("tmrw", "nxt wk") are the period reader's, which says how it read them.
const TEXT_SPEAK: [RegExp, string][] = [
  [/\b(?:wat|wot|wht|whta)\b/g, 'what'],
  [/\b(?:wats|wots|whta?s)\b/g, 'what is'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  // Not the R of a request reference ("eah r 3").
  [/\br\b(?![\s-]?\d)/g, 'are'],
  [/\b(?:thx|thnx|thanx|ty)\b/g, 'thanks'],
  [/\bany1\b/g, 'anyone'],
  // Office shorthand: "next cluster mtg?", "pls".
  [/\bmtgs\b/g, 'meetings'],
  [/\bmtg\b/g, 'meeting'],
  [/\b(?:pls|plz)\b/g, 'please'],
  // "data n insight", "rock n roll": a lone "n" between two words is "and".
  [/(?<=\p{L} )n(?= \p{L})/gu, 'and'],
];

const CONTRACTIONS: [RegExp, string][] = [
  ...TEXT_SPEAK,
  [/\bwon't\b/g, 'will not'],
  [/\bcan't\b/g, 'cannot'],
  [/\bshan't\b/g, 'shall not'],
  [/\b(\w+)n't\b/g, '$1 not'],
  [/\bi'm\b/g, 'i am'],
  [/\b(i|you|we|they|who)'ve\b/g, '$1 have'],
  [/\b(i|you|we|they|who|it|he|she)'ll\b/g, '$1 will'],
  [/\b(i|you|we|they|who|he|she|it)'d\b/g, '$1 would'],
  [/\b(you|we|they|who)'re\b/g, '$1 are'],
  [/\blet's\b/g, 'let us'],
  [/\b(what|who|when|where|how|it|that|there|here|he|she|which|whats|whos)'s\b/g, '$1 is'],
  [/\bwhats\b/g, 'what is'],
  [/\bwhos\b/g, 'who is'],
  [/\bhows\b/g, 'how is'],
  [/\bwhens\b/g, 'when is'],
  [/\bwheres\b/g, 'where is'],
  [/\bim\b/g, 'i am'],
  [/\bive\b/g, 'i have'],
  [/\bdont\b/g, 'do not'],
  [/\bdoesnt\b/g, 'does not'],
  [/\bisnt\b/g, 'is not'],
  [/\barent\b/g, 'are not'],
  [/\bhavent\b/g, 'have not'],
  [/\bhasnt\b/g, 'has not'],
  [/\bwasnt\b/g, 'was not'],
  [/\bwerent\b/g, 'were not'],
  [/\bdidnt\b/g, 'did not'],
  [/\bcant\b/g, 'cannot'],
];

/** Lower case, accents removed, contractions spelled out ("what's" → "what is"), possessive "'s" kept. */
export function lowerQuestion(cleaned: string): string {
  let s = cleaned.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '');
  for (const [re, to] of CONTRACTIONS) s = s.replace(re, to);
  return s.replace(/\s+/g, ' ').trim();
}

export interface Token {
  /** Lower case, apostrophes and a possessive "'s" removed: "grace's" → "grace". */
  word: string;
  start: number;
  end: number;
  possessive: boolean;
}

/** Words with their places in the lower-case question. Hyphens split words ("at-risk" → at, risk). */
export function tokenize(lower: string): Token[] {
  const out: Token[] = [];
  const re = /[a-z0-9]+(?:'[a-z]+)?'?/g;
  // A question is at most MAX_RAW_CHARS long by the time it is read (cleanText); nothing longer is
  // tokenised, so a pasted essay costs no more than a question.
  const text = lower.length > MAX_RAW_CHARS ? lower.slice(0, MAX_RAW_CHARS) : lower;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const raw = m[0];
    let word = raw;
    let possessive = false;
    if (raw.includes("'")) {
      if (raw.endsWith("'s")) { word = word.slice(0, -2); possessive = true; }
      else if (raw.endsWith("s'")) { word = word.slice(0, -1); possessive = true; }
      word = word.replace(/'/g, '');
    }
    if (word) out.push({ word, start: m.index, end: m.index + raw.length, possessive });
  }
  return out;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, couple: 2, few: 3,
};

/** '5' → 5, 'five' → 5, 'a' → 1; null for anything else. */
export function parseCount(word: string | undefined): number | null {
  if (!word) return null;
  if (/^\d{1,4}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

export const NUMBER_WORD_PATTERN = '\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|couple of|few';

/** "dewsbury north" → "Dewsbury North": a name as asked, capitalised for a reply. */
export function titleCase(s: string): string {
  return s.replace(/(^|[\s-])([a-z])/g, (_m, gap: string, c: string) => `${gap}${c.toUpperCase()}`);
}
