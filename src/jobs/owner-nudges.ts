// Owner nudges (NUDGE_CRON, default weekdays 09:00): each owner with overdue actions or actions
// due within DUE_SOON_DAYS (or cluster meeting follow-ups in the same state) gets one message listing them, each with an Update button; actions
// overdue by more than LEAD_COPY_AFTER_DAYS are copied to their workstream lead. Snoozes and
// mutes are honoured. Queues outbox rows only; the sender delivers them.
import { planOwnerNudges } from '../domain/nudges/rules.js';
import { addDays } from '../domain/time/dates.js';
import { londonDate } from '../domain/time/london.js';
import { leadCopyMessage, ownerNudgeMessage } from '../cards/nudges/cards.js';
import type { QueuedMessage } from '../store/outbox.js';
import type { JobDefinition, JobDeps, JobResult, JobRun } from './types.js';

export const OWNER_NUDGES = 'owner-nudges';

export async function runOwnerNudges(run: JobRun, deps: JobDeps): Promise<JobResult> {
  const { stores, config } = deps;
  const today = londonDate(run.now);
  const dueBy = addDays(today, config.DUE_SOON_DAYS);
  const [actions, people, workstreams, snoozes, followUps] = await Promise.all([
    stores.plan.openActions(dueBy), stores.plan.people(), stores.plan.workstreams(), stores.plan.snoozes(today), stores.followUps.dueBy(dueBy),
  ]);
  const plan = planOwnerNudges({
    actions, people, snoozes, followUps,
    leads: new Map(workstreams.map((w) => [w.id, w.leadId])),
    rules: { today, dueSoonDays: config.DUE_SOON_DAYS, leadCopyAfterDays: config.LEAD_COPY_AFTER_DAYS },
  });
  const messages: QueuedMessage[] = [
    ...plan.owners.map((n) => ({
      job: OWNER_NUDGES, period: run.period, recipient: { personKey: n.owner.key }, kind: 'nudge',
      payload: ownerNudgeMessage(n, today, config.DUE_SOON_DAYS),
    })),
    ...plan.leadCopies.map((c) => ({
      job: OWNER_NUDGES, period: run.period, recipient: { personKey: c.lead.key }, kind: 'lead-copy',
      payload: leadCopyMessage(c, today, config.LEAD_COPY_AFTER_DAYS),
    })),
  ];
  const queued = await stores.outbox.enqueue(messages, run.now);
  return {
    queued, wanted: messages.length,
    summary: `owner-nudges ${run.period}: ${plan.owners.length} owners to nudge, ${plan.leadCopies.length} lead copies; ${queued} newly queued`,
    details: { owners: plan.owners.map((n) => n.owner.key), leadCopies: plan.leadCopies.map((c) => c.lead.key) },
  };
}

export const ownerNudgesJob: JobDefinition = {
  name: OWNER_NUDGES,
  description: 'Reminds each owner of their overdue and due-soon actions; copies long-overdue ones to the workstream lead.',
  cron: (config) => config.NUDGE_CRON,
  period: 'day',
  run: runOwnerNudges,
};
