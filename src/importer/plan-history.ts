// Planning the history files (action_history, maturity_ratings, expert_request_events): which of
// their rows are new, and which actions take their version from the file. History is append-only
// and restored, never rewritten (the rules are at the top of import-folder.ts).
import type { Parsed, ParsedFiles } from './read-folder.js';
import { formatDate, type ActionHistoryRow, type ActionRow, type ExpertRequestEventRow, type MaturityRatingRow, type PlanFileName } from './rows.js';
import { eventKey, historyKey, missingByContent, ratingKey, type DbHistory, type Snapshot } from './import-snapshot.js';

/** What the history files add, and how they decide versions (see the top of import-folder.ts). */
export interface HistoryPlan {
  /** Action history rows to add, in file order (the order they were first written). */
  actionRows: Parsed<ActionHistoryRow>[];
  /** Actions whose state comes from the history file: ref → version, and its last_update_at. */
  restored: Map<string, { version: number; lastUpdateAt: Date | null }>;
  ratings: Parsed<MaturityRatingRow>[];
  events: Parsed<ExpertRequestEventRow>[];
  /** Requests the events file has events for: their 'created' event comes from the file. */
  eventRefs: Set<string>;
  /** Requests whose outcome the events give: the note of the newest 'closed' event (file or stored). */
  outcomes: Map<string, string | null>;
}

export type Problem = (file: PlanFileName, line: number, reason: string) => void;
export type RefCheck = (file: PlanFileName, line: number, column: string, kind: 'person' | 'action' | 'request', value: string | null) => void;

/**
 * When an action's state comes from its history, last_update_at is the time of its newest row
 * (highest version, then latest) that set it: a card or chat change always does; an import or
 * system change does when it wrote a note (its "last update" text). None: null.
 * (An import that emptied the last update text cannot be told apart from one that left it alone;
 * such an action keeps the time of the note before.)
 */
function lastUpdateAtOf(rows: readonly { version: number | null; at: Date; via: string; note: string | null }[]): Date | null {
  let best: { version: number; at: Date } | null = null;
  for (const r of rows) {
    if (!(r.via === 'card' || r.via === 'chat' || r.note !== null)) continue;
    const v = r.version ?? 0;
    if (!best || v > best.version || (v === best.version && r.at.getTime() > best.at.getTime())) best = { version: v, at: r.at };
  }
  return best ? best.at : null;
}

/** A stored history row in the file's terms, for comparing. */
function storedAsRow(h: DbHistory, ref: string, personKey: Map<number, string>): ActionHistoryRow {
  return {
    ref, at: h.at, actor: h.actorId === null ? null : personKey.get(h.actorId) ?? `#${h.actorId}`, via: h.via,
    status_from: h.statusFrom, status_to: h.statusTo, due_from: h.dueFrom ? formatDate(h.dueFrom) : null, due_to: h.dueTo ? formatDate(h.dueTo) : null,
    note: h.note, version: h.version,
  };
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V): void => {
  const list = m.get(k);
  if (list) list.push(v); else m.set(k, [v]);
};

/** The stored action history by (ref, version), per ref, and the content keys of rows without a version. */
function indexStoredHistory(snap: Snapshot) {
  const actionRef = new Map([...snap.actions.values()].map((a) => [a.id, a.ref]));
  const byVersion = new Map<string, DbHistory>();
  const byRef = new Map<string, DbHistory[]>();
  const unversioned: string[] = [];
  for (const h of snap.history) {
    const r = actionRef.get(h.actionId);
    if (r === undefined) continue;
    push(byRef, r, h);
    if (h.version !== null) { if (!byVersion.has(`${r}|${h.version}`)) byVersion.set(`${r}|${h.version}`, h); }
    else unversioned.push(historyKey(storedAsRow(h, r, snap.personKey)));
  }
  return { byVersion, byRef, unversioned };
}

function planActionHistory(historyRows: Parsed<ActionHistoryRow>[], snap: Snapshot, actions: Map<string, Parsed<ActionRow>>,
  problem: Problem, ref: RefCheck, out: HistoryPlan): void {
  const stored = indexStoredHistory(snap);
  const seen = new Map<string, number>();
  const maxVersion = new Map<string, { version: number; line: number }>();
  const versioned: Parsed<ActionHistoryRow>[] = [];
  const plain: Parsed<ActionHistoryRow>[] = [];
  for (const p of historyRows) {
    const r = p.row;
    ref('action_history.csv', p.line, 'ref', 'action', r.ref);
    ref('action_history.csv', p.line, 'actor', 'person', r.actor);
    if (r.version === null) { plain.push(p); continue; }
    const k = `${r.ref}|${r.version}`;
    const first = seen.get(k);
    if (first !== undefined) { problem('action_history.csv', p.line, `${r.ref} version ${r.version} appears twice (first on line ${first})`); continue; }
    seen.set(k, p.line);
    const top = maxVersion.get(r.ref);
    if (!top || r.version > top.version) maxVersion.set(r.ref, { version: r.version, line: p.line });
    const same = stored.byVersion.get(k);
    if (!same) { versioned.push(p); continue; }
    if (historyKey(r) !== historyKey(storedAsRow(same, r.ref, snap.personKey))) {
      problem('action_history.csv', p.line, `${r.ref} version ${r.version} is already in the database with other details (is this folder from another database? Without action_history.csv the plan imports without its history)`);
    }
  }
  const { missing } = missingByContent(plain, historyKey, stored.unversioned);
  // In file order: the order the rows were first written.
  const adding = new Set([...versioned, ...missing]);
  out.actionRows = historyRows.filter((p) => adding.has(p));
  planRestored(historyRows, maxVersion, stored.byRef, snap, actions, problem, out);
}

/** Actions the history file takes past their stored version (or creates at a version above 1). */
function planRestored(historyRows: Parsed<ActionHistoryRow>[], maxVersion: Map<string, { version: number; line: number }>,
  storedOf: Map<string, DbHistory[]>, snap: Snapshot, actions: Map<string, Parsed<ActionRow>>, problem: Problem, out: HistoryPlan): void {
  const fileOf = new Map<string, ActionHistoryRow[]>();
  for (const p of historyRows) push(fileOf, p.row.ref, p.row);
  for (const [r, top] of maxVersion) {
    const stored = snap.actions.get(r);
    if (stored && top.version <= stored.version) continue; // the usual case: history up to what is stored
    if (!actions.has(r)) {
      if (stored) problem('action_history.csv', top.line, `${r} version ${top.version} is newer than the database's version ${stored.version}, and actions.csv does not give ${r} as it was then`);
      continue; // (an unknown ref is reported above)
    }
    const rows = [...(fileOf.get(r) ?? []), ...(storedOf.get(r) ?? []).map((h) => ({ version: h.version, at: h.at, via: h.via, note: h.note }))];
    out.restored.set(r, { version: top.version, lastUpdateAt: lastUpdateAtOf(rows) });
  }
}

function planEvents(events: Parsed<ExpertRequestEventRow>[], snap: Snapshot, ref: RefCheck, out: HistoryPlan): void {
  for (const p of events) {
    ref('expert_request_events.csv', p.line, 'ref', 'request', p.row.ref);
    ref('expert_request_events.csv', p.line, 'actor', 'person', p.row.actor);
    out.eventRefs.add(p.row.ref);
  }
  out.events = missingByContent(events, eventKey, snap.eventKeys).missing;
  // The outcome is not a column of expert_requests.csv; closing a request writes it as the note
  // of its 'closed' event, so the events give it back.
  const closedInFile = new Map<string, { at: Date; note: string | null }[]>();
  for (const p of events) {
    if (p.row.kind === 'closed') push(closedInFile, p.row.ref, { at: p.row.at, note: p.row.note });
  }
  for (const r of out.eventRefs) {
    const closed = [...(closedInFile.get(r) ?? []), ...(snap.closedEvents.get(r) ?? [])];
    if (closed.length === 0) continue;
    out.outcomes.set(r, closed.reduce((a, b) => (b.at.getTime() > a.at.getTime() ? b : a)).note);
  }
}

/** Checks the history files and works out what they add (see the top of import-folder.ts for the rules). */
export function planHistory(f: ParsedFiles, snap: Snapshot, actions: Map<string, Parsed<ActionRow>>, problem: Problem, ref: RefCheck): HistoryPlan {
  const out: HistoryPlan = { actionRows: [], restored: new Map(), ratings: [], events: [], eventRefs: new Set(), outcomes: new Map() };
  const historyRows = f['action_history.csv'];
  if (historyRows) planActionHistory(historyRows, snap, actions, problem, ref, out);
  const ratings = f['maturity_ratings.csv'];
  if (ratings) {
    for (const p of ratings) ref('maturity_ratings.csv', p.line, 'rated_by', 'person', p.row.rated_by);
    out.ratings = missingByContent(ratings, ratingKey, snap.ratingKeys).missing;
  }
  const events = f['expert_request_events.csv'];
  if (events) planEvents(events, snap, ref, out);
  return out;
}
