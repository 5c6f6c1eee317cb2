// The weekly digest cards: one per workstream for its lead, and the whole-plan version for admins.
import type { IsoDate } from '../../domain/plan/types.js';
import { maturityWord, type ChangeItem, type DigestItem, type PlanDigest, type Rating, type WorkstreamDigest } from '../../domain/digest/build.js';
import { statusWord } from '../../domain/plan/status.js';
import { addDays } from '../../domain/time/dates.js';
import { formatDate, formatLongDate } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import type { MeasureLine } from '../../domain/public/measures.js';
import { cardMarkdown, md, messageText } from '../markup.js';
import { actionBlock, adaptiveCard, capped, facts, fitToBudget, heading, para, plural, sectionTitle, type Card, type Element } from './elements.js';

export interface CardMessage { text: string; cards: Card[] }

/** Items listed per section; the rest are counted. Keeps a card well under Teams' 28 KB. */
export const MAX_PER_SECTION = 8;

function line(i: DigestItem, withUpdate: boolean, extra?: string): Element {
  const detail = [i.ownerName ? `Owner: ${i.ownerName}` : 'No owner yet', extra ?? (i.lastUpdate ? `Last update: ${i.lastUpdate}` : null)]
    .filter(Boolean).join('. ');
  return actionBlock({
    actionId: i.actionId, ref: i.ref, title: i.title, status: i.status, dueDate: i.dueDate, daysUntilDue: i.daysUntilDue, version: i.version, detail,
  }, withUpdate);
}

function changeLine(c: ChangeItem): Element {
  const when = formatDate(londonDate(c.at));
  const note = c.note ? ` "${c.note}"` : '';
  return para(md`**${c.ref}** ${c.title}: ${c.what.join('; ')}${note} (${when})`);
}

export function ratingWords(ratings: readonly Rating[], pillar: string): string {
  if (ratings.length === 0) return `Pillar ${pillar}: not rated yet`;
  return ratings.map((r) => `Pillar ${r.pillar}: ${maturityWord(r.score)} (rated ${formatDate(londonDate(r.ratedAt))})`).join('; ');
}

/** 'EHC plans issued within 20 weeks: off course. Getting better: …' (the name is the plan's text). */
function measuresSection(body: Element[], lines: readonly MeasureLine[], max: number): void {
  if (lines.length === 0) return;
  body.push(sectionTitle(`Measures (${lines.length})`));
  body.push(...capped(lines, max, (l) => para(md`**${l.name}**: ${l.course}. ${l.trendText} ${l.courseText}`), more('measure')));
}

function more(what: string) {
  return (n: number) => `…and ${plural(n, `more ${what}`)}.`;
}

function section(body: Element[], title: string, items: readonly DigestItem[], empty: string | null, render: (i: DigestItem) => Element, max: number): void {
  if (items.length === 0 && empty === null) return;
  body.push(sectionTitle(`${title} (${items.length})`));
  if (items.length === 0) body.push(para(empty ?? '', { subtle: true }));
  else body.push(...capped(items, max, render, more('action')));
}

/** forChat: the copy for the workstream's linked chat, which is not addressed to the lead. */
export function workstreamDigestMessage(d: WorkstreamDigest, today: IsoDate, staleWeeks: number, opts: { forChat?: boolean } = {}): CardMessage {
  return fitToBudget((max) => workstreamDigestWith(d, today, staleWeeks, Math.min(max, MAX_PER_SECTION), opts.forChat ?? false));
}

function workstreamDigestWith(d: WorkstreamDigest, today: IsoDate, staleWeeks: number, max: number, forChat: boolean): CardMessage {
  const ws = d.workstream;
  const open = d.counts.not_started + d.counts.on_track + d.counts.at_risk + d.counts.off_track;
  const text = `${forChat ? 'This week\'s digest' : 'Your weekly digest'} for ${ws.code} ${messageText(ws.name)}: ${plural(d.overdue.length, 'action')} overdue, ${d.counts.off_track} off track, ${d.counts.at_risk} at risk, ${d.changed.length} changed this week, ${d.dueNext.length} due in the next two weeks.`;
  const body: Element[] = [
    heading(`Weekly digest: ${ws.code} ${ws.name}`),
    para(`${formatLongDate(today)}. Changes cover ${formatDate(addDays(today, -7))} to ${formatDate(today)}.`, { subtle: true }),
    facts([
      ['Open actions', String(open)],
      ['Overdue', String(d.overdue.length)],
      ['Off track', String(d.counts.off_track)],
      ['At risk', String(d.counts.at_risk)],
      ['Complete', String(d.counts.complete)],
      ['Maturity', ratingWords(d.ratings, ws.pillar)],
    ]),
  ];
  measuresSection(body, d.measures, max);
  section(body, 'Overdue, most overdue first', d.overdue, 'Nothing is overdue.', (i) => line(i, true), max);
  section(body, 'Off track (not overdue)', d.offTrack, null, (i) => line(i, true), max);
  section(body, 'At risk (not overdue)', d.atRisk, null, (i) => line(i, true), max);
  body.push(sectionTitle(`Changed this week (${d.changed.length})`));
  if (d.changed.length === 0) body.push(para('No changes this week.', { subtle: true }));
  else body.push(...capped(d.changed, max, changeLine, more('change')));
  section(body, 'Due in the next two weeks', d.dueNext, 'Nothing else is due in the next two weeks.', (i) => line(i, false), max);
  section(body, `Early warning: no update for ${staleWeeks} weeks`, d.stale, null,
    (i) => line(i, false, `No update for ${plural(i.weeksQuiet ?? staleWeeks, 'week')}`), max);
  return { text, cards: [adaptiveCard(body)] };
}

export function planDigestMessage(p: PlanDigest, today: IsoDate, staleWeeks: number): CardMessage {
  return fitToBudget((max) => planDigestWith(p, today, staleWeeks, Math.min(max, MAX_PER_SECTION), max * 5));
}

function planDigestWith(p: PlanDigest, today: IsoDate, staleWeeks: number, max: number, rows: number): CardMessage {
  const open = p.counts.not_started + p.counts.on_track + p.counts.at_risk + p.counts.off_track;
  const text = `Weekly digest for the whole plan: ${open} open actions, ${p.overdue.length} overdue, ${p.counts.off_track} off track, ${p.counts.at_risk} at risk, ${p.changedCount} changed this week.`;
  const body: Element[] = [
    heading('Weekly digest: the whole plan'),
    para(`${formatLongDate(today)}. Changes cover ${formatDate(addDays(today, -7))} to ${formatDate(today)}.`, { subtle: true }),
    facts([
      ['Open actions', String(open)],
      ['Overdue', String(p.overdue.length)],
      ['Off track', String(p.counts.off_track)],
      ['At risk', String(p.counts.at_risk)],
      ['Complete', String(p.counts.complete)],
      ['Changed this week', String(p.changedCount)],
      ['Due in the next two weeks', String(p.dueNextCount)],
      [`No update for ${staleWeeks} weeks`, String(p.staleCount)],
    ]),
    sectionTitle('By workstream'),
    {
      type: 'Table', firstRowAsHeaders: true, showGridLines: false, gridStyle: 'default',
      columns: [{ width: 3 }, { width: 1 }, { width: 1 }, { width: 1 }, { width: 1 }, { width: 2 }],
      rows: [
        ['Workstream', 'Open', 'Overdue', 'Off track', 'At risk', 'Maturity'],
        ...p.workstreams.slice(0, rows).map((d) => [
          `${d.workstream.code} ${d.workstream.name}`,
          String(d.counts.not_started + d.counts.on_track + d.counts.at_risk + d.counts.off_track),
          String(d.overdue.length), String(d.counts.off_track), String(d.counts.at_risk),
          d.ratings.length ? d.ratings.map((r) => `${r.pillar}: ${maturityWord(r.score)}`).join(', ') : 'not rated',
        ]),
      ].map((cells) => ({ type: 'TableRow', cells: cells.map((c) => ({ type: 'TableCell', items: [{ type: 'TextBlock', text: cardMarkdown(c), wrap: true }] })) })),
    },
  ];
  if (p.workstreams.length > rows) body.push(para(`…and ${plural(p.workstreams.length - rows, 'more workstream')}.`, { subtle: true }));
  measuresSection(body, p.measures, max);
  body.push(sectionTitle(`Most overdue (${p.overdue.length})`));
  if (p.overdue.length === 0) body.push(para('Nothing is overdue.', { subtle: true }));
  else body.push(...capped(p.overdue, max, (i) => line(i, false, `${statusWord(i.status)}`), more('overdue action')));
  return { text, cards: [adaptiveCard(body)] };
}
