// How every embedded database is opened: with the extensions the migrations need and the memory
// settings that suit one small bot. Used by the app, the tests' template and the drift check.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { DEFAULT_SHARED_BUFFERS, MEMORY_SIZE } from './pglite-settings.js';

/** Contrib extensions compiled into the embedded database (CREATE EXTENSION needs them loaded). */
export const PGLITE_EXTENSIONS = { pg_trgm };

/**
 * The start parameters with shared_buffers set (PGLITE_SHARED_BUFFERS), and random reads costed
 * near sequential ones: the files are read through the operating system's cache, and at the
 * default (4) the planner scanned 40 000 titles for two common words rather than read their
 * indexes (docs/BENCHMARKS.md, "Statements on the driver").
 */
export function withSharedBuffers(params: readonly string[], size: string = DEFAULT_SHARED_BUFFERS): string[] {
  if (!MEMORY_SIZE.test(size)) throw new Error(`shared_buffers must be a size such as 16MB, not "${size}"`);
  return [...params, '-c', `shared_buffers=${size}`, '-c', 'random_page_cost=1.1'];
}

/** An in-memory embedded database (tests, the migration tools). */
export function createMemoryPGlite(sharedBuffers?: string): Promise<PGlite> {
  return PGlite.create('memory://', { extensions: PGLITE_EXTENSIONS, startParams: withSharedBuffers(PGlite.defaultStartParams, sharedBuffers) });
}
