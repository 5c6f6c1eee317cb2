// Statements run on the database's own driver, by name: the same rows as Prisma's raw query gives,
// any number of times, after a failed statement as before it, and beside an open transaction.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { Prisma } from '../../src/generated/prisma/client.js';
import { loadDemoDataIfEmpty } from '../../src/importer/demo-data.js';
import type { Store } from '../../src/store/database.js';
import { preparedFor } from '../../src/store/prepared.js';
import { createTestStore, describeEachStore } from '../support/store.js';

interface Row { ref: string; title: string; version: number; due: string; roles: string[]; last_update_at: Date | null }

const byRef = (ref: string) => Prisma.sql`
  SELECT a.ref, a.title, a.version, to_char(a.due_date, 'YYYY-MM-DD') AS due, o.roles, a.last_update_at
  FROM actions a LEFT JOIN people o ON o.id = a.owner_id WHERE a.ref = ${ref}::text`;

describeEachStore('statements prepared on the driver', (kind) => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore(kind);
    await loadDemoDataIfEmpty(store.db, new Date('2026-11-22T09:00:00Z'));
  });
  afterEach(async () => { await store.close(); });

  it('gives what Prisma gives, by name and planned afresh, again and again', async () => {
    const sql = preparedFor(store.db);
    const refs = (await store.db.action.findMany({ select: { ref: true }, take: 5, orderBy: { ref: 'asc' } })).map((a) => a.ref);
    expect(refs.length).toBe(5);
    for (const ref of [...refs, ...refs]) {
      const [viaPrisma] = await store.db.$queryRaw<Row[]>(byRef(ref));
      const [named] = await sql.rows<Row>(byRef(ref));
      const [once] = await sql.once<Row>(byRef(ref));
      for (const got of [named, once]) {
        expect(got?.ref).toBe(ref);
        expect(got?.title).toBe(viaPrisma?.title);
        expect(Number(got?.version)).toBe(viaPrisma?.version);
        expect(got?.due).toMatch(/^\d{4}-\d\d-\d\d$/);
        expect(got?.due).toBe(viaPrisma?.due);
        expect(got?.roles).toEqual(viaPrisma?.roles);
        expect(got?.last_update_at?.getTime()).toBe(viaPrisma?.last_update_at?.getTime());
      }
    }
    expect(await sql.rows<Row>(byRef('NOPE-1'))).toEqual([]);
  });

  it('passes arrays and nulls as values', async () => {
    const sql = preparedFor(store.db);
    const refs = (await store.db.action.findMany({ select: { ref: true }, take: 3, orderBy: { ref: 'asc' } })).map((a) => a.ref);
    const rows = await sql.rows<{ ref: string; nothing: string | null }>(
      Prisma.sql`SELECT ref, ${null}::text AS nothing FROM actions WHERE ref = ANY(${refs}::text[]) ORDER BY ref`);
    expect(rows.map((r) => r.ref)).toEqual(refs);
    expect(rows.every((r) => r.nothing === null)).toBe(true);
  });

  it('reports a failed statement and runs the next one as before', async () => {
    const sql = preparedFor(store.db);
    const bad = Prisma.sql`SELECT ${'not a number'}::int AS n`;
    await expect(sql.rows(bad)).rejects.toThrow(/invalid input syntax/);
    await expect(sql.rows(bad)).rejects.toThrow(/invalid input syntax/);
    expect(await sql.rows<{ n: number }>(Prisma.sql`SELECT ${41}::int + 1 AS n`)).toEqual([{ n: 42 }]);
    await expect(sql.rows(Prisma.sql`SELECT FROM nowhere_at_all`)).rejects.toThrow(/nowhere_at_all/);
    expect(await sql.rows<{ n: number }>(Prisma.sql`SELECT ${1}::int AS n`)).toEqual([{ n: 1 }]);
  });

  it('waits for an open transaction instead of running inside it', async () => {
    const sql = preparedFor(store.db);
    const ref = (await store.db.action.findFirstOrThrow({ orderBy: { ref: 'asc' } })).ref;
    const before = (await sql.rows<Row>(byRef(ref)))[0]?.title;
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let inside!: () => void;
    const started = new Promise<void>((r) => { inside = r; });
    const tx = store.db.$transaction(async (t) => {
      await t.action.update({ where: { ref }, data: { title: 'Changed inside a transaction that rolls back' } });
      inside();
      await held;
      throw new Error('roll back');
    }).catch(() => 'rolled back');
    await started;
    // On PostgreSQL this runs on another connection and sees the committed title; on the embedded
    // database it waits for the transaction to end. Either way it never sees the rolled-back title.
    const read = sql.rows<Row>(byRef(ref));
    setTimeout(release, 50);
    expect((await read)[0]?.title).toBe(before);
    expect(await tx).toBe('rolled back');
  });

  it('runs inside a transaction on the transaction\'s own client', async () => {
    const ref = (await store.db.action.findFirstOrThrow({ orderBy: { ref: 'asc' } })).ref;
    const seen = await store.db.$transaction(async (t) => {
      await t.action.update({ where: { ref }, data: { title: 'Seen inside' } });
      return (await preparedFor(t).rows<Row>(byRef(ref)))[0]?.title;
    });
    expect(seen).toBe('Seen inside');
  });
});
