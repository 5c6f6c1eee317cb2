// The privacy screen against the shared corpora in test/domain/privacy/corpora/*.jsonl (written
// apart from the screen's code): refuse.jsonl must be refused in full, clean.jsonl accepted at
// 98 % or better, adults.jsonl accepted (titled adults as they are, others with their names in
// the directory). Each line: {"text", "codes"?, "offending"?, "directory"?}. Then a property test
// disguises the refuse cases (case, spacing, full-width forms, zero-width characters,
// punctuation, compatibility forms) and requires every variant to be refused too.
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIVACY_REASON_CODES, screenText } from '../../../src/domain/privacy/index.js';
import { REFUSED } from './corpus.js';

interface Line {
  text: string; codes?: string[]; offending?: string[]; directory?: string[]; title?: boolean;
  /** Only capitals tell a name here ("Li Na is 6"): lower- and upper-case disguises are not asked of it. */
  capitals?: boolean;
}

const DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'corpora');
const files = fs.existsSync(DIR) ? fs.readdirSync(DIR).filter((f) => f.endsWith('.jsonl')).sort() : [];

function load(name: string): Line[] {
  const file = path.join(DIR, name);
  if (!fs.existsSync(file)) return [];
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    const parsed = JSON.parse(l) as Line;
    if (typeof parsed.text !== 'string') throw new Error(`${name}:${i + 1} has no "text"`);
    return parsed;
  });
}

const refuse = load('refuse.jsonl');
const clean = load('clean.jsonl');
const adults = load('adults.jsonl');
const others = files.filter((f) => !['refuse.jsonl', 'clean.jsonl', 'adults.jsonl'].includes(f));

describe('the corpora folder', () => {
  it.skipIf(files.length > 0)('is absent: test/domain/privacy/corpora/*.jsonl not found, corpus checks skipped', () => {});
  it.runIf(others.length > 0)('holds only refuse, clean and adults files', () => {
    expect(others, 'files this test does not know how to read').toEqual([]);
  });
});

describe.runIf(refuse.length > 0)(`refuse.jsonl (${refuse.length} cases)`, () => {
  it('is refused in full, with the codes given and no message repeating the text', () => {
    const missed: string[] = [];
    for (const c of refuse) {
      const result = screenText(c.text);
      if (result.ok) { missed.push(c.text); continue; }
      // variants.md: a case passes when it is refused for at least one of its codes.
      for (const code of c.codes ?? []) expect(PRIVACY_REASON_CODES as readonly string[]).toContain(code);
      const given = result.reasons.map((r) => r.code as string);
      if (c.codes?.length && !c.codes.some((code) => given.includes(code))) { missed.push(c.text); continue; }
      for (const r of result.reasons) for (const o of c.offending ?? []) expect(r.message).not.toContain(o);
    }
    console.log(`refuse.jsonl: refused ${refuse.length - missed.length}/${refuse.length}`);
    expect(missed, `${missed.length} of ${refuse.length} got through`).toEqual([]);
  });
});

// As the bot screens with a plan loaded: the demo plan's people (adults) and its settings and
// clusters (places), read from the plan's own CSV files. Their first columns hold no commas.
function demoColumn(file: string, column: number): string[] {
  const csv = fs.readFileSync(path.join(DIR, '..', '..', '..', '..', 'prisma', 'demo', 'kirklees', file), 'utf8');
  return csv.split(/\r?\n/u).slice(1).filter((l) => l.trim()).map((l) => l.split(',')[column] ?? '');
}
const demoPlan = {
  adultNames: demoColumn('people.csv', 1),
  placeNames: [...demoColumn('settings.csv', 0), ...demoColumn('clusters.csv', 1)],
};

describe.runIf(clean.length > 0)(`clean.jsonl (${clean.length} cases)`, () => {
  it('is accepted at 98 % or better, screened with the demo plan\'s people and places', () => {
    const refused = clean.filter((c) => !screenText(c.text, demoPlan).ok).map((c) => c.text);
    const accepted = (clean.length - refused.length) / clean.length;
    console.log(`clean.jsonl: accepted ${clean.length - refused.length}/${clean.length}`);
    expect(accepted, `refused ${refused.length}: ${JSON.stringify(refused.slice(0, 10))}`).toBeGreaterThanOrEqual(0.98);
  });
});

describe.runIf(adults.length > 0)(`adults.jsonl (${adults.length} cases)`, () => {
  it('accepts adults named with a title, or given in the directory', () => {
    // As the bot calls it: a titled adult needs nothing; for the others it passes the plan's
    // people, here every run of capitalised words in the line (found without the screen's help).
    const people = (t: string) => t.match(/\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*)*/gu) ?? [];
    const refused = adults.filter((c) => {
      const directory = c.directory ?? (c.title === false ? people(c.text) : undefined);
      return !screenText(c.text, directory ? { adultNames: directory } : {}).ok;
    }).map((c) => c.text);
    console.log(`adults.jsonl: accepted ${adults.length - refused.length}/${adults.length}`);
    expect(refused).toEqual([]);
  });
});

// ---- disguises -----------------------------------------------------------------------------

const FULL_WIDTH = (s: string) => s.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const ZERO_WIDTH = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'];
const SPACES = ['\u00A0', '\u2007', '\u202F', '\u3000'];

const CASE_DISGUISES = [(s: string) => s.toLowerCase(), (s: string) => s.toUpperCase()];

/** One disguise applied to a text; all keep the letters a reader sees. */
const disguise = fc.oneof(
  ...CASE_DISGUISES.map((f) => fc.constant(f)),
  fc.constant((s: string) => FULL_WIDTH(s)),
  fc.constant((s: string) => s.normalize('NFD')),
  fc.constant((s: string) => s.replace(/'/g, '\u2019')),
  fc.constant((s: string) => s.replace(/ /g, SPACES[s.length % SPACES.length] as string)),
  fc.constant((s: string) => `"${s}"`),
  fc.constant((s: string) => `${s} !!`),
  fc.constant((s: string) => `- ${s.replace(/\.$/, '')};`),
  fc.nat(1000).map((seed) => (s: string) => {
    // Zero-width characters inside words.
    let k = seed;
    return s.replace(/\p{L}(?=\p{L})/gu, (ch) => (++k % 3 === 0 ? ch + (ZERO_WIDTH[k % ZERO_WIDTH.length] as string) : ch));
  }),
);

const bases = [...REFUSED.map((c) => c.text), ...refuse.map((c) => c.text)];
const capitalsOnly = new Set(refuse.filter((c) => c.capitals).map((c) => c.text));

describe('disguised refuse cases', () => {
  it('are all refused (at least 300 generated variants)', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.array(disguise, { minLength: 1, maxLength: 3 }), (text, all) => {
        runs++;
        const fs_ = capitalsOnly.has(text) ? all.filter((f) => !CASE_DISGUISES.includes(f)) : all;
        const variant = fs_.reduce((t, f) => f(t), text);
        expect(screenText(variant).ok, JSON.stringify(variant)).toBe(false);
      }),
      { numRuns: Math.max(300, bases.length * 3), seed: 20261203 },
    );
    expect(runs).toBeGreaterThanOrEqual(300);
  });
});
