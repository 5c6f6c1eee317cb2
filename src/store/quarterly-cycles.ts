// The quarterly update round's row: when it opened and closed, and the report kept with it.
import type { Db } from './database.js';
import { isUniqueViolation } from './errors.js';

export interface CycleState { opened: boolean; closed: boolean; openedAt: Date | null }
export interface ReportFiles { markdown: string; html: string }

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

  /** Keeps the report in the cycle's row, closing the cycle when `close`. */
  async keepReport(key: string, report: ReportFiles, now: Date, close: boolean): Promise<void> {
    const db = this.db;
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
  }
}
