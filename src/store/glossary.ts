// The partnership's glossary (glossary.csv, imported): read by the public pages and the report.
import type { GlossaryEntry } from '../domain/public/glossary.js';
import type { Db } from './database.js';

export class GlossaryStore {
  constructor(private readonly db: Db) {}

  async all(): Promise<GlossaryEntry[]> {
    return this.db.glossaryTerm.findMany({ select: { term: true, meaning: true }, orderBy: { term: 'asc' } });
  }
}
