// People: a name that is nobody ("Owen Smith" when there is only Owen Price), a name several people
// share, "my actions" from someone the bot does not know, and "who is Grace Okafor?".
import { distance } from 'fastest-levenshtein';
import { spacedWords } from '../directory.js';
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
  const { owner, ownerIsAsker } = q.mentions;
  // "who is ruth elis": a left-over word that is a slip of the person's own name is not a subject.
  const detailWords = owner ? q.mentions.detailWords.filter((w) => !slipOfName(w, owner.name)) : q.mentions.detailWords;
  if (!owner || ownerIsAsker || detailWords.length || hasOtherFilters(listFilter(q))) return undefined;
  return /^(?:who is|who are|tell me about|what about|info on|details for)\b/.test(q.lower.trim()) ? { kind: 'person', person: owner } : undefined;
}

function slipOfName(word: string, name: string): boolean {
  return word.length >= 3 && name.toLowerCase().split(/[^a-z']+/).some((part) => part.length >= 3 && part !== word && distance(part, word) <= (part.length > 5 ? 2 : 1));
}

// Words that ask what someone is, not what they own: their job, role or how to reach them.
const PERSON_DETAIL_RE = /\b(?:job|job title|role|position|contact|contact details|e-?mail|email address|phone|phone number|number|how (?:do|can|would) (?:i|we) (?:contact|reach|get hold of|email)|get hold of|reach)\b|\bwhat does [a-z' ]{1,60} do(?: for a living| here| in the plan)?\s*\??$|^(?:who is|who s|whos|who's)\b/;
const PERSON_DETAIL_WORDS = new Set(['job', 'role', 'position', 'contact', 'email', 'mail', 'address', 'phone', 'number', 'reach', 'hold', 'living', 'get']);

/** "What does Grace Okafor do?", "Liam Byrne's job", "contact details for Sam": who they are and how to reach them. */
export function personDetails(q: Question): Intent | undefined {
  const { owner, ownerIsAsker, detailWords } = q.mentions;
  if (!owner || ownerIsAsker || /\b(?:actions?|tasks?|items?)\b/.test(q.lower) || hasOtherFilters(listFilter(q))) return undefined;
  if (!PERSON_DETAIL_RE.test(q.compact)) return undefined;
  if (detailWords.some((w) => !PERSON_DETAIL_WORDS.has(w))) return undefined;
  return { kind: 'person', person: owner };
}

/** Asking how to reach someone: "email for the designated clinical officer?", "how do I contact the DCO". */
const CONTACT_RE = /\b(?:e-?mail|contact|get hold of|reach|phone|details for|details of)\b/;

/** "Who is the Designated Clinical Officer?", "email for the DCO?": the one person with that job title (or its initials). */
export function personByJobTitle(q: Question): Intent | undefined {
  if (!/^(?:who is|who s|whos|who's|who are|who)\b/.test(q.compact) && !CONTACT_RE.test(q.compact)) return undefined;
  const asked = spacedWords(q.compact);
  let holders = q.idx.jobTitles.filter((j) => asked.includes(j.title));
  if (holders.length === 0) holders = q.idx.jobTitles.filter((j) => j.initials && asked.includes(j.initials));
  return holders.length === 1 && holders[0] ? { kind: 'person', person: holders[0].person } : undefined;
}

/** "What is Bob working on?": a name that is nobody in the plan (its words may still be a title's). */
export function unknownPerson(q: Question): Intent | undefined {
  const u = q.mentions.unknownPerson;
  if (!u || q.mentions.owner) return undefined;
  return { kind: 'unknown', what: 'person', name: u.name, words: q.mentions.detailWords };
}
