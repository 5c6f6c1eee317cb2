// The cards the action flows answer with, for one viewer: who may change what, the summary or the
// form, the several-actions card, and the lead's alert for a change. Shared by the flows for one
// action and for several.
import {
  changeRight, historyNote, lastUpdateText, leadAlertReasons, leadAlertText, shouldAlertLead, whoMayChange,
  type ChangeRight, type FieldErrors, type SubmittedValues,
} from '../../domain/actions/index.js';
import { londonDate } from '../../domain/time/london.js';
import {
  actionEditCard, actionSummaryCard, myActionsCard, type Banner, type Card, type ManyItemState, type RefreshOptions,
} from '../../cards/action-update/index.js';
import type { ActionRecord, PlannedChange } from '../../store/action-updates.js';
import { readingInputs, type CardReadings } from './readings.js';
import { refreshOptions } from './refresh.js';
import type { ActionFlowDeps, Viewer } from './types.js';

export interface FormExtras {
  banner?: Banner | null; errors?: FieldErrors; values?: Partial<SubmittedValues>;
  /** The measures' boxes as typed, when the form comes back with something to fix. */
  readings?: CardReadings;
}

export class ActionViews {
  constructor(readonly deps: ActionFlowDeps) {}

  now(): Date { return this.deps.clock.now(); }
  today(): string { return londonDate(this.now()); }

  right(viewer: Viewer, r: ActionRecord): ChangeRight | null {
    return changeRight(viewer.person, r.action, r.workstream);
  }

  who(r: ActionRecord): string {
    return whoMayChange(r.action.ref, r.owner?.name ?? null, r.lead?.name ?? null);
  }

  /** Refresh options for a card about these actions (their owners and leads may change them). */
  refresh(viewer: Viewer, records: readonly ActionRecord[]): Promise<RefreshOptions> {
    return refreshOptions(this.deps, viewer, records.flatMap((r) => [r.owner?.id, r.lead?.id]));
  }

  summary(viewer: Viewer, r: ActionRecord, banner: Banner | null, refresh: RefreshOptions): Card {
    return actionSummaryCard(r, { today: this.today(), canChange: this.right(viewer, r) !== null, whoMayChange: this.who(r), refresh, banner });
  }

  /** The edit form, with a box for a new figure of each of the action's outcome measures. */
  async form(r: ActionRecord, right: ChangeRight, refresh: RefreshOptions, extra: FormExtras = {}): Promise<Card> {
    const { readings, ...rest } = extra;
    const inputs = readings?.inputs ?? readingInputs((await this.deps.measures?.forAction(r.action.id)) ?? []);
    const measures = { inputs, values: readings?.values ?? {}, errors: readings?.errors ?? {} };
    return actionEditCard(r, { today: this.today(), right, refresh, ...rest, measures });
  }

  /** This viewer's own view of an action: the form for those who may change it, the summary for everyone else. */
  async viewFor(viewer: Viewer, r: ActionRecord, banner: Banner | null = null): Promise<Card> {
    const refresh = await this.refresh(viewer, [r]);
    const right = this.right(viewer, r);
    return right ? await this.form(r, right, refresh, { banner }) : this.summary(viewer, r, banner, refresh);
  }

  /** Several actions in one card, each row editable by those who may change it. */
  many(viewer: Viewer, records: readonly ActionRecord[], total: number, refresh: RefreshOptions, banner: Banner | null, overrides: ReadonlyMap<number, Partial<ManyItemState>> = new Map()): Card {
    const states = new Map<number, ManyItemState>();
    for (const r of records) {
      states.set(r.action.id, { editable: this.right(viewer, r) !== null, whoMayChange: this.who(r), ...overrides.get(r.action.id) });
    }
    const own = viewer.person && records.every((r) => r.action.ownerId === viewer.person?.id);
    return myActionsCard(records, { today: this.today(), title: own ? 'Your open actions' : 'Actions to update', total, refresh, banner, states });
  }

  /** A change ready for the store: the history note, the last-update text and the lead's alert. */
  plan(viewer: Viewer, r: ActionRecord, expectedVersion: number, change: PlannedChange['change']): PlannedChange {
    return {
      record: r, expectedVersion, change,
      ...this.alertsFor(viewer, r, change),
      historyNote: historyNote(change.note, change.reason),
      lastUpdate: lastUpdateText(change.note, change.reason, change.dueDate, change.dueChanged),
    };
  }

  /**
   * The lead's alert for a change, when the rule says so, and the same for the workstream's linked
   * chat (posted only if it has one), which hears of it whoever made the change; built for the
   * action's next version.
   */
  private alertsFor(viewer: Viewer, r: ActionRecord, change: PlannedChange['change']): Pick<PlannedChange, 'alert' | 'chatAlert'> {
    const actor = viewer.person;
    const { note, reason } = change;
    const before = { status: r.action.status, dueDate: r.action.dueDate };
    const after = { status: change.status, dueDate: change.dueDate };
    if (!actor || leadAlertReasons(before, after).length === 0) return { alert: null, chatAlert: null };
    const now = this.now();
    const next: ActionRecord = {
      ...r,
      action: {
        ...r.action, status: change.status, dueDate: change.dueDate, version: r.action.version + 1, lastUpdateAt: now,
        lastUpdate: lastUpdateText(note, reason, change.dueDate, change.dueChanged) ?? r.action.lastUpdate,
      },
      lastChange: { actorName: actor.name, at: now, via: 'card' },
    };
    const input = { ref: r.action.ref, title: r.action.title, actorName: actor.name, before, after, note, reason };
    const card = (canChange: boolean) => actionSummaryCard(next, { today: this.today(), canChange, whoMayChange: this.who(r), refresh: { enabled: true } });
    // The lead may change the action, so their card offers Update; in the chat, each person's refresh shows their own.
    const toLead = r.lead?.active && shouldAlertLead(before, after, r.lead.id, actor.id);
    return {
      alert: toLead ? { text: leadAlertText(input), cards: [card(true)] } : null,
      chatAlert: { text: leadAlertText({ ...input, linkedChatOf: r.workstream.code }), cards: [card(false)] },
    };
  }
}
