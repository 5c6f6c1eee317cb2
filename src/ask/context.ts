// What every answer needs: the reader, the directory index, London's today, and who is asking;
// plus turning plan records into words.
import type { MeasureWithReadings } from '../domain/measures/types.js';
import type { GlossaryEntry } from '../domain/public/glossary.js';
import type { ActionView } from '../cards/actions.js';
import type { PlanReader } from '../domain/plan/reader.js';
import { areaLabel, daysLate, isOverdue, statusColour, statusWord } from '../domain/plan/status.js';
import type { Action, IsoDate, Person, Workstream } from '../domain/plan/types.js';
import { formatDate, formatLongDate, formatRelativeDue, londonDate } from '../domain/time/index.js';
import type { DirectoryIndex } from './directory.js';

export interface Asker {
  person: Person | null;
  conversationKind: 'personal' | 'groupChat' | 'channel';
  /** The Teams conversation, so a follow-up ("and WS7?") keeps the previous question's scope. */
  conversationId?: string;
}

/** What the group chat or channel asked in is linked to: a question that names none is about it. */
export interface ChatScope { workstreamId: number | null; clusterId: number | null }
export interface Answer { text: string; cards: Record<string, unknown>[] }

export interface AskContext {
  reader: PlanReader;
  idx: DirectoryIndex;
  now: Date;
  today: IsoDate;
  asker: Asker;
  /** The plan's outcome measures with their readings, when the answerer was given them. */
  measures?: readonly MeasureWithReadings[];
  /** The partnership's glossary, when the answerer was given it. */
  glossary?: readonly GlossaryEntry[];
}

export function personName(ctx: AskContext, id: number | null): string {
  if (id === null) return 'No owner';
  return ctx.idx.personById.get(id)?.name ?? 'Unknown person';
}

export function workstreamLabel(ws: Workstream | undefined): string {
  return ws ? `${ws.code} ${ws.name}` : 'No workstream';
}

export function actionView(ctx: AskContext, a: Action): ActionView {
  const late = daysLate(a, ctx.today);
  return {
    id: a.id,
    version: a.version,
    ref: a.ref,
    title: a.title,
    owner: personName(ctx, a.ownerId),
    due: formatDate(a.dueDate),
    dueLong: formatLongDate(a.dueDate),
    status: statusWord(a.status),
    statusColour: isOverdue(a, ctx.today) && a.status !== 'at_risk' ? 'Attention' : statusColour(a.status),
    daysLate: late,
    timing: a.status === 'complete' ? 'complete' : formatRelativeDue(a.dueDate, ctx.today),
    workstream: workstreamLabel(ctx.idx.workstreamById.get(a.workstreamId)),
    area: a.area ? areaLabel(a.area) : null,
    lastUpdate: a.lastUpdate,
    lastUpdateOn: a.lastUpdateAt ? formatDate(londonDate(a.lastUpdateAt)) : null,
    canUpdate: true,
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export { listWords } from '../domain/text/list-words.js';

/** "Emma Clarke (SENCO)": a person with their job title, when the plan has one. */
export function nameWithJob(p: Pick<Person, 'name' | 'jobTitle'>): string {
  return `${p.name}${p.jobTitle ? ` (${p.jobTitle})` : ''}`;
}

/** "Fatima Ali (Occupational Therapist), fatima.ali@example.org": how to reach an expert. */
export function expertLine(p: Person): string {
  return `${nameWithJob(p)}${p.email ? `, ${p.email}` : ''}`;
}

export function capitalise(s: string): string {
  return s ? `${s.charAt(0).toUpperCase()}${s.slice(1)}` : s;
}
