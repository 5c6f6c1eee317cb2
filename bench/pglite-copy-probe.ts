// npx tsx bench/pglite-copy-probe.ts
// Whether the embedded database would gain from COPY: 100 000 rows into an in-memory PGlite as
// json_to_recordset statements of 5 000 rows (what the importer sends, minus Prisma) and as one
// COPY FROM '/dev/blob', interleaved, three rounds.
import { PGlite } from '@electric-sql/pglite';
const N = 100_000;
const rows = Array.from({ length: N }, (_, i) => ({ ref: `R-${i}`, title: `Evaluate the graduated approach guidance ${i % 1680}`, n: i, d: '2027-01-01', s: 'on_track' }));
const db = new PGlite();
await db.exec('CREATE TABLE t (ref text, title text, n int, d date, s text)');
async function viaJson(): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < N; i += 5000) {
    await db.query('INSERT INTO t SELECT * FROM json_to_recordset($1::json) AS x(ref text, title text, n int, d date, s text)', [JSON.stringify(rows.slice(i, i + 5000))]);
  }
  return performance.now() - t0;
}
async function viaCopy(): Promise<number> {
  const t0 = performance.now();
  const text = rows.map((r) => `${r.ref}\t${r.title}\t${r.n}\t${r.d}\t${r.s}\n`).join('');
  await db.query("COPY t FROM '/dev/blob'", [], { blob: new Blob([text]) });
  return performance.now() - t0;
}
for (let round = 0; round < 3; round++) {
  await db.exec('TRUNCATE t');
  const j = await viaJson();
  await db.exec('TRUNCATE t');
  const c = await viaCopy();
  const n = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0]!.n;
  console.log(`round ${round}: json_to_recordset ${j.toFixed(0)} ms, COPY from blob ${c.toFixed(0)} ms (${n} rows)`);
}
