// Reminder snoozes and mutes a person sets by chat: one row per person (actionId null: all their
// reminders) or per person and action, each replacing the one before.
import type { IsoDate } from '../domain/plan/types.js';
import type { SchoolTerm } from '../domain/time/index.js';
import type { Db } from './database.js';
import { loadSchoolTerms } from './term-dates.js';

const dateValue = (d: IsoDate) => new Date(`${d}T00:00:00Z`);

export class ReminderRepository {
  constructor(private readonly db: Db) {}

  /** No reminders for this person (about one action, or all of them when actionId is null) until `until`. */
  async pause(personId: number, actionId: number | null, until: IsoDate, now: Date): Promise<void> {
    await this.db.$transaction([
      this.db.reminderSnooze.deleteMany({ where: { personId, actionId } }),
      this.db.reminderSnooze.create({ data: { personId, actionId, until: dateValue(until), createdAt: now } }),
    ]);
  }

  /** Every snooze and mute of this person lifted; how many there were. */
  async resumeAll(personId: number): Promise<number> {
    return (await this.db.reminderSnooze.deleteMany({ where: { personId } })).count;
  }

  /** This person's mute of one action lifted; how many there were. */
  async unmute(personId: number, actionId: number): Promise<number> {
    return (await this.db.reminderSnooze.deleteMany({ where: { personId, actionId } })).count;
  }

  /** The plan's school terms, for "snooze until after half term". */
  schoolTerms(): Promise<SchoolTerm[]> {
    return loadSchoolTerms(this.db);
  }
}
