// Word lists: ordinary words that carry no subject (never a title word or a person's name).

const FUNCTION_WORDS = `
a about above across actually after again against ago all almost along already also although always am among an and
another any anybody anyone anything anyway anywhere are around as ask asked asking at away back be because been before
being below between both but by can cannot could did do does doing done down during each either else enough even ever
every everybody everyone everything exactly few for from get gets getting give given go goes going gone got had has have
having he her here hers herself him himself his how however i if in into is it its itself just kind know let like likely
lot lots made make many may me might mine more most much must my myself near need needs neither never no nobody none nor
not nothing now of off often on once one only onto or other others our ours ourselves out over own perhaps please pls
plz quite rather really right same see seem shall she should show since so some somebody someone something sometimes
soon still such sure tell than thank thanks that the their theirs them themselves then there these they thing things
this those though through thru to too toward towards under until up upon us very via want wanted wants was way we well
were what whatever when whenever where whether which while who whoever whom whose why will with within without would
yes yet you your yours yourself yourselves hi hello hey hiya ok okay cheers ta please mate guys team folks everyone
currently current right now today quick quickly briefly just also again anyway kindly possible possibly maybe
`;

const QUESTION_WORDS = `
action actions task tasks item items work working works job jobs thing things stuff deliverable deliverables activity
activities point points line lines plan plans big owner owners owned owns own owning responsible responsibility lead
leads leading leader led charge person people who whom doing does did handling handles looking looks assigned
assignee due date dates deadline deadlines when time timing by status state progress update updates updated latest
last recent news note notes happening happened going on track risk off started start complete completed done finished
overdue late behind how many much number count total list show display give find tell see view check get summary
summarise summarize overview report sum up details detail info information about regarding re concerning anything
everything workstream workstreams stream streams ws pillar pillars area areas improvement improvements afi priority
priorities open outstanding days day week weeks month months year years quarter soon next this coming upcoming
within period currently now yet whats what is are which where why will would should could can cannot any all some every
each me my mine i you our we us it its they them their one ones named called reference ref number id whole entire full
page more rest remaining other else much far long many lot mention mentions mentioning mentioned contain contains
containing titled involving involve involves relating related relate relates regarding concerning cover covers covering
about around re named called name word words say says come comes fall falls expected scheduled supposed meant sit sits sitting belong belongs belonging
`;

const SET_WORDS = new Set(`${FUNCTION_WORDS} ${QUESTION_WORDS}`.split(/\s+/).filter(Boolean));

/** An ordinary word: never a title word on its own. */
export function isStopWord(word: string): boolean {
  return SET_WORDS.has(word);
}

/**
 * Words that are also common first names or surnames but are far more often ordinary words:
 * a person is only found by one of these when written as a possessive ("Will's actions") or
 * together with the other half of their name.
 */
const AMBIGUOUS_NAME_WORDS = new Set(`
will may mark hope summer april june august march jan dec young white green black brown long short little small
power hall hill wood stone park lane field hand hands case key best page bill chance guy star storm sky art west north
south east new head rich strong
`.split(/\s+/).filter(Boolean));

export function isAmbiguousNameWord(word: string): boolean {
  return AMBIGUOUS_NAME_WORDS.has(word) || SET_WORDS.has(word);
}

/** Light stemming for matching title words: "events" → "event", "rebuilding" → "rebuild". */
export function stem(word: string): string {
  if (word.length > 6 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && /(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  if (word.length > 5 && word.endsWith('ed')) return word.slice(0, -2);
  return word;
}

/** Do two words share enough of a beginning to be the same word ("inclusion"/"inclusive")? */
export function sameRoot(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 5 || b.length < 5) return false;
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 5 && n >= Math.min(a.length, b.length) - 2;
}
