// The quarterly update cycle. Quarters are financial (Q1 April–June … Q4 January–March).
// - Ten working days before the quarter ends the cycle opens: every owner of an open action is
//   asked for an update.
// - Reminders go five and two working days before the end to owners still missing updates.
// - On the quarter's last day (or the next working day when that is a weekend or bank holiday)
//   the cycle closes and the report is built.
// Each stage has a window (from its day until the next stage's day) so a run missed while the bot
// was down still happens on the next working day, once.
import type { Action, IsoDate } from '../plan/types.js';
import { isOpen } from '../plan/status.js';
import type { WorkingCalendar } from '../time/bank-holidays.js';
import { addDays } from '../time/dates.js';
import { financialQuarter, previousQuarter, type FinancialQuarter } from '../time/quarters.js';

export const OPEN_WORKING_DAYS_BEFORE_END = 10;
export const REMINDER_WORKING_DAYS_BEFORE_END = [5, 2] as const;

export interface CycleDates {
  quarter: FinancialQuarter;
  /** QuarterlyCycle.quarter, e.g. '2026-27 Q3'. */
  key: string;
  opens: IsoDate;
  reminders: { workingDaysBefore: number; on: IsoDate }[];
  /** The day it closes: the quarter's last day, or the next working day after it. */
  closes: IsoDate;
}

export type CycleStage =
  | { kind: 'idle'; next: CycleDates }
  | { kind: 'open'; cycle: CycleDates }
  | { kind: 'reminder'; cycle: CycleDates; workingDaysBefore: number }
  | { kind: 'close'; cycle: CycleDates };

export function cycleKey(q: FinancialQuarter): string {
  return `${q.year} Q${q.quarter}`;
}

export function cycleDates(q: FinancialQuarter, calendar: WorkingCalendar): CycleDates {
  return {
    quarter: q,
    key: cycleKey(q),
    opens: calendar.workingDaysBefore(q.end, OPEN_WORKING_DAYS_BEFORE_END),
    reminders: REMINDER_WORKING_DAYS_BEFORE_END.map((n) => ({ workingDaysBefore: n, on: calendar.workingDaysBefore(q.end, n) })),
    closes: calendar.nextWorkingDay(q.end),
  };
}

export interface CycleState { opened: boolean; closed: boolean }

/** How long after its closing day a quarter that was never opened here still gets its report. */
export const LATE_CLOSE_WORKING_DAYS = 5;

/**
 * What the cycle should do on `today`. The previous quarter's close comes first (it may fall on a
 * working day after its quarter ended). `state` says which cycles are already opened or closed; a
 * quarter this bot never opened is still closed (and reported) up to LATE_CLOSE_WORKING_DAYS
 * working days after its end, never weeks later on a first deployment.
 */
export function stageOn(today: IsoDate, calendar: WorkingCalendar, state: (key: string) => CycleState): CycleStage {
  const current = cycleDates(financialQuarter(today), calendar);
  const previous = cycleDates(previousQuarter(current.quarter), calendar);
  const prev = state(previous.key);
  if (today >= previous.closes && !prev.closed && today < current.opens
    && (prev.opened || today <= calendar.addWorkingDays(previous.closes, LATE_CLOSE_WORKING_DAYS))) {
    return { kind: 'close', cycle: previous };
  }
  if (today < current.opens) return { kind: 'idle', next: current };
  if (today >= current.closes) {
    return state(current.key).closed
      ? { kind: 'idle', next: cycleDates(financialQuarter(addDays(current.quarter.end, 1)), calendar) }
      : { kind: 'close', cycle: current };
  }
  let stage: CycleStage = { kind: 'open', cycle: current };
  for (const r of current.reminders) if (today >= r.on) stage = { kind: 'reminder', cycle: current, workingDaysBefore: r.workingDaysBefore };
  return stage;
}

/** The cycle open on `today`, if any (between its opening and its close). */
export function openCycleOn(today: IsoDate, calendar: WorkingCalendar): CycleDates | null {
  const current = cycleDates(financialQuarter(today), calendar);
  if (today >= current.opens && today <= current.quarter.end) return current;
  const previous = cycleDates(previousQuarter(current.quarter), calendar);
  if (today > previous.quarter.end && today < previous.closes) return previous;
  return null;
}

/** An action still needs its quarterly update: open, and nothing heard since the cycle opened. */
export function needsUpdate(action: Pick<Action, 'status' | 'lastUpdateAt'>, openedAt: Date): boolean {
  return isOpen(action.status) && (action.lastUpdateAt === null || action.lastUpdateAt.getTime() < openedAt.getTime());
}

/** Open actions grouped by owner id (reference order); with `openedAt`, only those still needing an update. */
export function missingUpdates<A extends Pick<Action, 'status' | 'lastUpdateAt' | 'ownerId' | 'ref'>>(actions: readonly A[], openedAt: Date | null): Map<number, A[]> {
  const out = new Map<number, A[]>();
  for (const a of actions) {
    if (a.ownerId === null || !isOpen(a.status) || (openedAt !== null && !needsUpdate(a, openedAt))) continue;
    const list = out.get(a.ownerId) ?? [];
    list.push(a);
    out.set(a.ownerId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }));
  return out;
}
