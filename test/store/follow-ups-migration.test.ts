// The migration that made meeting follow-ups rows keeps the ones already written as text: each
// line becomes a row, in order, with no owner and no due date. On both engines.
import crypto from 'node:crypto';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { pgConfig } from '../../src/store/database.js';
import { applyMigrations, readMigrations, type SqlRunner } from '../../src/store/migrate.js';
import { createMemoryPGlite } from '../../src/store/pglite.js';
import { ADMIN_URL, adminQuery, postgresReachable } from '../support/store.js';

const all = readMigrations();
const pgUp = await postgresReachable();
const at = all.findIndex((m) => m.name.endsWith('_meeting_follow_ups'));

async function migrateAround(db: SqlRunner): Promise<Array<{ meeting_id: number; position: number; text: string; owner_id: number | null; due_date: unknown }>> {
  await applyMigrations(db, all.slice(0, at));
  await db.exec(`INSERT INTO clusters (code, name, area) VALUES ('BS1', 'Batley', 'Batley and Spen');
    INSERT INTO cluster_meetings (cluster_id, starts_at, duration_minutes, location, agenda, notes, follow_ups, updated_at)
    SELECT id, '2026-11-25T13:30:00Z', 90, 'Teams', '{}', 'Agreed.', ARRAY['Share audit dates', '', 'Book SALT triage slots'], now() FROM clusters;`);
  await applyMigrations(db, all);
  return db.query('SELECT meeting_id, position, text, owner_id, due_date FROM meeting_follow_ups ORDER BY position');
}

function expectKept(rows: Awaited<ReturnType<typeof migrateAround>>): void {
  expect(rows.map((r) => [r.position, r.text, r.owner_id, r.due_date])).toEqual([[1, 'Share audit dates', null, null], [2, 'Book SALT triage slots', null, null]]);
}

describe('the meeting follow-ups migration', () => {
  it('keeps text follow-ups as rows [embedded]', async () => {
    const db = await createMemoryPGlite();
    try {
      expectKept(await migrateAround({ exec: async (sql) => { await db.exec(sql); }, query: async <T>(sql: string) => (await db.query<T>(sql)).rows }));
    } finally {
      await db.close();
    }
  });

  it.skipIf(!pgUp)('keeps text follow-ups as rows [postgresql]', async () => {
    const name = `bot_test_${crypto.randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    const client = new pg.Client(pgConfig(url.toString()));
    await client.connect();
    try {
      expectKept(await migrateAround({ exec: async (sql) => { await client.query(sql); }, query: async <T>(sql: string) => (await client.query(sql)).rows as T[] }));
    } finally {
      await client.end();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});
