// A Question over the in-memory directory, for testing recognisers without a database.
import { indexDirectory, type DirectoryIndex } from '../../../src/ask/directory.js';
import { readQuestion, type ConversationContext, type Question } from '../../../src/ask/question.js';
import type { Person } from '../../../src/domain/plan/types.js';
import { directory, people } from './directory.js';

export const TODAY = '2026-11-22';
export const idx = indexDirectory(directory());

export function question(text: string, asker: Person | null = people.amorgan, index: DirectoryIndex = idx, context?: ConversationContext): Question {
  return readQuestion(text, { asker, today: TODAY, ...(context ? { context } : {}) }, index);
}

/** The same question as people also type it: shouting, extra spaces, full-width letters, no question mark. */
export function variants(text: string): string[] {
  const fullWidth = [...text].map((c) => (c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('');
  return [text, text.toUpperCase(), `  ${text.replace(/ /g, '   ')}  `, fullWidth, text.replace(/[?!.]+$/, '')];
}
