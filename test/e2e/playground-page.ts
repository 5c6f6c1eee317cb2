// What the browser journeys share: the browser, a page on the Playground that reaches nothing but
// this machine, a fresh database, and the client's view of a conversation and of the message
// extension. The selectors are the Playground 0.2.28's own (roles and names where it has them).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { pgConfig } from '../../src/store/database.js';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'docs', 'screenshots');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
/** The longest any one thing on screen may take to appear. */
export const STEP_MS = 20_000;

export const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) {
  if (process.env.CI) throw new Error(`Chromium is not at ${CHROMIUM}, and CI must run the browser journeys (.ci/e2e installs it).`);
  console.warn(`[e2e] SKIPPED: Chromium is not at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).`);
}

async function adminQuery(sql: string): Promise<boolean> {
  const client = new pg.Client({ ...pgConfig(ADMIN_URL), connectionTimeoutMillis: 1500 });
  try { await client.connect(); await client.query(sql); return true; } catch { return false; } finally { await client.end().catch(() => undefined); }
}

/** A fresh PostgreSQL database for this run, or undefined (embedded) when no server answers. */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const name = `e2e_${crypto.randomBytes(6).toString('hex')}`;
  if (!(await adminQuery(`CREATE DATABASE ${name}`))) return undefined;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: async () => { await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } };
}

export async function openBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
  });
}

/** A page on the Playground that can reach nothing but this machine (its UI asks a CDN for fonts). */
export async function openPlayground(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(STEP_MS);
  await page.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === '127.0.0.1' || host === 'localhost' ? route.continue() : route.abort();
  });
  await page.goto(url);
  return page;
}

/** The client's view of one conversation: the bot's messages, what this person sent, the composer, screenshots. */
export function chat(page: Page) {
  const cards = page.locator('.fai-OutputCard');
  const composer = page.locator('[role="textbox"][contenteditable="true"]').first();
  // What this person sent: every message has a header, but only other people's name an author.
  const sent = page.locator('div:has(> [aria-label="Message header"])').filter({ hasNot: page.locator('[aria-label="Message author"]') });
  return {
    cards,
    composer,
    sent,
    last: (): Locator => cards.last(),
    async send(text: string): Promise<void> {
      await composer.click();
      await composer.pressSequentially(text);
      await page.getByRole('button', { name: 'Send Message' }).click();
    },
    /** Sends and waits for the bot's next message containing `expected`; returns it. */
    async ask(text: string, expected: RegExp): Promise<Locator> {
      const before = await cards.count();
      await this.send(text);
      await expect.poll(() => cards.count(), { timeout: STEP_MS }).toBeGreaterThan(before);
      const reply = cards.filter({ hasText: expected }).last();
      await reply.waitFor();
      return reply;
    },
    async mention(name: string, text: string): Promise<void> {
      await composer.click();
      await composer.pressSequentially(`@${name.split(' ')[0]}`);
      await page.getByRole('menuitem', { name }).click();
      await composer.pressSequentially(` ${text}`);
      await page.getByRole('button', { name: 'Send Message' }).click();
    },
    async shot(name: string): Promise<void> {
      fs.mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    },
  };
}

/**
 * The compose box's message extension, search command. The Playground reads no manifest, so it is
 * told the command's id and its parameter's name by hand (in Teams they come from the manifest's
 * composeExtensions). Every change in the search box sends one composeExtension/query invoke.
 */
export function messageExtension(page: Page) {
  const panel = page.locator('.fui-PopoverSurface').filter({ hasText: 'Search-Based Message Extension' });
  const options = panel.getByRole('button', { name: 'Specify Command ID or Parameter' });
  /** One result: its title is a heading; the line under it is its sibling. */
  const rows = panel.getByRole('heading', { level: 1 }).locator('xpath=../..');
  return {
    panel,
    rows,
    async open(commandId: string, parameterName: string): Promise<void> {
      await page.getByRole('button', { name: 'Trigger Message Extension App' }).first().click();
      await page.getByRole('menuitem', { name: 'Search Command' }).click();
      await panel.waitFor();
      await options.click();
      await panel.getByRole('textbox', { name: 'Command ID' }).fill(commandId);
      await panel.getByRole('textbox', { name: 'Parameter name' }).fill(parameterName);
      await options.click(); // folded away again, so the results have the room
      await expect.poll(() => options.getAttribute('aria-expanded'), { timeout: STEP_MS }).toBe('false');
    },
    /** Types `text` as one change (one query) and waits for a result matching `expected`; returns it. */
    async search(text: string, expected: RegExp): Promise<Locator> {
      await panel.getByPlaceholder('Enter a search term').fill(text);
      const row = rows.filter({ hasText: expected }).first();
      await row.waitFor();
      return row;
    },
  };
}
