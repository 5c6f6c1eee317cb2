// "How many people / workstreams / schools …": counts of the directory, not of actions.
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';
import { clusterAreaNamed } from './places.js';

type Countable = Extract<Intent, { kind: 'howMany' }>['what'];
const SYNONYMS: Record<string, Countable> = { persons: 'people', owners: 'people', 'work streams': 'workstreams', schools: 'settings' };

export function howMany(q: Question): Intent | undefined {
  const w = /\bhow many (people|persons|owners|workstreams|work streams|clusters|settings|schools|sencos|experts|leads)\b/.exec(q.lower)?.[1];
  if (!w) return undefined;
  // "How many clusters are in Huddersfield?": that area's clusters, counted and named.
  const area = w === 'clusters' ? clusterAreaNamed(q) : undefined;
  if (area) return { kind: 'clusters', area };
  return { kind: 'howMany', what: SYNONYMS[w] ?? (w as Countable) };
}

// "List the settings", "who are all the people", "show me the schools": the directory itself.
const DIRECTORY_LIST = /^(?:list|show|show me|give me|who are|which are|what are|name)(?: all)?(?: of)? (?:the |all the |all )?(settings|schools|people|staff|persons|members)(?: in the plan| in the directory| we have| there are)?\W*$/;

export function directoryList(q: Question): Intent | undefined {
  const w = DIRECTORY_LIST.exec(q.cleaned.toLowerCase().replace(/\s+/g, ' ').trim())?.[1];
  if (!w) return undefined;
  return { kind: 'directoryList', what: w === 'settings' || w === 'schools' ? 'settings' : 'people' };
}
