// The quarterly update round on demand: the current quarter's report, and who has not updated
// their open actions since the round opened.
import { quarterlySummaryMessage } from '../../cards/digest/quarterly-summary.js';
import { isOpen } from '../../domain/plan/status.js';
import { cycleKey, missingUpdates, openCycleOn, stageOn } from '../../domain/quarterly/cycle.js';
import { formatDate, formatLongDate } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import { financialQuarter } from '../../domain/time/quarters.js';
import { say, type CommandReply, type JobCommandDeps } from './types.js';

/** "quarterly report": a draft of the current quarter's report (kept as files), or the closed round's. */
export async function quarterlyReport(deps: JobCommandDeps): Promise<CommandReply> {
  const now = deps.clock.now();
  const q = financialQuarter(londonDate(now));
  const stored = await deps.rounds.byQuarter(cycleKey(q));
  const report = await deps.reports.build(q, now, false);
  if (stored?.closedAt) {
    const closed = `The ${q.label} update round closed on ${formatDate(londonDate(stored.closedAt))}; its report is kept. ${report.summary}`;
    return say(closed, quarterlySummaryMessage(report.model, report.summary, null).cards);
  }
  const files = await deps.reports.save(q, report, now, false);
  const msg = quarterlySummaryMessage(report.model, report.summary, { markdown: files.markdownPath, html: files.htmlPath });
  return say(msg.text, msg.cards);
}

/** No round open today: when the next one opens and closes. */
async function noRoundOpen(deps: JobCommandDeps, today: string): Promise<CommandReply> {
  const states = await deps.rounds.states();
  const stage = stageOn(today, deps.calendar, (k) => states.get(k) ?? { opened: false, closed: false });
  const next = stage.kind === 'idle' ? stage.next : stage.cycle;
  return say(`No update round is open right now. The ${next.quarter.label} round opens on ${formatLongDate(next.opens)} and closes on ${formatLongDate(next.closes)}.`);
}

/** "who hasn't updated?": owners of open actions with no update since the round opened, most first. */
export async function missingUpdatesReport(deps: JobCommandDeps): Promise<CommandReply> {
  const today = londonDate(deps.clock.now());
  const cycle = openCycleOn(today, deps.calendar);
  const row = cycle ? await deps.rounds.byQuarter(cycle.key) : null;
  if (!cycle || !row?.openedAt || row.closedAt) return noRoundOpen(deps, today);
  const [actions, people] = await Promise.all([deps.rounds.openActions(), deps.rounds.people()]);
  const byOwner = missingUpdates(actions.filter((a) => isOpen(a.status)), row.openedAt);
  const lines = [...byOwner].map(([id, list]) => ({ name: people.get(id)?.name ?? 'Someone', refs: list.map((a) => a.ref) }))
    .sort((a, b) => b.refs.length - a.refs.length || a.name.localeCompare(b.name));
  const total = lines.reduce((n, l) => n + l.refs.length, 0);
  const opened = formatDate(londonDate(row.openedAt));
  if (lines.length === 0) return say(`Everyone has updated their open actions for ${cycle.quarter.label} since the round opened on ${opened}.`);
  return say([
    `${total} open ${total === 1 ? 'action has' : 'actions have'} had no update since the ${cycle.quarter.label} round opened on ${opened} (it closes on ${formatLongDate(cycle.closes)}):`,
    ...lines.map((l) => `- ${l.name}: ${l.refs.join(', ')}`),
  ].join('\n'));
}
