// The embedded database's memory setting, apart from PGlite itself so that the configuration can
// check it without loading the database.

/**
 * PGlite starts PostgreSQL with shared_buffers=128MB, and every page it touches stays resident in
 * the bot's process. Questions read mostly a few indexes: 16MB holds those, and the operating
 * system's file cache keeps the rest (measured in docs/BENCHMARKS.md, "Embedded memory").
 */
export const DEFAULT_SHARED_BUFFERS = '16MB';

/** A PostgreSQL memory size: 16MB, 512kB, 1GB. */
export const MEMORY_SIZE = /^\d+(kB|MB|GB)$/;
