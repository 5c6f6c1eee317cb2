// Every scheduled job, in one list. Adding a job is one line here (plus its file): the scheduler,
// `npm run job -- <name>`, leases and working-day moves all come from this list.
import { expertSlaJob } from './expert-sla.js';
import { meetingRemindersJob } from './meeting-reminders.js';
import { ownerNudgesJob } from './owner-nudges.js';
import { planMaintenanceJob } from './plan-maintenance.js';
import { quarterlyCycleJob } from './quarterly-cycle.js';
import type { JobDefinition } from './types.js';
import { weeklyDigestJob } from './weekly-digest.js';

export type { JobDefinition, JobDeps, JobResult, JobRun, PeriodKind } from './types.js';

export const jobRegistry: readonly JobDefinition[] = [
  ownerNudgesJob,
  weeklyDigestJob,
  quarterlyCycleJob,
  meetingRemindersJob,
  expertSlaJob,
  planMaintenanceJob,
  // A new job: one line here.
];

export function findJob(name: string, registry: readonly JobDefinition[] = jobRegistry): JobDefinition | undefined {
  return registry.find((j) => j.name === name);
}

export function jobNames(registry: readonly JobDefinition[] = jobRegistry): string[] {
  return registry.map((j) => j.name);
}
