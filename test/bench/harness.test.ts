// The benchmark harness at a tiny size (200 actions, 20 questions), so that it cannot rot:
// the question set stays distinct and drawn from the loaded plan, and `npm run bench` still runs
// every step end to end and writes its tables between the markers.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { END, START, replaceBetweenMarkers, runAll } from '../../bench/run-all.js';
import { makeQuestions, readPlan } from '../../bench/questions.js';
import { parseSize, planFolder } from '../../bench/lib/plan-stores.js';

describe('the question set', () => {
  it('is distinct in wording, in what it asks and in who asks, and comes from the plan', () => {
    const folder = planFolder(200);
    const plan = readPlan(folder);
    const qs = makeQuestions(folder, 20);
    expect(qs).toHaveLength(20);
    expect(new Set(qs.map((q) => q.text.toLowerCase())).size).toBe(20);
    expect(new Set(qs.map((q) => `${q.category}:${q.key}`)).size).toBe(20);
    expect(new Set(qs.map((q) => q.asker.aad)).size).toBe(20);
    expect(new Set(qs.map((q) => q.category)).size).toBe(10);
    const refs = new Set(plan.actions.map((a) => a.ref));
    for (const q of qs.filter((x) => x.category === 'ref' || x.category === 'history')) expect(refs.has(q.key)).toBe(true);
    for (const q of qs.filter((x) => x.category === 'title-missing')) {
      expect(q.key.split(' ').some((w) => plan.vocabulary.has(w))).toBe(false);
    }
  });

  it('has at least 480 distinct questions in a plan of 5 000 actions, no reference asked about twice', () => {
    const qs = makeQuestions(planFolder(5_000), 480);
    expect(new Set(qs.map((q) => q.text.toLowerCase())).size).toBe(480);
    const refs = qs.filter((q) => q.category === 'ref' || q.category === 'history').map((q) => q.key);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('reads sizes as people write them', () => {
    expect([parseSize('200'), parseSize('100k'), parseSize('1M')]).toEqual([200, 100_000, 1_000_000]);
    expect(() => parseSize('lots')).toThrow(/--size/);
  });
});

describe('the doc writer', () => {
  it('replaces what is between the markers and leaves the rest alone, and appends markers once', () => {
    const doc = `# B\n\nbefore\n\n${START}\nold\n${END}\n\nafter\n`;
    const once = replaceBetweenMarkers(doc, 'new table');
    expect(once).toBe(`# B\n\nbefore\n\n${START}\nnew table\n${END}\n\nafter\n`);
    expect(replaceBetweenMarkers(once, 'newer')).toContain(`${START}\nnewer\n${END}\n\nafter`);
    const fresh = replaceBetweenMarkers('# B\n', 'x');
    expect(replaceBetweenMarkers(fresh, 'y').split(START)).toHaveLength(2);
  });
});

describe('npm run bench at 200 actions', () => {
  it('runs every step against the echo bot and writes the tables', async () => {
    const doc = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-doc-')), 'BENCHMARKS.md');
    fs.writeFileSync(doc, `# Benchmarks\n\n${START}\nold\n${END}\n\n## Kept\n`);
    await runAll({ size: '200', questions: 20, pgLarge: '300', only: ['ask', 'cards', 'startup'], doc, cardIterations: 5, cardConcurrent: 3, command: 'npm run bench -- --size 200' });
    const text = fs.readFileSync(doc, 'utf8');
    expect(text).not.toContain('\nold\n');
    expect(text).toContain('## Kept');
    expect(text).toMatch(/load average was \d+\.\d\d at the start/);
    expect(text).toContain(`Node ${process.version}`);
    // One row per store, ratios to the echo bot and to the floor, nothing misunderstood or failed.
    const rows = text.split('\n').filter((l) => /^\| (embedded|PostgreSQL)\b.*\| (200|300) \| 20 \(20\) \|/.test(l));
    expect(rows).toHaveLength(3); // both stores at 200, and the large PostgreSQL run (1M in earnest) at 300
    for (const row of rows) {
      const cells = row.split('|').map((c) => c.trim());
      expect(cells.slice(7, 11).every((c) => /^\d+\.\d ×$/.test(c))).toBe(true);
      expect(cells.slice(11, 13)).toEqual(['0', '0']);
    }
    expect(text).not.toContain('the floor is not what it claims');
    expect(text).toMatch(/\| bot, PostgreSQL, 200 actions \| \d+ \| \d+\.\d × \|/);
    expect(text).toMatch(/action\.save .*\| \d+\.\d × \|/);
    expect(text).toMatch(/\| echo bot \(no database\) \| \d+ \|/);
  }, 480_000);
});
