// "What does PCAN stand for?": the partnership's own glossary (glossary.csv), the same words the
// public pages and the report use. Imported text and the word asked are shown as text.
import type { GlossaryEntry } from '../domain/public/glossary.js';
import { escapeTeamsMarkdown } from '../domain/text/escape.js';
import type { Answer } from './context.js';

/** "PCAN means Parents of Children with Additional Needs: …", or that the glossary lacks the word. */
export function answerGlossary(glossary: readonly GlossaryEntry[], term: string, known: boolean): Answer {
  const entry = known ? glossary.find((g) => g.term === term) : undefined;
  if (entry) return { text: `${escapeTeamsMarkdown(entry.term)} means ${escapeTeamsMarkdown(entry.meaning.replace(/[.\s]+$/u, ''))}.`, cards: [] };
  const said = /^[a-z0-9&]{2,6}$/iu.test(term) ? term.toUpperCase() : term;
  return {
    text: `“${escapeTeamsMarkdown(said)}” is not in the partnership's glossary yet. An admin can add it (glossary.csv in the plan folder). You can ask me about an action, a workstream, a cluster or Experts at Hand.`,
    cards: [],
  };
}
