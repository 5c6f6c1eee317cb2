// What the reminder, reach and report commands take and give.
import type { Card } from '../../cards/common.js';
import type { WorkingCalendar } from '../../domain/time/bank-holidays.js';
import type { Clock } from '../../domain/time/clock.js';
import type { ReportArchive } from '../../reports/store.js';
import type { ActionUpdateStore } from '../../store/action-updates.js';
import type { OutboxSenderRepository } from '../../store/outbox-sender-repo.js';
import type { ReachRepository } from '../../store/reach.js';
import type { ReminderRepository } from '../../store/reminders.js';
import type { UpdateRoundRepository } from '../../store/update-rounds.js';

/** A reply in chat: a sentence (or a few lines) and any cards. */
export interface CommandReply { text: string; cards: Card[] }

export interface JobCommandDeps {
  clock: Clock;
  calendar: WorkingCalendar;
  actions: Pick<ActionUpdateStore, 'byRef'>;
  reminders: ReminderRepository;
  reach: ReachRepository;
  outbox: Pick<OutboxSenderRepository, 'failed' | 'waiting'>;
  rounds: UpdateRoundRepository;
  reports: ReportArchive;
}

export const say = (text: string, cards: Card[] = []): CommandReply => ({ text, cards });
