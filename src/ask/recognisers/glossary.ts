// The partnership's words: "what does PCAN stand for?", "wat does ICB mean", "what is a maturity
// pillar?". "What does X mean/stand for" is always a glossary question; "define X" and "what is
// (a) X" only when X is a glossary term, since "what is overdue" and "what is WS5" are not.
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';

const MEANS = /^(?:and )?(?:what|wat|wot|whats) (?:does|do|did) (?:the |an? )?(?:word |term |acronym |abbreviation )?["']?([a-z][a-z0-9&' -]{0,40}?)["']? (?:stand for|mean|means|refer to)\W*$/;
const DEFINE = /^(?:define|meaning of|definition of|explain) (?:the |an? )?(?:word |term )?["']?([a-z][a-z0-9&' -]{0,40}?)["']?\W*$|^(?:what|wat) (?:is|are|s) (?:the )?(?:meaning of|full form of|long form of) ["']?([a-z][a-z0-9&' -]{0,40}?)["']?\W*$/;
const WHAT_IS = /^(?:and )?(?:what|wat|whats|what's) (?:is|are|s)? ?(?:an? |the )?([a-z][a-z0-9&' -]{0,40}?)\W*$/;

/** The glossary's own spelling of a term asked about, allowing a plural ("EHCPs", "clusters"). */
function findTerm(asked: string, terms: readonly string[]): string | undefined {
  const said = asked.trim().replace(/\s+/g, ' ');
  const plain = said.replace(/'?s$/, '');
  return terms.find((t) => t.toLowerCase() === said) ?? terms.find((t) => t.toLowerCase() === plain);
}

export function glossary(q: Question): Intent | undefined {
  if (q.refs.actions.length || q.refs.requests.length) return undefined;
  const text = q.compact;
  const asked = MEANS.exec(text)?.[1];
  if (asked) {
    const term = findTerm(asked, q.glossary);
    return { kind: 'glossary', term: term ?? asked, known: term !== undefined };
  }
  // "define X", "the meaning of X", "what is (a) X": only a term the glossary holds ("what is
  // the meaning of life" is not a question about the plan).
  const defined = DEFINE.exec(text);
  const what = defined?.[1] ?? defined?.[2] ?? WHAT_IS.exec(text)?.[1];
  const term = what ? findTerm(what, q.glossary) : undefined;
  return term ? { kind: 'glossary', term, known: true } : undefined;
}
