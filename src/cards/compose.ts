// Message extension results: each action as a read-only card to put in a message, with a short
// preview for the search list. Plain JSON (no Teams types): the edge sends it as it is.
import { actionDetailCard, type ActionView } from './actions.js';
import { clip } from './action-update/common.js';
import { messageText } from './markup.js';

export interface ComposeResult {
  type: 'result';
  attachmentLayout: 'list';
  attachments: { contentType: string; content: Record<string, unknown>; preview: { contentType: string; content: Record<string, unknown> } }[];
}

export function composeResult(views: readonly ActionView[]): ComposeResult {
  return {
    type: 'result',
    attachmentLayout: 'list',
    attachments: views.map((a) => ({
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: actionDetailCard({ ...a, canUpdate: false }),
      preview: {
        contentType: 'application/vnd.microsoft.card.thumbnail',
        // Teams reads a preview's text as markup: a person's words are escaped.
        content: { title: messageText(clip(`${a.ref} ${a.title}`, 80)), text: messageText(clip(previewLine(a), 120)) },
      },
    })),
  };
}

/** 'off track, due 14 November 2026 (8 days late) · Owen Price': enough to pick the right action. */
function previewLine(a: ActionView): string {
  const late = a.daysLate > 0 ? ` (${a.timing})` : '';
  return `${a.status}, due ${a.due}${late} · ${a.owner}`;
}
