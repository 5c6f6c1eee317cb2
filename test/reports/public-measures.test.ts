// Measures against their targets on the public plan page, through HTTP on both stores: each with
// its course in words, a small chart whose text alternative gives every figure, names as text.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { asDbDate } from '../../src/store/measures.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { createTestStore, describeEachStore } from '../support/store.js';
import { withDemo } from '../jobs/support.js';

describeEachStore('measures on the public plan page', (kind) => {
  let bot: TestBot;
  let body: string;

  beforeAll(async () => {
    const store = await withDemo(await createTestStore(kind));
    await store.db.measure.create({
      data: {
        ref: 'MARKUP', name: 'Families <b>happy</b> with **support**', unit: '%', direction: 'higher', baselineValue: 50, baselineDate: asDbDate('2026-03-31'),
        targetValue: 70, targetDate: asDbDate('2027-03-31'), area: 'communication',
      },
    });
    bot = await startTestBot(store);
    const res = await fetch(`${bot.url}/plan`);
    expect(res.status).toBe(200);
    body = await res.text();
  });
  afterAll(async () => { await bot.close(); await bot.store.close(); });

  it('shows each measure with its course and the trend in words', () => {
    expect(body).toContain('<h2>Are things getting better?</h2>');
    expect(body).toContain('<h3>Average wait for a wheelchair assessment: on course</h3>');
    // The page's first use of EHC is spelt out from the demo glossary.
    expect(body).toContain('<h3>EHC (education, health and care) plans issued within 20 weeks: off course</h3>');
    expect(body).toContain('Getting better: 52% on 30 September 2026, up from 47% on 30 June 2026. Off course for the target of 65% by 31 March 2027. At this rate it would be about 61% by then.');
    expect(body).toContain('<h3>Average wait for speech and language therapy: off course</h3>');
  });

  it('gives each chart a text alternative with every figure and the target', () => {
    const charts = body.match(/<svg [^>]*role="img"[^>]*>/g) ?? [];
    expect(charts).toHaveLength(5);
    expect(body).toContain('aria-label="Average wait for a wheelchair assessment. Lower is better. Start: 31 weeks on 31 December 2025. Readings: 30 weeks on 31 March 2026, 27 weeks on 30 June 2026, 23 weeks on 30 September 2026. Target: 18 weeks by 31 March 2027."');
  });

  it('shows a measure with no readings as too early to say, its name as text', () => {
    expect(body).toContain('<h3>Families &lt;b&gt;happy&lt;/b&gt; with **support**: too early to say</h3>');
    expect(body).toContain('No readings yet.');
    expect(body).not.toContain('<b>happy</b>');
  });

  it('names no one who recorded a figure', () => {
    for (const name of ['Nadia Hussain', 'Grace Okafor', 'Dev Patel']) expect(body).not.toContain(name);
  });
});
