// One action: open it by reference ("update COM-06"), the form, the summary, this viewer's
// refresh, its history, and saving a change. Refusals, stale cards and bad inputs change nothing
// and come back as a card that says so.
import {
  ACTION_GONE, FUTURE_VERSION, UNKNOWN_PERSON, historySentence, parseActionId, parseCardRef, refusal, confirmedSentence,
  savedSentence, staleNotice, validateChange,
} from '../../domain/actions/index.js';
import { VERBS, actionHistoryCard, problemCard, type Banner } from '../../cards/action-update/index.js';
import { capitalise } from '../../domain/experts/labels.js';
import { statusWord } from '../../domain/plan/status.js';
import type { ActionStatus } from '../../domain/plan/types.js';
import { noteAdvice } from '../../domain/text/readability.js';
import { isConfirmation, type ActionRecord } from '../../store/action-updates.js';
import { readCardReadings, recordCardReadings } from './readings.js';
import type { FlowResult, Via, Viewer } from './types.js';
import type { ActionViews } from './views.js';

const HISTORY_LIMIT = 20;

type Data = Record<string, unknown>;
type Found = { ok: true; record: ActionRecord } | { ok: false; result: FlowResult };

/** The action a card names by id, or the card that says why not. */
async function byCardId(v: ActionViews, data: Data): Promise<Found> {
  const id = parseActionId(data);
  if (!id.ok) return { ok: false, result: { outcome: 'damaged', card: problemCard(id.message) } };
  const record = await v.deps.actions.byId(id.value);
  if (!record) return { ok: false, result: { outcome: 'gone', card: problemCard(ACTION_GONE) } };
  return { ok: true, record };
}

/** An unknown reference: the example is one that exists in this plan (none in an empty one). */
async function unknownRef(v: ActionViews, typed: string): Promise<FlowResult> {
  const example = (await v.deps.examples()).actionRef;
  const hint = example ? `Check the reference, for example ${example}.` : 'There are no actions in the plan yet.';
  return { outcome: 'unknown-ref', sentenceOnly: true, text: `I can't find an action called ${typed}. ${hint}`, card: problemCard(`I can't find an action called ${typed}.`) };
}

/** "update COM-06" (or "mark COM-06 as complete": `status` chosen): the card for the conversation (its base view), and a sentence. */
export async function openByRef(v: ActionViews, viewer: Viewer, candidates: readonly string[], typed: string, status?: ActionStatus): Promise<FlowResult> {
  const r = await v.deps.actions.byRef(candidates);
  if (!r) return unknownRef(v, typed);
  const refresh = await v.refresh(viewer, [r]);
  const right = v.right(viewer, r);
  if (!viewer.person) return { outcome: 'unknown-person', text: UNKNOWN_PERSON, card: v.summary(viewer, r, null, refresh) };
  if (!right) {
    return { outcome: 'refused', text: `Sorry, you can't change ${r.action.ref}. ${v.who(r)}`, card: v.summary(viewer, r, null, refresh) };
  }
  // In a channel most people see the posted card as it is, so post the summary (with Update);
  // the people who may change it are listed in refresh.userIds and refresh into the form.
  if (viewer.conversationKind === 'channel') {
    const choose = status ? `Press Update, choose “${capitalise(statusWord(status))}” and press Save.` : 'Change what you need, then press Save.';
    return { outcome: 'form', text: `Here is ${r.action.ref}. ${choose}`, card: v.summary(viewer, r, null, refresh) };
  }
  if (!status) return { outcome: 'form', text: `Here is ${r.action.ref}. Change what you need, then press Save.`, card: await v.form(r, right, refresh) };
  const text = `Here is ${r.action.ref} with “${capitalise(statusWord(status))}” chosen. Add what changed if you like, then press Save.`;
  return { outcome: 'form', text, card: await v.form(r, right, refresh, { values: { status } }) };
}

/** action.edit {actionId, version?}: the form (or a refusal) in place of the card pressed. */
export async function edit(v: ActionViews, viewer: Viewer, data: Data): Promise<FlowResult> {
  const found = await byCardId(v, data);
  if (!found.ok) return found.result;
  const r = found.record;
  const refresh = await v.refresh(viewer, [r]);
  if (!viewer.person) return { outcome: 'unknown-person', card: v.summary(viewer, r, { text: UNKNOWN_PERSON, tone: 'attention' }, refresh) };
  const right = v.right(viewer, r);
  if (!right) return { outcome: 'refused', card: v.summary(viewer, r, { text: refusal(r.action.ref, r.owner?.name ?? null, r.lead?.name ?? null), tone: 'attention' }, refresh) };
  const seen = parseCardRef(data);
  const banner: Banner | null = seen.ok && seen.value.version < r.action.version ? { text: staleNotice(r.lastChange, v.now()), tone: 'warning' } : null;
  return { outcome: 'form', card: await v.form(r, right, refresh, { banner }) };
}

/** action.view {actionId}: the read-only summary (Cancel, Back). It stays put: no refresh. */
export async function view(v: ActionViews, viewer: Viewer, data: Data): Promise<FlowResult> {
  const found = await byCardId(v, data);
  if (!found.ok) return found.result;
  return { outcome: 'summary', card: v.summary(viewer, found.record, null, { enabled: false }) };
}

/** action.refresh {actionId}: this viewer's own view, refreshing again on later views. */
export async function refresh(v: ActionViews, viewer: Viewer, data: Data): Promise<FlowResult> {
  const found = await byCardId(v, data);
  if (!found.ok) return found.result;
  return { outcome: v.right(viewer, found.record) ? 'form' : 'summary', card: await v.viewFor(viewer, found.record) };
}

async function history(v: ActionViews, viewer: Viewer, r: ActionRecord): Promise<FlowResult> {
  const { entries, total } = await v.deps.actions.history(r.action.id, HISTORY_LIMIT);
  return {
    outcome: 'history', log: { changes: total },
    text: historySentence(r.action.ref, total, entries[0]),
    card: actionHistoryCard(r, entries, { total, canChange: v.right(viewer, r) !== null }),
  };
}

/** action.history {actionId}. */
export async function historyById(v: ActionViews, viewer: Viewer, data: Data): Promise<FlowResult> {
  const found = await byCardId(v, data);
  return found.ok ? history(v, viewer, found.record) : found.result;
}

/** "history of COM-06". */
export async function historyByRef(v: ActionViews, viewer: Viewer, candidates: readonly string[], typed: string): Promise<FlowResult> {
  const r = await v.deps.actions.byRef(candidates);
  return r ? history(v, viewer, r) : unknownRef(v, typed);
}

/**
 * action.save {actionId, version, status, note, dueDate, reason}: a save returns the summary.
 * The action is taken as this process last saw it at the card's version (the read that drew the
 * card, a moment ago); the update proves that guess, and if it fails with the version unchanged
 * (a new owner or lead: the rights checked may no longer hold) the save runs once more on a fresh read.
 */
export async function save(v: ActionViews, viewer: Viewer, data: Data, via: Via = 'card', fresh = false): Promise<FlowResult> {
  const ref = parseCardRef(data);
  if (!ref.ok) {
    const id = parseActionId(data);
    return { outcome: 'damaged', card: problemCard(ref.message, id.ok ? { title: 'Show the action', verb: VERBS.view, data: { actionId: id.value } } : undefined) };
  }
  const { actionId, version } = ref.value;
  const r = await (fresh ? v.deps.actions.byId(actionId) : v.deps.actions.asShown(actionId, version));
  if (!r) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
  const refresh = await v.refresh(viewer, [r]);
  if (!viewer.person) return { outcome: 'unknown-person', card: v.summary(viewer, r, { text: UNKNOWN_PERSON, tone: 'attention' }, refresh) };
  const right = v.right(viewer, r);
  if (!right) return { outcome: 'refused', card: v.summary(viewer, r, { text: refusal(r.action.ref, r.owner?.name ?? null, r.lead?.name ?? null), tone: 'attention' }, refresh) };
  if (version > r.action.version) return { outcome: 'tampered', card: await v.form(r, right, refresh, { banner: { text: FUTURE_VERSION, tone: 'attention' } }) };
  if (version < r.action.version) return { outcome: 'stale', card: await v.form(r, right, refresh, { banner: { text: staleNotice(r.lastChange, v.now()), tone: 'warning' } }) };
  const checked = validateChange(data, r.action, await v.deps.people.screenDirectory());
  const readings = await readCardReadings(v.deps, viewer.person, r.action.id, data, v.today());
  if (!checked.ok || Object.keys(readings.errors).length) {
    const fields = [...Object.keys(checked.ok ? {} : checked.errors), ...Object.keys(readings.errors)];
    return { outcome: 'invalid', log: { fields }, card: await v.form(r, right, refresh, { ...(checked.ok ? {} : { errors: checked.errors, values: checked.values }), readings }) };
  }
  const planned = v.plan(viewer, r, version, checked.change);
  const outcome = await v.deps.actions.apply([planned], { actor: viewer.person, via, now: v.now() });
  // Saved: the new card is built from what the update returned. Stale: read what won.
  const latest = outcome.kind === 'saved' ? outcome.saved[0]?.record ?? null : await v.deps.actions.byId(actionId);
  if (!latest) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
  if (outcome.kind === 'stale') {
    if (!fresh && latest.action.version === version) return save(v, viewer, data, via, true);
    return { outcome: 'stale', card: await v.form(latest, right, refresh, { banner: { text: staleNotice(latest.lastChange, v.now()), tone: 'warning' } }) };
  }
  const alerted = outcome.saved.some((s) => s.alerted);
  const recorded = await recordCardReadings(v.deps, viewer.person, readings.figures, v.today(), v.now(), via);
  const advice = noteAdvice(checked.change.note);
  const sentence = (isConfirmation(planned)
    ? confirmedSentence(latest.action.ref, latest.action.status, latest.action.dueDate)
    : savedSentence(latest.action.ref, latest.action.status, latest.action.dueDate, alerted)) + recorded + (advice ? ` ${advice}` : '');
  // The confirmation stays as it is (no refresh): pressing Update opens the form again.
  return {
    outcome: 'saved', text: sentence, log: { version: latest.action.version, alerted },
    card: v.summary(viewer, latest, { text: sentence, tone: 'good' }, { enabled: false }),
  };
}
