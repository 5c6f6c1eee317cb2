// Loading a quarter's report data and keeping the files: the QuarterlyCycle row holds the
// Markdown and HTML, and copies go under DATA_DIR/reports/ for people who want the files.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FinancialQuarter } from '../domain/time/quarters.js';
import { londonDate, londonMidnight } from '../domain/time/london.js';
import { addDays } from '../domain/time/dates.js';
import { cycleKey } from '../domain/quarterly/cycle.js';
import type { Db } from '../store/database.js';
import { isUniqueViolation } from '../store/errors.js';
import { loadActions, loadChanges, loadPeople, loadRatings, loadWorkstreams } from '../jobs/load.js';
import { buildQuarterlyReport, type QuarterlyReport } from './quarterly.js';

export function reportFileBase(q: FinancialQuarter): string {
  return `quarterly-${q.year}-Q${q.quarter}`;
}

/** Builds the report for quarter `q` as the plan stands at `now`. */
export async function buildReportFromDb(db: Db, q: FinancialQuarter, now: Date, final: boolean): Promise<QuarterlyReport> {
  const from = londonMidnight(q.start);
  const to = londonMidnight(addDays(q.end, 1));
  const [actions, workstreams, people, changes, ratings, cycle] = await Promise.all([
    loadActions(db), loadWorkstreams(db), loadPeople(db), loadChanges(db, from, new Date(Math.min(to.getTime(), now.getTime() + 1))),
    loadRatings(db), db.quarterlyCycle.findUnique({ where: { quarter: cycleKey(q) } }),
  ]);
  return buildQuarterlyReport({
    quarter: q, today: londonDate(now), actions, workstreams, people, changes,
    ratings: ratings.filter((r) => r.ratedAt.getTime() <= now.getTime()),
    cycle: cycle ? { openedAt: cycle.openedAt } : null, final,
  });
}

export interface SavedReport { markdownPath: string; htmlPath: string }

/** Keeps the report: in the QuarterlyCycle row (closing it when final) and as files. */
export async function saveReport(db: Db, dataDir: string, q: FinancialQuarter, report: QuarterlyReport, now: Date, close: boolean): Promise<SavedReport> {
  const key = cycleKey(q);
  const data = { markdown: report.markdown, html: report.html, ...(close ? { closedAt: now } : {}) };
  const existing = await db.quarterlyCycle.findUnique({ where: { quarter: key } });
  if (!existing) {
    try {
      await db.quarterlyCycle.create({ data: { quarter: key, createdAt: now, ...data } });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err; // another replica created it: update below
      await db.quarterlyCycle.updateMany({ where: { quarter: key, closedAt: null }, data });
    }
  } else if (close || !existing.closedAt) {
    // A closed cycle keeps its closing report: a draft built later never overwrites it.
    await db.quarterlyCycle.update({ where: { quarter: key }, data: existing.closedAt ? { markdown: report.markdown, html: report.html } : data });
  }
  const dir = path.join(dataDir, 'reports');
  await fs.mkdir(dir, { recursive: true });
  const base = `${reportFileBase(q)}${close ? '' : '-draft'}`;
  const markdownPath = path.join(dir, `${base}.md`);
  const htmlPath = path.join(dir, `${base}.html`);
  await fs.writeFile(markdownPath, report.markdown);
  await fs.writeFile(htmlPath, report.html);
  return { markdownPath, htmlPath };
}

/** A quarter's report built from the plan and kept: what the flows need, over one database. */
export interface ReportArchive {
  build(q: FinancialQuarter, now: Date, final: boolean): Promise<QuarterlyReport>;
  save(q: FinancialQuarter, report: QuarterlyReport, now: Date, close: boolean): Promise<SavedReport>;
}

export function reportArchive(db: Db, dataDir: string): ReportArchive {
  return {
    build: (q, now, final) => buildReportFromDb(db, q, now, final),
    save: (q, report, now, close) => saveReport(db, dataDir, q, report, now, close),
  };
}
