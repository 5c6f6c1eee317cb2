// The weekly digest's contents. Pure and single-pass, so 100 000 actions take a fraction of a
// second. One digest per workstream (for its lead) and one for the whole plan (for admins):
// - overdue, most overdue first;
// - at risk and off track (those not already listed as overdue);
// - what changed in the last seven days (from the action history);
// - due in the next two weeks;
// - the pillar's latest maturity rating;
// - early warning: open actions with no update for STALE_UPDATE_WEEKS.
import type { MeasureWithReadings } from '../measures/types.js';
import { measureLines, type MeasureLine } from '../public/measures.js';
import type { Action, ActionChange, ActionStatus, IsoDate, Person, Workstream } from '../plan/types.js';
import { ACTION_STATUSES } from '../plan/types.js';
import { isOpen, statusWord } from '../plan/status.js';
import { addDays, diffDays } from '../time/dates.js';
import { formatDate } from '../time/format.js';
import { isStale, lastHeardOf, staleCutoff } from '../nudges/rules.js';

export interface Rating { pillar: string; score: number; note: string | null; ratedAt: Date }

export const MATURITY_WORDS = ['not yet emerging', 'emerging', 'developing', 'maturing'] as const;

export function maturityWord(score: number): string {
  return MATURITY_WORDS[score] ?? `score ${score}`;
}

export interface DigestItem {
  actionId: number;
  ref: string;
  title: string;
  version: number;
  status: ActionStatus;
  dueDate: IsoDate;
  ownerName: string | null;
  daysLate: number;
  daysUntilDue: number;
  lastUpdate: string | null;
  /** Whole weeks since the last update (early warning). */
  weeksQuiet?: number;
}

export interface ChangeItem {
  ref: string;
  title: string;
  at: Date;
  /** Plain words: 'on track → at risk', 'due date moved from 14 November 2026 to 4 December 2026', 'added to the plan'. */
  what: string[];
  note: string | null;
}

export interface WorkstreamDigest {
  workstream: Workstream;
  lead: Person | null;
  counts: Record<ActionStatus, number>;
  overdue: DigestItem[];
  atRisk: DigestItem[];
  offTrack: DigestItem[];
  changed: ChangeItem[];
  dueNext: DigestItem[];
  stale: DigestItem[];
  /** The pillar's latest rating, or one per view for pillars with views (5a, 5b, 5c). */
  ratings: Rating[];
  /** The outcome measures of the workstream and its actions. */
  measures: MeasureLine[];
}

export interface PlanDigest {
  counts: Record<ActionStatus, number>;
  workstreams: WorkstreamDigest[];
  /** Across the plan, most overdue first. */
  overdue: DigestItem[];
  changedCount: number;
  staleCount: number;
  dueNextCount: number;
  /** Every outcome measure of the plan. */
  measures: MeasureLine[];
}

export interface DigestInput {
  workstreams: readonly Workstream[];
  actions: readonly Action[];
  /** Changes in the digest window (the last seven days). */
  changes: readonly ActionChange[];
  ratings: readonly Rating[];
  people: ReadonlyMap<number, Person>;
  today: IsoDate;
  now: Date;
  /** Default 14. */
  dueWindowDays?: number;
  /** Outcome measures with their readings and the workstream they belong to (directly or by their action). */
  measures?: readonly (MeasureWithReadings & { workstreamCode: string | null })[];
  staleWeeks: number;
}

const zeroCounts = (): Record<ActionStatus, number> => Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;

/** Plain words for one history row. */
export function describeChange(c: Pick<ActionChange, 'statusFrom' | 'statusTo' | 'dueFrom' | 'dueTo' | 'version'>): string[] {
  const what: string[] = [];
  if (c.statusFrom === null && c.statusTo !== null && c.dueFrom === null && (c.version === 1 || c.version === null)) {
    what.push(`added to the plan (${statusWord(c.statusTo)})`);
    return what;
  }
  if (c.statusTo !== null && c.statusFrom !== c.statusTo) {
    what.push(c.statusTo === 'complete' ? 'completed' : c.statusFrom ? `${statusWord(c.statusFrom)} → ${statusWord(c.statusTo)}` : `now ${statusWord(c.statusTo)}`);
  }
  if (c.dueTo !== null && c.dueFrom !== c.dueTo) {
    what.push(c.dueFrom ? `due date moved from ${formatDate(c.dueFrom)} to ${formatDate(c.dueTo)}` : `due ${formatDate(c.dueTo)}`);
  }
  return what;
}

function ratingsFor(pillar: string, latest: ReadonlyMap<string, Rating>): Rating[] {
  const exact = latest.get(pillar);
  if (exact) return [exact];
  // Pillar 5 has views 5a/5b/5c: show each one's latest.
  return [...latest.values()].filter((r) => r.pillar.startsWith(pillar) && /^[a-z]$/i.test(r.pillar.slice(pillar.length)))
    .sort((a, b) => a.pillar.localeCompare(b.pillar));
}

/** The latest rating per pillar from any list of ratings. */
export function latestRatings(ratings: readonly Rating[]): Map<string, Rating> {
  const latest = new Map<string, Rating>();
  for (const r of ratings) {
    const had = latest.get(r.pillar);
    if (!had || r.ratedAt.getTime() > had.ratedAt.getTime()) latest.set(r.pillar, r);
  }
  return latest;
}

const byMostOverdue = (a: DigestItem, b: DigestItem) => b.daysLate - a.daysLate || a.ref.localeCompare(b.ref);
const byDue = (a: DigestItem, b: DigestItem) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.ref.localeCompare(b.ref));

/** Changes, grouped per action (newest first), each described in words, into each workstream's digest. */
function addChanges(changes: DigestInput['changes'], actionById: Map<number, Action>, digests: Map<number, WorkstreamDigest>, plan: PlanDigest): void {
  const perAction = new Map<number, ChangeItem>();
  for (const c of changes) {
    const a = actionById.get(c.actionId);
    if (!a) continue;
    const what = describeChange(c);
    let ci = perAction.get(c.actionId);
    if (!ci) { ci = { ref: a.ref, title: a.title, at: c.at, what: [], note: null }; perAction.set(c.actionId, ci); }
    if (c.at.getTime() >= ci.at.getTime()) { ci.at = c.at; if (c.note) ci.note = c.note; }
    else if (!ci.note && c.note) ci.note = c.note;
    for (const w of what) if (!ci.what.includes(w)) ci.what.push(w);
  }
  for (const [actionId, ci] of perAction) {
    const a = actionById.get(actionId)!;
    if (ci.what.length === 0 && !ci.note) continue;
    if (ci.what.length === 0) ci.what.push('update');
    digests.get(a.workstreamId)?.changed.push(ci);
    plan.changedCount++;
  }
}

/** Every list in its reading order; workstreams by code (WS2 before WS10). */
function sortDigests(digests: Map<number, WorkstreamDigest>, plan: PlanDigest): void {
  for (const d of digests.values()) {
    d.overdue.sort(byMostOverdue);
    d.atRisk.sort(byDue);
    d.offTrack.sort(byDue);
    d.dueNext.sort(byDue);
    d.stale.sort((a, b) => (b.weeksQuiet ?? 0) - (a.weeksQuiet ?? 0) || a.ref.localeCompare(b.ref));
    d.changed.sort((a, b) => b.at.getTime() - a.at.getTime() || a.ref.localeCompare(b.ref));
    plan.workstreams.push(d);
  }
  plan.workstreams.sort((a, b) => a.workstream.code.localeCompare(b.workstream.code, 'en', { numeric: true }));
  plan.overdue.sort(byMostOverdue);
}

export function buildDigests(input: DigestInput): PlanDigest {
  const { today, now } = input;
  const window = input.dueWindowDays ?? 14;
  const staleCut = staleCutoff(today, input.staleWeeks);
  const latest = latestRatings(input.ratings);

  const digests = new Map<number, WorkstreamDigest>();
  for (const ws of input.workstreams) {
    digests.set(ws.id, {
      workstream: ws, lead: ws.leadId !== null ? input.people.get(ws.leadId) ?? null : null, counts: zeroCounts(),
      overdue: [], atRisk: [], offTrack: [], changed: [], dueNext: [], stale: [], ratings: ratingsFor(ws.pillar, latest),
      measures: measureLines((input.measures ?? []).filter((m) => m.workstreamCode === ws.code), today),
    });
  }

  const plan: PlanDigest = {
    counts: zeroCounts(), workstreams: [], overdue: [], changedCount: 0, staleCount: 0, dueNextCount: 0, measures: measureLines(input.measures ?? [], today),
  };
  const actionById = new Map<number, Action>();
  // Due dates repeat a lot: work out each one's distance from today once.
  const untilCache = new Map<IsoDate, number>();
  const daysUntil = (d: IsoDate): number => {
    let n = untilCache.get(d);
    if (n === undefined) { n = diffDays(today, d); untilCache.set(d, n); }
    return n;
  };
  for (const a of input.actions) {
    actionById.set(a.id, a);
    const d = digests.get(a.workstreamId);
    if (!d) continue;
    d.counts[a.status]++;
    plan.counts[a.status]++;
    if (!isOpen(a.status)) continue;
    const until = daysUntil(a.dueDate);
    const overdue = until < 0;
    const item = (): DigestItem => ({
      actionId: a.id, ref: a.ref, title: a.title, version: a.version, status: a.status, dueDate: a.dueDate,
      ownerName: a.ownerId !== null ? input.people.get(a.ownerId)?.name ?? null : null,
      daysLate: overdue ? -until : 0, daysUntilDue: until, lastUpdate: a.lastUpdate,
    });
    let it: DigestItem | undefined;
    if (overdue) { it = item(); d.overdue.push(it); plan.overdue.push(it); }
    else if (a.status === 'off_track') d.offTrack.push((it = item()));
    else if (a.status === 'at_risk') d.atRisk.push((it = item()));
    if (!overdue && until <= window) { d.dueNext.push(it ?? (it = item())); plan.dueNextCount++; }
    if (isStale(a, staleCut)) {
      const s = { ...(it ?? item()), weeksQuiet: Math.floor((now.getTime() - lastHeardOf(a).getTime()) / (7 * 86_400_000)) };
      d.stale.push(s);
      plan.staleCount++;
    }
  }

  addChanges(input.changes, actionById, digests, plan);
  sortDigests(digests, plan);
  return plan;
}

/** 'Monday 16 to Sunday 22 November 2026' style window label is the card's job; this is the window. */
export function digestWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDays(today, -7), to: today };
}
