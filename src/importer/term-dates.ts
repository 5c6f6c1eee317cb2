// term_dates.csv: the local authority's school terms, one row per term, keyed by academic year
// and term. Checked as a whole (a term's dates in order, its half term inside it, no two terms
// overlapping) and written with the rest of the import; a handful of rows a year, so plain Prisma
// calls are enough.
import type { Prisma } from '../generated/prisma/client.js';
import { formatDate, type TermDateRow } from './rows.js';

type Client = Prisma.TransactionClient;

export const termDateSelect = {
  id: true, academicYear: true, term: true, startsOn: true, endsOn: true, halfTermStartsOn: true, halfTermEndsOn: true,
} satisfies Prisma.TermDateSelect;
export type DbTermDate = Prisma.TermDateGetPayload<{ select: typeof termDateSelect }>;

export const termDateKey = (academicYear: string, term: string): string => `${academicYear} ${term}`;

const day = (d: Date | null): string | null => (d === null ? null : formatDate(d));

/** The stored values against the file's, for the importer's change detection. */
export function termDatePairs(e: DbTermDate, r: TermDateRow): [string, unknown, unknown][] {
  return [
    ['starts_on', day(e.startsOn), r.starts_on], ['ends_on', day(e.endsOn), r.ends_on],
    ['half_term_starts_on', day(e.halfTermStartsOn), r.half_term_starts_on], ['half_term_ends_on', day(e.halfTermEndsOn), r.half_term_ends_on],
  ];
}

/** What is wrong with one row on its own, as sentences for `term_dates.csv:LINE: …`. */
function rowProblems(r: TermDateRow): string[] {
  const out: string[] = [];
  if (r.ends_on < r.starts_on) out.push(`ends_on ${r.ends_on} is before starts_on ${r.starts_on}`);
  const first = Number(r.academic_year.slice(0, 4));
  if (r.starts_on < `${first}-08-01` || r.ends_on > `${first + 1}-08-31`) {
    out.push(`the term is not inside the academic year ${r.academic_year} (August ${first} to August ${first + 1})`);
  }
  const hs = r.half_term_starts_on; const he = r.half_term_ends_on;
  if ((hs === null) !== (he === null)) out.push('half_term_starts_on and half_term_ends_on go together: give both or neither');
  else if (hs !== null && he !== null && r.ends_on >= r.starts_on) {
    if (he < hs) out.push(`half_term_ends_on ${he} is before half_term_starts_on ${hs}`);
    else if (hs <= r.starts_on || he >= r.ends_on) out.push(`the half term ${hs} to ${he} is not inside the term ${r.starts_on} to ${r.ends_on}`);
  }
  return out;
}

/** Every problem of the file: rows on their own, then terms that overlap one another. */
export function checkTermDates(rows: Iterable<{ line: number; row: TermDateRow }>, problem: (line: number, reason: string) => void): void {
  const good: { line: number; row: TermDateRow }[] = [];
  for (const p of rows) {
    const reasons = rowProblems(p.row);
    for (const reason of reasons) problem(p.line, reason);
    if (reasons.length === 0) good.push(p);
  }
  good.sort((a, b) => (a.row.starts_on < b.row.starts_on ? -1 : 1));
  for (let i = 1; i < good.length; i++) {
    const before = good[i - 1]!; const p = good[i]!;
    if (p.row.starts_on <= before.row.ends_on) {
      problem(p.line, `the ${p.row.term} term ${p.row.academic_year} overlaps the ${before.row.term} term ${before.row.academic_year} (line ${before.line})`);
    }
  }
}

const asDate = (d: string | null): Date | null => (d === null ? null : new Date(`${d}T00:00:00Z`));
const values = (r: TermDateRow) => ({
  startsOn: asDate(r.starts_on)!, endsOn: asDate(r.ends_on)!, halfTermStartsOn: asDate(r.half_term_starts_on), halfTermEndsOn: asDate(r.half_term_ends_on),
});

export async function applyTermDates(client: Client, creates: { row: TermDateRow }[], updates: { row: TermDateRow; existing: DbTermDate }[]): Promise<void> {
  if (creates.length > 0) {
    await client.termDate.createMany({ data: creates.map(({ row: r }) => ({ academicYear: r.academic_year, term: r.term, ...values(r) })) });
  }
  for (const { row, existing } of updates) await client.termDate.update({ where: { id: existing.id }, data: values(row) });
}
