// The quarterly update cycle (QUARTERLY_CRON, default weekdays 08:00). Each working-day run does
// what the day calls for (src/domain/quarterly/cycle.ts): open the round and ask every owner of an
// open action for an update; remind owners still missing updates five and two working days before
// the end; at the quarter's end close it, build the report (Markdown + HTML, kept in
// QuarterlyCycle and DATA_DIR/reports/), publish it at /reports, and post a summary with its
// address to leads, admins and the partnership channel (a chat an admin linked to the partnership).
// Outbox periods are the cycle stage ('2026-27 Q3:open'), so each stage's messages go once even
// if the stage is caught up on a later day.
import type { Person } from '../domain/plan/types.js';
import { missingUpdates, stageOn, type CycleDates } from '../domain/quarterly/cycle.js';
import { formatLongDate } from '../domain/time/format.js';
import { londonDate } from '../domain/time/london.js';
import { quarterlyAskMessage } from '../cards/nudges/cards.js';
import { SnoozeBook } from '../domain/nudges/rules.js';
import { quarterlySummaryMessage } from '../cards/digest/quarterly-summary.js';
import { reportSlug } from '../reports/public-site.js';
import { buildReport, saveReport } from '../reports/store.js';
import type { QueuedMessage } from '../store/outbox.js';
import type { JobDefinition, JobDeps, JobResult, JobRun } from './types.js';

export const QUARTERLY_CYCLE = 'quarterly-cycle';

async function asks(run: JobRun, deps: JobDeps, cycle: CycleDates, openedAt: Date, reminder: number | undefined): Promise<QueuedMessage[]> {
  const today = londonDate(run.now);
  const [actions, people, snoozes] = await Promise.all([deps.stores.plan.openActions(), deps.stores.plan.people(), deps.stores.plan.snoozes(today)]);
  // The opening ask goes to every owner of an open action; reminders only to those still missing
  // updates, and they honour snoozes and mutes.
  const book = new SnoozeBook(snoozes, today);
  const byOwner = missingUpdates(actions, reminder === undefined ? null : openedAt);
  const out: QueuedMessage[] = [];
  for (const [ownerId, list] of [...byOwner].sort((a, b) => a[0] - b[0])) {
    const owner = people.get(ownerId);
    if (!owner || !owner.active) continue;
    const shown = reminder === undefined ? list : list.filter((a) => !book.quiet(owner.id, a.id));
    if (shown.length === 0) continue;
    out.push({
      job: QUARTERLY_CYCLE, period: `${cycle.key}:${reminder === undefined ? 'open' : `reminder-${reminder}`}`,
      recipient: { personKey: owner.key }, kind: reminder === undefined ? 'quarterly-ask' : 'quarterly-reminder',
      payload: quarterlyAskMessage({
        owner, actions: shown, quarterLabel: cycle.quarter.label, closes: cycle.closes, today,
        ...(reminder !== undefined ? { reminderWorkingDaysLeft: reminder } : {}),
      }),
    });
  }
  return out;
}

export async function runQuarterlyCycle(run: JobRun, deps: JobDeps): Promise<JobResult> {
  const { stores } = deps;
  const today = londonDate(run.now);
  const states = await stores.cycles.states();
  const stage = stageOn(today, deps.calendar, (key) => states.get(key) ?? { opened: false, closed: false });

  if (stage.kind === 'idle') {
    return { queued: 0, wanted: 0, summary: `quarterly-cycle ${run.period}: nothing to do today; the ${stage.next.quarter.label} update round opens on ${formatLongDate(stage.next.opens)}` };
  }

  if (stage.kind === 'open' || stage.kind === 'reminder') {
    const wasOpen = states.get(stage.cycle.key)?.openedAt ?? null;
    const openedAt = wasOpen ?? await stores.cycles.markOpened(stage.cycle.key, run.now);
    // A reminder day reached before the round was opened (the bot was down) opens it instead.
    const reminder = stage.kind === 'reminder' && wasOpen ? stage.workingDaysBefore : undefined;
    const messages = await asks(run, deps, stage.cycle, openedAt, reminder);
    const queued = await stores.outbox.enqueue(messages, run.now);
    const what = reminder === undefined ? 'update round open' : `reminder (${reminder} working days left)`;
    return {
      queued, wanted: messages.length,
      summary: `quarterly-cycle ${run.period}: ${stage.cycle.quarter.label} ${what}; ${messages.length} owners, ${queued} newly queued`,
      details: { quarter: stage.cycle.key, stage: reminder === undefined ? 'open' : `reminder-${reminder}` },
    };
  }

  // Close: build, keep and publish the report, then tell leads, admins and the partnership channel.
  const q = stage.cycle.quarter;
  const report = await buildReport(stores, q, run.now, true);
  const files = await saveReport(stores, deps.dataDir, q, report, run.now, true);
  const [people, channel] = await Promise.all([stores.plan.people(), stores.links.chatFor({ kind: 'partnership' })]);
  const recipients: Person[] = [...people.values()]
    .filter((p) => p.active && (p.roles.includes('lead') || p.roles.includes('admin')))
    .sort((a, b) => a.key.localeCompare(b.key));
  const published = publishedAt(stage.cycle.key, deps.config.PUBLIC_URL);
  const payload = quarterlySummaryMessage(report.model, report.summary, { markdown: files.markdownPath, html: files.htmlPath }, published);
  const close = { job: QUARTERLY_CYCLE, period: `${stage.cycle.key}:close`, kind: 'quarterly-summary' };
  const messages: QueuedMessage[] = recipients.map((p) => ({ ...close, recipient: { personKey: p.key }, payload }));
  // The channel is read by people outside the bot's roles: the report's address, not its files.
  if (channel) messages.push({ ...close, recipient: { conversationId: channel.conversationId }, payload: quarterlySummaryMessage(report.model, report.summary, null, published) });
  const queued = await stores.outbox.enqueue(messages, run.now);
  return {
    queued, wanted: messages.length,
    summary: `quarterly-cycle ${run.period}: ${q.label} closed, report kept in ${files.htmlPath}; summary to ${recipients.length} leads and admins${channel ? ' and the partnership channel' : ''}, ${queued} newly queued`,
    details: { quarter: stage.cycle.key, stage: 'close', markdown: files.markdownPath, html: files.htmlPath },
  };
}

/** Where the closed quarter's report is published: /reports/2026-27-q3, under PUBLIC_URL when the bot has one. */
export function publishedAt(cycleKey: string, publicUrl: string | undefined): { path: string; url?: string } {
  const path = `/reports/${reportSlug(cycleKey)}`;
  return publicUrl ? { path, url: `${publicUrl.replace(/\/+$/, '')}${path}` } : { path };
}

export const quarterlyCycleJob: JobDefinition = {
  name: QUARTERLY_CYCLE,
  description: 'Runs the quarterly update round: asks for updates ten working days before the quarter ends, reminds at five and two, closes with the report.',
  cron: (config) => config.QUARTERLY_CRON,
  period: 'day',
  run: runQuarterlyCycle,
};
