// The quarterly update round's row: when it opened and closed, and the report kept with it.
import type { Db } from './database.js';
import { isUniqueViolation } from './errors.js';

export interface CycleState { opened: boolean; closed: boolean; openedAt: Date | null }
export interface ReportFiles { markdown: string; html: string; /** The easy-read page, when built. */ easyRead?: string | null }
export interface PublishedReport extends ReportFiles { key: string; publishedAt: Date; easyRead: string | null }

export class QuarterlyCycleRepository {
  constructor(private readonly db: Db) {}

  /** Every cycle by its key ('2026-Q3'). */
  async states(): Promise<Map<string, CycleState>> {
    const rows = await this.db.quarterlyCycle.findMany({ select: { quarter: true, openedAt: true, closedAt: true } });
    return new Map(rows.map((r) => [r.quarter, { opened: r.openedAt !== null, closed: r.closedAt !== null, openedAt: r.openedAt }]));
  }

  /** The cycle's row, when the round or a report has ever been kept for it. */
  async find(key: string): Promise<{ openedAt: Date | null } | null> {
    return this.db.quarterlyCycle.findUnique({ where: { quarter: key }, select: { openedAt: true } });
  }

  /** Marks the cycle open (once, whichever replica gets there first); returns when it opened. */
  async markOpened(key: string, now: Date): Promise<Date> {
    const db = this.db;
    const row = await db.quarterlyCycle.findUnique({ where: { quarter: key } });
    if (row?.openedAt) return row.openedAt;
    if (!row) {
      try { await db.quarterlyCycle.create({ data: { quarter: key, openedAt: now, createdAt: now } }); return now; } catch (err) {
        if (!isUniqueViolation(err)) throw err;
      }
    }
    await db.quarterlyCycle.updateMany({ where: { quarter: key, openedAt: null }, data: { openedAt: now } });
    const after = await db.quarterlyCycle.findUnique({ where: { quarter: key } });
    return after?.openedAt ?? now;
  }

  /** The published reports' keys and dates, newest quarter first. */
  async published(): Promise<{ key: string; publishedAt: Date; easyRead: boolean }[]> {
    const rows = await this.db.quarterlyCycle.findMany({
      where: { publishedAt: { not: null }, markdown: { not: null }, html: { not: null } },
      select: { quarter: true, publishedAt: true, easyRead: true }, orderBy: { quarter: 'desc' },
    });
    return rows.map((r) => ({ key: r.quarter, publishedAt: r.publishedAt!, easyRead: r.easyRead !== null }));
  }

  /** One quarter's published report, or null when it is not published (a draft, or no report). */
  async publishedReport(key: string): Promise<PublishedReport | null> {
    const row = await this.db.quarterlyCycle.findUnique({ where: { quarter: key }, select: { quarter: true, publishedAt: true, markdown: true, html: true, easyRead: true } });
    if (!row?.publishedAt || row.markdown === null || row.html === null) return null;
    return { key: row.quarter, publishedAt: row.publishedAt, markdown: row.markdown, html: row.html, easyRead: row.easyRead };
  }

  /** Keeps the report in the cycle's row, closing the cycle when `close`. */
  async keepReport(key: string, report: ReportFiles, now: Date, close: boolean): Promise<void> {
    const db = this.db;
    // Closing publishes: the public pages serve a report from then on, never a draft.
    const files = { markdown: report.markdown, html: report.html, ...(report.easyRead !== undefined ? { easyRead: report.easyRead } : {}) };
    const data = { ...files, ...(close ? { closedAt: now, publishedAt: now } : {}) };
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
      await db.quarterlyCycle.update({ where: { quarter: key }, data: existing.closedAt
        ? { ...files, ...(close ? { publishedAt: existing.publishedAt ?? now } : {}) } : data });
    }
  }
}
