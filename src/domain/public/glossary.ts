// Plain language on the public pages and in the report: the partnership's glossary (glossary.csv)
// and the plan's workstream codes. An acronym is spelt out the first time a page uses it in a
// sentence ("EHC (education, health and care) plans"), and a workstream code is followed by what
// it means ("WS3, the Data and Insight workstream"). Words that are not acronyms ("maturity
// pillar", "Local Offer") are listed in the page's glossary, not spelt out in the running text.
// Pure: plain text in, plain text out; the HTML and Markdown around it are src/reports' affair.
import type { Action, Workstream } from '../plan/types.js';

export interface GlossaryEntry {
  term: string;
  meaning: string;
}

/** The title the public reads: the plain title when the partnership gave one. */
export function publicTitle(a: Pick<Action, 'title' | 'plainTitle'>): string {
  const plain = a.plainTitle?.trim();
  return plain ? plain : a.title;
}

/** One word with two or more capitals (EHC, PfA, DfE, SENCO): spelt out on first use. */
export function isAcronym(term: string): boolean {
  return /^\S+$/.test(term) && (term.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term as a whole word (an "s" may follow: EHCPs), case as written for acronyms, any case for words. */
function termPattern(term: string): RegExp {
  const flags = isAcronym(term) ? 'gu' : 'giu';
  return new RegExp(`(?<![\\p{L}\\p{N}-])${escapeRegExp(term)}s?(?![\\p{L}\\p{N}]|-\\p{L})`, flags);
}

/** The glossary a page shows: the workstreams ("WS3: the Data and Insight workstream"), then the terms, A to Z. */
export function fullGlossary(terms: readonly GlossaryEntry[], workstreams: readonly Pick<Workstream, 'code' | 'name'>[]): GlossaryEntry[] {
  const ws = [...workstreams].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
    .map((w) => ({ term: w.code, meaning: `the ${w.name} workstream` }));
  const byTerm = [...terms].sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  return [...ws, ...byTerm];
}

/** The entries whose term the text uses. */
export function termsUsed(text: string, entries: readonly GlossaryEntry[]): GlossaryEntry[] {
  return entries.filter((e) => termPattern(e.term).test(text));
}

/** In running text, the meaning up to its first colon: "integrated care board: the NHS body that …" reads "integrated care board". */
export function shortMeaning(meaning: string): string {
  const colon = meaning.indexOf(':');
  return colon > 0 ? meaning.slice(0, colon).trim() : meaning;
}

/** "WS3, the … workstream" or "WS3 Data and Insight": the code is followed by what it means already. */
const namedAfter = (rest: string, name: string): boolean => /^,\s*the\b/i.test(rest) || rest.replace(/^[\s,:]+/, '').startsWith(name);

/** Fewer words than this is a label or a table cell ("WS3", "EHC plans"), not a sentence to explain in. */
const SENTENCE_WORDS = 3;

/**
 * Spells out each acronym and workstream code the first time it is used in a sentence of one
 * page or report. Feed it the page's texts in reading order; it remembers what it explained.
 */
export class FirstUse {
  private readonly pending: { entry: GlossaryEntry; pattern: RegExp; workstream: string | null }[];

  constructor(terms: readonly GlossaryEntry[], workstreams: readonly Pick<Workstream, 'code' | 'name'>[]) {
    const codes = new Map(workstreams.map((w) => [w.code, w.name]));
    const entries = fullGlossary(terms.filter((t) => isAcronym(t.term) && !codes.has(t.term)), workstreams);
    // Longer terms first, so that "EHCP" is not read as "EHC" and a "P".
    this.pending = entries.sort((a, b) => b.term.length - a.term.length)
      .map((entry) => ({ entry, pattern: termPattern(entry.term), workstream: codes.get(entry.term) ?? null }));
  }

  /**
   * The text with one term spelt out: the first, in the text, of those not yet explained. One a
   * sentence, so that a sentence that names six workstreams does not become a paragraph; the
   * others wait for their next use. `shape` escapes the added words for the page.
   */
  explain(text: string, shape: (meaning: string) => string = (m) => m): string {
    if ((text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < SENTENCE_WORDS) return text;
    let first: { index: number; end: number; at: number } | undefined;
    for (let i = 0; i < this.pending.length; i++) {
      const p = this.pending[i]!;
      p.pattern.lastIndex = 0;
      const found = p.pattern.exec(text);
      if (!found) continue;
      const end = found.index + found[0].length;
      // "Preparing for Adulthood (PfA)" and "WS3, the … workstream" say it already.
      const saidBefore = !p.workstream && text[end] === ')' && /\p{L}\s\($/u.test(text.slice(0, found.index));
      if (saidBefore || (p.workstream !== null && namedAfter(text.slice(end), p.workstream))) {
        this.pending.splice(i--, 1);
        continue;
      }
      if (!first || found.index < first.index) first = { index: found.index, end, at: i };
    }
    if (!first) return text;
    const p = this.pending.splice(first.at, 1)[0]!;
    const rest = text.slice(first.end);
    if (p.workstream === null) return `${text.slice(0, first.end)} (${shape(shortMeaning(p.entry.meaning))})${rest}`;
    // A comma closes the added words only where the sentence goes on in words ("WS3, the … workstream, leads").
    const closes = !/^\s+\p{L}/u.test(rest);
    return `${text.slice(0, first.end)}, ${shape(p.entry.meaning)}${closes ? '' : ','}${rest}`;
  }
}
