// The card posted to leads, admins and the partnership channel when a quarter closes (and replied
// to "quarterly report"). A published report carries its public address.
import type { QuarterlyReportModel } from '../../domain/quarterly/report-model.js';
import { statusWord } from '../../domain/plan/status.js';
import { formatDate, formatDays, formatLongDate } from '../../domain/time/format.js';
import { md } from '../markup.js';
import { adaptiveCard, capped, facts, heading, para, plural, sectionTitle, type Card } from './elements.js';

export interface CardMessage { text: string; cards: Card[] }

/** Where a published report is read: its path (/reports/2026-27-q3) and, with the bot's public address, the full link. */
export interface PublishedAt { path: string; url?: string }

export function quarterlySummaryMessage(m: QuarterlyReportModel, summary: string, files: { markdown: string; html: string } | null, published?: PublishedAt): CardMessage {
  const body = [
    heading(m.title),
    para(`${m.months}. The plan as it stood on ${formatLongDate(m.today)}.${m.final ? '' : ' A draft: the quarter is not over yet.'}`, { subtle: true }),
    facts([
      ['Actions', String(m.total)],
      ['Complete', String(m.counts.complete)],
      ['On track', String(m.counts.on_track)],
      ['At risk', String(m.counts.at_risk)],
      ['Off track', String(m.counts.off_track)],
      ['Not started', String(m.counts.not_started)],
      ['Past their due date', String(m.overdueCount)],
      ['Completed this quarter', String(m.completed.length)],
    ]),
    sectionTitle(`What is late and why (${m.late.length})`),
    ...(m.late.length === 0 ? [para('Nothing is late.', { subtle: true })] : capped(m.late, 6,
      (l) => para(md`**${l.ref}** ${l.title}: ${formatDays(l.daysLate)} late (due ${formatDate(l.dueDate)}); its owner's status: ${statusWord(l.status)}. Why: ${l.why ?? 'no reason given yet.'}`),
      (k) => `…and ${plural(k, 'more late action')} in the full report.`)),
  ];
  if (published) body.push(para(`The full report is published at ${published.url ?? `${published.path} on the bot's public pages`}.`, { spacing: 'Medium' }));
  else if (files) body.push(para(`The full report (Markdown and a web page with the charts) is kept by the bot: ${files.markdown.split('/').pop()} and ${files.html.split('/').pop()}. Ask an admin for a copy.`, { subtle: true, spacing: 'Medium' }));
  const actions = published?.url ? [{ type: 'Action.OpenUrl', title: 'Read the published report', url: published.url }] : [];
  const text = published?.url ? `${summary} The full report: ${published.url}` : summary;
  return { text, cards: [adaptiveCard(body, actions)] };
}
