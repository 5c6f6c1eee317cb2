// "How many people / workstreams / schools …": counts of the directory, not of actions.
import type { Phase } from '../../domain/plan/types.js';
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

// "List the settings", "who are all the people", "show me the schools", "who are the SENCOs",
// "who are the admins": the directory itself, or the people with one role.
const DIRECTORY_LIST = /^(?:(?:please )?(?:list|show|show me|give me|who are|who is|whos|who's|which are|what are|name|tell me)(?: all)?(?: of)? )?(?:the |all the |all |our )?(settings|schools|people|staff|persons|members|sencos|senco list|admins|administrators|admin people|admin|administrator|(?:workstream )?leads|(?:action )?owners)(?: in the plan| in the directory| we have| there are| for (?:the |this )?(?:bot|plan|app)| of (?:the |this )?(?:bot|plan|app)| please| pls)?\W*$/;
const LISTED: Record<string, Extract<Intent, { kind: 'directoryList' }>['what']> = {
  settings: 'settings', schools: 'settings', sencos: 'sencos', 'senco list': 'sencos', admins: 'admins', administrators: 'admins',
  'admin people': 'admins', admin: 'admins', administrator: 'admins', leads: 'leads', 'workstream leads': 'leads', owners: 'owners', 'action owners': 'owners',
};

export function directoryList(q: Question): Intent | undefined {
  const text = q.cleaned.toLowerCase().replace(/\s+/g, ' ').trim();
  const m = DIRECTORY_LIST.exec(text);
  const w = m?.[1];
  // A bare "leads" or "owners" is too short to be sure of; said with a question word it is a list.
  if (!w || (m[0] === w && !['sencos', 'admins', 'settings', 'schools', 'people'].includes(w))) return undefined;
  return { kind: 'directoryList', what: LISTED[w] ?? 'people' };
}

// "Which secondary schools are on the system?", "any post 16 settings", "list the nurseries": the
// settings of one phase. Not about actions ("secondary transfer actions due …").
const PHASE_WORDS: readonly [RegExp, Phase][] = [
  [/\b(?:early years|eyfs|nurser(?:y|ies)|pre-?schools?)\b/, 'early_years'],
  [/\b(?:primary|primaries|infants?|junior)\b/, 'primary'],
  [/\b(?:secondary|secondaries|high)\b/, 'secondary'],
  [/\b(?:post[ -]?16|sixth forms?|colleges?|further education)\b/, 'post_16'],
  [/\bspecial\b/, 'special'],
];
const SETTING_NOUN = /\b(?:schools?|settings?|colleges|nurseries|primaries|secondaries|providers?|academies)\b/;
const LIST_CUE = /^(?:which|what|any|list|show|name|are there|is there|do we have|have we got|who are)\b|\b(?:are there|do we have|on the system|in the plan)\b/;

export function settingsByPhase(q: Question): Intent | undefined {
  const text = q.lower;
  if (!SETTING_NOUN.test(text) || !LIST_CUE.test(text) || /\b(?:actions?|tasks?|due|overdue|deadline|owns?|requests?)\b/.test(text) || q.refs.actions.length) return undefined;
  const found = PHASE_WORDS.filter(([re]) => re.test(text));
  if (found.length !== 1) return undefined;
  return { kind: 'directoryList', what: 'settings', phase: found[0]![1] };
}
