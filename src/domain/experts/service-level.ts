// Service levels for Experts at Hand: the first response (an expert picking the request up) is due
// within EXPERT_FIRST_RESPONSE_DAYS working days of the London day the request was opened.
// Counting starts the next working day, so a request opened on Saturday 21 November 2026 with a
// 3-day target is due on Wednesday 25 November.
//   - on the due day, still unclaimed: remind the pool;
//   - one working day later, still unclaimed: tell the Experts at Hand programme lead(s).
import type { IsoDate } from '../plan/types.js';
import type { WorkingCalendar } from '../time/bank-holidays.js';
import { londonDate } from '../time/london.js';

export type ServiceLevelStage = 'within' | 'remind_pool' | 'tell_lead';

export interface ServiceLevel {
  stage: ServiceLevelStage;
  /** Working days since the request was opened (0 on the day itself). */
  workingDaysWaiting: number;
  /** The London date by which the first response is due. */
  dueDate: IsoDate;
}

export function firstResponseDue(createdAt: Date, days: number, calendar: WorkingCalendar): IsoDate {
  return calendar.addWorkingDays(londonDate(createdAt), days);
}

export function serviceLevel(createdAt: Date, now: Date, days: number, calendar: WorkingCalendar): ServiceLevel {
  const waiting = Math.max(0, calendar.workingDaysBetween(londonDate(createdAt), londonDate(now)));
  const stage: ServiceLevelStage = waiting > days ? 'tell_lead' : waiting === days ? 'remind_pool' : 'within';
  return { stage, workingDaysWaiting: waiting, dueDate: firstResponseDue(createdAt, days, calendar) };
}
