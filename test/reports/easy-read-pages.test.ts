// The easy-read report through HTTP against the real server, on both stores. A parent follows
// "Easy read" from the index and reads the ten things that matter most, in short sentences that
// name nobody; the full report links to it; a draft has none; an unknown quarter gets the kind
// "not found" page; a report kept before easy-read versions existed still serves, without the link.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runQuarterlyCycle } from '../../src/jobs/quarterly-cycle.js';
import { withPrintCss } from '../../src/reports/print.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { depsFor, withDemo } from '../jobs/support.js';

const MARKUP_TITLE = 'Check the <b>sign</b> & "menu" pages';

async function get(bot: TestBot, address: string): Promise<{ status: number; body: string; location: string | null }> {
  const res = await fetch(`${bot.url}${address}`, { redirect: 'manual' });
  return { status: res.status, body: await res.text(), location: res.headers.get('location') };
}

/** The page's visible sentences: tags gone, split at full stops. */
function sentences(html: string): string[] {
  const main = /<main>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
  const text = main.replace(/<nav[\s\S]*?<\/nav>/g, '').replace(/<h[1-3][^>]*>[\s\S]*?<\/h[1-3]>/g, '').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');
  return text.split(/(?<=[.?!])\s+/).map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
}

describeEachStore('the easy-read report', (kind) => {
  let bot: TestBot;
  let dataDir: string;
  let names: string[];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'easy-read-'));
    const store = await withDemo(await createTestStore(kind));
    // The most late job of the plan, with a title that carries markup.
    await store.db.action.update({ where: { ref: 'COM-03' }, data: { title: MARKUP_TITLE, dueDate: new Date('2026-06-01'), status: 'on_track' } });
    names = (await store.db.person.findMany()).map((p) => p.name);
    bot = await startTestBot(store, { env: { DATA_DIR: dataDir } });
  }, 120_000);
  afterAll(async () => {
    await bot.close();
    await bot.store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('has no easy-read version before the report is published', async () => {
    const page = await get(bot, '/reports/latest/easy-read');
    expect(page.status).toBe(404);
    expect(page.body).toMatch(/No quarterly report has been published yet/);
  });

  it('serves the easy-read version once the round closes, linked both ways and from the index', async () => {
    const close = await runQuarterlyCycle({ now: new Date('2026-12-31T08:00:00Z'), period: '2026-12-31' }, depsFor(bot.store, { DATA_DIR: dataDir }));
    expect(close.details).toMatchObject({ stage: 'close' });

    const easy = await get(bot, '/reports/latest/easy-read');
    expect(easy.status).toBe(200);
    expect(easy.body).toMatch(/<h1>Easy read: our progress, October to December 2026<\/h1>/);
    expect(easy.body).toContain('<a href="/reports/2026-27-q3">The full report</a>');
    // The most late job comes first among the late ones, its title escaped.
    expect(easy.body).toContain(`<a href="/plan/actions/COM-03">Check the &lt;b&gt;sign&lt;/b&gt; &amp; &quot;menu&quot; pages</a>`);
    expect(easy.body).not.toContain('<b>');
    const things = easy.body.match(/<li class="easy-item/g) ?? [];
    expect(things.length).toBeGreaterThan(0);
    expect(things.length).toBeLessThanOrEqual(10);
    // The kept file is the page as served, less the print stylesheet the site adds.
    expect(withPrintCss(fs.readFileSync(path.join(dataDir, 'reports', 'quarterly-2026-27-Q3-easy-read.html'), 'utf8'))).toBe(easy.body);

    expect((await get(bot, '/reports/2026-27-q3/easy-read')).body).toBe(easy.body);
    const short = await get(bot, '/reports/2026-q3/easy-read');
    expect(short.status).toBe(301);
    expect(short.location).toBe('/reports/2026-27-q3/easy-read');
    expect((await get(bot, '/reports/latest')).body).toContain('<a href="/reports/2026-27-q3/easy-read">Easy-read version</a>');
    expect((await get(bot, '/reports')).body).toContain('<a href="/reports/2026-27-q3/easy-read">Easy read</a>');
  });

  it('speaks in short sentences and names nobody', async () => {
    const { body } = await get(bot, '/reports/latest/easy-read');
    const all = sentences(body);
    expect(all.length).toBeGreaterThan(10);
    const long = all.filter((s) => s.split(' ').length > 12);
    expect(long).toEqual([]);
    const words = new Set(names.flatMap((n) => [n, ...n.split(' ')]).map((w) => w.toLowerCase()));
    expect([...words].filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(body))).toEqual([]);
  });

  it('gives the kind "not found" page for a quarter with no report or a malformed address', async () => {
    for (const address of ['/reports/2026-27-q2/easy-read', '/reports/latest.md/easy-read', '/reports/2026-29-q3/easy-read', '/reports/nonsense/easy-read']) {
      const page = await get(bot, address);
      expect(page.status, address).toBe(404);
      expect(page.body, address).toMatch(/We cannot find that page/);
    }
  });

  it('still serves a report kept before easy-read versions existed, without the link', async () => {
    await bot.store.db.quarterlyCycle.update({ where: { quarter: '2026-27 Q3' }, data: { easyRead: null } });
    expect((await get(bot, '/reports/latest')).status).toBe(200);
    expect((await get(bot, '/reports/latest')).body).not.toContain('/easy-read"');
    expect((await get(bot, '/reports')).body).not.toContain('/easy-read"');
    const page = await get(bot, '/reports/latest/easy-read');
    expect(page.status).toBe(404);
    expect(page.body).toMatch(/published before there were easy-read versions/);
  });
});
