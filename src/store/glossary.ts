// The partnership's glossary (glossary.csv, imported): read by the public pages, the report and
// every question ("what does PCAN stand for?"), so kept for a few seconds (src/store/kept.ts).
import type { GlossaryEntry } from '../domain/public/glossary.js';
import type { Db } from './database.js';
import { Kept } from './kept.js';

const keptByDb = new WeakMap<Db, Kept<GlossaryEntry[]>>();

export class GlossaryStore {
  private readonly kept: Kept<GlossaryEntry[]>;

  constructor(db: Db) {
    const shared = keptByDb.get(db) ?? new Kept(db, () => db.glossaryTerm.findMany({ select: { term: true, meaning: true }, orderBy: { term: 'asc' } }));
    keptByDb.set(db, shared);
    this.kept = shared;
  }

  /** Every term, A to Z. Callers must not change what they get. */
  all(): Promise<GlossaryEntry[]> {
    return this.kept.get();
  }
}
