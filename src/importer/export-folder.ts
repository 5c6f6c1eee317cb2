// Writes the plan back out as the CSV files import reads (its measures and their readings
// and the glossary included), same columns and formats, so that export → edit in a spreadsheet → import is the
// operators' round trip; and its append-only history
// (action history, maturity ratings, request events) as three more, so that export → wipe →
// import restores the plan with its audit trail (see import-folder.ts for how history is merged).
// Rows come out in id order (the order they were first imported or created). Read in one
// repeatable-read transaction so the files agree with each other even while the bot is writing.
import fs from 'node:fs';
import path from 'node:path';
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../store/database.js';
import { writeCsv } from './csv.js';
import { AREA_LABELS, COLUMNS, PLAN_FILES, formatDate, formatTimestamp, type PlanFileName } from './rows.js';

/** Free-text columns the demo files always quote; export does the same so its files match them. */
const FREE_TEXT: { [F in PlanFileName]?: number[] } = {
  'meetings.csv': [COLUMNS['meetings.csv'].indexOf('agenda')],
  'expert_requests.csv': [COLUMNS['expert_requests.csv'].indexOf('summary')],
  'action_history.csv': [COLUMNS['action_history.csv'].indexOf('note')],
  'maturity_ratings.csv': [COLUMNS['maturity_ratings.csv'].indexOf('note')],
  'expert_request_events.csv': [COLUMNS['expert_request_events.csv'].indexOf('note')],
};

export interface ExportReport {
  folder: string;
  /** Data rows written per file (the header not counted). */
  rows: { [F in PlanFileName]: number };
  ms: number;
}

/** Every table export reads, in one repeatable-read transaction (one consistent picture). */
function readTables(db: Db) {
  return db.$transaction(async (tx) => ({
    people: await tx.person.findMany({ orderBy: { id: 'asc' } }),
    workstreams: await tx.workstream.findMany({ orderBy: { id: 'asc' } }),
    actions: await tx.action.findMany({
      orderBy: { id: 'asc' },
      select: { ref: true, title: true, plainTitle: true, workstreamId: true, area: true, ownerId: true, dueDate: true, status: true, lastUpdate: true, source: true },
    }),
    clusters: await tx.cluster.findMany({ orderBy: { id: 'asc' } }),
    settings: await tx.setting.findMany({ orderBy: { id: 'asc' } }),
    meetings: await tx.clusterMeeting.findMany({
      orderBy: { id: 'asc' }, select: { clusterId: true, startsAt: true, durationMinutes: true, location: true, agenda: true },
    }),
    requests: await tx.expertRequest.findMany({ orderBy: { id: 'asc' } }),
    termDates: await tx.termDate.findMany({ orderBy: [{ startsOn: 'asc' }, { id: 'asc' }] }),
    measures: await tx.measure.findMany({ orderBy: { id: 'asc' } }),
    readings: await tx.measureReading.findMany({ orderBy: { id: 'asc' } }),
    glossary: await tx.glossaryTerm.findMany({ orderBy: { id: 'asc' } }),
    history: await tx.actionHistory.findMany({ orderBy: { id: 'asc' } }),
    ratings: await tx.maturityRating.findMany({ orderBy: { id: 'asc' } }),
    events: await tx.expertRequestEvent.findMany({ orderBy: { id: 'asc' } }),
    actionRefs: await tx.action.findMany({ select: { id: true, ref: true } }),
  }), { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 120_000, maxWait: 30_000 });
}
type Tables = Awaited<ReturnType<typeof readTables>>;

/** The tables as the files' rows, ids turned back into natural keys. */
function toRows(tables: Tables): { [F in PlanFileName]: string[][] } {
  const personKey = new Map(tables.people.map((p) => [p.id, p.key]));
  const workstreamCode = new Map(tables.workstreams.map((w) => [w.id, w.code]));
  const clusterCode = new Map(tables.clusters.map((c) => [c.id, c.code]));
  const settingName = new Map(tables.settings.map((s) => [s.id, s.name]));
  const actionRef = new Map(tables.actionRefs.map((a) => [a.id, a.ref]));
  const requestRef = new Map(tables.requests.map((r) => [r.id, r.ref]));
  const measureRef = new Map(tables.measures.map((m) => [m.id, m.ref]));
  const day = (d: Date | null): string => (d ? formatDate(d) : '');
  const lookup = (m: Map<number, string>, id: number | null): string => (id === null ? '' : m.get(id) ?? '');
  const text = (v: string | null): string => v ?? '';
  const stamp = (d: Date | null): string => (d ? formatTimestamp(d) : '');

  return {
    'people.csv': tables.people.map((p) => [
      p.key, p.name, text(p.email), p.roles.join(';'), text(p.specialism), text(p.jobTitle), text(p.organisation), text(p.aadObjectId),
    ]),
    'workstreams.csv': tables.workstreams.map((w) => [w.code, w.name, w.pillar, lookup(personKey, w.leadId)]),
    'actions.csv': tables.actions.map((a) => [
      a.ref, a.title, text(a.plainTitle), lookup(workstreamCode, a.workstreamId), a.area ? AREA_LABELS[a.area] : '', lookup(personKey, a.ownerId),
      formatDate(a.dueDate), a.status, text(a.lastUpdate), text(a.source),
    ]),
    'clusters.csv': tables.clusters.map((c) => [c.code, c.name, c.area, lookup(personKey, c.chairId)]),
    'settings.csv': tables.settings.map((s) => [s.name, s.phase, lookup(clusterCode, s.clusterId), lookup(personKey, s.sencoId)]),
    'meetings.csv': tables.meetings.map((m) => [
      lookup(clusterCode, m.clusterId), formatTimestamp(m.startsAt), String(m.durationMinutes), m.location, m.agenda.join('; '),
    ]),
    'expert_requests.csv': tables.requests.map((r) => [
      r.ref, lookup(personKey, r.requesterId), lookup(settingName, r.settingId), r.specialism, r.kind, r.summary, r.status,
      lookup(personKey, r.assigneeId), formatTimestamp(r.createdAt), stamp(r.firstResponseAt), stamp(r.closedAt),
    ]),
    'term_dates.csv': tables.termDates.map((t) => [
      t.academicYear, t.term, formatDate(t.startsOn), formatDate(t.endsOn), day(t.halfTermStartsOn), day(t.halfTermEndsOn),
    ]),
    'measures.csv': tables.measures.map((m) => [
      m.ref, m.name, m.unit, m.direction, String(m.baselineValue), formatDate(m.baselineDate), String(m.targetValue), formatDate(m.targetDate),
      lookup(actionRef, m.actionId), lookup(workstreamCode, m.workstreamId), m.area ? AREA_LABELS[m.area] : '',
    ]),
    'measure_readings.csv': tables.readings.map((r) => [
      lookup(measureRef, r.measureId), formatDate(r.date), String(r.value), text(r.source), lookup(personKey, r.recordedById),
    ]),
    'glossary.csv': tables.glossary.map((g) => [g.term, g.meaning]),
    'action_history.csv': tables.history.map((h) => [
      lookup(actionRef, h.actionId), formatTimestamp(h.at), lookup(personKey, h.actorId), h.via, text(h.statusFrom), text(h.statusTo),
      day(h.dueFrom), day(h.dueTo), text(h.note), h.version === null ? '' : String(h.version),
    ]),
    'maturity_ratings.csv': tables.ratings.map((m) => [m.pillar, String(m.score), text(m.note), lookup(personKey, m.ratedById), formatTimestamp(m.ratedAt)]),
    'expert_request_events.csv': tables.events.map((e) => [
      lookup(requestRef, e.requestId), formatTimestamp(e.at), lookup(personKey, e.actorId), e.kind, text(e.note),
    ]),
  };
}

export async function exportFolder(db: Db, folder: string): Promise<ExportReport> {
  const started = performance.now();
  const rows = toRows(await readTables(db));
  fs.mkdirSync(folder, { recursive: true });
  const counts = {} as { [F in PlanFileName]: number };
  for (const file of PLAN_FILES) {
    // Write next to the target and rename, so a reader never sees half a file.
    const target = path.join(folder, file);
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, writeCsv([[...COLUMNS[file]], ...rows[file]], { alwaysQuote: FREE_TEXT[file] }));
    fs.renameSync(temp, target);
    counts[file] = rows[file].length;
  }
  return { folder, rows: counts, ms: Math.round(performance.now() - started) };
}
