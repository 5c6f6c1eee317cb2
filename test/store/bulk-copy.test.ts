import { describe, expect, it } from 'vitest';
import { copyCell } from '../../src/store/bulk-copy.js';

describe('COPY text cells', () => {
  it('escapes what COPY reads as a separator, a line end or an escape, and marks null', () => {
    expect(copyCell('a\tb\\c\nd\re')).toBe('a\\tb\\\\c\\nd\\re');
    expect(copyCell('\\N')).toBe('\\\\N');
    expect(copyCell(null)).toBe('\\N');
    expect(copyCell(undefined)).toBe('\\N');
    expect(copyCell('')).toBe('');
  });

  it('writes dates, numbers and booleans as PostgreSQL reads them', () => {
    expect(copyCell(new Date('2026-11-22T09:00:00Z'))).toBe('2026-11-22T09:00:00.000Z');
    expect(copyCell(42)).toBe('42');
    expect(copyCell(false)).toBe('false');
  });

  it('refuses a list rather than guess its form', () => {
    expect(() => copyCell(['a'])).toThrow(/list/);
  });
});
