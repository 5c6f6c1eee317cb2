// Experts at Hand service levels: a request nobody has picked up after EXPERT_FIRST_RESPONSE_DAYS
// working days reminds its pool (the specialism's channel, or each expert of it); a working day
// later the Experts at Hand programme lead is told (rule: src/domain/experts/programme-lead.ts).
// Each message happens once per request (the outbox key holds the reference as its period), and
// each one is recorded as a 'reminded' or 'escalated' event.
import { leadEscalationMessages, poolReminderMessages, toOutbox } from '../cards/experts/messages.js';
import type { WorkingCalendar } from '../domain/time/bank-holidays.js';
import { serviceLevel, type RequestView } from '../domain/experts/index.js';
import { londonDate } from '../domain/time/london.js';
import type { ExpertRequestStore } from '../store/expert-requests.js';
import type { JobStores } from '../store/job-stores.js';
import type { PoolTarget } from '../cards/experts/messages.js';
import type { Specialism } from '../domain/plan/types.js';
import type { JobDefinition, JobResult } from './types.js';

export const EXPERT_SLA_JOB = 'expert-sla';

export interface ExpertSlaOptions { firstResponseDays: number; calendar: WorkingCalendar }

export async function runExpertSla(stores: Pick<JobStores, 'experts'>, now: Date, o: ExpertSlaOptions): Promise<JobResult> {
  const store = stores.experts;
  const today = londonDate(now);
  const pools = new Map<Specialism, Omit<PoolTarget, 'audience'>>();
  const poolFor = async (r: RequestView): Promise<PoolTarget> => {
    if (!pools.has(r.specialism)) pools.set(r.specialism, { chat: await store.poolChat(r.specialism), experts: await store.experts(r.specialism) });
    const pool = pools.get(r.specialism)!;
    return { ...pool, audience: pool.chat?.kind === 'channel' ? await store.audience(r) : [] };
  };
  let leads: Awaited<ReturnType<ExpertRequestStore['programmeLeads']>> | undefined;
  let queued = 0;
  let wanted = 0;
  let reminded = 0;
  let escalated = 0;
  for (const r of await store.unclaimed()) {
    const level = serviceLevel(r.createdAt, now, o.firstResponseDays, o.calendar);
    if (level.stage === 'within') continue;
    const ctx = { today, dueDate: level.dueDate };
    const days = level.workingDaysWaiting;
    const poolRows = toOutbox(EXPERT_SLA_JOB, r.ref, poolReminderMessages(r, await poolFor(r), days, ctx));
    wanted += poolRows.length;
    const added = await store.notifyOnce(r.id, 'reminded', `Pool reminded after ${days} working days.`, poolRows, now);
    queued += added;
    if (added > 0) reminded++;
    if (level.stage === 'tell_lead') {
      leads ??= await store.programmeLeads();
      const leadRows = toOutbox(EXPERT_SLA_JOB, r.ref, leadEscalationMessages(r, leads, days, o.firstResponseDays, ctx));
      wanted += leadRows.length;
      const told = await store.notifyOnce(r.id, 'escalated', `Programme lead told after ${days} working days.`, leadRows, now);
      queued += told;
      if (told > 0) escalated++;
    }
  }
  return { queued, wanted, summary: `expert-sla: ${reminded} pool reminders, ${escalated} escalations, ${queued} messages queued`, details: { reminded, escalated } };
}

export const expertSlaJob: JobDefinition = {
  name: EXPERT_SLA_JOB,
  description: 'Reminds the Experts at Hand pool about unclaimed requests, then tells the programme lead.',
  cron: (config) => config.EXPERT_SLA_CRON,
  period: 'day',
  run: (run, deps) => runExpertSla(deps.stores, run.now, { firstResponseDays: deps.config.EXPERT_FIRST_RESPONSE_DAYS, calendar: deps.calendar }),
};
