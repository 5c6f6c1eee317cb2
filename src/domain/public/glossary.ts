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

/** Fewer words than this is a label or a table cell ("WS3", "EHC plans"), not a sentence to explain in. */
const SENTENCE_WORDS = 3;

/**
 * Spells out each acronym and workstream code the first time it is used in a sentence of one
 * page or report. Feed it the page's texts in reading order; it remembers what it explained.
 */
export class FirstUse {
  private readonly pending: { entry: GlossaryEntry; pattern: RegExp; workstream: boolean }[];

  constructor(terms: readonly GlossaryEntry[], workstreams: readonly Pick<Workstream, 'code' | 'name'>[]) {
    const codes = new Set(workstreams.map((w) => w.code));
    const entries = fullGlossary(terms.filter((t) => isAcronym(t.term) && !codes.has(t.term)), workstreams);
    // Longer terms first, so that "EHCP" is not read as "EHC" and a "P".
    this.pending = entries.sort((a, b) => b.term.length - a.term.length)
      .map((entry) => ({ entry, pattern: termPattern(entry.term), workstream: codes.has(entry.term) }));
  }

  /** The text with the first use of each term not yet explained spelt out; `meaning` shapes the words added (escaping them for the page). */
  explain(text: string, shape: (meaning: string) => string = (m) => m): string {
    if ((text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) < SENTENCE_WORDS) return text;
    let out = text;
    for (let i = 0; i < this.pending.length;) {
      const p = this.pending[i]!;
      p.pattern.lastIndex = 0;
      const found = p.pattern.exec(out);
      if (!found) { i++; continue; }
      const end = found.index + found[0].length;
      this.pending.splice(i, 1);
      if (p.workstream) {
        // "WS3, the … workstream" already says it.
        if (/^,\s*the\b/i.test(out.slice(end))) continue;
        const rest = out.slice(end);
        const closes = rest === '' || /^[),.:;!?]/.test(rest);
        out = `${out.slice(0, end)}, ${shape(p.entry.meaning)}${closes ? '' : ','}${rest}`;
      } else {
        out = `${out.slice(0, end)} (${shape(p.entry.meaning)})${out.slice(end)}`;
      }
    }
    return out;
  }
}
