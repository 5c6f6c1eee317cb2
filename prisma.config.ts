// Prisma CLI configuration for offline work: the JavaScript schema engine runs on an in-memory
// PGlite, so `migrate diff` (new migrations, drift check) needs no server and no download.
// The app never uses this file: it applies migrations itself (src/store/migrate.ts).
import { defineConfig } from 'prisma/config';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';

// The WASM schema engine leaves 10 s and 60 s timers armed; do not let them hold the CLI open.
const originalSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
  const timer = originalSetTimeout(fn, ms, ...rest);
  if ((ms ?? 0) >= 5_000) timer.unref?.();
  return timer;
}) as typeof setTimeout;

// pglite-prisma-adapter 0.6.1 runs scripts without awaiting them and cannot run several
// statements as one prepared statement: run scripts through PGlite's exec and await it.
// The schema engine also sends whole migration scripts through executeRaw with no arguments.
type ScriptAdapter = {
  executeScript(script: string): Promise<void>;
  executeRaw(query: { sql: string; args: unknown[] }): Promise<number>;
};
function awaitingScripts<T extends ScriptAdapter>(adapter: T, db: PGlite): T {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeScript = async (script: string) => { await db.exec(script); };
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0 && query.sql.includes(';')) {
      const results = await db.exec(query.sql);
      return results.reduce((n, r) => n + (r.affectedRows ?? 0), 0);
    }
    return executeRaw(query);
  };
  return adapter;
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  engine: 'js',
  experimental: { adapter: true },
  // Typed against the adapter's own copy of @prisma/driver-adapter-utils; the shapes match.
  adapter: async () => {
    // The migrations create pg_trgm: both databases need it compiled in.
    const main = new PGlite({ extensions: { pg_trgm } });
    const factory = new PrismaPGlite(main);
    return {
      provider: factory.provider,
      adapterName: factory.adapterName,
      connect: async () => awaitingScripts(await factory.connect(), main),
      connectToShadowDb: async () => {
        const shadow = new PGlite({ extensions: { pg_trgm } });
        return awaitingScripts(await new PrismaPGlite(shadow).connect(), shadow);
      },
    } as never;
  },
});
