// Answers about workstreams and the plan as a whole: who leads what, and how it is going.
import { factsCard, summaryCard, type CountView } from '../cards/answers.js';
import { md, type Markup } from '../cards/markup.js';
import type { ActionQuery } from '../domain/plan/reader.js';
import { OPEN_STATUSES, areaLabel, daysLate, isOverdue, statusColour, statusWord } from '../domain/plan/status.js';
import { ACTION_STATUSES, AREAS, type Action, type ActionStatus, type Person, type Workstream } from '../domain/plan/types.js';
import { addDays } from '../domain/time/index.js';
import { listWords, nameWithJob, personName, plural, workstreamLabel, type AskContext, type Answer } from './context.js';

function countsLine(counts: Record<ActionStatus, number>): string {
  const parts = ACTION_STATUSES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${statusWord(s)}`);
  return listWords(parts);
}

function countViews(counts: Record<ActionStatus, number>, overdue: number): CountView[] {
  return [
    { label: 'overdue', count: overdue, colour: overdue ? 'Attention' : 'Default' },
    ...(['off_track', 'at_risk', 'on_track', 'not_started', 'complete'] as const).map((s) => ({ label: statusWord(s), count: counts[s], colour: statusColour(s) })),
  ];
}

function attentionLine(ctx: AskContext, a: Action): { text: Markup; colour: 'Attention' | 'Warning' | 'Default' } {
  const late = daysLate(a, ctx.today);
  return {
    text: md`**${a.ref}** ${a.title} · ${personName(ctx, a.ownerId)} · ${statusWord(a.status)}${late ? ` · ${late} ${late === 1 ? 'day' : 'days'} late` : ''}`,
    colour: late || a.status === 'off_track' ? 'Attention' : a.status === 'at_risk' ? 'Warning' : 'Default',
  };
}

/**
 * Counts per status and the actions to show under "needs attention" (overdue first, then at risk
 * or off track). The first page is read first: the counts can then come from memory.
 */
async function scopeSummary(ctx: AskContext, scope: ActionQuery, limit: number): Promise<{ counts: Record<ActionStatus, number>; overdue: number; lines: Action[] }> {
  const late = await ctx.reader.listActions({ ...scope, statuses: [...OPEN_STATUSES], dueTo: addDays(ctx.today, -1) }, { offset: 0, limit, total: false });
  const [{ byStatus, overdue }, risky] = await Promise.all([
    ctx.reader.statusCounts(scope, ctx.today),
    late.items.length >= limit
      ? Promise.resolve({ items: [] as Action[] })
      : ctx.reader.listActions({ ...scope, statuses: ['off_track', 'at_risk'], dueFrom: ctx.today }, { offset: 0, limit: limit - late.items.length, total: false }),
  ]);
  return { counts: byStatus, overdue, lines: [...late.items, ...risky.items] };
}

function overdueSentence(ctx: AskContext, overdue: number, first: Action | undefined): string {
  if (overdue === 0) return 'None are overdue.';
  const late = first && isOverdue(first, ctx.today) ? `; the most overdue is ${first.ref}, ${daysLate(first, ctx.today)} days late` : '';
  return `${overdue === 1 ? '1 is' : `${overdue} are`} overdue${late}.`;
}

/** Up to this many actions, a workstream summary lists them all. */
const SMALL_WORKSTREAM = 10;

export async function answerWorkstreamSummary(ctx: AskContext, ws: Workstream): Promise<Answer> {
  const scope: ActionQuery = { workstreamIds: [ws.id] };
  const { counts, overdue, lines } = await scopeSummary(ctx, scope, 8);
  const total = ACTION_STATUSES.reduce((s, k) => s + counts[k], 0);
  const lead = ws.leadId !== null ? personName(ctx, ws.leadId) : null;
  const sentences = [`${workstreamLabel(ws)} is led by ${lead ?? 'nobody yet'} (maturity pillar ${ws.pillar}).`];
  if (!total) sentences.push('It has no actions yet.');
  else sentences.push(`It has ${plural(total, 'action')}: ${countsLine(counts)}.`, overdueSentence(ctx, overdue, lines[0]));
  // A small workstream is summarised in full: every action, not only those needing attention.
  const every = total > 0 && total <= SMALL_WORKSTREAM
    ? (await ctx.reader.listActions(scope, { offset: 0, limit: SMALL_WORKSTREAM, order: 'due_asc', total: false })).items : undefined;
  if (every) sentences.push(`Its actions: ${listWords(every.map((a) => `${a.ref} (${statusWord(a.status)}${isOverdue(a, ctx.today) ? ', overdue' : ''})`))}.`);
  const card = summaryCard({
    title: workstreamLabel(ws),
    facts: [['Lead', lead ?? 'Not recorded'], ['Maturity pillar', ws.pillar], ['Actions', String(total)]],
    counts: total ? countViews(counts, overdue) : [],
    lines: (every ?? lines).map((a) => attentionLine(ctx, a)),
    linesTitle: every ? 'Every action, most urgent first' : 'Needs attention, most urgent first',
    more: { title: `Open actions in ${ws.code}`, question: `What is open in ${ws.code}?` },
  });
  return { text: sentences.join(' '), cards: [card] };
}

/** How the actions from one source document are going ("How is the SEND reform plan going?"). */
export async function answerSourceSummary(ctx: AskContext, source: string): Promise<Answer> {
  const scope: ActionQuery = { source };
  const { counts, overdue, lines } = await scopeSummary(ctx, scope, 8);
  const total = ACTION_STATUSES.reduce((s, k) => s + counts[k], 0);
  const sentences = [`The ${source} has ${plural(total, 'action')}${total ? `: ${countsLine(counts)}` : ''}.`];
  if (total) sentences.push(overdueSentence(ctx, overdue, lines[0]));
  const card = summaryCard({
    title: source,
    facts: [['Actions', String(total)]],
    counts: total ? countViews(counts, overdue) : [],
    lines: lines.map((a) => attentionLine(ctx, a)),
    linesTitle: 'Needs attention, most urgent first',
  });
  return { text: sentences.join(' '), cards: [card] };
}

export async function answerPlanSummary(ctx: AskContext): Promise<Answer> {
  const first = await ctx.reader.listActions({ statuses: [...OPEN_STATUSES], dueTo: addDays(ctx.today, -1) }, { offset: 0, limit: 1, total: false });
  const [{ byStatus: counts, overdue }, byWs] = await Promise.all([
    ctx.reader.statusCounts({}, ctx.today),
    ctx.reader.countBy('workstreamId', { statuses: [...OPEN_STATUSES], dueTo: addDays(ctx.today, -1) }, 20),
  ]);
  const total = ACTION_STATUSES.reduce((s, k) => s + counts[k], 0);
  const sentences = [`The plan has ${plural(total, 'action')}: ${countsLine(counts) || 'none yet'}.`];
  if (total) sentences.push(overdueSentence(ctx, overdue, first.items[0]));
  const top = byWs[0];
  if (top) sentences.push(`${ctx.idx.workstreamById.get(top.id)?.code ?? 'One workstream'} has the most overdue actions (${top.count}).`);
  const card = summaryCard({
    title: 'The plan at a glance',
    facts: [['Actions', String(total)], ['Workstreams', String(ctx.idx.dir.workstreams.length)]],
    counts: total ? countViews(counts, overdue) : [],
    lines: byWs.slice(0, 10).map((g) => ({ text: `${workstreamLabel(ctx.idx.workstreamById.get(g.id))}: ${g.count} overdue`, colour: 'Attention' as const })),
    linesTitle: 'Overdue actions by workstream',
    more: { title: 'Show overdue actions', question: 'What is overdue?' },
  });
  return { text: sentences.join(' '), cards: [card] };
}

export function answerLead(ctx: AskContext, list: Workstream[]): Answer {
  const sentences = list.map((ws) => {
    const lead = ws.leadId !== null ? ctx.idx.personById.get(ws.leadId) : undefined;
    return lead ? `${nameWithJob(lead)} leads ${workstreamLabel(ws)}.` : `No lead is recorded for ${workstreamLabel(ws)}.`;
  });
  return {
    text: sentences.join(' '),
    cards: list.slice(0, 3).map((ws) => factsCard(workstreamLabel(ws), [
      ['Lead', ws.leadId !== null ? personName(ctx, ws.leadId) : 'Not recorded'],
      ['Maturity pillar', ws.pillar],
    ], [], [{ title: `How is ${ws.code} doing?`, question: `How is ${ws.code} doing?` }])),
  };
}

export function answerLedBy(ctx: AskContext, person: Person, self: boolean): Answer {
  const led = ctx.idx.dir.workstreams.filter((w) => w.leadId === person.id);
  const who = self ? 'You' : person.name;
  if (!led.length) {
    return {
      text: `${who} ${self ? "don't" : "doesn't"} lead a workstream. ${self ? 'To see your own actions, ask "What are my open actions?"' : `To see their actions, ask "What is ${person.name} working on?"`}`,
      cards: [],
    };
  }
  return {
    text: `${who} ${self ? 'lead' : 'leads'} ${listWords(led.map(workstreamLabel))}.`,
    cards: [factsCard(`${self ? 'Your' : `${person.name}'s`} workstreams`, led.map((w) => [w.code, w.name]), [],
      led.slice(0, 4).map((w) => ({ title: `How is ${w.code} doing?`, question: `How is ${w.code} doing?` })))],
  };
}

export function answerWorkstreams(ctx: AskContext): Answer {
  const list = ctx.idx.dir.workstreams;
  if (!list.length) return { text: 'There are no workstreams in the plan yet.', cards: [] };
  return {
    // Each with its lead: "who leads each workstream" is answered by the same list.
    text: `The plan has ${plural(list.length, 'workstream')}: ${listWords(list.slice(0, 12).map((w) => `${w.code} (lead: ${w.leadId !== null ? personName(ctx, w.leadId) : 'none'})`))}.`,
    cards: [factsCard('Workstreams', list.slice(0, 30).map((w) => [w.code, `${w.name} (lead: ${w.leadId !== null ? personName(ctx, w.leadId) : 'none'})`]))],
  };
}

export function answerAreas(): Answer {
  const labels = AREAS.map(areaLabel);
  return {
    text: `The ${labels.length} areas for improvement are ${listWords(labels)}.`,
    cards: [factsCard('Areas for improvement', labels.map((l, i) => [String(i + 1), l]), [], labels.map((l) => ({ title: `${l} actions`, question: `Show the ${l} area actions` })))],
  };
}
