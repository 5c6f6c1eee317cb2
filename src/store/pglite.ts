// How every embedded database is opened: with the extensions the migrations need. Used by the
// app, the tests' template and the drift check.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

/** Contrib extensions compiled into the embedded database (CREATE EXTENSION needs them loaded). */
export const PGLITE_EXTENSIONS = { pg_trgm };

/** An in-memory embedded database (tests, the migration tools). */
export function createMemoryPGlite(): Promise<PGlite> {
  return PGlite.create('memory://', { extensions: PGLITE_EXTENSIONS });
}
