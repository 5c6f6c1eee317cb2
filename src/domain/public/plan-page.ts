// The live plan as the public sees it: status by workstream and by area for improvement, what is
// late, and one page per action. Pure: the plan in, the page's facts out; src/reports renders it.
// Late is decided by the date, not by the owner's word: an action past its due date is late
// whatever status its owner last gave, and that status is shown beside it.
import type { Action, ActionStatus, Area, Person, Workstream } from '../plan/types.js';
import { ACTION_STATUSES, AREAS } from '../plan/types.js';
import { areaLabel, compareUrgency, daysLate, isOpen, isOverdue } from '../plan/status.js';
import type { IsoDate } from '../time/dates.js';
import type { MeasureWithReadings } from '../measures/types.js';
import { measureLines, type MeasureLine } from './measures.js';
import { publicTitle } from './glossary.js';
import { directoryNames, publicNote, publicOwner, workstreamWords, type PublicNote } from './people.js';

export interface PlanInput {
  today: IsoDate;
  actions: readonly Action[];
  workstreams: readonly Workstream[];
  people: ReadonlyMap<number, Person>;
  /** The plan's outcome measures with their readings (none when it has none). */
  measures?: readonly MeasureWithReadings[];
}

export interface StatusRow {
  /** Short code or label ("WS3", "EHC plans"). */
  code: string;
  /** What the code means, in words ('' when the label says it already). */
  words: string;
  counts: Record<ActionStatus, number>;
  total: number;
  late: number;
}

export interface ActionLine { ref: string; title: string; status: ActionStatus; dueDate: IsoDate; daysLate: number }

export interface PlanPageModel {
  today: IsoDate;
  total: number;
  open: number;
  complete: number;
  late: number;
  byWorkstream: StatusRow[];
  byArea: StatusRow[];
  /** The actions tied to no area for improvement, in words; null when every action has an area. */
  unlinked: { count: number; workstreams: { code: string; count: number }[] } | null;
  lateActions: (ActionLine & { workstream: string })[];
  workstreams: { code: string; words: string; actions: ActionLine[] }[];
  measures: MeasureLine[];
}

export interface ActionPageModel {
  ref: string;
  /** The plain title when there is one. */
  title: string;
  /** The plan's own wording, when the page shows a plain title instead (null otherwise). */
  planTitle: string | null;
  workstream: string;
  area: string;
  status: ActionStatus;
  dueDate: IsoDate;
  /** Days past the due date (0 when not late). */
  daysLate: number;
  owner: string;
  note: PublicNote;
  noteOn: Date | null;
  today: IsoDate;
}

const zero = (): Record<ActionStatus, number> => Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
const byRef = (a: { ref: string }, b: { ref: string }) => a.ref.localeCompare(b.ref, 'en', { numeric: true });

function statusRow(code: string, words: string, actions: readonly Action[], today: IsoDate): StatusRow {
  const counts = zero();
  for (const a of actions) counts[a.status]++;
  return { code, words, counts, total: actions.length, late: actions.filter((a) => isOverdue(a, today)).length };
}

const line = (a: Action, today: IsoDate): ActionLine => ({ ref: a.ref, title: publicTitle(a), status: a.status, dueDate: a.dueDate, daysLate: daysLate(a, today) });

export function buildPlanPage(input: PlanInput): PlanPageModel {
  const { today, actions } = input;
  const workstreams = [...input.workstreams].sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }));
  const codeOf = new Map(workstreams.map((w) => [w.id, w.code]));
  const inWs = (w: Workstream) => actions.filter((a) => a.workstreamId === w.id);
  const inArea = (k: Area) => actions.filter((a) => a.area === k);
  const unlinked = actions.filter((a) => a.area === null);
  const unlinkedWs = workstreams.map((w) => ({ code: w.code, count: unlinked.filter((a) => a.workstreamId === w.id).length })).filter((x) => x.count > 0);
  const late = actions.filter((a) => isOverdue(a, today));
  return {
    today, total: actions.length,
    open: actions.filter((a) => isOpen(a.status)).length,
    complete: actions.filter((a) => a.status === 'complete').length,
    late: late.length,
    byWorkstream: workstreams.filter((w) => inWs(w).length > 0).map((w) => statusRow(w.code, workstreamWords(w), inWs(w), today)),
    byArea: AREAS.filter((k) => inArea(k).length > 0).map((k) => statusRow(areaLabel(k), '', inArea(k), today)),
    unlinked: unlinked.length > 0 ? { count: unlinked.length, workstreams: unlinkedWs } : null,
    lateActions: [...late].sort(compareUrgency).map((a) => ({ ...line(a, today), workstream: codeOf.get(a.workstreamId) ?? '?' })),
    workstreams: workstreams.map((w) => ({ code: w.code, words: workstreamWords(w), actions: inWs(w).sort(byRef).map((a) => line(a, today)) })).filter((w) => w.actions.length > 0),
    measures: measureLines(input.measures ?? [], today),
  };
}

/** One action's public page, or null when the plan has no action with that reference (any case). */
export function buildActionPage(input: PlanInput, ref: string): ActionPageModel | null {
  const wanted = ref.trim().toLowerCase();
  const a = input.actions.find((x) => x.ref.toLowerCase() === wanted);
  if (!a) return null;
  const ws = input.workstreams.find((w) => w.id === a.workstreamId);
  const owner = a.ownerId === null ? null : input.people.get(a.ownerId);
  return {
    ref: a.ref, title: publicTitle(a), planTitle: publicTitle(a) === a.title ? null : a.title, workstream: workstreamWords(ws),
    area: a.area ? `the ${areaLabel(a.area)} area for improvement` : 'not tied to one area for improvement: it is wider work of its workstream',
    status: a.status, dueDate: a.dueDate, daysLate: daysLate(a, input.today),
    owner: publicOwner(owner), note: publicNote(a.lastUpdate, directoryNames(input.people.values())),
    noteOn: a.lastUpdateAt, today: input.today,
  };
}
