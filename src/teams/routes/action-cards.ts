// Updating actions and rating maturity from Universal Actions cards (Action.Execute), and the
// flows behind them that the chat commands share. Every invoke is answered here with its own
// invoke response (the card for this viewer), so teams-ai never edits the shared message: an
// automatic refresh answered by editing the message would make every client refresh again, about
// once a second, for ever. Identity comes from from.aadObjectId only; card data carries ids and
// versions, and everything shown is loaded from the store.
import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, TurnContext, type CloudAdapterBase } from 'botbuilder';
import {
  ACTION_GONE, CANNOT_RATE, DAMAGED_CARD, FUTURE_VERSION, NOTHING_TO_SAVE, UNKNOWN_PERSON, canRatePillar, changeRight, historyNote,
  historySentence, inputsFor, isTouched, lastUpdateText, leadAlertText, manyIdsSchema, maturityWord, nothingSavedBecause,
  parseActionId, parseCardRef, parseManyRefs, parseRatingRefs, ratablePillars, ratingSavedSentence, ratingStaleNotice, refusal,
  confirmedSentence, savedManySentence, savedSentence, shouldAlertLead, staleNotice, validateChange, validateRatings, whoMayChange,
  type ChangeRight, type FieldErrors, type SubmittedValues,
} from '../../domain/actions/index.js';
import type { Person } from '../../domain/plan/types.js';
import { londonDate } from '../../domain/time/london.js';
import {
  VERBS, actionEditCard, actionHistoryCard, actionSummaryCard, maturityFormCard, maturityMatrixCard, myActionsCard, problemCard,
  type Banner, type Card, type ManyItemState, type PillarModel, type RefreshOptions,
} from '../../cards/action-update/index.js';
import type { Logger } from '../../log/logger.js';
import { ActionUpdateStore, isConfirmation, type ActionRecord, type PlannedChange } from '../../store/action-updates.js';
import type { Db } from '../../store/database.js';
import { MaturityStore } from '../../store/maturity.js';
import { kindErrorText } from '../errors.js';
import type { Services } from '../services.js';
import { conversationKind, correlationId, turnLog, whoIsSpeaking } from '../turn.js';

// ---- the flows (no Teams types below this line until the routes) -------------------------------

/** Who is looking at the card, and where. */
export interface Viewer {
  person: Person | null;
  /** The Teams user id (MRI) of the viewer, for refresh.userIds in channels. */
  userId: string | undefined;
  conversationKind: 'personal' | 'groupChat' | 'channel';
}

/** What a flow produced: the card for this viewer, an optional sentence for chat, and a log word. */
export interface FlowResult {
  card: Card;
  text?: string;
  outcome: string;
  /** Extra log fields (ids and counts only, never typed text). */
  log?: Record<string, unknown>;
  /** In chat, the sentence says it all (an unknown reference, nothing to update). */
  sentenceOnly?: boolean;
}

const MANY_LIMIT = 8;
const HISTORY_LIMIT = 20;

const stores = new WeakMap<Db, { actions: ActionUpdateStore; maturity: MaturityStore }>();
function storesFor(db: Db): { actions: ActionUpdateStore; maturity: MaturityStore } {
  let s = stores.get(db);
  if (!s) {
    s = { actions: new ActionUpdateStore(db), maturity: new MaturityStore(db) };
    stores.set(db, s);
  }
  return s;
}

export class ActionCardFlows {
  readonly actions: ActionUpdateStore;
  readonly maturity: MaturityStore;

  constructor(private readonly services: Services) {
    const s = storesFor(services.store.db);
    this.actions = s.actions;
    this.maturity = s.maturity;
  }

  private now(): Date { return this.services.clock.now(); }
  private today(): string { return londonDate(this.now()); }

  private right(viewer: Viewer, r: ActionRecord): ChangeRight | null {
    return changeRight(viewer.person, r.action, r.workstream);
  }

  private who(r: ActionRecord): string {
    return whoMayChange(r.action.ref, r.owner?.name ?? null, r.lead?.name ?? null);
  }

  /**
   * refresh.userIds: left out in personal and group chats (60 people or fewer refresh
   * automatically); in channels, which can be large, the viewer and the people who may change the
   * action (owner, lead, admins), as far as the bot knows their Teams ids, at most 60.
   */
  private async refreshOptions(viewer: Viewer, personIds: readonly (number | null | undefined)[]): Promise<RefreshOptions> {
    if (viewer.conversationKind !== 'channel') return { enabled: true };
    const ids = new Set<string>();
    if (viewer.userId) ids.add(viewer.userId);
    const admins = await this.actions.admins(60);
    const wanted = [...new Set([...personIds, ...admins.map((a) => a.id)].filter((id): id is number => typeof id === 'number'))];
    if (wanted.length) {
      const refs = await this.services.store.db.conversationRef.findMany({
        where: { kind: 'personal', personId: { in: wanted } }, select: { reference: true }, orderBy: { lastSeenAt: 'desc' }, take: 120,
      });
      for (const ref of refs) {
        const id = (ref.reference as { user?: { id?: unknown } } | null)?.user?.id;
        if (typeof id === 'string' && id) ids.add(id);
      }
    }
    return { enabled: true, userIds: [...ids].slice(0, 60) };
  }

  private summary(viewer: Viewer, r: ActionRecord, banner: Banner | null, refresh: RefreshOptions): Card {
    return actionSummaryCard(r, { today: this.today(), canChange: this.right(viewer, r) !== null, whoMayChange: this.who(r), refresh, banner });
  }

  private form(r: ActionRecord, right: ChangeRight, refresh: RefreshOptions, extra: { banner?: Banner | null; errors?: FieldErrors; values?: Partial<SubmittedValues> } = {}): Card {
    return actionEditCard(r, { today: this.today(), right, refresh, ...extra });
  }

  /** This viewer's own view of an action: the form for those who may change it, the summary for everyone else. */
  async viewFor(viewer: Viewer, r: ActionRecord, banner: Banner | null = null): Promise<Card> {
    const refresh = await this.refreshOptions(viewer, [r.owner?.id, r.lead?.id]);
    const right = this.right(viewer, r);
    return right ? this.form(r, right, refresh, { banner }) : this.summary(viewer, r, banner, refresh);
  }

  // ---- one action ----------------------------------------------------------------------------

  /** An unknown reference: the example is one that exists in this plan (none in an empty one). */
  private async unknownRef(typed: string): Promise<FlowResult> {
    const example = (await this.services.examples()).actionRef;
    const hint = example ? `Check the reference, for example ${example}.` : 'There are no actions in the plan yet.';
    return { outcome: 'unknown-ref', sentenceOnly: true, text: `I can't find an action called ${typed}. ${hint}`, card: problemCard(`I can't find an action called ${typed}.`) };
  }

  /** "update COM-06": the card for the conversation (its base view), and a sentence. */
  async openByRef(viewer: Viewer, candidates: readonly string[], typed: string): Promise<FlowResult> {
    const r = await this.actions.byRef(candidates);
    if (!r) return this.unknownRef(typed);
    const refresh = await this.refreshOptions(viewer, [r.owner?.id, r.lead?.id]);
    const right = this.right(viewer, r);
    if (!viewer.person) return { outcome: 'unknown-person', text: UNKNOWN_PERSON, card: this.summary(viewer, r, null, refresh) };
    if (!right) {
      return { outcome: 'refused', text: `Sorry, you can't change ${r.action.ref}. ${this.who(r)}`, card: this.summary(viewer, r, null, refresh) };
    }
    // In a channel most people see the posted card as it is, so post the summary (with Update);
    // the people who may change it are listed in refresh.userIds and refresh into the form.
    const card = viewer.conversationKind === 'channel' ? this.summary(viewer, r, null, refresh) : this.form(r, right, refresh);
    return { outcome: 'form', text: `Here is ${r.action.ref}. Change what you need, then press Save.`, card };
  }

  /** action.edit {actionId, version?}: the form (or a refusal) in place of the card pressed. */
  async edit(viewer: Viewer, data: Record<string, unknown>): Promise<FlowResult> {
    const id = parseActionId(data);
    if (!id.ok) return { outcome: 'damaged', card: problemCard(id.message) };
    const r = await this.actions.byId(id.value);
    if (!r) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
    const refresh = await this.refreshOptions(viewer, [r.owner?.id, r.lead?.id]);
    if (!viewer.person) return { outcome: 'unknown-person', card: this.summary(viewer, r, { text: UNKNOWN_PERSON, tone: 'attention' }, refresh) };
    const right = this.right(viewer, r);
    if (!right) return { outcome: 'refused', card: this.summary(viewer, r, { text: refusal(r.action.ref, r.owner?.name ?? null, r.lead?.name ?? null), tone: 'attention' }, refresh) };
    const seen = parseCardRef(data);
    const banner: Banner | null = seen.ok && seen.value.version < r.action.version ? { text: staleNotice(r.lastChange, this.now()), tone: 'warning' } : null;
    return { outcome: 'form', card: this.form(r, right, refresh, { banner }) };
  }

  /** action.view {actionId}: the read-only summary (Cancel, Back). It stays put: no refresh. */
  async view(viewer: Viewer, data: Record<string, unknown>): Promise<FlowResult> {
    const id = parseActionId(data);
    if (!id.ok) return { outcome: 'damaged', card: problemCard(id.message) };
    const r = await this.actions.byId(id.value);
    if (!r) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
    return { outcome: 'summary', card: this.summary(viewer, r, null, { enabled: false }) };
  }

  /** action.refresh {actionId}: this viewer's own view, refreshing again on later views. */
  async refresh(viewer: Viewer, data: Record<string, unknown>): Promise<FlowResult> {
    const id = parseActionId(data);
    if (!id.ok) return { outcome: 'damaged', card: problemCard(id.message) };
    const r = await this.actions.byId(id.value);
    if (!r) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
    return { outcome: this.right(viewer, r) ? 'form' : 'summary', card: await this.viewFor(viewer, r) };
  }

  /** action.history {actionId}, and "history of COM-06". */
  async history(viewer: Viewer, r: ActionRecord): Promise<FlowResult> {
    const { entries, total } = await this.actions.history(r.action.id, HISTORY_LIMIT);
    return {
      outcome: 'history', log: { changes: total },
      text: historySentence(r.action.ref, total, entries[0]),
      card: actionHistoryCard(r, entries, { total, canChange: this.right(viewer, r) !== null }),
    };
  }

  async historyById(viewer: Viewer, data: Record<string, unknown>): Promise<FlowResult> {
    const id = parseActionId(data);
    if (!id.ok) return { outcome: 'damaged', card: problemCard(id.message) };
    const r = await this.actions.byId(id.value);
    if (!r) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
    return this.history(viewer, r);
  }

  async historyByRef(viewer: Viewer, candidates: readonly string[], typed: string): Promise<FlowResult> {
    const r = await this.actions.byRef(candidates);
    if (!r) return this.unknownRef(typed);
    return this.history(viewer, r);
  }

  /** The lead's alert for a change, when the rule says so; built for the action's next version. */
  private alertFor(viewer: Viewer, r: ActionRecord, change: PlannedChange['change'], note: string | null, reason: string | null): PlannedChange['alert'] {
    const actor = viewer.person;
    if (!actor || !r.lead || !r.lead.active) return null;
    const before = { status: r.action.status, dueDate: r.action.dueDate };
    const after = { status: change.status, dueDate: change.dueDate };
    if (!shouldAlertLead(before, after, r.lead.id, actor.id)) return null;
    const now = this.now();
    const next: ActionRecord = {
      ...r,
      action: {
        ...r.action, status: change.status, dueDate: change.dueDate, version: r.action.version + 1, lastUpdateAt: now,
        lastUpdate: lastUpdateText(note, reason, change.dueDate, change.dueChanged) ?? r.action.lastUpdate,
      },
      lastChange: { actorName: actor.name, at: now, via: 'card' },
    };
    const text = leadAlertText({ ref: r.action.ref, title: r.action.title, actorName: actor.name, before, after, note, reason });
    // The lead may change the action, so their card offers Update.
    const card = actionSummaryCard(next, { today: this.today(), canChange: true, whoMayChange: this.who(r), refresh: { enabled: true } });
    return { text, cards: [card] };
  }

  private plan(viewer: Viewer, r: ActionRecord, expectedVersion: number, change: PlannedChange['change']): PlannedChange {
    return {
      record: r, expectedVersion, change,
      alert: this.alertFor(viewer, r, change, change.note, change.reason),
      historyNote: historyNote(change.note, change.reason),
      lastUpdate: lastUpdateText(change.note, change.reason, change.dueDate, change.dueChanged),
    };
  }

  /**
   * action.save {actionId, version, status, note, dueDate, reason}. Refusals, stale cards and bad
   * inputs change nothing and come back as a card that says so; a save returns the summary.
   */
  async save(viewer: Viewer, data: Record<string, unknown>, via: 'card' | 'chat' = 'card'): Promise<FlowResult> {
    const ref = parseCardRef(data);
    if (!ref.ok) {
      const id = parseActionId(data);
      return { outcome: 'damaged', card: problemCard(ref.message, id.ok ? { title: 'Show the action', verb: VERBS.view, data: { actionId: id.value } } : undefined) };
    }
    const { actionId, version } = ref.value;
    const r = await this.actions.byId(actionId);
    if (!r) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
    const refresh = await this.refreshOptions(viewer, [r.owner?.id, r.lead?.id]);
    if (!viewer.person) return { outcome: 'unknown-person', card: this.summary(viewer, r, { text: UNKNOWN_PERSON, tone: 'attention' }, refresh) };
    const right = this.right(viewer, r);
    if (!right) return { outcome: 'refused', card: this.summary(viewer, r, { text: refusal(r.action.ref, r.owner?.name ?? null, r.lead?.name ?? null), tone: 'attention' }, refresh) };
    if (version > r.action.version) return { outcome: 'tampered', card: this.form(r, right, refresh, { banner: { text: FUTURE_VERSION, tone: 'attention' } }) };
    if (version < r.action.version) return { outcome: 'stale', card: this.form(r, right, refresh, { banner: { text: staleNotice(r.lastChange, this.now()), tone: 'warning' } }) };
    const checked = validateChange(data, r.action, { adultNames: await this.services.people.adultNames() });
    if (!checked.ok) {
      return { outcome: 'invalid', log: { fields: Object.keys(checked.errors) }, card: this.form(r, right, refresh, { errors: checked.errors, values: checked.values }) };
    }
    const planned = this.plan(viewer, r, version, checked.change);
    const outcome = await this.actions.apply([planned], { actor: viewer.person, via, now: this.now() });
    // Saved: the new card is built from what the update returned. Stale: read what won.
    const fresh = outcome.kind === 'saved' ? outcome.saved[0]?.record ?? null : await this.actions.byId(actionId);
    if (!fresh) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
    if (outcome.kind === 'stale') {
      return { outcome: 'stale', card: this.form(fresh, right, refresh, { banner: { text: staleNotice(fresh.lastChange, this.now()), tone: 'warning' } }) };
    }
    const alerted = outcome.saved.some((s) => s.alerted);
    const sentence = isConfirmation(planned)
      ? confirmedSentence(fresh.action.ref, fresh.action.status, fresh.action.dueDate)
      : savedSentence(fresh.action.ref, fresh.action.status, fresh.action.dueDate, alerted);
    // The confirmation stays as it is (no refresh): pressing Update opens the form again.
    return {
      outcome: 'saved', text: sentence, log: { version: fresh.action.version, alerted },
      card: this.summary(viewer, fresh, { text: sentence, tone: 'good' }, { enabled: false }),
    };
  }

  // ---- several actions ----------------------------------------------------------------------

  private manyCard(viewer: Viewer, records: readonly ActionRecord[], total: number, refresh: RefreshOptions, banner: Banner | null, overrides: ReadonlyMap<number, Partial<ManyItemState>> = new Map()): Card {
    const states = new Map<number, ManyItemState>();
    for (const r of records) {
      states.set(r.action.id, { editable: this.right(viewer, r) !== null, whoMayChange: this.who(r), ...overrides.get(r.action.id) });
    }
    const own = viewer.person && records.every((r) => r.action.ownerId === viewer.person?.id);
    return myActionsCard(records, { today: this.today(), title: own ? 'Your open actions' : 'Actions to update', total, refresh, banner, states });
  }

  private async manyRefresh(viewer: Viewer, records: readonly ActionRecord[]): Promise<RefreshOptions> {
    return this.refreshOptions(viewer, records.flatMap((r) => [r.owner?.id, r.lead?.id]));
  }

  /** "update my actions": every open action the person owns (the most urgent first), in one card. */
  async mine(viewer: Viewer): Promise<FlowResult> {
    if (!viewer.person) return { outcome: 'unknown-person', sentenceOnly: true, text: UNKNOWN_PERSON, card: problemCard(UNKNOWN_PERSON) };
    const { records, total } = await this.actions.openOwnedBy(viewer.person.id, MANY_LIMIT);
    if (total === 0) return { outcome: 'none', sentenceOnly: true, text: "You don't own any open actions, so there is nothing to update. Well done!", card: problemCard('You have no open actions to update.') };
    const refresh = await this.manyRefresh(viewer, records);
    const text = total === 1 ? 'Here is your open action.' : `Here are your ${total} open actions.`;
    return { outcome: 'many', text, log: { total }, card: this.manyCard(viewer, records, total, refresh, null) };
  }

  /** actions.refreshMany {actionIds}: this viewer's view of the same actions. */
  async refreshMany(viewer: Viewer, data: Record<string, unknown>): Promise<FlowResult> {
    const parsed = manyIdsSchema.safeParse(data);
    if (!parsed.success) return { outcome: 'damaged', card: problemCard(DAMAGED_CARD) };
    const records = await this.actions.byIds(parsed.data.actionIds);
    if (records.length === 0) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
    const refresh = await this.manyRefresh(viewer, records);
    return { outcome: 'many', card: this.manyCard(viewer, records, records.length, refresh, null) };
  }

  /**
   * actions.saveMany {items: [{actionId, version}], status_<id>, note_<id>, dueDate_<id>, reason_<id>}.
   * Only rows the person touched count. Every touched row is checked first; any refusal, stale
   * version or bad input means nothing is saved. Then all of them are saved in one transaction.
   */
  async saveMany(viewer: Viewer, data: Record<string, unknown>, via: 'card' | 'chat' = 'card'): Promise<FlowResult> {
    const refs = parseManyRefs(data);
    if (!refs.ok) return { outcome: 'damaged', card: problemCard(refs.message) };
    if (!viewer.person) return { outcome: 'unknown-person', card: problemCard(UNKNOWN_PERSON) };
    const person = viewer.person;
    const records = await this.actions.byIds(refs.value.map((i) => i.actionId));
    if (records.length === 0) return { outcome: 'gone', card: problemCard(ACTION_GONE) };
    const refresh = await this.manyRefresh(viewer, records);
    const seen = new Map(refs.value.map((i) => [i.actionId, i.version]));
    const overrides = new Map<number, Partial<ManyItemState>>();
    const planned: PlannedChange[] = [];
    const screen = { adultNames: await this.services.people.adultNames() };
    let problem: string | null = null;
    let outcome = 'invalid';
    for (const r of records) {
      const inputs = inputsFor(data, r.action.id);
      if (!isTouched(inputs, r.action)) continue;
      const version = seen.get(r.action.id) ?? 0;
      const right = this.right(viewer, r);
      if (!right) {
        overrides.set(r.action.id, { banner: { text: refusal(r.action.ref, r.owner?.name ?? null, r.lead?.name ?? null), tone: 'attention' } });
        problem ??= `You can't change ${r.action.ref}.`;
        outcome = 'refused';
        continue;
      }
      if (version !== r.action.version) {
        const text = version > r.action.version ? FUTURE_VERSION : staleNotice(r.lastChange, this.now());
        overrides.set(r.action.id, { banner: { text, tone: 'warning' } });
        problem ??= version > r.action.version ? `The card doesn't match ${r.action.ref}.` : `${r.action.ref} was changed after this card was made.`;
        outcome = version > r.action.version ? 'tampered' : 'stale';
        continue;
      }
      const checked = validateChange(inputs, r.action, screen);
      if (!checked.ok) {
        overrides.set(r.action.id, { errors: checked.errors, values: checked.values });
        problem ??= 'Please fix the actions marked below.';
        continue;
      }
      overrides.set(r.action.id, { values: checked.values });
      planned.push(this.plan(viewer, r, version, checked.change));
    }
    if (problem) {
      return { outcome, card: this.manyCard(viewer, records, records.length, refresh, { text: nothingSavedBecause(problem), tone: 'attention' }, overrides) };
    }
    if (planned.length === 0) return { outcome: 'unchanged', card: this.manyCard(viewer, records, records.length, refresh, { text: NOTHING_TO_SAVE, tone: 'accent' }) };
    const applied = await this.actions.apply(planned, { actor: person, via, now: this.now() });
    const fresh = await this.actions.byIds(records.map((r) => r.action.id));
    if (applied.kind === 'stale') {
      const r = fresh.find((x) => x.action.id === applied.actionId);
      const text = staleNotice(r?.lastChange ?? null, this.now());
      const kept = new Map(overrides);
      kept.set(applied.actionId, { banner: { text, tone: 'warning' } });
      return { outcome: 'stale', card: this.manyCard(viewer, fresh, fresh.length, refresh, { text: nothingSavedBecause(`${r?.action.ref ?? 'One action'} was changed a moment ago.`), tone: 'attention' }, kept) };
    }
    const savedIds = new Set(applied.saved.map((s) => s.actionId));
    const refsSaved = fresh.filter((r) => savedIds.has(r.action.id)).map((r) => r.action.ref);
    const alerted = applied.saved.filter((s) => s.alerted).length;
    const marks = new Map<number, Partial<ManyItemState>>();
    for (const id of savedIds) marks.set(id, { banner: { text: 'Saved.', tone: 'good' } });
    const sentence = savedManySentence(refsSaved, alerted);
    return {
      outcome: 'saved', text: sentence, log: { saved: savedIds.size, alerted },
      card: this.manyCard(viewer, fresh, fresh.length, refresh, { text: sentence, tone: 'good' }, marks),
    };
  }

  // ---- maturity ratings ---------------------------------------------------------------------

  private async pillarModels(): Promise<{ all: PillarModel[]; workstreams: { pillar: string; leadId: number | null }[] }> {
    const [matrix, ws] = await Promise.all([this.maturity.matrix(), this.maturity.workstreams()]);
    return { all: matrix, workstreams: ws.map((w) => ({ pillar: w.workstream.pillar, leadId: w.workstream.leadId })) };
  }

  /** The pillar views this person rates: those asked for (if allowed), else the ones they lead; an admin who leads none gets all. */
  private pillarsToRate(person: Person | null, workstreams: { pillar: string; leadId: number | null }[], asked?: string): string[] {
    if (!person) return [];
    if (asked) return canRatePillar(person, asked, workstreams) ? [asked] : [];
    const led = ratablePillars({ ...person, roles: person.roles.filter((r) => r !== 'admin') }, workstreams);
    return led.length ? led : ratablePillars(person, workstreams);
  }

  private async matrixCard(viewer: Viewer, banner: Banner | null, all?: PillarModel[], workstreams?: { pillar: string; leadId: number | null }[]): Promise<Card> {
    const models = all && workstreams ? { all, workstreams } : await this.pillarModels();
    const refresh = await this.refreshOptions(viewer, []);
    return maturityMatrixCard(models.all, { refresh, banner, canRate: ratablePillars(viewer.person, models.workstreams).length > 0 });
  }

  /** "maturity ratings", maturity.matrix {}. */
  async matrix(viewer: Viewer): Promise<FlowResult> {
    return { outcome: 'matrix', text: 'Here is the maturity matrix, with the trend since the rating before.', card: await this.matrixCard(viewer, null) };
  }

  /** "rate my pillar", "rate pillar 5b", maturity.edit {pillar?}. */
  async rateForm(viewer: Viewer, asked?: string): Promise<FlowResult> {
    const { all, workstreams } = await this.pillarModels();
    if (!viewer.person) return { outcome: 'unknown-person', text: UNKNOWN_PERSON, card: await this.matrixCard(viewer, { text: UNKNOWN_PERSON, tone: 'attention' }, all, workstreams) };
    if (asked && !all.some((p) => p.pillar === asked)) {
      return { outcome: 'unknown-pillar', text: `There is no pillar ${asked} in the matrix.`, card: await this.matrixCard(viewer, { text: `There is no pillar ${asked} in the matrix.`, tone: 'attention' }, all, workstreams) };
    }
    const pillars = this.pillarsToRate(viewer.person, workstreams, asked);
    if (pillars.length === 0) return { outcome: 'refused', text: CANNOT_RATE, card: await this.matrixCard(viewer, { text: CANNOT_RATE, tone: 'attention' }, all, workstreams) };
    const refresh = await this.refreshOptions(viewer, []);
    const models = all.filter((p) => pillars.includes(p.pillar));
    return { outcome: 'form', text: pillars.length === 1 ? `Rate pillar ${pillars[0]} from 0 to 3.` : `Rate pillars ${pillars.join(', ')} from 0 to 3.`, card: maturityFormCard(models, { refresh }) };
  }

  /** maturity.refresh {pillars}: the form for someone who may rate them all, else the matrix. */
  async rateRefresh(viewer: Viewer, data: Record<string, unknown>): Promise<FlowResult> {
    const pillars = Array.isArray(data.pillars) ? data.pillars.filter((p): p is string => typeof p === 'string' && /^\d{1,2}[a-z]?$/.test(p)).slice(0, 20) : [];
    const { all, workstreams } = await this.pillarModels();
    const mayRate = viewer.person && pillars.length > 0 && pillars.every((p) => canRatePillar(viewer.person, p, workstreams));
    if (!mayRate) return { outcome: 'matrix', card: await this.matrixCard(viewer, null, all, workstreams) };
    const refresh = await this.refreshOptions(viewer, []);
    return { outcome: 'form', card: maturityFormCard(all.filter((p) => pillars.includes(p.pillar)), { refresh }) };
  }

  /** maturity.save {ratings: [{pillar, latestId}], score_<pillar>, note_<pillar>}. */
  async rateSave(viewer: Viewer, data: Record<string, unknown>): Promise<FlowResult> {
    const refs = parseRatingRefs(data);
    if (!refs) return { outcome: 'damaged', card: problemCard(DAMAGED_CARD) };
    const { all, workstreams } = await this.pillarModels();
    if (!viewer.person) return { outcome: 'unknown-person', card: await this.matrixCard(viewer, { text: UNKNOWN_PERSON, tone: 'attention' }, all, workstreams) };
    const person = viewer.person;
    const pillars = refs.map((r) => r.pillar);
    if (!pillars.every((p) => canRatePillar(person, p, workstreams))) {
      return { outcome: 'refused', card: await this.matrixCard(viewer, { text: CANNOT_RATE, tone: 'attention' }, all, workstreams) };
    }
    const models = all.filter((p) => pillars.includes(p.pillar));
    const refresh = await this.refreshOptions(viewer, []);
    const staleOne = (pillar: string) => {
      const p = all.find((x) => x.pillar === pillar);
      return ratingStaleNotice(pillar, p?.latest?.raterName ?? null, p?.latest?.rating.ratedAt ?? null, this.now());
    };
    for (const r of refs) {
      const latestId = all.find((p) => p.pillar === r.pillar)?.latest?.rating.id ?? 0;
      if (r.latestId > latestId) return { outcome: 'tampered', card: maturityFormCard(models, { refresh, banner: { text: "This card doesn't match the matrix, so nothing was changed. Here is the latest.", tone: 'attention' } }) };
      if (r.latestId < latestId) return { outcome: 'stale', card: maturityFormCard(models, { refresh, banner: { text: staleOne(r.pillar), tone: 'warning' } }) };
    }
    const checked = validateRatings(data, pillars, { adultNames: await this.services.people.adultNames() });
    if (!checked.ok) return { outcome: 'invalid', card: maturityFormCard(models, { refresh, errors: checked.errors, values: checked.values }) };
    const result = await this.maturity.rate(checked.changes, new Map(refs.map((r) => [r.pillar, r.latestId])), { actor: person, now: this.now() });
    const after = await this.pillarModels();
    if (result.kind === 'stale') {
      const p = after.all.find((x) => x.pillar === result.pillar);
      const text = ratingStaleNotice(result.pillar, p?.latest?.raterName ?? null, p?.latest?.rating.ratedAt ?? null, this.now());
      return { outcome: 'stale', card: maturityFormCard(after.all.filter((x) => pillars.includes(x.pillar)), { refresh, banner: { text, tone: 'warning' } }) };
    }
    const sentence = ratingSavedSentence(checked.changes.map((c) => ({ pillar: c.pillar, word: maturityWord(c.score) })));
    return { outcome: 'saved', text: sentence, log: { ratings: result.ids.length }, card: await this.matrixCard(viewer, { text: sentence, tone: 'good' }, after.all, after.workstreams) };
  }

  /** Runs a verb's flow: the card routes and the Action.Submit fallback (older clients) share this. */
  async run(verb: string, viewer: Viewer, data: Record<string, unknown>, via: 'card' | 'chat' = 'card'): Promise<FlowResult | null> {
    switch (verb) {
      case VERBS.edit: return this.edit(viewer, data);
      case VERBS.view: return this.view(viewer, data);
      case VERBS.save: return this.save(viewer, data, via);
      case VERBS.refresh: return this.refresh(viewer, data);
      case VERBS.history: return this.historyById(viewer, data);
      case VERBS.saveMany: return this.saveMany(viewer, data, via);
      case VERBS.refreshMany: return this.refreshMany(viewer, data);
      case VERBS.maturityEdit: return this.rateForm(viewer, typeof data.pillar === 'string' ? data.pillar : undefined);
      case VERBS.maturitySave: return this.rateSave(viewer, data);
      case VERBS.maturityRefresh: return this.rateRefresh(viewer, data);
      case VERBS.maturityMatrix: return this.matrix(viewer);
      default: return null;
    }
  }
}

// ---- the Teams edge ---------------------------------------------------------------------------

/** Invokes must be answered within 5 s; after this long the answer says so and the result follows as a message. */
export const actionCardTiming = { deadlineMs: 4_000 };

const REFRESH_VERBS: ReadonlySet<string> = new Set([VERBS.refresh, VERBS.refreshMany, VERBS.maturityRefresh]);
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';

export async function viewerOf(context: TurnContext, services: Services): Promise<Viewer> {
  return { person: await whoIsSpeaking(context, services), userId: context.activity.from?.id, conversationKind: conversationKind(context) };
}

/** Sets the invoke response ourselves: teams-ai then leaves the shared message alone. */
async function answerInvoke(context: TurnContext, body: { type: string; value: unknown }): Promise<void> {
  await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body: { statusCode: 200, ...body } } });
}

function plainData(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const LATE = Symbol('late');

/**
 * Sends a card to the conversation later, outside the turn (the answer to a slow invoke). The turn
 * context is gone by then, so the reference and the adapter are taken while it is still alive.
 */
function laterSender(context: TurnContext, services: Services, log: Logger): (result: FlowResult) => Promise<void> {
  const reference = TurnContext.getConversationReference(context.activity);
  const adapter = context.adapter as CloudAdapterBase;
  return async (result) => {
    try {
      await adapter.continueConversationAsync(services.config.BOT_ID ?? '', reference, async (ctx) => {
        await ctx.sendActivity({ type: ActivityTypes.Message, text: result.text ?? 'Here is the result of your last change.', attachments: [{ contentType: ADAPTIVE, content: result.card }] });
      });
    } catch (err) {
      log.warn({ err: { message: err instanceof Error ? err.message : String(err) } }, 'could not send the follow-up for a slow card action');
    }
  };
}

export function registerActionCardRoutes(app: Application<TurnState>, services: Services): void {
  const flows = new ActionCardFlows(services);
  app.adaptiveCards.actionExecute<Record<string, unknown>>(Object.values(VERBS), async (context, _state, rawData) => {
    const started = performance.now();
    const log = turnLog(context, services.log);
    const value = plainData(context.activity.value);
    const action = plainData(value.action);
    const verb = typeof action.verb === 'string' ? action.verb : '';
    const trigger = value.trigger === 'automatic' ? 'automatic' : 'manual';
    const data = plainData(rawData);
    const isRefresh = REFRESH_VERBS.has(verb);
    let result: FlowResult;
    try {
      const viewer = await viewerOf(context, services);
      const work = flows.run(verb, viewer, data, 'card').then((r) => r ?? { outcome: 'unknown-verb', card: problemCard(DAMAGED_CARD) });
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<typeof LATE>((resolve) => { timer = setTimeout(() => resolve(LATE), actionCardTiming.deadlineMs); });
      const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
      if (first === LATE) {
        log.warn({ verb, trigger, deadlineMs: actionCardTiming.deadlineMs }, 'card action is slow: answering now, result to follow');
        if (isRefresh) {
          // Never message a conversation about a refresh: the card simply stays as it is.
          work.catch(() => undefined);
          await answerInvoke(context, { type: MESSAGE, value: 'The plan is slow to answer right now.' });
          return '';
        }
        const send = laterSender(context, services, log);
        const cid = correlationId(context);
        void work.then(
          (r) => {
            log.info({ verb, outcome: r.outcome, ms: Math.round(performance.now() - started), ...r.log }, 'slow card action done');
            return send(r);
          },
          (err: unknown) => {
            log.error({ cid, verb, err: { message: err instanceof Error ? err.message : String(err) } }, 'slow card action failed');
            return send({ outcome: 'error', text: kindErrorText(err, cid), card: problemCard(kindErrorText(err, cid)) });
          },
        );
        result = { outcome: 'late', card: problemCard("I'm still working on this. I'll send the result here in a moment.") };
      } else {
        result = first;
      }
    } catch (err) {
      const cid = correlationId(context);
      log.error({ cid, verb, trigger, err: { message: err instanceof Error ? err.message : String(err), name: err instanceof Error ? err.name : 'Error' } }, 'card action failed');
      const actionId = parseActionId(data);
      result = {
        outcome: 'error',
        card: problemCard(kindErrorText(err, cid), actionId.ok && !isRefresh ? { title: 'Try again', verb: VERBS.refresh, data: { actionId: actionId.value } } : undefined),
      };
    }
    // The card goes back in the invoke response only, whatever the trigger: never an edit of the
    // shared message (that is what makes automatic refreshes loop).
    await answerInvoke(context, { type: ADAPTIVE, value: result.card });
    log.info({ verb, trigger, outcome: result.outcome, ms: Math.round(performance.now() - started), ...result.log }, 'card action');
    return ''; // ignored: the invoke response is already set
  });
}
