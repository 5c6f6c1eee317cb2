// Loading a quarter's report data and keeping the files: the QuarterlyCycle row holds the
// Markdown and HTML, and copies go under DATA_DIR/reports/ for people who want the files.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FinancialQuarter } from '../domain/time/quarters.js';
import { londonDate, londonMidnight } from '../domain/time/london.js';
import { addDays } from '../domain/time/dates.js';
import { cycleKey } from '../domain/quarterly/cycle.js';
import type { JobStores } from '../store/job-stores.js';
import { buildQuarterlyReport, type QuarterlyReport } from './quarterly.js';
import { renderEasyRead } from './easy-read.js';
import { reportSlug } from './public-site.js';
import { withGlossary } from './glossary.js';

export function reportFileBase(q: FinancialQuarter): string {
  return `quarterly-${q.year}-Q${q.quarter}`;
}

/** Builds the report for quarter `q` as the plan stands at `now`. */
export async function buildReport(stores: Pick<JobStores, 'plan' | 'cycles'> & Partial<Pick<JobStores, 'measures' | 'glossary'>>, q: FinancialQuarter, now: Date,
  final: boolean): Promise<QuarterlyReport> {
  const from = londonMidnight(q.start);
  const to = londonMidnight(addDays(q.end, 1));
  const { plan } = stores;
  const [actions, workstreams, people, changes, ratings, cycle, measures, terms] = await Promise.all([
    plan.actions(), plan.workstreams(), plan.people(), plan.changes(from, new Date(Math.min(to.getTime(), now.getTime() + 1))),
    plan.ratings(), stores.cycles.find(cycleKey(q)), stores.measures?.all() ?? [], stores.glossary?.all() ?? [],
  ]);
  const report = buildQuarterlyReport({
    quarter: q, today: londonDate(now), actions, workstreams, people, changes,
    ratings: ratings.filter((r) => r.ratedAt.getTime() <= now.getTime()),
    cycle: cycle ? { openedAt: cycle.openedAt } : null, final, measures,
  });
  return withGlossary(report, { terms, workstreams });
}

export interface SavedReport { markdownPath: string; htmlPath: string; easyReadPath: string }

/** Keeps the report: in the QuarterlyCycle row (closing it when final) and as files. */
export async function saveReport(stores: Pick<JobStores, 'cycles'>, dataDir: string, q: FinancialQuarter, report: QuarterlyReport, now: Date, close: boolean): Promise<SavedReport> {
  // The easy-read version is kept beside the report, so it stays as the quarter closed too.
  const easyRead = renderEasyRead(report.model, reportSlug(cycleKey(q)));
  await stores.cycles.keepReport(cycleKey(q), { markdown: report.markdown, html: report.html, easyRead }, now, close);
  const dir = path.join(dataDir, 'reports');
  await fs.mkdir(dir, { recursive: true });
  const base = `${reportFileBase(q)}${close ? '' : '-draft'}`;
  const markdownPath = path.join(dir, `${base}.md`);
  const htmlPath = path.join(dir, `${base}.html`);
  await fs.writeFile(markdownPath, report.markdown);
  const easyReadPath = path.join(dir, `${base}-easy-read.html`);
  await fs.writeFile(htmlPath, report.html);
  await fs.writeFile(easyReadPath, easyRead);
  return { markdownPath, htmlPath, easyReadPath };
}

/** A quarter's report built from the plan and kept: what the flows need, over one database. */
export interface ReportArchive {
  build(q: FinancialQuarter, now: Date, final: boolean): Promise<QuarterlyReport>;
  save(q: FinancialQuarter, report: QuarterlyReport, now: Date, close: boolean): Promise<SavedReport>;
}

export function reportArchive(stores: Pick<JobStores, 'plan' | 'cycles'> & Partial<Pick<JobStores, 'measures' | 'glossary'>>, dataDir: string): ReportArchive {
  return {
    build: (q, now, final) => buildReport(stores, q, now, final),
    save: (q, report, now, close) => saveReport(stores, dataDir, q, report, now, close),
  };
}
