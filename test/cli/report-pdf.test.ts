// npm run report -- --pdf, run as a person runs it: against a data folder where the quarterly
// round has closed, it writes an A4 PDF of the published report (or its easy-read version); a
// quarter with no report, a malformed option or a missing browser each get one line, not a trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/database.js';
import { runQuarterlyCycle } from '../../src/jobs/quarterly-cycle.js';
import { depsFor, withDemo } from '../jobs/support.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
// The run's folder is the data folder (where the PDF lands by default), so tsx is named by its file.
const TSX = pathToFileURL(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`[report --pdf] SKIPPED the PDF runs: no browser at ${CHROMIUM}. Install it with: apt-get install -y chromium (or set CHROMIUM_PATH).`);

let dataDir: string;

function report(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    execFile(process.execPath, ['--import', TSX, path.join(ROOT, 'src/cli/report.ts'), ...args],
      { cwd: dataDir, env: { ...rest, DATA_DIR: dataDir, CHROMIUM_PATH: CHROMIUM, LOG_LEVEL: 'silent', NO_COLOR: '1', ...env }, timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }));
  });
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-pdf-'));
  // As `DEMO_DATA=1 npm run job -- quarterly-cycle` would at the quarter's close, in a data folder.
  const store = await withDemo(await openStore({ dataDir: path.join(dataDir, 'pglite') }));
  try {
    const close = await runQuarterlyCycle({ now: new Date('2026-12-31T08:00:00Z'), period: '2026-12-31' }, depsFor(store, { DATA_DIR: dataDir }));
    expect(close.details).toMatchObject({ stage: 'close' });
  } finally {
    await store.close();
  }
}, 120_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('npm run report', () => {
  it('explains a malformed option in one line', async () => {
    const cases = [['--pdf', '--quarter', '2026-q7'], ['--quarter', '2026-q3'], ['--pdf', '--out', 'report.docx'], ['--pdf', '--colour']];
    const runs = await Promise.all(cases.map((args) => report(args)));
    runs.forEach((run, i) => {
      expect(run.code, cases[i]!.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), cases[i]!.join(' ')).toHaveLength(1);
    });
  }, 60_000);

  it('says in one line that Chromium is missing, and how to install it', async () => {
    const run = await report(['--pdf'], { CHROMIUM_PATH: '/no/such/chromium' });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('Chromium is not installed at /no/such/chromium: install it with "apt-get install -y chromium", or set CHROMIUM_PATH to the browser.');
  }, 60_000);

  it.skipIf(!haveChromium)('writes the published report and its easy-read version as A4 PDFs', async () => {
    const full = await report(['--pdf']);
    expect(full.stderr).toBe('');
    expect(full.code).toBe(0);
    const file = path.join(dataDir, 'quarterly-report-2026-27-q3.pdf');
    expect(full.stdout).toContain(`Wrote ${file}`);
    const easy = await report(['--pdf', '--quarter', '2026-q3', '--easy-read', '--out', 'easy.pdf']);
    expect(easy.code).toBe(0);
    for (const pdf of [file, path.join(dataDir, 'easy.pdf')]) {
      const bytes = fs.readFileSync(pdf);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 594\.9\d* 841\.9\d*\]/);
    }
  }, 120_000);

  it.skipIf(!haveChromium)('says so when the quarter has no published report', async () => {
    const run = await report(['--pdf', '--quarter', '2026-27-q2']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('That quarter\'s report has not been published.');
  }, 60_000);
});
