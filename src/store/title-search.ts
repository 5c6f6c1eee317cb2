// Title search on both databases: PostgreSQL full-text search (English stems: "meetings" finds
// "meeting") and pg_trgm (substrings and typos), each through its own GIN index, so no question
// about a title reads the whole table. The stems are a stored column that PostgreSQL keeps in step
// with the title (a generated column, in the migrations): a search that looks at thousands of
// titles (a count, a walk in due order, a rank) reads them instead of stemming each title again.
import { Prisma } from '../generated/prisma/client.js';

/** The generated column, which the drift check requires (Prisma cannot state a generated column). */
export const TITLE_WORDS = { table: 'actions', column: 'title_words', expression: "to_tsvector('english'::regconfig, title)" } as const;

const TITLE_VECTOR = Prisma.raw(TITLE_WORDS.column);
const likeEscape = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Trigrams need three characters; a shorter word can only be matched as a whole (stemmed) word. */
const TRIGRAM_MIN = 3;

/**
 * One word of a title: its English stem as a word of the title, or the word inside a title word
 * ("plann" in "planning", as the question's own stemming leaves it). Both sides are indexed.
 */
export function titleWordSql(word: string): Prisma.Sql {
  const stem = Prisma.sql`${TITLE_VECTOR} @@ plainto_tsquery('english', ${word})`;
  if (word.length < TRIGRAM_MIN) return Prisma.sql`(${stem})`;
  return Prisma.sql`(${stem} OR title ILIKE ${`%${likeEscape(word)}%`})`;
}

/**
 * Any of the words, spelt right or nearly (pg_trgm's word similarity, default threshold 0.6):
 * the condition of a ranked search.
 */
export function anyTitleWordSql(words: readonly string[]): Prisma.Sql {
  const near = words.filter((w) => w.length >= TRIGRAM_MIN).map((w) => Prisma.sql`title %> ${w}::text`);
  return Prisma.join([...words.map(titleWordSql), ...near], ' OR ');
}

/**
 * Best first: the full-text rank (how many of the words' stems, and how often), plus for each word
 * how closely it appears in the title (1 for an exact substring, less for a typo).
 */
export function titleRankSql(words: readonly string[]): Prisma.Sql {
  const query = Prisma.join(words.map((w) => Prisma.sql`plainto_tsquery('english', ${w})`), ' || ');
  const closeness = words.map((w) => Prisma.sql`word_similarity(${w}::text, title)`);
  return Prisma.sql`(ts_rank(${TITLE_VECTOR}, (${query})) + ${Prisma.join(closeness, ' + ')})`;
}
