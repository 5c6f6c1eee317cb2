// Question understanding: from a message text to one Intent. The text is read once into a
// Question (src/ask/question.ts); the recognisers (src/ask/recognisers) are tried in order.
// Pure and synchronous: the directory index says who and what exists; nothing here touches the database.
import type { DirectoryIndex } from './directory.js';
import type { Intent } from './intent.js';
import { readQuestion, type QuestionInput } from './question.js';
import { recognise } from './recognisers/index.js';

export type { Aspect, Choice, Intent, ListFilter, Paging } from './intent.js';
export { detectAspects, mentionsSelf } from './cues.js';
export { asQuestion, parsePaging } from './question.js';

export type UnderstandContext = QuestionInput;

export function understand(text: string, ctx: UnderstandContext, idx: DirectoryIndex): Intent {
  return recognise(readQuestion(text, ctx, idx));
}
