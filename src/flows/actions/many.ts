// Several actions in one card: "update my actions", this viewer's refresh of the same actions,
// and saving the rows a person touched, all or nothing.
import {
  ACTION_GONE, DAMAGED_CARD, FUTURE_VERSION, NOTHING_TO_SAVE, UNKNOWN_PERSON, inputsFor, isTouched, manyIdsSchema, nothingSavedBecause,
  parseManyRefs, refusal, savedManySentence, staleNotice, validateChange,
} from '../../domain/actions/index.js';
import { problemCard, type ManyItemState } from '../../cards/action-update/index.js';
import type { ActionRecord, PlannedChange } from '../../store/action-updates.js';
import type { FlowResult, Via, Viewer } from './types.js';
import type { ActionViews } from './views.js';

const MANY_LIMIT = 8;

type Data = Record<string, unknown>;

/** "update my actions": every open action the person owns (the most urgent first), in one card. */
export async function mine(v: ActionViews, viewer: Viewer): Promise<FlowResult> {
  if (!viewer.person) return { outcome: 'unknown-person', sentenceOnly: true, text: UNKNOWN_PERSON, card: problemCard(UNKNOWN_PERSON) };
  const { records, total } = await v.deps.actions.openOwnedBy(viewer.person.id, MANY_LIMIT);
  if (total === 0) return { outcome: 'none', sentenceOnly: true, text: "You don't own any open actions, so there is nothing to update. Well done!", card: problemCard('You have no open actions to update.') };
  const refresh = await v.refresh(viewer, records);
  const text = total === 1 ? 'Here is your open action.' : `Here are your ${total} open actions.`;
  return { outcome: 'many', text, log: { total }, card: v.many(viewer, records, total, refresh, null) };
}

/** actions.refreshMany {actionIds}: this viewer's view of the same actions. */
export async function refreshMany(v: ActionViews, viewer: Viewer, data: Data): Promise<FlowResult> {
  const parsed = manyIdsSchema.safeParse(data);
  if (!parsed.success) return { outcome: 'damaged', card: problemCard(DAMAGED_CARD) };
  const records = await v.deps.actions.byIds(parsed.data.actionIds);
  if (records.length === 0) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
  const refresh = await v.refresh(viewer, records);
  return { outcome: 'many', card: v.many(viewer, records, records.length, refresh, null) };
}

/** What checking the touched rows found: the changes to save, or the first problem (and every row's marks). */
interface Checked { planned: PlannedChange[]; overrides: Map<number, Partial<ManyItemState>>; problem: string | null; outcome: string }

async function checkTouched(v: ActionViews, viewer: Viewer, data: Data, records: readonly ActionRecord[], seen: ReadonlyMap<number, number>): Promise<Checked> {
  const out: Checked = { planned: [], overrides: new Map(), problem: null, outcome: 'invalid' };
  const screen = await v.deps.people.screenDirectory();
  for (const r of records) {
    const inputs = inputsFor(data, r.action.id);
    if (!isTouched(inputs, r.action)) continue;
    const version = seen.get(r.action.id) ?? 0;
    const right = v.right(viewer, r);
    if (!right) {
      out.overrides.set(r.action.id, { banner: { text: refusal(r.action.ref, r.owner?.name ?? null, r.lead?.name ?? null), tone: 'attention' } });
      out.problem ??= `You can't change ${r.action.ref}.`;
      out.outcome = 'refused';
      continue;
    }
    if (version !== r.action.version) {
      const text = version > r.action.version ? FUTURE_VERSION : staleNotice(r.lastChange, v.now());
      out.overrides.set(r.action.id, { banner: { text, tone: 'warning' } });
      out.problem ??= version > r.action.version ? `The card doesn't match ${r.action.ref}.` : `${r.action.ref} was changed after this card was made.`;
      out.outcome = version > r.action.version ? 'tampered' : 'stale';
      continue;
    }
    const checked = validateChange(inputs, r.action, screen);
    if (!checked.ok) {
      out.overrides.set(r.action.id, { errors: checked.errors, values: checked.values });
      out.problem ??= 'Please fix the actions marked below.';
      continue;
    }
    out.overrides.set(r.action.id, { values: checked.values });
    out.planned.push(v.plan(viewer, r, version, checked.change));
  }
  return out;
}

/**
 * actions.saveMany {items: [{actionId, version}], status_<id>, note_<id>, dueDate_<id>, reason_<id>}.
 * Only rows the person touched count. Every touched row is checked first; any refusal, stale
 * version or bad input means nothing is saved. Then all of them are saved in one transaction.
 */
export async function saveMany(v: ActionViews, viewer: Viewer, data: Data, via: Via = 'card'): Promise<FlowResult> {
  const refs = parseManyRefs(data);
  if (!refs.ok) return { outcome: 'damaged', card: problemCard(refs.message) };
  if (!viewer.person) return { outcome: 'unknown-person', card: problemCard(UNKNOWN_PERSON) };
  const records = await v.deps.actions.byIds(refs.value.map((i) => i.actionId));
  if (records.length === 0) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
  const refresh = await v.refresh(viewer, records);
  const { planned, overrides, problem, outcome } = await checkTouched(v, viewer, data, records, new Map(refs.value.map((i) => [i.actionId, i.version])));
  if (problem) {
    return { outcome, card: v.many(viewer, records, records.length, refresh, { text: nothingSavedBecause(problem), tone: 'attention' }, overrides) };
  }
  if (planned.length === 0) return { outcome: 'unchanged', card: v.many(viewer, records, records.length, refresh, { text: NOTHING_TO_SAVE, tone: 'accent' }) };
  const applied = await v.deps.actions.apply(planned, { actor: viewer.person, via, now: v.now() });
  const fresh = await v.deps.actions.byIds(records.map((r) => r.action.id));
  if (applied.kind === 'stale') {
    const r = fresh.find((x) => x.action.id === applied.actionId);
    const kept = new Map(overrides);
    kept.set(applied.actionId, { banner: { text: staleNotice(r?.lastChange ?? null, v.now()), tone: 'warning' } });
    return { outcome: 'stale', card: v.many(viewer, fresh, fresh.length, refresh, { text: nothingSavedBecause(`${r?.action.ref ?? 'One action'} was changed a moment ago.`), tone: 'attention' }, kept) };
  }
  const savedIds = new Set(applied.saved.map((s) => s.actionId));
  const refsSaved = fresh.filter((r) => savedIds.has(r.action.id)).map((r) => r.action.ref);
  const alerted = applied.saved.filter((s) => s.alerted).length;
  const marks = new Map<number, Partial<ManyItemState>>();
  for (const id of savedIds) marks.set(id, { banner: { text: 'Saved.', tone: 'good' } });
  const sentence = savedManySentence(refsSaved, alerted);
  return {
    outcome: 'saved', text: sentence, log: { saved: savedIds.size, alerted },
    card: v.many(viewer, fresh, fresh.length, refresh, { text: sentence, tone: 'good' }, marks),
  };
}
