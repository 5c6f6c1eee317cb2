// npm run report -- --pdf [--quarter 2026-q3] [--easy-read] [--out file.pdf]
// Prints a published quarterly report (the newest unless --quarter names one) to an A4 PDF with
// Debian's Chromium, exactly as /reports/... serves it, print stylesheet and all. Reads the same
// database as the bot (DATABASE_URL, or the embedded one in DATA_DIR).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { parseArgs } from 'node:util';
import { clockFromConfig } from '../runtime.js';
import { loadConfig } from '../config.js';
import { openStore } from '../store/database.js';
import { createJobStores } from '../store/job-stores.js';
import { createPublicSite, reportSlug, type QuarterAddress } from '../reports/public-site.js';
import { quarterOfYear } from '../domain/time/quarters.js';
import { chromiumPath, ChromiumMissingError, htmlToPdf } from '../reports/pdf.js';

const USAGE = 'Usage: npm run report -- --pdf [--quarter 2026-q3] [--easy-read] [--out file.pdf]';

// '2026-q3' or '2026-27-q3' (as the report's address has it), or 'latest'.
const quarterArg = z.string().trim().toLowerCase().regex(/^(?:latest|\d{4}(?:-\d{2})?-q[1-4])$/, 'a quarter such as 2026-q3 or 2026-27-q3')
  .transform((raw): 'latest' | QuarterAddress => {
    if (raw === 'latest') return 'latest';
    const m = /^(\d{4})(?:-\d{2})?-q([1-4])$/.exec(raw)!;
    return { startYear: Number(m[1]), quarter: Number(m[2]) as 1 | 2 | 3 | 4 };
  });

interface Options { which: 'latest' | QuarterAddress; easyRead: boolean; out: string | undefined }

function options(argv: string[]): Options | string {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { pdf: { type: 'boolean' }, quarter: { type: 'string' }, 'easy-read': { type: 'boolean' }, out: { type: 'string' } } });
  } catch (err) {
    return `${err instanceof Error ? err.message : String(err)}. ${USAGE}`;
  }
  const v = parsed.values;
  if (!v.pdf) return `Only --pdf is supported for now. ${USAGE}`;
  const which = quarterArg.safeParse(v.quarter ?? 'latest');
  if (!which.success) return `--quarter ${JSON.stringify(v.quarter)} is not ${which.error.issues[0]!.message}.`;
  if (v.out !== undefined && !v.out.toLowerCase().endsWith('.pdf')) return `--out should name a .pdf file, not ${JSON.stringify(v.out)}.`;
  return { which: which.data, easyRead: v['easy-read'] ?? false, out: v.out };
}

/** The served page's HTML, or a one-line reason it is not there. */
async function publishedPage(o: Options): Promise<{ html: string; name: string } | string> {
  const config = loadConfig();
  const store = await openStore({ databaseUrl: config.DATABASE_URL, dataDir: path.join(config.DATA_DIR, 'pglite'), pgliteSharedBuffers: config.PGLITE_SHARED_BUFFERS });
  try {
    const stores = createJobStores(store.db);
    const published = await stores.cycles.published();
    const which = o.which;
    const key = which === 'latest' ? published[0]?.key : published.find((r) => r.key === `${quarterOfYear(which.startYear, which.quarter).year} Q${which.quarter}`)?.key;
    if (!key) return o.which === 'latest' ? 'No quarterly report has been published yet: one is published when its quarter\'s update round closes.' : 'That quarter\'s report has not been published.';
    const site = createPublicSite(stores, clockFromConfig(config));
    // The page exactly as the site serves it, print stylesheet included.
    const page = o.easyRead ? await site.easyRead(o.which) : await site.report(o.which, 'html');
    if (page.status !== 200) return 'That report has no easy-read version: it was published before there were any.';
    return { html: page.body, name: `quarterly-report-${reportSlug(key)}${o.easyRead ? '-easy-read' : ''}.pdf` };
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) { console.log(USAGE); return 0; }
  const o = options(argv);
  if (typeof o === 'string') { console.error(o); return 2; }
  try {
    const browser = chromiumPath(); // before the database: the quickest thing to find missing
    const page = await publishedPage(o);
    if (typeof page === 'string') { console.error(page); return 1; }
    const out = path.resolve(o.out ?? page.name);
    fs.writeFileSync(out, await htmlToPdf(page.html, browser));
    console.log(`Wrote ${out} (${Math.round(fs.statSync(out).size / 1024)} KB).`);
    return 0;
  } catch (err) {
    // One line, not a stack trace: a missing browser, a locked data folder, a full disc.
    console.error(err instanceof ChromiumMissingError ? err.message : `The PDF was not written: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    return 1;
  }
}

process.exitCode = await main();
