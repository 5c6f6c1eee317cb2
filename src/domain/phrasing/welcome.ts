// What the bot says when it arrives somewhere, in plain words (young people asked for that).
// Every name and example comes from the configuration and the plan the bot holds: an empty
// database gets no examples, and is told how a plan gets in.
import { OPEN_STATUSES } from '../plan/status.js';
import type { PlanReader } from '../plan/reader.js';
import type { IsoDate } from '../plan/types.js';

/** Real things from the plan to use in examples; each is absent when the plan has none. */
export interface PlanExamples {
  /** An action's reference, preferably an open one due soonest ('COM-06'). */
  actionRef?: string;
  /** A workstream's code ('WS5'). */
  workstreamCode?: string;
  /** A cluster's name, preferably one with a chair ('Batley'). */
  clusterName?: string;
}

export interface WelcomeSettings {
  /** PARTNERSHIP_NAME: "SEND partnership" unless configured. */
  partnershipName: string;
  /** BOT_NAME: what people @mention. */
  botName: string;
  examples: PlanExamples;
}

/** Picks the examples from the plan: two small reads, nothing when the plan is empty. */
export async function pickPlanExamples(reader: Pick<PlanReader, 'directory' | 'listActions'>, today: IsoDate): Promise<PlanExamples> {
  const page = { offset: 0, limit: 1, order: 'due_asc' as const, total: false };
  const action = (await reader.listActions({ statuses: [...OPEN_STATUSES], dueFrom: today }, page)).items[0]
    ?? (await reader.listActions({}, page)).items[0];
  const dir = await reader.directory();
  const cluster = dir.clusters.find((c) => c.chairId !== null) ?? dir.clusters[0];
  return { actionRef: action?.ref, workstreamCode: dir.workstreams[0]?.code, clusterName: cluster?.name };
}

export function planIsEmpty(examples: PlanExamples): boolean {
  return !examples.actionRef && !examples.workstreamCode;
}

export const NO_PLAN_YET = 'There is no plan here yet, so I have nothing to tell you about. An administrator can import the plan from CSV files with "npm run import" (the README explains the files), then I can answer questions about it.';

function introduction(settings: WelcomeSettings): string {
  return `I help the ${settings.partnershipName} keep track of its improvement plan.`;
}

/** Three questions that work on this plan: only ones about things that exist. */
export function questionsToTry(examples: PlanExamples): string[] {
  const out = ["What's overdue?"];
  if (examples.actionRef) out.push(`Who owns ${examples.actionRef}?`);
  out.push('What are my actions?');
  if (examples.workstreamCode) out.push(`How is ${examples.workstreamCode} doing?`);
  return out.slice(0, 3);
}

export function personalWelcome(firstName: string | null, settings: WelcomeSettings): string {
  const hello = firstName ? `Hello ${firstName}!` : 'Hello!';
  const asking = planIsEmpty(settings.examples)
    ? [NO_PLAN_YET]
    : ['Try asking me:', ...questionsToTry(settings.examples).map((q) => `- ${q}`)];
  return [
    `${hello} ${introduction(settings)}`,
    '',
    ...asking,
    '',
    'If you own actions, I will remind you here when they are due or late, and workstream leads get a weekly summary on Mondays.',
    'To pause reminders, say "snooze reminders until Monday". Say "help" at any time.',
  ].join('\n');
}

function linkExample(examples: PlanExamples): string {
  const ways = [
    examples.clusterName ? `"link this chat to the ${examples.clusterName} cluster"` : '',
    examples.workstreamCode ? `"link this chat to ${examples.workstreamCode}"` : '',
  ].filter(Boolean);
  return ways.length > 0
    ? `say ${ways.join(' or ')}`
    : 'say "link this chat to" and the name of a cluster or workstream';
}

export function groupWelcome(settings: WelcomeSettings): string {
  return [
    `Hello everyone! ${introduction(settings)}`,
    `Mention me with a question, for example "@${settings.botName} what's overdue?".`,
    `An admin or cluster chair can link this chat to a cluster, and an admin or workstream lead to a workstream: ${linkExample(settings.examples)}.`,
    'An admin can make it the partnership channel, for the quarterly summaries: say "link this channel to the partnership".',
    ...(planIsEmpty(settings.examples) ? [NO_PLAN_YET] : []),
  ].join('\n');
}
