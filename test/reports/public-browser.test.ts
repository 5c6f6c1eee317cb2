// The public pages in a real browser (headless Debian Chromium), on the demo plan with the
// quarterly round run to its close: axe-core finds no serious or critical WCAG 2.2 AA problem on
// the plan, an action, the index, the latest report and its easy-read version; each page prints
// without its navigation and keeps its charts; the report and its easy-read version become A4
// PDFs. Skips, saying why, where Chromium is not installed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { runQuarterlyCycle } from '../../src/jobs/quarterly-cycle.js';
import { chromiumPath, ChromiumMissingError, htmlToPdf } from '../../src/reports/pdf.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore } from '../support/store.js';
import { depsFor, withDemo } from '../jobs/support.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`[public pages in Chromium] SKIPPED: no browser at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_22_AA = (process.env.AXE_TAGS ?? 'wcag2a,wcag2aa,wcag21a,wcag21aa,wcag22aa').split(',');
const PAGES = ['/plan', '/plan/actions/COM-03', '/reports', '/reports/latest', '/reports/latest/easy-read'];

interface Violation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

async function axe(page: Page): Promise<{ violations: Violation[]; review: string[] }> {
  await page.addScriptTag({ content: AXE });
  // Runs in the page (a string: this project's TypeScript has no DOM types). "review" is what axe
  // could not decide alone; docs/ACCESSIBILITY.md says how a person checked it.
  const options = JSON.stringify({ runOnly: { type: 'tag', values: WCAG_22_AA } });
  return page.evaluate(`axe.run(document, ${options}).then((r) => ({
    violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })),
    review: r.incomplete.map((v) => v.id + ' (' + v.nodes.length + ')'),
  }))`);
}

/** A computed style of the first element `loc` finds, as the browser has it. */
function computed(loc: Locator, property: string): Promise<string> {
  return loc.evaluate((el, p) => (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(el)[p] ?? '', property);
}

describe('the missing browser', () => {
  it('is one clear line, naming the fix', () => {
    expect(() => chromiumPath({ CHROMIUM_PATH: '/no/such/chromium' })).toThrow(ChromiumMissingError);
    expect(() => chromiumPath({ CHROMIUM_PATH: '/no/such/chromium' })).toThrow(/^Chromium is not installed at \/no\/such\/chromium: install it with "apt-get install -y chromium", or set CHROMIUM_PATH to the browser\.$/);
  });
});

describe.skipIf(!haveChromium)('the public pages in Chromium', () => {
  let bot: TestBot;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'public-browser-'));
    const store = await withDemo(await createTestStore('embedded'));
    bot = await startTestBot(store, { env: { DATA_DIR: dataDir } });
    const close = await runQuarterlyCycle({ now: new Date('2026-12-31T08:00:00Z'), period: '2026-12-31' }, depsFor(store, { DATA_DIR: dataDir }));
    expect(close.details).toMatchObject({ stage: 'close' });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await bot?.store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // The pages forbid scripts (Content-Security-Policy); axe is the test's own script, so the test's browser lets it in.
  const open = async (address: string) => {
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    const res = await page.goto(`${bot.url}${address}`);
    expect(res?.status(), address).toBe(200);
    return page;
  };

  it('has no serious or critical WCAG 2.2 AA problem on any public page (axe-core)', async () => {
    const found: Record<string, string[]> = {};
    for (const address of PAGES) {
      const page = await open(address);
      const { violations, review } = await axe(page);
      await page.context().close();
      const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      found[address] = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
      const minor = violations.filter((v) => !bad.includes(v));
      if (minor.length) console.warn(`[axe] ${address}: ${minor.map((v) => `${v.impact} ${v.id} (${v.nodes.length})`).join(', ')}`);
      if (process.env.AXE_ALL) console.warn(`[axe] ${address} serious or critical: ${JSON.stringify(found[address])}; to review: ${review.join(', ')}`);
    }
    expect(found).toEqual(Object.fromEntries(PAGES.map((p) => [p, []])));
  }, 120_000);

  it('links the full report and its easy-read version both ways, and from the index', async () => {
    const page = await open('/reports');
    await page.getByRole('link', { name: 'Easy read' }).first().click();
    await expect.poll(() => page.url()).toMatch(/\/reports\/2026-27-q3\/easy-read$/);
    expect(await page.locator('h1').textContent()).toBe('Easy read: our progress, October to December 2026');
    const things = await page.locator('li.easy-item').count();
    expect(things).toBeGreaterThan(0);
    expect(things).toBeLessThanOrEqual(10);
    await page.getByRole('link', { name: 'The full report' }).first().click();
    await expect.poll(() => page.url()).toMatch(/\/reports\/2026-27-q3$/);
    expect(await page.getByRole('link', { name: 'Easy-read version' }).count()).toBe(1);
    await page.context().close();
  }, 60_000);

  it('prints without its navigation and keeps its charts whole', async () => {
    const page = await open('/reports/latest');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('nav').first().isVisible()).toBe(false);
    const charts = page.locator('svg[role="img"]');
    expect(await charts.count()).toBeGreaterThan(2);
    for (let i = 0; i < await charts.count(); i++) {
      expect(await charts.nth(i).isVisible()).toBe(true);
      expect(await computed(charts.nth(i), 'breakInside')).toBe('avoid');
    }
    expect(await computed(page.locator('h2').first(), 'breakAfter')).toBe('avoid');
    await page.context().close();
  }, 60_000);

  it('prints the report and its easy-read version to A4 PDF', async () => {
    for (const address of ['/reports/latest', '/reports/latest/easy-read']) {
      const html = await (await fetch(`${bot.url}${address}`)).text();
      const pdf = await htmlToPdf(html, chromiumPath({ CHROMIUM_PATH: CHROMIUM }));
      expect(pdf.subarray(0, 5).toString('latin1'), address).toBe('%PDF-');
      const text = pdf.toString('latin1');
      // A4 is 595 × 842 points; each page's MediaBox says so.
      expect(text, address).toMatch(/\/MediaBox \[0 0 594\.9\d* 841\.9\d*\]/);
      expect(text, address).toMatch(/\/StructTreeRoot/); // tagged, for screen readers
      expect(pdf.length, address).toBeGreaterThan(20_000);
    }
  }, 60_000);
});
