import { describe, expect, it } from 'vitest';
import { isUnavailable, isUniqueViolation } from '../../src/store/errors.js';
import { createTestStore, describeEachStore } from '../support/store.js';

describe('database error helpers', () => {
  it('reads a unique violation in every shape the adapters produce', () => {
    expect(isUniqueViolation({ code: 'P2002' })).toBe(true);
    expect(isUniqueViolation({ cause: { originalCode: '23505' } })).toBe(true);
    expect(isUniqueViolation({ code: '23505' })).toBe(true);
    expect(isUniqueViolation({ code: 'P2025' })).toBe(false);
    expect(isUniqueViolation(new Error('nope'))).toBe(false);
  });
  it('treats connection failures as unavailable', () => {
    expect(isUnavailable({ code: '57P01' })).toBe(true);
    expect(isUnavailable(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isUnavailable(new Error('Unique constraint failed'))).toBe(false);
  });
});

describeEachStore('unique violations from a real database', (kind) => {
  it('are recognised', async () => {
    const store = await createTestStore(kind);
    try {
      await store.db.person.create({ data: { key: 'dup', name: 'A', roles: [] } });
      const err = await store.db.person.create({ data: { key: 'dup', name: 'B', roles: [] } }).catch((e: unknown) => e);
      expect(isUniqueViolation(err)).toBe(true);
    } finally { await store.close(); }
  });
});
