// The quarterly update rounds as the chat commands read them: when a quarter's round opened and
// closed, and the open actions and people to check against it.
import type { Action, Person } from '../domain/plan/types.js';
import type { Db } from './database.js';
import { loadOpenActions, loadPeople } from './plan-load.js';

export interface RoundRow { openedAt: Date | null; closedAt: Date | null }

export class UpdateRoundRepository {
  constructor(private readonly db: Db) {}

  /** The stored round of a quarter ("2026-27 Q3"), if any. */
  async byQuarter(quarter: string): Promise<RoundRow | null> {
    return this.db.quarterlyCycle.findUnique({ where: { quarter }, select: { openedAt: true, closedAt: true } });
  }

  /** Every stored round: opened and closed, by quarter. */
  async states(): Promise<Map<string, { opened: boolean; closed: boolean }>> {
    const rows = await this.db.quarterlyCycle.findMany({ select: { quarter: true, openedAt: true, closedAt: true } });
    return new Map(rows.map((r) => [r.quarter, { opened: !!r.openedAt, closed: !!r.closedAt }]));
  }

  openActions(): Promise<Action[]> { return loadOpenActions(this.db); }

  people(): Promise<Map<number, Person>> { return loadPeople(this.db); }
}
