// glossary.csv and the plain_title column of actions.csv: checked with the rest of the import
// (every problem at file.csv:LINE, nothing written if there is any; the meanings and plain titles
// pass the privacy screen with the other free text) and written in the same transaction, after
// the plan. Terms are upserted by term (one term per spelling, whatever its case); a term left out
// of the file is kept. A plain title is written here rather than with the rest of the action: it
// is text for the public pages only, so it moves no version and writes no history, and a file
// without the column keeps what is stored. Also the plain-language warnings: a title or update
// that reads above grade 8 with no plain title beside it (warnings, not errors: nothing is refused).
import type { Prisma } from '../generated/prisma/client.js';
import { PLAIN_GRADE, gradeOf, readsAbovePlain } from '../domain/text/readability.js';
import type { FileReport, ImportIssue } from './import-types.js';
import type { FolderInput } from './read-folder.js';
import type { GlossaryRow } from './rows.js';

type Client = Prisma.TransactionClient;

export interface GlossaryPlan {
  issues: ImportIssue[];
  /** Plain-language advice as `file.csv:LINE: …`; never stops an import. */
  warnings: string[];
  report: { 'glossary.csv'?: FileReport };
  creates: GlossaryRow[];
  updates: { id: number; row: GlossaryRow }[];
  /** Actions whose plain title the file changes (null clears it). */
  plainTitles: { ref: string; plainTitle: string | null }[];
}

/** Plans the glossary and the plain titles. Reads the database, writes nothing. */
export async function planGlossary(client: Client, input: FolderInput): Promise<GlossaryPlan> {
  const plan: GlossaryPlan = { issues: [], warnings: [], report: {}, creates: [], updates: [], plainTitles: [] };
  await planTerms(client, input, plan);
  await planPlainTitles(client, input, plan);
  plan.warnings = plainWarnings(input);
  return plan;
}

async function planTerms(client: Client, input: FolderInput, plan: GlossaryPlan): Promise<void> {
  const rows = input.files['glossary.csv'];
  if (rows === undefined) return;
  const stored = new Map((await client.glossaryTerm.findMany({ select: { id: true, term: true, meaning: true } })).map((t) => [t.term.toLowerCase(), t]));
  const seen = new Map<string, number>();
  let unchanged = 0;
  for (const { line, row } of rows) {
    const key = row.term.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      plan.issues.push({ file: 'glossary.csv', line, reason: `term ${JSON.stringify(row.term)} appears twice (first on line ${first})` });
      continue;
    }
    seen.set(key, line);
    const s = stored.get(key);
    if (!s) plan.creates.push(row);
    else if (s.term !== row.term || s.meaning !== row.meaning) plan.updates.push({ id: s.id, row });
    else unchanged++;
  }
  plan.report['glossary.csv'] = {
    added: plan.creates.length, changed: plan.updates.length, unchanged,
    addedKeys: plan.creates.map((r) => r.term), changedKeys: plan.updates.map((u) => u.row.term),
  };
}

async function planPlainTitles(client: Client, input: FolderInput, plan: GlossaryPlan): Promise<void> {
  const rows = (input.files['actions.csv'] ?? []).filter((p) => p.row.plain_title !== undefined);
  if (rows.length === 0) return;
  // Only the actions that have one: a plan of a million actions has few plain titles.
  const stored = new Map((await client.action.findMany({ where: { plainTitle: { not: null } }, select: { ref: true, plainTitle: true } }))
    .map((a) => [a.ref, a.plainTitle]));
  for (const { row } of rows) {
    const wanted = row.plain_title ?? null;
    if ((stored.get(row.ref) ?? null) !== wanted) plan.plainTitles.push({ ref: row.ref, plainTitle: wanted });
  }
}

const advice = (text: string): string =>
  `reads at grade ${gradeOf(text).toFixed(1)}, above ${PLAIN_GRADE}: shorter sentences and everyday words help parents and young people read it`;

/** How many plain-language warnings an import lists; the rest are counted in one line. */
export const LISTED_WARNINGS = 20;

/**
 * A title above grade 8 with no plain title (or a plain title that is not plain), and updates
 * above grade 8: the first LISTED_WARNINGS at file:line, then how many more there are. A plan of
 * a million generated titles would otherwise print most of them.
 */
export function plainWarnings(input: Pick<FolderInput, 'files'>): string[] {
  const out: string[] = [];
  let more = 0;
  const warn = (text: () => string): void => {
    if (out.length < LISTED_WARNINGS) out.push(text());
    else more++;
  };
  for (const { line, row } of input.files['actions.csv'] ?? []) {
    const plain = row.plain_title ?? null;
    if (plain !== null && readsAbovePlain(plain)) warn(() => `actions.csv:${line}: plain_title ${advice(plain)}`);
    else if (plain === null && readsAbovePlain(row.title)) warn(() => `actions.csv:${line}: title ${advice(row.title)}; give it a plain_title for the public pages`);
    if (readsAbovePlain(row.last_update)) warn(() => `actions.csv:${line}: last_update ${advice(row.last_update ?? '')}`);
  }
  if (more > 0) out.push(`actions.csv: ${more.toLocaleString('en-GB')} more texts read above grade ${PLAIN_GRADE} (the first ${LISTED_WARNINGS} are listed above)`);
  return out;
}

/** Writes the planned terms and plain titles; run after the plan, in the import's transaction. */
export async function applyGlossary(client: Client, plan: GlossaryPlan, now: Date): Promise<void> {
  for (const r of plan.creates) await client.glossaryTerm.create({ data: { term: r.term, meaning: r.meaning, createdAt: now, updatedAt: now } });
  for (const u of plan.updates) await client.glossaryTerm.update({ where: { id: u.id }, data: { term: u.row.term, meaning: u.row.meaning, updatedAt: now } });
  for (const p of plan.plainTitles) await client.action.update({ where: { ref: p.ref }, data: { plainTitle: p.plainTitle, updatedAt: now } });
}

/** The actions.csv report with the plain titles the file changes counted as changes. */
export function withPlainTitles(report: FileReport | undefined, plan: GlossaryPlan): FileReport | undefined {
  if (!report || plan.plainTitles.length === 0) return report;
  const changed = new Set(report.changedKeys);
  const added = new Set(report.addedKeys);
  const more = plan.plainTitles.map((p) => p.ref).filter((ref) => !changed.has(ref) && !added.has(ref));
  return { ...report, changed: report.changed + more.length, unchanged: report.unchanged - more.length, changedKeys: [...report.changedKeys, ...more] };
}
