// Golden test: the quarterly report for the demo data at CLOCK_NOW=2026-12-31 (the quarterly
// cycle's close), in Markdown and HTML, byte for byte against the committed files in
// test/reports/golden/. Then the HTML opens in headless Chromium, its charts render, and the
// screenshot goes to docs/screenshots/quarterly-report.png.
// After an intended change: UPDATE_GOLDEN=1 npx vitest run test/reports
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { runQuarterlyCycle } from '../../src/jobs/quarterly-cycle.js';
import type { Store } from '../../src/store/database.js';
import { createTestStore } from '../support/store.js';
import { depsFor, withDemo } from '../jobs/support.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const GOLDEN = path.join(import.meta.dirname, 'golden');
const SCREENSHOT = path.join(ROOT, 'docs', 'screenshots', 'quarterly-report.png');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CLOCK_NOW = '2026-12-31';

let store: Store;
let dataDir: string;
let markdown = '';
let html = '';

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-golden-'));
  // As `DEMO_DATA=1 CLOCK_NOW=2026-12-31 npm run job -- quarterly-cycle` would: load, then run.
  store = await withDemo(await createTestStore('embedded'), CLOCK_NOW);
  const now = new Date(CLOCK_NOW);
  const result = await runQuarterlyCycle({ now, period: CLOCK_NOW }, depsFor(store, { DATA_DIR: dataDir }));
  expect(result.details).toMatchObject({ quarter: '2026-27 Q3', stage: 'close' });
  const row = await store.db.quarterlyCycle.findUniqueOrThrow({ where: { quarter: '2026-27 Q3' } });
  markdown = row.markdown!;
  html = row.html!;
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function golden(name: string, actual: string): void {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, actual);
    console.warn(`[golden] wrote ${path.relative(ROOT, file)}`);
  }
  if (!fs.existsSync(file)) throw new Error(`No golden file ${path.relative(ROOT, file)}: run UPDATE_GOLDEN=1 npx vitest run test/reports`);
  expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe('quarterly report for the demo plan at 31 December 2026', () => {
  it('matches the golden Markdown', () => {
    golden('quarterly-2026-27-Q3.md', markdown);
    expect(markdown).toMatch(/^# Quarterly progress report: Q3 2026-27$/m);
    expect(markdown).toMatch(/October to December 2026\. The plan as it stood on Thursday 31 December 2026\./);
    expect(markdown).toMatch(/## What is late and why/);
    // Most overdue first, the owner by job title and organisation, with their latest update as the reason.
    expect(markdown).toMatch(/- \*\*PFA-01\*\* Make a clear path[^\n]*\(WS6, Preparing for Adulthood Lead, Kirklees Council\)\. Late: it was due on 16 October 2026, 76 days ago\. Its owner's status: off track\. Why: Adult social care input delayed\./);
    // Late is late whatever the owner says; the owner's word is shown beside it.
    expect(markdown).toMatch(/- \*\*COM-03\*\* [^\n]*Late: it was due on 30 November 2026, 31 days ago\. Its owner's status: on track\./);
    expect(markdown).not.toMatch(/Liam Byrne|Owen Price|Not linked to an area|46 actions were added/);
    expect(markdown.indexOf('**PFA-01**')).toBeLessThan(markdown.indexOf('**DAT-02**'));
    expect(markdown).not.toMatch(/undefined|NaN|\[object/);
  });

  it('matches the golden HTML: self-contained, with a chart by area and by workstream', () => {
    golden('quarterly-2026-27-Q3.html', html);
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|<link |src="http|href="http|url\(/i);
    // Two status charts, and one small chart per measure with its figures in its text alternative.
    expect(html.match(/<svg /g)).toHaveLength(6);
    expect(html.match(/<svg class="chart"[^>]* role="img" aria-label="[^"]+ Start: [^"]+ Target: [^"]+"/g)).toHaveLength(4);
    expect(html).toMatch(/aria-labelledby="chart-area-title"/);
    expect(html).toMatch(/<th scope="row">Health waiting times<\/th>/);
  });

  it('keeps the files under DATA_DIR/reports', () => {
    expect(fs.readFileSync(path.join(dataDir, 'reports', 'quarterly-2026-27-Q3.md'), 'utf8')).toBe(markdown);
    expect(fs.readFileSync(path.join(dataDir, 'reports', 'quarterly-2026-27-Q3.html'), 'utf8')).toBe(html);
  });

  const haveChromium = fs.existsSync(CHROMIUM);
  if (!haveChromium) console.warn(`[reports] SKIPPED the Chromium check: no browser at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  it.skipIf(!haveChromium)('opens in headless Chromium with its charts (screenshot in docs/screenshots)', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      const requests: string[] = [];
      page.on('request', (r) => { if (!r.url().startsWith('data:') && !r.url().startsWith('about:')) requests.push(r.url()); });
      await page.setContent(html, { waitUntil: 'load' });
      expect(requests).toEqual([]); // nothing fetched: self-contained
      expect(await page.title()).toBe('Quarterly progress report: Q3 2026-27');
      // The two status charts (labelled by their titles); each outcome measure has a small chart of its own.
      const charts = page.locator('svg[role="img"][aria-labelledby]');
      expect(await charts.count()).toBe(2);
      const measureCharts = page.locator('svg.chart[role="img"][aria-label]');
      expect(await measureCharts.count()).toBeGreaterThan(0);
      expect(await measureCharts.first().getAttribute('aria-label')).toMatch(/\d/);
      const areaBars = await page.locator('#chart-area-title ~ rect').count();
      expect(areaBars).toBeGreaterThan(5 + 4); // legend swatches plus bar segments
      const box = await charts.nth(1).boundingBox();
      expect(box!.width).toBeGreaterThan(600);
      expect(box!.height).toBeGreaterThan(200);
      fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT, fullPage: false });
      expect(fs.statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
