// Pages of actions by title words: count the matches first and sort them when few, or walk the
// actions in due order; and a short walk over the first actions in due order, which the plan
// reader tries first for common words (sql-plan-reader.ts).
import { Prisma } from '../generated/prisma/client.js';

/** Up to this many title matches are sorted; beyond it, walking the due-date index finds a page sooner. */
export const FEW_MATCHES = 200;

/**
 * A page of actions with title words. The planner cannot tell a word in no title from a rare one,
 * so the matches are counted first through the title indexes, up to FEW_MATCHES: that few are
 * sorted directly. More (a common word, at least 0.2 % of a 100k plan) and the page is found by
 * walking the actions in due order until it is full, a few hundred rows. The walk is fenced
 * (OFFSET 0) because, left to itself, the planner reads every match through the title indexes
 * and sorts them all, re-stemming each title on the way: 100–150 ms for a word in 7 % of 100 000
 * titles, against 9 ms walking.
 * Only one branch runs: each is gated on the count, which PostgreSQL evaluates once.
 */
export function titlePageSql(where: Prisma.Sql, cols: Prisma.Sql, order: Prisma.Sql, outerOrder: Prisma.Sql, page: { offset: number; limit: number }): Prisma.Sql {
  const tail = pageTail(order, page);
  return Prisma.sql`
    WITH few AS MATERIALIZED (SELECT id FROM actions WHERE ${where} LIMIT ${FEW_MATCHES + 1}::int)
    SELECT * FROM (
      (SELECT ${cols} FROM actions WHERE id IN (SELECT id FROM few) AND (SELECT count(*) FROM few) <= ${FEW_MATCHES}::int ${tail})
      UNION ALL
      (${titleWalkSql(Prisma.sql`${where} AND (SELECT count(*) FROM few) > ${FEW_MATCHES}::int`, cols, order, page)})
    ) page ORDER BY ${outerOrder}`;
}

/** The walk in due order, fenced (see titlePageSql). */
export function titleWalkSql(where: Prisma.Sql, cols: Prisma.Sql, order: Prisma.Sql, page: { offset: number; limit: number }): Prisma.Sql {
  return Prisma.sql`SELECT ${cols} FROM (SELECT * FROM actions ORDER BY ${order} OFFSET 0) actions WHERE ${where} ${pageTail(order, page)}`;
}

/** Rows of the first part of the due order a hopeful walk reads: a few milliseconds on the embedded database. */
export const SHORT_WALK_ROWS = 2_000;

/**
 * The walk over only the first SHORT_WALK_ROWS actions in due order. When it fills the page, that
 * page is the whole plan's (its rows come first in due order); when it does not, the caller counts.
 */
export function shortWalkSql(where: Prisma.Sql, cols: Prisma.Sql, order: Prisma.Sql, page: { offset: number; limit: number }): Prisma.Sql {
  return Prisma.sql`SELECT ${cols} FROM (SELECT * FROM actions ORDER BY ${order} LIMIT ${SHORT_WALK_ROWS}::int) actions WHERE ${where} ${pageTail(order, page)}`;
}

/** ORDER BY, LIMIT and OFFSET of one page. */
export function pageTail(order: Prisma.Sql, page: { offset: number; limit: number }): Prisma.Sql {
  return Prisma.sql`ORDER BY ${order} LIMIT ${page.limit}::int OFFSET ${Math.max(0, page.offset)}::int`;
}
