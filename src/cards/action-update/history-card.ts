// The history of one action as a card, and the card for when something went wrong. Pure builders:
// the data in, Adaptive Card JSON out.
import { dueLine, historyHeading, statusLine, type HistoryEntry } from '../../domain/actions/phrasing.js';
import { TITLE_CLIP, type ActionCardModel } from './action-cards.js';
import { adaptiveCard, clip, execute, heading, notice, subtle, text, typed, VERBS, type Card, type Element } from './common.js';

// ---- history ----------------------------------------------------------------------------------

export interface HistoryCardOptions {
  total: number;
  canChange: boolean;
}

const HISTORY_NOTE_CLIP = 400;

export function actionHistoryCard(m: ActionCardModel, entries: readonly HistoryEntry[], o: HistoryCardOptions): Card {
  const a = m.action;
  const body: Element[] = [heading(`History of ${a.ref}`), typed(clip(a.title, TITLE_CLIP)), subtle(`${m.workstream.code}: ${m.workstream.name}`)];
  if (entries.length === 0) body.push(text('No changes have been recorded yet.'));
  for (const e of entries) {
    const lines = [statusLine(e), dueLine(e)].filter((l): l is string => l !== null);
    body.push({
      type: 'Container', separator: true, spacing: 'Medium', items: [
        text(historyHeading(e), { weight: 'Bolder', size: 'Small' }),
        ...lines.map((l) => text(l, { spacing: 'None' })),
        ...(e.note ? [typed(clip(e.note, HISTORY_NOTE_CLIP))] : []),
      ],
    });
  }
  if (o.total > entries.length) body.push(subtle(`Showing the latest ${entries.length} of ${o.total} changes.`, { spacing: 'Medium' }));
  const actions = [
    execute(`Back to ${a.ref}`, VERBS.view, { actionId: a.id }, { associatedInputs: 'none' }),
    ...(o.canChange ? [execute('Update', VERBS.edit, { actionId: a.id, version: a.version })] : []),
  ];
  return adaptiveCard(body, actions, null);
}

// ---- something went wrong ---------------------------------------------------------------------

/** A sentence in a card (the card the person pressed is replaced by it), with an optional retry. */
export function problemCard(sentence: string, retry?: { title: string; verb: (typeof VERBS)[keyof typeof VERBS]; data: Record<string, unknown> }): Card {
  return adaptiveCard([notice(sentence, 'attention')], retry ? [execute(retry.title, retry.verb, retry.data, { associatedInputs: 'none' })] : [], null);
}
