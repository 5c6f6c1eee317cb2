// People: a name that is nobody ("Owen Smith" when there is only Owen Price), a name several people
// share, "my actions" from someone the bot does not know, and "who is Grace Okafor?".
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';
import { choosePerson } from './choices.js';
import { hasOtherFilters, listFilter } from './lists.js';

/** "Owen Smith" when the plan only has Owen Price: never answer about the wrong Owen. */
export function wrongSurname(q: Question): Intent | undefined {
  const u = q.mentions.unknownPerson;
  return u?.instead ? { kind: 'unknown', what: 'person', name: u.name, words: [u.instead.toLowerCase()] } : undefined;
}

/** "What is Sam working on?" with two Sams. */
export function ambiguousPerson(q: Question): Intent | undefined {
  const m = q.mentions.people.find((p) => p.items.length > 1);
  return m ? choosePerson(q, m) : undefined;
}

/** "What are my actions?" from a Teams account linked to nobody in the plan. */
export function unknownAsker(q: Question): Intent | undefined {
  if (q.asker || q.mentions.people[0]?.items[0] || !q.self || /\bwho\b/.test(q.lower)) return undefined;
  return { kind: 'needPerson', about: 'actions' };
}

/** "Who is Grace Okafor?", "tell me about Liam": the person, with their work. */
export function personIntro(q: Question): Intent | undefined {
  const { owner, ownerIsAsker, detailWords } = q.mentions;
  if (!owner || ownerIsAsker || detailWords.length || hasOtherFilters(listFilter(q))) return undefined;
  return /^(?:who is|who are|tell me about|what about|info on|details for)\b/.test(q.lower.trim()) ? { kind: 'person', person: owner } : undefined;
}

/** "What is Bob working on?": a name that is nobody in the plan (its words may still be a title's). */
export function unknownPerson(q: Question): Intent | undefined {
  const u = q.mentions.unknownPerson;
  if (!u || q.mentions.owner) return undefined;
  return { kind: 'unknown', what: 'person', name: u.name, words: q.mentions.detailWords };
}
