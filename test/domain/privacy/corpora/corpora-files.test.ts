import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PRIVACY_REASON_CODES } from '../../../../src/domain/privacy/types.js';

// Checks the corpora themselves, not the screen: a refuse case whose NHS number has a wrong
// check digit, or an "offending" string that is not in its text, would make the screen's
// tests measure the wrong thing.

const dir = join(import.meta.dirname, '.');

const refuseCase = z.object({
  text: z.string().min(1),
  codes: z.array(z.enum(PRIVACY_REASON_CODES)).min(1),
  offending: z.array(z.string().min(1)).min(1),
  why: z.string().min(1),
});
const cleanCase = z.object({ text: z.string().min(1), why: z.string().min(1) });
const adultCase = cleanCase.extend({ title: z.boolean() });

function readJsonl<T>(file: string, schema: z.ZodType<T>): T[] {
  const lines = readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.message}`);
    return parsed.data;
  });
}

const refuse = readJsonl('refuse.jsonl', refuseCase);
const clean = readJsonl('clean.jsonl', cleanCase);
const adults = readJsonl('adults.jsonl', adultCase);

/** NHS number check digit: weights 10..2 over the first nine digits, modulus 11. */
function validNhs(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((s, d, i) => s + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  return check !== 10 && (check === 11 ? 0 : check) === Number(digits[9]);
}

/** UPN check letter (DfE): weights 2..13 over the twelve digits, modulus 23, letters without I, O, S. */
function validUpn(upn: string): boolean {
  if (!/^[A-Z]\d{12}$/.test(upn)) return false;
  const sum = [...upn.slice(1)].reduce((s, d, i) => s + Number(d) * (i + 2), 0);
  return 'ABCDEFGHJKLMNPQRTUVWXYZ'[sum % 23] === upn[0];
}

const fold = (s: string): string => s.normalize('NFKC').replace(/[\p{Cf}]/gu, '');

describe('privacy corpora files', () => {
  it('hold enough cases on each side', () => {
    expect(refuse.length).toBeGreaterThanOrEqual(220);
    expect(clean.length).toBeGreaterThanOrEqual(220);
    expect(adults.length).toBeGreaterThan(0);
  });

  it('name only substrings that are in the text', () => {
    for (const c of refuse) for (const o of c.offending) expect(c.text, o).toContain(o);
  });

  it('use NHS numbers with a valid check digit', () => {
    const cases = refuse.filter((c) => c.why === 'nhs_number');
    expect(cases.length).toBeGreaterThanOrEqual(10);
    for (const c of cases) {
      for (const o of c.offending) expect(validNhs(fold(o).replace(/\D/g, '')), c.text).toBe(true);
    }
  });

  it('use UPNs with a valid check letter', () => {
    const cases = refuse.filter((c) => c.why === 'upn');
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const c of cases) {
      for (const o of c.offending) expect(validUpn(fold(o).replace(/[^A-Za-z0-9]/g, '').toUpperCase()), c.text).toBe(true);
    }
  });

  it('keep clean texts free of valid NHS numbers', () => {
    for (const c of clean) {
      for (const run of fold(c.text).match(/\d{10}/g) ?? []) expect(validNhs(run), c.text).toBe(false);
    }
  });

  it('never repeat a text across files', () => {
    const texts = [...refuse, ...clean, ...adults].map((c) => c.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('mark adult lines with a title correctly', () => {
    const title = /\b(mr|mrs|ms|miss|mx|dr|prof|cllr)\b\.?\s/i;
    for (const a of adults) expect(title.test(a.text), a.text).toBe(a.title);
  });
});
