// Outcome measures: "show the measures", "how are wheelchair waits doing?", "how are we doing on
// EHC plans?". A measure is named by the words of its name (src/domain/measures/match.ts); a
// question about an action, its owner or its dates is left to the recognisers after this one.
import { matchMeasures } from '../../domain/measures/match.js';
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';

/** "show the measures", "list our outcome measures", "what are the measures", "measures". */
const LIST = /^(?:(?:please )?(?:show|list|see|give)(?: me)?(?: all)?(?: of)?(?: the| our)?|what are(?: the| our)?|all(?: the)?|the|our)? ?(?:outcome |success )?measures(?: please)?\??$/;
/** "how are we doing against our targets?", "are we on course for the targets?" */
const ALL_TARGETS = /\b(?:how are we doing|how are we getting on|are we on course|how are the measures doing)\b[a-z ]{0,20}\btargets\b/;
/** "which measures are off course?", "any measures behind target": the list, only those on (or off) course. */
const BY_COURSE = /^(?:which|what|any|show(?: me)?|list)(?: the| our)? (?:outcome |success )?measures (?:are |is )?(off|on|not on|behind|ahead of) (?:course|track|target)/;
/** The question asks how something is going, not who or when. */
const HOW = /\bhow(?:'s| is| are| have| has)\b|\bprogress\b|\btrend\b|\bon (?:course|track)\b|\bfigures?\b|\blatest\b|\bmeasures?\b|\btargets?\b|\breadings?\b|\bimprov(?:e|es|ed|ing|ement)\b|\bgetting (?:better|worse)\b|\bwhat(?:'s| is| was)? the (?:average|current|latest|last)\b|\bhow long\b|\bbaselines?\b|%|\bper ?cent(?:age)?\b|\bproportion\b/;
/** Words of questions about actions, which another recogniser answers. */
const ABOUT_ACTIONS = /\b(?:actions?|who|whom|owners?|owns|due|overdue|late|update|updates|history|status|workstreams?|areas?|lead|leads|ws\d)\b/;

export function measures(q: Question): Intent | undefined {
  const text = q.compact.replace(/[?!.]+$/, '').trim();
  if (LIST.test(text) || ALL_TARGETS.test(text)) return { kind: 'measures', refs: [] };
  const course = BY_COURSE.exec(text)?.[1];
  if (course) return { kind: 'measures', refs: [], course: course === 'on' || course === 'ahead of' ? 'on' : 'off' };
  if (q.measures.length === 0 || !HOW.test(text) || ABOUT_ACTIONS.test(text)) return undefined;
  const found = matchMeasures(q.plain, q.measures);
  return found.length ? { kind: 'measures', refs: found.map((m) => m.ref) } : undefined;
}
