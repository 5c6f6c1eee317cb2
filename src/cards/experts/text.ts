// Experts at Hand in sentences: "my requests", "open requests for …", "Experts at Hand this term".
import type { RequestStats, RequestView, SchoolTerm } from '../../domain/experts/index.js';
import { describeTerm, formatDuration, SPECIALISM_LABELS, SUPPORT_KIND_LABELS } from '../../domain/experts/index.js';
import type { Specialism } from '../../domain/plan/types.js';
import { formatDate } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import { statusWords } from './request-card.js';

export function requestLine(r: RequestView, o: { withSetting?: boolean } = {}): string {
  const setting = o.withSetting ? `, ${r.setting.name} (${r.cluster.name})` : '';
  return `${r.ref}: ${SPECIALISM_LABELS[r.specialism]}, ${SUPPORT_KIND_LABELS[r.kind]}${setting}, ${statusWords(r)}, opened ${formatDate(londonDate(r.createdAt))}`;
}

export function myRequestsText(personId: number, requests: RequestView[]): string {
  if (requests.length === 0) return 'You have no Experts at Hand requests. Say "new Experts at Hand request" to open one.';
  const asked = requests.filter((r) => r.requester.id === personId);
  const picked = requests.filter((r) => r.assignee?.id === personId && r.requester.id !== personId);
  const lines: string[] = [];
  if (asked.length) lines.push(`Your Experts at Hand requests (${asked.length}):`, ...asked.map((r) => `- ${requestLine(r)}`));
  if (picked.length) lines.push(`Requests you have picked up (${picked.length}):`, ...picked.map((r) => `- ${requestLine(r, { withSetting: true })}`));
  return lines.join('\n');
}

export function openRequestsText(specialism: Specialism, requests: RequestView[], waitingOnly = false): string {
  const label = SPECIALISM_LABELS[specialism];
  const which = waitingOnly ? 'unclaimed' : 'open';
  if (requests.length === 0) return `There are no ${which} Experts at Hand requests for ${label}${waitingOnly ? ': nothing is waiting to be picked up' : ''}.`;
  const head = waitingOnly ? `Experts at Hand requests for ${label} waiting to be picked up` : `Open Experts at Hand requests for ${label}`;
  return [`${head} (${requests.length}):`, ...requests.map((r) => `- ${requestLine(r, { withSetting: true })}`)].join('\n');
}

export function termStatsText(term: SchoolTerm, s: RequestStats): string {
  const head = `Experts at Hand, ${describeTerm(term)}`;
  if (s.total === 0) return `${head}: no requests yet.`;
  const list = <K extends string>(tallies: Array<{ key: K; count: number }>, label: (k: K) => string) => tallies.map((t) => `${label(t.key)} ${t.count}`).join(', ');
  const median = s.medianFirstResponseMs === null
    ? 'no request has had a first response yet'
    : `${formatDuration(s.medianFirstResponseMs)} (over ${s.responded} request${s.responded === 1 ? '' : 's'} picked up)`;
  return [
    `${head}: ${s.total} request${s.total === 1 ? '' : 's'}.`,
    `- By cluster: ${list(s.byCluster, (k) => k)}`,
    `- By specialism: ${list(s.bySpecialism, (k) => SPECIALISM_LABELS[k])}`,
    `- By kind of support: ${list(s.byKind, (k) => SUPPORT_KIND_LABELS[k])}`,
    `- Median time to first response: ${median}`,
  ].join('\n');
}
