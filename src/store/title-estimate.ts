// How many actions a title search will match, from the database's own statistics: the share of
// titles holding each of the commonest stems (pg_stats.most_common_elems of the stems column, kept
// by ANALYZE). A search for words that are all common ("pilot" in 8 % of titles, "short" in 7 %) is
// best answered by walking the actions in due order, which finds a page in a few hundred rows when
// they come together; counting its matches first through the title indexes reads thousands of
// index entries and cost 10–170 ms on the embedded database at 100 000 actions
// (docs/BENCHMARKS.md). The estimate only picks the route: every route gives the same page.
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from './database.js';
import { preparedFor } from './prepared.js';

/** Statistics change only when the table is analysed: read them again after this long. */
const STATS_MS = 60_000;

interface Stats { at: number; rows: number; share: Map<string, number> }
interface Kept { stats?: Stats; loading?: Promise<void> }

// One per database client, shared by every view of the plan reader (each question has its own).
const kept = new WeakMap<object, Kept>();

async function readStats(db: Db): Promise<Stats | undefined> {
  const rows = await preparedFor(db).once<{ n: number | null; e: string[] | null; f: number[] | null }>(Prisma.sql`
    SELECT (SELECT reltuples FROM pg_class WHERE oid = to_regclass('actions'))::float8 AS n,
      s.most_common_elems::text::text[] AS e, s.most_common_elem_freqs::float8[] AS f
    FROM pg_stats s WHERE s.schemaname = current_schema() AND s.tablename = 'actions' AND s.attname = 'title_words'`);
  const row = rows[0];
  const total = Number(row?.n ?? -1);
  if (!row || total <= 0) return undefined;
  const share = new Map<string, number>();
  (row.e ?? []).forEach((lexeme, i) => { const f = row.f?.[i]; if (typeof f === 'number') share.set(lexeme, f); });
  return { at: Date.now(), rows: total, share };
}

/** The statistics as last read; a read that is due starts in the background and no question waits for it. */
function statsFor(db: Db): Stats | undefined {
  let k = kept.get(db);
  if (!k) kept.set(db, k = {});
  const entry = k;
  if (!entry.loading && (!entry.stats || Date.now() - entry.stats.at > STATS_MS)) {
    entry.loading = readStats(db)
      .then((s) => { if (s) entry.stats = s; else if (entry.stats) entry.stats = { ...entry.stats, at: Date.now() }; })
      // Unreadable statistics only cost the faster route; the next question tries again.
      .catch(() => undefined)
      .finally(() => { entry.loading = undefined; });
  }
  return entry.stats;
}

/** How many actions a title search may match: `likely` if the words are independent, `atMost` if they always come together. */
export interface TitleEstimate { likely: number; atMost: number }

/**
 * Estimated actions whose titles hold every word: the product of their shares (independent
 * words), and the share of the rarest (words that come together, as a title's phrase does). Both
 * 0 when any word is not among the commonest stems, or the statistics are unknown.
 */
export async function estimatedTitleMatches(db: Db, words: readonly string[]): Promise<TitleEstimate> {
  const stats = statsFor(db);
  if (!stats || words.length === 0) return { likely: 0, atMost: 0 };
  const rows = await preparedFor(db).rows<{ lx: string[] | null }>(Prisma.sql`
    SELECT tsvector_to_array(to_tsvector('english', x.w)) AS lx FROM unnest(${[...words]}::text[]) WITH ORDINALITY x(w, i) ORDER BY x.i`);
  let likely = stats.rows;
  let rarest = 1;
  for (const r of rows) {
    const lexemes = r.lx ?? [];
    // A word of several stems ("post-16") needs them all; a stop word alone matches by its letters only.
    const share = lexemes.length ? Math.min(...lexemes.map((l) => stats.share.get(l) ?? 0)) : 0;
    likely *= share;
    rarest = Math.min(rarest, share);
  }
  return { likely, atMost: stats.rows * rarest };
}

/** Waits for any statistics read under way (tests, and a start-up that wants them at once). */
export async function titleStatsRead(db: Db): Promise<void> {
  statsFor(db);
  await kept.get(db)?.loading;
}
