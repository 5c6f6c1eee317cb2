// The school terms the ask side reads for "this term", "before half term", "the summer holidays".
// A few rows a year; read per question, cheap enough not to cache (and so never stale after an import).
import type { SchoolTerm } from '../domain/time/index.js';
import type { Db } from './database.js';

const day = (d: Date): string => d.toISOString().slice(0, 10);

export async function loadSchoolTerms(db: Db): Promise<SchoolTerm[]> {
  const rows = await db.termDate.findMany({ orderBy: { startsOn: 'asc' } });
  return rows.map((r) => ({
    academicYear: r.academicYear, name: r.term, startsOn: day(r.startsOn), endsOn: day(r.endsOn),
    ...(r.halfTermStartsOn && r.halfTermEndsOn ? { halfTermStartsOn: day(r.halfTermStartsOn), halfTermEndsOn: day(r.halfTermEndsOn) } : {}),
  }));
}
