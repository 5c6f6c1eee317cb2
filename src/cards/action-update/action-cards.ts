// Cards for updating one action or several: the edit form, the read-only summary and "update my
// actions" (the history and the card for a problem are in history-card.ts). Pure builders: the data in,
// Adaptive Card JSON out. Cards carry the action's id and version, nothing else.
import type { ChangeRight } from '../../domain/actions/permissions.js';
import type { FieldErrors, SubmittedValues } from '../../domain/actions/update.js';
import { NOTE_MAX_CHARS, REASON_MAX_CHARS } from '../../domain/actions/update.js';
import type { LastChange } from '../../domain/actions/phrasing.js';
import { isOpen, statusColour, statusWord } from '../../domain/plan/status.js';
import { ACTION_STATUSES, type Action, type IsoDate, type Person, type Workstream } from '../../domain/plan/types.js';
import { formatDate, formatRelativeDue } from '../../domain/time/format.js';
import { londonDate } from '../../domain/time/london.js';
import { titleAdvice } from '../../domain/text/readability.js';
import {
  adaptiveCard, capitalise, cardBytes, CARD_BYTE_BUDGET, clip, execute, fieldError, heading, notice, refreshSection, subtle,
  text, typed, VERBS, type Card, type Element, type Tone,
} from './common.js';
import { measureInputs, type MeasureInputModel } from './measure-inputs.js';

/** What an action card shows. The store's ActionRecord fits this shape. */
export interface ActionCardModel {
  action: Pick<Action, 'id' | 'ref' | 'title' | 'plainTitle' | 'status' | 'dueDate' | 'lastUpdate' | 'lastUpdateAt' | 'version'>;
  workstream: Pick<Workstream, 'code' | 'name'>;
  owner: Pick<Person, 'name'> | null;
  lead: Pick<Person, 'name'> | null;
  lastChange: LastChange | null;
}

export interface Banner { text: string; tone: Tone }

/** How each viewer's client refreshes the card: `userIds` only in chats of more than 60 people. */
export interface RefreshOptions {
  /** false: no refresh section (a card that must stay as it is, such as a confirmation). */
  enabled: boolean;
  userIds?: readonly string[] | null;
}

export const TITLE_CLIP = 160;
const LAST_UPDATE_CLIP_MANY = 140;

function dueText(a: ActionCardModel['action'], today: IsoDate): string {
  const date = formatDate(a.dueDate);
  return isOpen(a.status) ? `${date} (${formatRelativeDue(a.dueDate, today)})` : date;
}

function statusChoices(): Element[] {
  return ACTION_STATUSES.map((s) => ({ title: capitalise(statusWord(s)), value: s }));
}

function facts(m: ActionCardModel, today: IsoDate): Element {
  const f = [
    { title: 'Status', value: capitalise(statusWord(m.action.status)) },
    { title: 'Due', value: dueText(m.action, today) },
    { title: 'Owner', value: m.owner?.name ?? 'nobody yet' },
    { title: 'Workstream', value: `${m.workstream.code}${m.lead ? `, led by ${m.lead.name}` : ''}` },
  ];
  if (m.action.lastUpdateAt) f.push({ title: 'Last update', value: formatDate(londonDate(m.action.lastUpdateAt)) });
  return { type: 'FactSet', facts: f };
}

function header(m: ActionCardModel, prefix = ''): Element[] {
  return [
    heading(`${prefix}${m.action.ref}`),
    typed(clip(m.action.title, TITLE_CLIP)),
    subtle(`${m.workstream.code}: ${m.workstream.name}`),
  ];
}

function statusBadge(m: ActionCardModel): Element {
  return text(capitalise(statusWord(m.action.status)), { color: statusColour(m.action.status), weight: 'Bolder', spacing: 'Small' });
}

function lastUpdateBlock(m: ActionCardModel, max?: number): Element[] {
  if (!m.action.lastUpdate) return [];
  const body = max ? clip(m.action.lastUpdate, max) : m.action.lastUpdate;
  return [subtle('Latest update', { spacing: 'Small' }), typed(body)];
}

/** A title above grade 8 with no plain title: how to make the public page plainer. */
function plainTitleHint(m: ActionCardModel): Element[] {
  const advice = titleAdvice(m.action.title, m.action.plainTitle);
  return advice ? [subtle(advice, { spacing: 'Small' })] : [];
}

// ---- the edit form ----------------------------------------------------------------------------

export interface EditCardOptions {
  today: IsoDate;
  right: ChangeRight;
  refresh: RefreshOptions;
  banner?: Banner | null;
  errors?: FieldErrors;
  /** What the person typed, shown again when something needs fixing. */
  values?: Partial<SubmittedValues>;
  /** The action's outcome measures, each with a box for a new figure, and what was typed in them. */
  measures?: { inputs: readonly MeasureInputModel[]; values: Readonly<Record<string, string>>; errors: Readonly<Record<string, string>> };
}

export function actionEditCard(m: ActionCardModel, o: EditCardOptions): Card {
  const a = m.action;
  const v = o.values ?? {};
  const errors = o.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0 || Object.keys(o.measures?.errors ?? {}).length > 0;
  const body: Element[] = [
    ...header(m, 'Update '),
    ...(o.banner ? [notice(o.banner.text, o.banner.tone)] : []),
    ...(hasErrors ? [notice('Please check the form below: nothing has been saved yet.', 'attention')] : []),
    ...plainTitleHint(m),
    statusBadge(m),
    facts(m, o.today),
    ...lastUpdateBlock(m),
    {
      type: 'Input.ChoiceSet', id: 'status', label: 'Status', style: 'compact', isRequired: true,
      errorMessage: 'Please choose a status.', value: v.status || a.status, choices: statusChoices(),
    },
    ...fieldError(errors.status),
    {
      type: 'Input.Text', id: 'note', label: 'What changed?', isMultiline: true, maxLength: NOTE_MAX_CHARS,
      placeholder: 'For example: the venue for the North event is booked.', ...(v.note ? { value: v.note } : {}),
    },
    ...fieldError(errors.note),
    {
      type: 'Input.Date', id: 'dueDate', label: 'Due date', isRequired: true, errorMessage: 'Please choose a due date.',
      value: v.dueDate || a.dueDate,
    },
    ...fieldError(errors.dueDate),
    {
      type: 'Input.Text', id: 'reason', label: 'If you moved the due date, why?', maxLength: REASON_MAX_CHARS,
      placeholder: 'Needed only when the date changes.', ...(v.reason ? { value: v.reason } : {}),
    },
    ...fieldError(errors.reason),
    ...measureInputs(o.measures?.inputs ?? [], o.measures?.values ?? {}, o.measures?.errors ?? {}),
  ];
  const actions = [
    execute('Save', VERBS.save, { actionId: a.id, version: a.version }, { style: 'positive' }),
    execute('Cancel', VERBS.view, { actionId: a.id }, { associatedInputs: 'none' }),
    execute('History', VERBS.history, { actionId: a.id }, { associatedInputs: 'none' }),
  ];
  return adaptiveCard(body, actions, o.refresh.enabled ? refreshSection(VERBS.refresh, { actionId: a.id }, o.refresh.userIds) : null);
}

// ---- the read-only summary --------------------------------------------------------------------

export interface SummaryCardOptions {
  today: IsoDate;
  /** May this viewer change it? Then the card offers "Update". */
  canChange: boolean;
  /** Who may change it, for everyone else: "Only Owen Price (the owner), … can change COM-06." */
  whoMayChange: string;
  refresh: RefreshOptions;
  banner?: Banner | null;
}

export function actionSummaryCard(m: ActionCardModel, o: SummaryCardOptions): Card {
  const a = m.action;
  const body: Element[] = [
    ...header(m),
    ...(o.banner ? [notice(o.banner.text, o.banner.tone)] : []),
    statusBadge(m),
    facts(m, o.today),
    ...lastUpdateBlock(m),
    ...(o.canChange ? [] : [subtle(o.whoMayChange, { spacing: 'Medium' })]),
  ];
  const actions = [
    ...(o.canChange ? [execute('Update', VERBS.edit, { actionId: a.id, version: a.version })] : []),
    execute('History', VERBS.history, { actionId: a.id }, { associatedInputs: 'none' }),
  ];
  return adaptiveCard(body, actions, o.refresh.enabled ? refreshSection(VERBS.refresh, { actionId: a.id }, o.refresh.userIds) : null);
}

// ---- "update my actions" ------------------------------------------------------------------------

export interface ManyItemState {
  editable: boolean;
  /** For rows the viewer may not change. */
  whoMayChange?: string;
  banner?: Banner | null;
  errors?: FieldErrors;
  values?: Partial<SubmittedValues>;
}

export interface ManyCardOptions {
  today: IsoDate;
  /** "Your open actions" or "Open actions of Owen Price". */
  title: string;
  /** How many open actions there are in all (the card may show fewer). */
  total: number;
  refresh: RefreshOptions;
  banner?: Banner | null;
  states: ReadonlyMap<number, ManyItemState>;
}

/** How much of each row a multi-action card shows; each level is smaller than the one before. */
interface ManyFit { keepTyped: boolean; compact: boolean; count: number }

function manyItem(m: ActionCardModel, s: ManyItemState, today: IsoDate, fit: ManyFit): Element {
  const a = m.action;
  const id = a.id;
  const v = fit.keepTyped ? s.values ?? {} : {};
  const errors = s.errors ?? {};
  const items: Element[] = [
    typed(`${a.ref}: ${clip(a.title, fit.compact ? 60 : TITLE_CLIP)}`),
    subtle(`${capitalise(statusWord(a.status))}, due ${dueText(a, today)}`),
    ...(s.banner ? [notice(s.banner.text, s.banner.tone)] : []),
    ...(fit.compact ? [] : lastUpdateBlock(m, LAST_UPDATE_CLIP_MANY)),
  ];
  if (!s.editable) {
    items.push(subtle(s.whoMayChange ?? 'You can’t change this action.'));
  } else {
    items.push(
      {
        type: 'ColumnSet', spacing: 'Small', columns: [
          { type: 'Column', width: 'stretch', items: [
            { type: 'Input.ChoiceSet', id: `status_${id}`, label: 'Status', style: 'compact', isRequired: true, errorMessage: 'Please choose a status.', value: v.status || a.status, choices: statusChoices() },
            ...fieldError(errors.status),
          ] },
          { type: 'Column', width: 'stretch', items: [
            { type: 'Input.Date', id: `dueDate_${id}`, label: 'Due date', isRequired: true, errorMessage: 'Please choose a due date.', value: v.dueDate || a.dueDate },
            ...fieldError(errors.dueDate),
          ] },
        ],
      },
      { type: 'Input.Text', id: `note_${id}`, label: 'What changed?', isMultiline: true, maxLength: NOTE_MAX_CHARS, ...(v.note ? { value: v.note } : {}) },
      ...fieldError(errors.note),
      { type: 'Input.Text', id: `reason_${id}`, label: 'If you moved the due date, why?', maxLength: REASON_MAX_CHARS, ...(v.reason ? { value: v.reason } : {}) },
      ...fieldError(errors.reason),
    );
  }
  return { type: 'Container', separator: true, spacing: 'Medium', items };
}

/**
 * Several actions in one card, each with its own inputs (`status_<id>`, `note_<id>`, …); one Save
 * sends them all and only the rows the person touched change. The card always fits the size
 * budget: if it would not, what people typed is left out (with a sentence saying so), then titles
 * are shortened and latest updates left out, and as a last resort fewer actions are shown.
 */
export function myActionsCard(allModels: readonly ActionCardModel[], o: ManyCardOptions): Card {
  const build = (fit: ManyFit): Card => {
    const models = allModels.slice(0, fit.count);
    const keepTyped = fit.keepTyped;
    const editable = models.filter((m) => o.states.get(m.action.id)?.editable);
    const hasErrors = models.some((m) => Object.keys(o.states.get(m.action.id)?.errors ?? {}).length > 0);
    const shown = models.length;
    const intro = o.total > shown
      ? `Showing the ${shown} due soonest of ${o.total} open actions. For any other, say "update" and its reference${models[0] ? `, for example "update ${models[0].action.ref}"` : ''}.`
      : editable.length
        ? 'Change what you need, then press Save changes once. Actions you leave alone stay as they are.'
        : 'Nothing here is yours to change.';
    const body: Element[] = [
      heading(o.title),
      text(intro, { spacing: 'Small' }),
      ...(o.banner ? [notice(o.banner.text, o.banner.tone)] : []),
      ...(hasErrors ? [notice('Please check the actions marked below: nothing has been saved yet.', 'attention')] : []),
      ...(keepTyped ? [] : [notice('What you typed was too long to show again here; please type it again, a little shorter.', 'warning')]),
      ...models.map((m) => manyItem(m, o.states.get(m.action.id) ?? { editable: false }, o.today, fit)),
    ];
    const actions = editable.length
      ? [execute('Save changes', VERBS.saveMany, { items: editable.map((m) => ({ actionId: m.action.id, version: m.action.version })) }, { style: 'positive' })]
      : [];
    const refresh = o.refresh.enabled && models.length
      ? refreshSection(VERBS.refreshMany, { actionIds: models.map((m) => m.action.id) }, o.refresh.userIds)
      : null;
    return adaptiveCard(body, actions, refresh);
  };
  const fits = (c: Card) => cardBytes(c) <= CARD_BYTE_BUDGET;
  let card = build({ keepTyped: true, compact: false, count: allModels.length });
  if (fits(card)) return card;
  card = build({ keepTyped: false, compact: false, count: allModels.length });
  if (fits(card)) return card;
  for (let count = allModels.length; count >= 1; count--) {
    card = build({ keepTyped: false, compact: true, count });
    if (fits(card)) return card;
  }
  return card;
}
