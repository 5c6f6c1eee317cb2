// scratch: per-statement wall times of a first import (not committed)
import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { applyPlan } from '../../src/importer/apply-plan.js';
import { loadSnapshot } from '../../src/importer/import-snapshot.js';
import { planImport } from '../../src/importer/plan-import.js';
import { readFolder } from '../../src/importer/read-folder.js';
import { stagerFor } from '../../src/store/bulk-copy.js';
import { openStore, pgConfig } from '../../src/store/database.js';

const folder = path.resolve(process.argv[2]!);
const admin = async (sql: string) => { const c = new pg.Client(pgConfig('postgresql://postgres@127.0.0.1:5432/postgres')); await c.connect(); try { await c.query(sql); } finally { await c.end(); } };
const name = `import60_st_${crypto.randomBytes(4).toString('hex')}`;
await admin(`CREATE DATABASE ${name}`);
const store = await openStore({ databaseUrl: `postgresql://postgres@127.0.0.1:5432/${name}` });
try {
  let t = performance.now();
  const input = await readFolder(folder);
  console.log('read', ((performance.now() - t) / 1000).toFixed(2));
  const stager = stagerFor(store.db)!;
  const origStage = stager.stage.bind(stager);
  stager.stage = async (c, r) => { const s = performance.now(); const out = await origStage(c, r); console.log('  stage', ((performance.now() - s) / 1000).toFixed(2)); return out; };
  await store.db.$transaction(async (tx) => {
    const wrap = new Proxy(tx, { get(target, prop, recv) {
      const v = Reflect.get(target, prop, recv);
      if (typeof prop === 'string' && prop.startsWith('$') && typeof v === 'function') {
        return async (...a: unknown[]) => { const s = performance.now(); const out = await v.apply(target, a); const ms = performance.now() - s; if (ms > 50) console.log(`  ${(ms / 1000).toFixed(2)} ${String(a[0]).replace(/\s+/g, ' ').slice(0, 110)}`); return out; };
      }
      return v;
    } });
    t = performance.now();
    const snap = await loadSnapshot(tx, input);
    const plan = planImport(input, snap);
    console.log('plan', ((performance.now() - t) / 1000).toFixed(2));
    t = performance.now();
    await applyPlan(wrap as typeof tx, plan, snap, { now: new Date('2026-11-22T09:00:00Z') }, stager);
    console.log('apply', ((performance.now() - t) / 1000).toFixed(2));
  }, { timeout: 30 * 60_000 }).finally(() => stager.dispose());
  for (const t of ['actions', 'action_history', 'people']) { const s = performance.now(); await store.db.$executeRawUnsafe(`VACUUM (ANALYZE) ${t}`); console.log('vacuum', t, ((performance.now() - s) / 1000).toFixed(2)); }
} finally { await store.close(); await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); }
