// measures.csv and measure_readings.csv: checked with the rest of the import (every problem at
// file.csv:LINE, nothing written if there is any) and written in the same transaction, after the
// plan, so a measure may belong to an action or workstream the same folder adds. Measures are
// upserted by ref; readings are append-only and identified by their whole content, so importing
// the same files twice adds nothing. The rules for a measure and a reading are the domain's.
import type { Prisma } from '../generated/prisma/client.js';
import { measureProblems, readingProblems, type MeasureDraft } from '../domain/measures/index.js';
import type { Area } from '../domain/plan/types.js';
import { londonDate } from '../domain/time/london.js';
import type { FileReport, ImportIssue, ImportOptions } from './import-types.js';
import type { Snapshot } from './import-snapshot.js';
import { missingByContent } from './import-snapshot.js';
import type { FolderInput, Parsed } from './read-folder.js';
import { formatDate, type MeasureReadingRow, type MeasureRow } from './rows.js';

type Client = Prisma.TransactionClient;

const storedSelect = {
  id: true, ref: true, name: true, unit: true, direction: true, baselineValue: true, baselineDate: true, targetValue: true, targetDate: true, area: true,
  action: { select: { ref: true } }, workstream: { select: { code: true } },
} satisfies Prisma.MeasureSelect;
type Stored = Prisma.MeasureGetPayload<{ select: typeof storedSelect }>;

export interface MeasurePlan {
  issues: ImportIssue[];
  report: { 'measures.csv'?: FileReport; 'measure_readings.csv'?: FileReport };
  creates: MeasureRow[];
  updates: { id: number; row: MeasureRow }[];
  readings: MeasureReadingRow[];
}

const draftOf = (r: MeasureRow): MeasureDraft => ({
  ref: r.ref, name: r.name, unit: r.unit, direction: r.direction,
  baseline: { value: r.baseline_value, date: r.baseline_date }, target: { value: r.target_value, date: r.target_date },
});
const storedDraft = (s: Stored): MeasureDraft => ({
  ref: s.ref, name: s.name, unit: s.unit as MeasureDraft['unit'], direction: s.direction,
  baseline: { value: s.baselineValue, date: formatDate(s.baselineDate) }, target: { value: s.targetValue, date: formatDate(s.targetDate) },
});
/** Every field a row sets, as text, to tell a changed measure from an unchanged one. */
const fieldsOf = (d: MeasureDraft, action: string | null, workstream: string | null, area: Area | null): string =>
  JSON.stringify([d.name, d.unit, d.direction, d.baseline, d.target, action, workstream, area]);
export const readingKey = (r: Pick<MeasureReadingRow, 'measure' | 'date' | 'value' | 'source' | 'recorded_by'>): string =>
  JSON.stringify([r.measure, r.date, r.value, r.source ?? '', r.recorded_by ?? '']);

interface Known { actions: Set<string>; workstreams: Set<string>; people: Set<string> }

function checkMeasure(p: Parsed<MeasureRow>, known: Known, adults: readonly string[], problem: (line: number, reason: string) => void): void {
  const r = p.row;
  const belongs = [r.action, r.workstream, r.area_for_improvement].filter((x) => x !== null).length;
  if (belongs !== 1) problem(p.line, 'give exactly one of action, workstream or area_for_improvement: what the measure belongs to');
  if (r.action !== null && !known.actions.has(r.action)) problem(p.line, `action ${JSON.stringify(r.action)} is in neither actions.csv nor the database`);
  if (r.workstream !== null && !known.workstreams.has(r.workstream)) problem(p.line, `workstream ${JSON.stringify(r.workstream)} is in neither workstreams.csv nor the database`);
  for (const reason of measureProblems(draftOf(r), { adultNames: adults })) problem(p.line, reason);
}

async function knownKeys(client: Client, input: FolderInput, snap: Snapshot): Promise<Known> {
  const f = input.files;
  const stored = await client.action.findMany({ select: { ref: true } });
  return {
    actions: new Set([...(f['actions.csv'] ?? []).map((p) => p.row.ref), ...stored.map((a) => a.ref)]),
    workstreams: new Set([...(f['workstreams.csv'] ?? []).map((p) => p.row.code), ...snap.workstreams.keys()]),
    people: new Set([...(f['people.csv'] ?? []).map((p) => p.row.key), ...snap.people.keys()]),
  };
}

/** Checks both files and works out what to write. Reads the database, writes nothing. */
export async function planMeasures(client: Client, input: FolderInput, snap: Snapshot, opts: Pick<ImportOptions, 'now'>,
  adults: readonly string[]): Promise<MeasurePlan> {
  const plan: MeasurePlan = { issues: [], report: {}, creates: [], updates: [], readings: [] };
  const measureRows = input.files['measures.csv'];
  const readingRows = input.files['measure_readings.csv'];
  if (measureRows === undefined && readingRows === undefined) return plan;
  const storedRows = await client.measure.findMany({ select: storedSelect });
  const stored = new Map(storedRows.map((s) => [s.ref, s]));
  const known = await knownKeys(client, input, snap);
  const fileMeasures = new Map<string, Parsed<MeasureRow>>();
  const problemIn = (file: 'measures.csv' | 'measure_readings.csv') => (line: number, reason: string) => { plan.issues.push({ file, line, reason }); };

  let unchanged = 0;
  for (const p of measureRows ?? []) {
    const first = fileMeasures.get(p.row.ref);
    if (first) { problemIn('measures.csv')(p.line, `ref ${JSON.stringify(p.row.ref)} appears twice (first on line ${first.line})`); continue; }
    fileMeasures.set(p.row.ref, p);
    checkMeasure(p, known, adults, problemIn('measures.csv'));
    const s = stored.get(p.row.ref);
    const r = p.row;
    if (!s) plan.creates.push(r);
    else if (fieldsOf(storedDraft(s), s.action?.ref ?? null, s.workstream?.code ?? null, s.area) !== fieldsOf(draftOf(r), r.action, r.workstream, r.area_for_improvement)) {
      plan.updates.push({ id: s.id, row: r });
    } else unchanged++;
  }
  if (measureRows) {
    plan.report['measures.csv'] = {
      added: plan.creates.length, changed: plan.updates.length, unchanged,
      addedKeys: plan.creates.map((r) => r.ref), changedKeys: plan.updates.map((u) => u.row.ref),
    };
  }
  if (readingRows) await planReadings(client, readingRows, { fileMeasures, stored, known, adults, today: londonDate(opts.now) }, plan, problemIn('measure_readings.csv'));
  return plan;
}

interface ReadingContext {
  fileMeasures: Map<string, Parsed<MeasureRow>>;
  stored: Map<string, Stored>;
  known: Known;
  adults: readonly string[];
  today: string;
}

async function planReadings(client: Client, rows: Parsed<MeasureReadingRow>[], ctx: ReadingContext, plan: MeasurePlan,
  problem: (line: number, reason: string) => void): Promise<void> {
  for (const p of rows) {
    const r = p.row;
    const fromFile = ctx.fileMeasures.get(r.measure);
    const s = ctx.stored.get(r.measure);
    const measure = fromFile ? draftOf(fromFile.row) : s ? storedDraft(s) : undefined;
    if (!measure) problem(p.line, `measure ${JSON.stringify(r.measure)} is in neither measures.csv nor the database`);
    else for (const reason of readingProblems({ value: r.value, date: r.date, source: r.source }, measure, ctx.today, { adultNames: ctx.adults })) problem(p.line, reason);
    if (r.recorded_by !== null && !ctx.known.people.has(r.recorded_by)) problem(p.line, `recorded_by ${JSON.stringify(r.recorded_by)} is in neither people.csv nor the database`);
  }
  const storedReadings = await client.measureReading.findMany({
    select: { date: true, value: true, source: true, measure: { select: { ref: true } }, recordedBy: { select: { key: true } } },
  });
  const keys = storedReadings.map((x) => readingKey({ measure: x.measure.ref, date: formatDate(x.date), value: x.value, source: x.source, recorded_by: x.recordedBy?.key ?? null }));
  const { missing, present } = missingByContent(rows, readingKey, keys);
  plan.readings = missing.map((p) => p.row);
  plan.report['measure_readings.csv'] = {
    added: missing.length, changed: 0, unchanged: present, addedKeys: missing.map((p) => `${p.row.measure} ${p.row.date}`), changedKeys: [],
  };
}

const asDate = (d: string): Date => new Date(`${d}T00:00:00Z`);

/** Writes the planned measures and readings; run after the plan, in the import's transaction. */
export async function applyMeasures(client: Client, plan: MeasurePlan, opts: ImportOptions): Promise<void> {
  if (plan.creates.length + plan.updates.length + plan.readings.length === 0) return;
  const actions = new Map((await client.action.findMany({ select: { id: true, ref: true } })).map((a) => [a.ref, a.id]));
  const workstreams = new Map((await client.workstream.findMany({ select: { id: true, code: true } })).map((w) => [w.code, w.id]));
  const values = (r: MeasureRow) => ({
    name: r.name, unit: r.unit, direction: r.direction, baselineValue: r.baseline_value, baselineDate: asDate(r.baseline_date),
    targetValue: r.target_value, targetDate: asDate(r.target_date), area: r.area_for_improvement,
    actionId: r.action === null ? null : actions.get(r.action) ?? null,
    workstreamId: r.workstream === null ? null : workstreams.get(r.workstream) ?? null,
    updatedAt: opts.now,
  });
  for (const r of plan.creates) await client.measure.create({ data: { ref: r.ref, ...values(r), createdAt: opts.now } });
  for (const u of plan.updates) await client.measure.update({ where: { id: u.id }, data: values(u.row) });
  if (plan.readings.length === 0) return;
  const measures = new Map((await client.measure.findMany({ select: { id: true, ref: true } })).map((m) => [m.ref, m.id]));
  const people = new Map((await client.person.findMany({ select: { id: true, key: true } })).map((p) => [p.key, p.id]));
  await client.measureReading.createMany({
    data: plan.readings.map((r) => ({
      measureId: measures.get(r.measure)!, value: r.value, date: asDate(r.date), source: r.source,
      recordedById: r.recorded_by === null ? null : people.get(r.recorded_by) ?? null, recordedAt: opts.now, via: 'import' as const,
    })),
  });
}
