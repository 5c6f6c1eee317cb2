// "Experts at Hand this term": how many requests, by cluster, specialism and kind of support, and
// the median time from opening a request to its first response (an expert picking it up).
import type { RequestStatus, Specialism, SupportKind } from '../plan/types.js';

export interface RequestStatRow {
  clusterName: string;
  specialism: Specialism;
  kind: SupportKind;
  status: RequestStatus;
  createdAt: Date;
  firstResponseAt: Date | null;
}

export interface Tally<K extends string = string> { key: K; count: number }

export interface RequestStats {
  total: number;
  byCluster: Tally[];
  bySpecialism: Tally<Specialism>[];
  byKind: Tally<SupportKind>[];
  byStatus: Tally<RequestStatus>[];
  /** Requests with a first response, and the median wait for it (null when none). */
  responded: number;
  medianFirstResponseMs: number | null;
}

function tally<K extends string>(keys: K[]): Tally<K>[] {
  const counts = new Map<K, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  // Most first; ties alphabetically so answers are stable.
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summariseRequests(rows: RequestStatRow[]): RequestStats {
  const waits = rows.flatMap((r) => (r.firstResponseAt ? [Math.max(0, r.firstResponseAt.getTime() - r.createdAt.getTime())] : []));
  return {
    total: rows.length,
    byCluster: tally(rows.map((r) => r.clusterName)),
    bySpecialism: tally(rows.map((r) => r.specialism)),
    byKind: tally(rows.map((r) => r.kind)),
    byStatus: tally(rows.map((r) => r.status)),
    responded: waits.length,
    medianFirstResponseMs: median(waits),
  };
}

/** '1 day 1 hour', '5 hours', '35 minutes': rounded to the minute, two units at most. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}
