// Weekly digest (DIGEST_CRON, default Monday 08:30): each workstream lead gets one card for their
// workstream, and so does the workstream's linked chat when it has one; admins get the whole-plan version; owners of actions with no update for
// STALE_UPDATE_WEEKS are asked for a word (the early warning), once a week.
import { buildDigests } from '../domain/digest/build.js';
import { planStaleAsks } from '../domain/nudges/rules.js';
import { londonDate } from '../domain/time/london.js';
import { planDigestMessage, workstreamDigestMessage } from '../cards/digest/cards.js';
import { staleAskMessage } from '../cards/nudges/cards.js';
import { dedupKey, type QueuedMessage, type Recipient } from '../store/outbox.js';
import type { JobDefinition, JobDeps, JobResult, JobRun } from './types.js';

export const WEEKLY_DIGEST = 'weekly-digest';
const WEEK_MS = 7 * 86_400_000;

export async function runWeeklyDigest(run: JobRun, deps: JobDeps): Promise<JobResult> {
  const { stores, config } = deps;
  const today = londonDate(run.now);
  const started = performance.now();
  const [actions, people, workstreams, changes, ratings, snoozes, already, measures] = await Promise.all([
    stores.plan.actions(), stores.plan.people(), stores.plan.workstreams(), stores.plan.changes(new Date(run.now.getTime() - WEEK_MS), new Date(run.now.getTime() + 1)),
    stores.plan.ratings(), stores.plan.snoozes(today), stores.outbox.queuedKeys(WEEKLY_DIGEST, run.period), stores.measures.all(),
  ]);
  const chats = await stores.links.workstreamChats();
  const loaded = performance.now();
  const plan = buildDigests({ workstreams, actions, changes, ratings, people, today, now: run.now, staleWeeks: config.STALE_UPDATE_WEEKS, measures });
  // Cards are built only for messages not queued yet (a re-run of the period builds nothing).
  let wanted = 0;
  const messages: QueuedMessage[] = [];
  const add = (recipient: Recipient | string, kind: string, payload: () => QueuedMessage['payload']) => {
    wanted++;
    const m = { job: WEEKLY_DIGEST, period: run.period, recipient: typeof recipient === 'string' ? { personKey: recipient } : recipient, kind };
    if (!already.has(dedupKey(m))) messages.push({ ...m, payload: payload() });
  };
  let leadDigests = 0;
  let chatDigests = 0;
  for (const d of plan.workstreams) {
    const chat = chats.get(d.workstream.id);
    if (chat) {
      chatDigests++;
      add({ conversationId: chat.conversationId }, `digest:${d.workstream.code}`, () => workstreamDigestMessage(d, today, config.STALE_UPDATE_WEEKS, { forChat: true }));
    }
    if (!d.lead || !d.lead.active) continue;
    leadDigests++;
    add(d.lead.key, `digest:${d.workstream.code}`, () => workstreamDigestMessage(d, today, config.STALE_UPDATE_WEEKS));
  }
  const admins = [...people.values()].filter((p) => p.active && p.roles.includes('admin')).sort((a, b) => a.key.localeCompare(b.key));
  let planPayload: QueuedMessage['payload'] | undefined;
  for (const a of admins) add(a.key, 'digest:plan', () => (planPayload ??= planDigestMessage(plan, today, config.STALE_UPDATE_WEEKS)));
  const asks = planStaleAsks({ actions, people, snoozes, today, weeks: config.STALE_UPDATE_WEEKS, now: run.now });
  for (const ask of asks) add(ask.owner.key, 'stale-ask', () => staleAskMessage(ask, today, config.STALE_UPDATE_WEEKS));
  const built = performance.now();
  const queued = await stores.outbox.enqueue(messages, run.now);
  const ms = (a: number, b: number) => Math.round(b - a);
  return {
    queued, wanted,
    summary: `weekly-digest ${run.period}: ${leadDigests} workstream digests, ${admins.length} whole-plan digests, ${chatDigests} to workstream chats, ${asks.length} early-warning asks; ${queued} newly queued`,
    details: {
      overdue: plan.overdue.length, stale: plan.staleCount, changed: plan.changedCount,
      loadMs: ms(started, loaded), buildMs: ms(loaded, built), queueMs: ms(built, performance.now()),
    },
  };
}

export const weeklyDigestJob: JobDefinition = {
  name: WEEKLY_DIGEST,
  description: 'Sends each workstream lead a digest of their workstream and admins the whole-plan digest; asks owners about actions with no recent update.',
  cron: (config) => config.DIGEST_CRON,
  period: 'week',
  run: runWeeklyDigest,
};
