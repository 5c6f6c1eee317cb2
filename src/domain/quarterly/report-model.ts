// The quarterly progress report's model: the plan in a quarter reduced to counts, lists and
// sentences' parts. Pure and deterministic; src/reports renders it as Markdown and HTML, the cards
// as the chat summary. The report is public: owners appear by job title and organisation, and
// notes that name anyone are withheld (src/domain/public). Its figures are honest: an action past
// its due date is late whatever its owner's status says, and the plan's first import is its
// baseline, not actions "added".
import type { Action, ActionStatus, Area, Person, Workstream, ActionChange } from '../plan/types.js';
import type { IsoDate } from '../time/dates.js';
import { ACTION_STATUSES, AREAS } from '../plan/types.js';
import { areaLabel, daysLate, isOpen, isOverdue, statusWord } from '../plan/status.js';
import { maturityWord, latestRatings, type Rating } from '../digest/build.js';
import { parseIsoDate } from '../time/dates.js';
import { formatDate, MONTH_NAMES } from '../time/format.js';
import { londonDate } from '../time/london.js';
import type { FinancialQuarter } from '../time/quarters.js';
import { directoryNames, publicNote, publicNoteWords, publicOwner } from '../public/people.js';
import { measureLines, type MeasureLine } from '../public/measures.js';
import { publicTitle } from '../public/glossary.js';
import type { MeasureWithReadings } from '../measures/types.js';

/** One bar of a status chart: how many actions of each status. */
export interface ChartRow { label: string; counts: Record<ActionStatus, number> }

export interface QuarterlyReportInput {
  quarter: FinancialQuarter;
  /** The London day the report describes the plan on. */
  today: IsoDate;
  actions: readonly Action[];
  workstreams: readonly Workstream[];
  people: ReadonlyMap<number, Person>;
  /** History rows within the quarter. */
  changes: readonly ActionChange[];
  ratings: readonly Rating[];
  /** The update round, when one ran. */
  cycle: { openedAt: Date | null } | null;
  /** true: the closing report; false: a draft built on demand. */
  final: boolean;
  /** The plan's outcome measures with their readings (readings after `today` are left out). */
  measures?: readonly MeasureWithReadings[];
}

/** owner: job title and organisation, never a name; why: the latest note, or the words that it was withheld. */
export interface LateItem { ref: string; title: string; workstream: string; owner: string; dueDate: IsoDate; daysLate: number; status: ActionStatus; why: string | null }
export interface ChangeLine { ref: string; title: string; workstream: string; on: IsoDate; words: string; note: string | null }

export interface QuarterlyReportModel {
  title: string;
  quarterLabel: string;
  months: string;
  today: IsoDate;
  final: boolean;
  total: number;
  counts: Record<ActionStatus, number>;
  open: number;
  overdueCount: number;
  /** Open actions past their due date, by the status their owners last gave. */
  lateByStatus: Record<ActionStatus, number>;
  byArea: ChartRow[];
  /** Actions tied to no area for improvement, with the workstreams they belong to. */
  unlinked: { count: number; workstreams: { code: string; count: number }[] } | null;
  /** The plan's first import, when it fell in this quarter: its starting point, not actions added. */
  baseline: { on: IsoDate; actions: number } | null;
  byWorkstream: ChartRow[];
  completed: ChangeLine[];
  statusChanges: ChangeLine[];
  dueMoves: ChangeLine[];
  added: number;
  updatesGiven: number;
  late: LateItem[];
  atRisk: LateItem[];
  ratings: { pillar: string; workstreams: string; words: string; on: IsoDate; note: string | null }[];
  round: { opened: IsoDate; updated: number; open: number } | null;
  measures: MeasureLine[];
}

const zero = (): Record<ActionStatus, number> => Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;

export function quarterMonths(q: FinancialQuarter): string {
  const a = parseIsoDate(q.start);
  const b = parseIsoDate(q.end);
  return `${MONTH_NAMES[a.month - 1]} to ${MONTH_NAMES[b.month - 1]} ${b.year}`;
}

interface Changes { completed: ChangeLine[]; statusChanges: ChangeLine[]; dueMoves: ChangeLine[]; added: number; updatesGiven: number }

/** What changed in the quarter: completions, other status changes and due-date moves, from the history. */
function changeLines(input: QuarterlyReportInput, wsById: ReadonlyMap<number, Workstream>, actionById: ReadonlyMap<number, Action>, names: readonly string[]): Changes {
  const baselineAt = planStartedAt(input.actions);
  const completed: ChangeLine[] = [];
  const statusChanges: ChangeLine[] = [];
  const dueMoves: ChangeLine[] = [];
  let added = 0;
  let updatesGiven = 0;
  for (const c of input.changes) {
    const a = actionById.get(c.actionId);
    if (!a) continue;
    const base = { ref: a.ref, title: publicTitle(a), workstream: wsById.get(a.workstreamId)?.code ?? '?', on: londonDate(c.at), note: publicNoteWords(publicNote(c.note, names)) };
    const creation = c.statusFrom === null && c.dueFrom === null && (c.version === 1 || c.version === null) && c.statusTo !== null;
    // The plan's first import is its baseline: only actions that joined after it were added.
    if (creation) { if (baselineAt === null || c.at.getTime() > baselineAt.getTime()) added++; continue; }
    if (c.note) updatesGiven++;
    if (c.statusTo !== null && c.statusTo !== c.statusFrom) {
      if (c.statusTo === 'complete') completed.push({ ...base, words: 'completed' });
      else statusChanges.push({ ...base, words: `${c.statusFrom ? statusWord(c.statusFrom) : 'new'} → ${statusWord(c.statusTo)}` });
    }
    if (c.dueTo !== null && c.dueFrom !== null && c.dueTo !== c.dueFrom) {
      dueMoves.push({ ...base, words: `due date moved from ${formatDate(c.dueFrom)} to ${formatDate(c.dueTo)}` });
    }
  }

  const byRef = (x: ChangeLine, y: ChangeLine) => x.ref.localeCompare(y.ref, 'en', { numeric: true }) || x.on.localeCompare(y.on);
  return { completed: completed.sort(byRef), statusChanges: statusChanges.sort(byRef), dueMoves: dueMoves.sort(byRef), added, updatesGiven };
}

/** When the plan began here: its earliest action's creation, which is the first import's moment. */
function planStartedAt(actions: readonly Action[]): Date | null {
  let first: Date | null = null;
  for (const a of actions) if (first === null || a.createdAt.getTime() < first.getTime()) first = a.createdAt;
  return first;
}

function baselineIn(input: QuarterlyReportInput): QuarterlyReportModel['baseline'] {
  const at = planStartedAt(input.actions);
  if (at === null) return null;
  const on = londonDate(at);
  if (on < input.quarter.start || on > input.quarter.end) return null;
  return { on, actions: input.actions.filter((a) => a.createdAt.getTime() === at.getTime()).length };
}

function unlinkedIn(input: QuarterlyReportInput): QuarterlyReportModel['unlinked'] {
  const none = input.actions.filter((a) => a.area === null);
  if (none.length === 0) return null;
  const workstreams = [...input.workstreams].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
    .map((w) => ({ code: w.code, count: none.filter((a) => a.workstreamId === w.id).length })).filter((w) => w.count > 0);
  return { count: none.length, workstreams };
}

export function buildQuarterlyModel(input: QuarterlyReportInput): QuarterlyReportModel {
  const { quarter, today } = input;
  const wsById = new Map(input.workstreams.map((w) => [w.id, w]));
  const actionById = new Map(input.actions.map((a) => [a.id, a]));
  const counts = zero();
  const area = new Map<Area | 'none', Record<ActionStatus, number>>();
  const ws = new Map<number, Record<ActionStatus, number>>();
  const late: LateItem[] = [];
  const atRisk: LateItem[] = [];
  const names = directoryNames(input.people.values());
  const lateByStatus = zero();
  const item = (a: Action): LateItem => ({
    ref: a.ref, title: publicTitle(a), workstream: wsById.get(a.workstreamId)?.code ?? '?',
    owner: publicOwner(a.ownerId !== null ? input.people.get(a.ownerId) : null),
    dueDate: a.dueDate, daysLate: daysLate(a, today), status: a.status, why: publicNoteWords(publicNote(a.lastUpdate, names)),
  });
  for (const a of input.actions) {
    counts[a.status]++;
    const ak = a.area ?? 'none';
    if (!area.has(ak)) area.set(ak, zero());
    area.get(ak)![a.status]++;
    if (!ws.has(a.workstreamId)) ws.set(a.workstreamId, zero());
    ws.get(a.workstreamId)![a.status]++;
    if (isOverdue(a, today)) { late.push(item(a)); lateByStatus[a.status]++; }
    else if (isOpen(a.status) && (a.status === 'at_risk' || a.status === 'off_track')) atRisk.push(item(a));
  }
  late.sort((a, b) => b.daysLate - a.daysLate || a.ref.localeCompare(b.ref, 'en', { numeric: true }));
  atRisk.sort((a, b) => (a.status === b.status ? 0 : a.status === 'off_track' ? -1 : 1) || (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) || a.ref.localeCompare(b.ref, 'en', { numeric: true }));

  const byArea: ChartRow[] = [
    ...AREAS.filter((k) => area.has(k)).map((k) => ({ label: areaLabel(k), counts: area.get(k)! })),
    ...(area.has('none') ? [{ label: 'Wider work, not tied to one area', counts: area.get('none')! }] : []),
  ];
  const byWorkstream: ChartRow[] = [...input.workstreams]
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
    .filter((w) => ws.has(w.id))
    .map((w) => ({ label: `${w.code} ${w.name}`, counts: ws.get(w.id)! }));

  const { completed, statusChanges, dueMoves, added, updatesGiven } = changeLines(input, wsById, actionById, names);

  const latest = latestRatings(input.ratings);
  const ratings = [...latest.values()].sort((a, b) => a.pillar.localeCompare(b.pillar, 'en', { numeric: true })).map((r) => ({
    pillar: r.pillar,
    workstreams: input.workstreams.filter((w) => r.pillar === w.pillar || r.pillar.startsWith(w.pillar)).map((w) => w.code).join(', '),
    words: maturityWord(r.score), on: londonDate(r.ratedAt), note: publicNoteWords(publicNote(r.note, names)),
  }));

  const open = counts.not_started + counts.on_track + counts.at_risk + counts.off_track;
  let round: QuarterlyReportModel['round'] = null;
  if (input.cycle?.openedAt) {
    const openedAt = input.cycle.openedAt;
    const openActions = input.actions.filter((a) => isOpen(a.status));
    round = {
      opened: londonDate(openedAt), open: openActions.length,
      updated: openActions.filter((a) => a.lastUpdateAt !== null && a.lastUpdateAt.getTime() >= openedAt.getTime()).length,
    };
  }

  return {
    title: `Quarterly progress report: ${quarter.label}`,
    quarterLabel: quarter.label, months: quarterMonths(quarter), today, final: input.final,
    total: input.actions.length, counts, open, overdueCount: late.length, lateByStatus, byArea, byWorkstream,
    unlinked: unlinkedIn(input), baseline: baselineIn(input),
    completed, statusChanges, dueMoves,
    added, updatesGiven, late, atRisk, ratings, round,
    measures: measureLines((input.measures ?? []).map((e) => ({ measure: e.measure, readings: e.readings.filter((r) => r.date <= today) })), today),
  };
}

