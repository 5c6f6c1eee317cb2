// Writes the plan back out as the seven CSV files import reads, same columns and formats, so that
// export → edit in a spreadsheet → import is the operators' round trip. Rows come out in id order
// (the order they were first imported or created). Read in one repeatable-read transaction so the
// files agree with each other even while the bot is writing.
import fs from 'node:fs';
import path from 'node:path';
import { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../store/database.js';
import { writeCsv } from './csv.js';
import { AREA_LABELS, COLUMNS, IMPORT_FILES, formatDate, formatTimestamp, type ImportFileName } from './rows.js';

/** Free-text columns the demo files always quote; export does the same so its files match them. */
const FREE_TEXT: { [F in ImportFileName]?: number[] } = {
  'meetings.csv': [COLUMNS['meetings.csv'].indexOf('agenda')],
  'expert_requests.csv': [COLUMNS['expert_requests.csv'].indexOf('summary')],
};

export interface ExportReport {
  folder: string;
  /** Data rows written per file (the header not counted). */
  rows: { [F in ImportFileName]: number };
  ms: number;
}

export async function exportFolder(db: Db, folder: string): Promise<ExportReport> {
  const started = performance.now();
  const tables = await db.$transaction(async (tx) => ({
    people: await tx.person.findMany({ orderBy: { id: 'asc' } }),
    workstreams: await tx.workstream.findMany({ orderBy: { id: 'asc' } }),
    actions: await tx.action.findMany({
      orderBy: { id: 'asc' },
      select: { ref: true, title: true, workstreamId: true, area: true, ownerId: true, dueDate: true, status: true, lastUpdate: true, source: true },
    }),
    clusters: await tx.cluster.findMany({ orderBy: { id: 'asc' } }),
    settings: await tx.setting.findMany({ orderBy: { id: 'asc' } }),
    meetings: await tx.clusterMeeting.findMany({
      orderBy: { id: 'asc' }, select: { clusterId: true, startsAt: true, durationMinutes: true, location: true, agenda: true },
    }),
    requests: await tx.expertRequest.findMany({ orderBy: { id: 'asc' } }),
  }), { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 120_000, maxWait: 30_000 });

  const personKey = new Map(tables.people.map((p) => [p.id, p.key]));
  const workstreamCode = new Map(tables.workstreams.map((w) => [w.id, w.code]));
  const clusterCode = new Map(tables.clusters.map((c) => [c.id, c.code]));
  const settingName = new Map(tables.settings.map((s) => [s.id, s.name]));
  const lookup = (m: Map<number, string>, id: number | null): string => (id === null ? '' : m.get(id) ?? '');
  const text = (v: string | null): string => v ?? '';
  const stamp = (d: Date | null): string => (d ? formatTimestamp(d) : '');

  const rows: { [F in ImportFileName]: string[][] } = {
    'people.csv': tables.people.map((p) => [
      p.key, p.name, text(p.email), p.roles.join(';'), text(p.specialism), text(p.jobTitle), text(p.aadObjectId),
    ]),
    'workstreams.csv': tables.workstreams.map((w) => [w.code, w.name, w.pillar, lookup(personKey, w.leadId)]),
    'actions.csv': tables.actions.map((a) => [
      a.ref, a.title, lookup(workstreamCode, a.workstreamId), a.area ? AREA_LABELS[a.area] : '', lookup(personKey, a.ownerId),
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
  };

  fs.mkdirSync(folder, { recursive: true });
  const counts = {} as { [F in ImportFileName]: number };
  for (const file of IMPORT_FILES) {
    // Write next to the target and rename, so a reader never sees half a file.
    const target = path.join(folder, file);
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, writeCsv([[...COLUMNS[file]], ...rows[file]], { alwaysQuote: FREE_TEXT[file] }));
    fs.renameSync(temp, target);
    counts[file] = rows[file].length;
  }
  return { folder, rows: counts, ms: Math.round(performance.now() - started) };
}
