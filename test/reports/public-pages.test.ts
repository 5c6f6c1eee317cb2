// The public pages through HTTP against the real server, on both stores: the demo plan with
// notes that carry markup or name people, a draft report built on demand (not served), then the
// quarterly round closed (published). No page may carry the name of anyone in people.csv.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runQuarterlyCycle } from '../../src/jobs/quarterly-cycle.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { depsFor, withDemo } from '../jobs/support.js';

const MARKUP = '<script>alert("x")</script> **bold** [a link](http://evil.example) | a pipe & more';
const NOTES: Record<string, string> = {
  'COM-06': MARKUP,
  'DAT-02': 'Waiting on owen price for the figures.', // a staff member, in small letters
  'EAH-05': 'Mrs Kowalczyk at the school is helping with the rota.', // an adult by title
  'PFA-01': 'Oliver, aged 7, is still waiting for his assessment.', // a child
};

async function get(bot: TestBot, address: string): Promise<{ status: number; type: string; body: string; location: string | null }> {
  const res = await fetch(`${bot.url}${address}`, { redirect: 'manual' });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.text(), location: res.headers.get('location') };
}

describeEachStore('public pages', (kind) => {
  let bot: TestBot;
  let dataDir: string;
  let names: string[];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'public-pages-'));
    const store = await withDemo(await createTestStore(kind));
    for (const [ref, note] of Object.entries(NOTES)) {
      await store.db.action.update({ where: { ref }, data: { lastUpdate: note, lastUpdateAt: new Date('2026-11-20T10:00:00Z') } });
    }
    // On track by its owner's word, but past its due date.
    await store.db.action.update({ where: { ref: 'COM-03' }, data: { dueDate: new Date('2026-11-01'), status: 'on_track' } });
    // A reference with a dot, as the importer allows.
    const ws1 = await store.db.workstream.findUniqueOrThrow({ where: { code: 'WS1' } });
    await store.db.action.create({ data: { ref: 'COM.07', title: 'Review the Local Offer pages', workstreamId: ws1.id, area: 'communication', dueDate: new Date('2027-03-31'), status: 'not_started' } });
    names = (await store.db.person.findMany()).map((p) => p.name);
    expect(names).toHaveLength(17);
    bot = await startTestBot(store, { env: { DATA_DIR: dataDir } });
  });
  afterAll(async () => {
    await bot.close();
    await bot.store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** No full name, first name or surname of anyone in people.csv, in any case. */
  function expectNoNames(body: string, where: string): void {
    const words = new Set(names.flatMap((n) => [n, ...n.split(' ')]).map((w) => w.toLowerCase()));
    const found = [...words].filter((w) => new RegExp(`\\b${w}\\b`, 'i').test(body));
    expect(found, where).toEqual([]);
  }

  it('serves the plan: status by workstream and area, codes in words, late shown as late', async () => {
    const page = await get(bot, '/plan');
    expect(page.status).toBe(200);
    expect(page.type).toBe('text/html; charset=utf-8');
    expect(page.body).toMatch(/WS3, the Understanding Need, Demand and Experience \(Data and Insight\) workstream/);
    expect(page.body).toMatch(/<th scope="row">EHC plans<\/th>/);
    expect(page.body).toMatch(/7 open actions are late/);
    expect(page.body).toMatch(/>COM-03<\/a>[^\n]*Late by 21 days<\/span> \(its owner's status: on track\)/);
    expect(page.body).toMatch(/27 actions are not tied to one area for improvement: they are wider work of the plan, in WS1 \(1\), WS2 \(12\)/);
    expect(page.body).not.toMatch(/<script/i);
    expectNoNames(page.body, '/plan');
  });

  it('serves one page per action: owner by job title and organisation, markup in notes escaped', async () => {
    const page = await get(bot, '/plan/actions/com-06');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<dt>Owner<\/dt><dd>Communications Officer, Kirklees Council<\/dd>/);
    expect(page.body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; **bold** [a link](http://evil.example) | a pipe &amp; more');
    expect(page.body).not.toMatch(/<script|<a href="http/i);
  });

  it('withholds a note that names anyone, adult or child', async () => {
    for (const ref of ['DAT-02', 'EAH-05', 'PFA-01']) {
      const page = await get(bot, `/plan/actions/${ref}`);
      expect(page.status, ref).toBe(200);
      expect(page.body, ref).toMatch(/Update withheld from the public page/);
      expect(page.body, ref).not.toMatch(/owen|Kowalczyk|Oliver/i);
    }
    const dotted = await get(bot, '/plan/actions/COM.07');
    expect(dotted.status).toBe(200);
    expect(dotted.body).toMatch(/<dt>Owner<\/dt><dd>No owner yet<\/dd>/);
    const plain = await get(bot, '/plan/actions/DAT-04');
    expect(plain.body).not.toMatch(/withheld from the public page<\/em>/);
  });

  it('no page names anyone in people.csv', async () => {
    const refs = (await bot.store.db.action.findMany({ select: { ref: true } })).map((a) => a.ref);
    expect(refs.length).toBeGreaterThan(40);
    for (const ref of refs) {
      const page = await get(bot, `/plan/actions/${ref}`);
      expect(page.status, ref).toBe(200);
      expectNoNames(page.body, ref);
    }
  });

  it('gives a kind 404 page for unknown or malformed actions and addresses', async () => {
    for (const address of ['/plan/actions/NOPE-99', '/plan/actions/%3Cscript%3E', `/plan/actions/${'x'.repeat(500)}`, '/plan/nothing/here', '/reports/2026-29-q3', '/reports/2019-q5', '/reports/..%2F..%2Fetc']) {
      const page = await get(bot, address);
      expect(page.status, address).toBe(404);
      expect(page.type, address).toBe('text/html; charset=utf-8');
      expect(page.body, address).toMatch(/We cannot find that page/);
    }
  });

  it('does not serve a draft report', async () => {
    const reply = await bot.say('quarterly report', { as: 'amorgan' });
    expect(reply.text).toMatch(/Q3 2026-27 progress report so far/);
    const row = await bot.store.db.quarterlyCycle.findUniqueOrThrow({ where: { quarter: '2026-27 Q3' } });
    expect(row.markdown).toMatch(/This is a draft/);
    for (const address of ['/reports/latest', '/reports/latest.md', '/reports/2026-27-q3', '/reports/2026-27-q3.md']) {
      expect((await get(bot, address)).status, address).toBe(404);
    }
    expect((await get(bot, '/reports')).body).toMatch(/No quarterly report has been published yet/);
  });

  it('serves the report once the round closes: HTML, Markdown, by quarter, and in the index', async () => {
    const close = await runQuarterlyCycle({ now: new Date('2026-12-31T08:00:00Z'), period: '2026-12-31' }, depsFor(bot.store, { DATA_DIR: dataDir }));
    expect(close.details).toMatchObject({ stage: 'close' });

    const latest = await get(bot, '/reports/latest');
    expect(latest.status).toBe(200);
    expect(latest.body).toMatch(/<h1>Quarterly progress report: Q3 2026-27<\/h1>/);
    expect(latest.body).not.toMatch(/This is a draft/);
    expect(latest.body).toContain('&lt;script&gt;');
    expect(latest.body).not.toMatch(/<script/i);
    expect(latest.body).toMatch(/<strong>COM-03<\/strong>[^\n]*Late: it was due on 1 November 2026, 60 days ago\. Its owner's status: on track\./);
    expect(latest.body).toMatch(/update withheld from the public page/);
    expectNoNames(latest.body, '/reports/latest');

    const md = await get(bot, '/reports/latest.md');
    expect(md.status).toBe(200);
    expect(md.type).toBe('text/markdown; charset=utf-8');
    expect(md.body).toMatch(/^# Quarterly progress report: Q3 2026-27$/m);
    expect(md.body).toContain('\\<script\\>alert("x")\\</script\\> \\*\\*bold\\*\\* \\[a link\\](http://evil.example) \\| a pipe \\& more');
    expect(md.body).toMatch(/No actions were added to the plan\./);
    expect(md.body).toMatch(/The plan was first loaded on 22 November 2026 with 46 actions: that is its starting point, not new work\./);
    expectNoNames(md.body, '/reports/latest.md');

    expect((await get(bot, '/reports/2026-27-q3')).body).toBe(latest.body);
    expect((await get(bot, '/reports/2026-27-q3.md')).body).toBe(md.body);
    const short = await get(bot, '/reports/2026-q3.md');
    expect(short.status).toBe(301);
    expect(short.location).toBe('/reports/2026-27-q3.md');
    expect((await get(bot, '/reports/2026-27-q2')).status).toBe(404);

    const index = await get(bot, '/reports');
    expect(index.body).toMatch(/<a href="\/reports\/2026-27-q3">Q3 2026-27<\/a> \(October to December 2026\), published 31 December 2026/);
    expectNoNames(index.body, '/reports');
  });
});
