// A child named in one clause and given an age or a year group by "he" or "she" in the next:
// "noticed Rowan is flapping more since the move, he's 6", "Worried about Blessing, she's only 5",
// "Amara has stopped talking in class, she's in year 2". A name that is also a word (Rowan,
// Blessing, Sky) needs a cue to count, and the age here stands apart from it, so the cues beside a
// name miss it. Names of the data sets that are never words are found anywhere already.
//
// The finding is the name alone, as a cue's: a titled adult in the same sentence ("Spoke to Mrs
// Khan about her son, he's 6") is still excused by screen.ts, but not a first name that the words
// around it would otherwise place at work ("thanks to Kacper for trying so hard, he's 7").
import { AGE, YEAR_GROUP, gate } from './cues.js';
import { ENDS_CLAUSE, YEARS_OLD } from './detect-ages.js';
import type { NameFinding } from './detect-names.js';
import { allMatches, forText, isAscii } from './fast-regex.js';
import type { NameLists } from './name-lists.js';
import { type Token, isSentenceStart, isTitleCase } from './text.js';
import { isNotAName } from './vocabulary.js';

const PRONOUN_IS = String.raw`\b(?:he|she)(?:['’]?s|\s+is|\s+was|\s+turned|\s+turns|\s+has\s+just\s+turned)\s+(?:only\s+|just\s+|now\s+|still\s+)?`;
/** "he's 6", "she is only 5 and", "he was 4 when", "she's in year 2", "he is a Y3", and "shes 5" in a hurry */
const PRONOUN_AGE_OR_YEAR = gate(String.raw`${PRONOUN_IS}(?:${AGE}(?:${YEARS_OLD})?(?:${ENDS_CLAUSE}|(?=\s+when\b|\s*["”’']))|(?:in\s+)?(?:an?\s+)?${YEAR_GROUP})`);
/** Most texts have neither pronoun before a verb: one quick test spares them the rest. */
const QUICK = /\b(?:he|she)(?:['’]?s|\s+(?:is|was|turn|has))\b/i;

const SEASONS = new Set(['spring', 'summer', 'autumn', 'winter']);
/** "Will you …", "Hope is that …": a sentence's first word before these is not its subject. */
const NOT_A_SUBJECT_AFTER = new Set(['you', 'we', 'i', 'they', 'be', 'that', 'there']);

/** A sentence ends straight after token k (the same marks as sentenceSpan). */
function endsSentence(text: string, tokens: readonly Token[], k: number): boolean {
  const next = tokens[k + 1];
  return next !== undefined && /[.!?;\n]/u.test(text.slice(tokens[k]!.end, next.start));
}

/** A name of the data sets in any case, or a word a cue would make a name (Rowan, Blessing) with its capital. */
function wordName(text: string, tokens: readonly Token[], k: number, lists: NameLists): boolean {
  const t = tokens[k]!;
  if (t.base.length < 2 || isNotAName(t.base) || SEASONS.has(t.lower)) return false;
  if (lists.isListed(t.base)) return true;
  if (!isTitleCase(t.base)) return false;
  if (!lists.isAmbiguous(t.base) && !lists.isKnownFirstName(t.base)) return false;
  if (!isSentenceStart(text, t.start)) return true;
  const next = tokens[k + 1];
  return !next || (!NOT_A_SUBJECT_AFTER.has(next.lower) && !(next.lower === 'is' && tokens[k + 2]?.lower === 'that'));
}

export function detectLaterClauseNames(text: string, tokens: readonly Token[], lists: NameLists, shouted: boolean): NameFinding[] {
  if (shouted || !QUICK.test(text)) return [];
  const found: NameFinding[] = [];
  // One pass over the tokens however many pronouns: each is looked at once, back to its sentence's
  // start or to the previous pronoun, whichever is nearer (long text stays linear).
  let pronoun = 0;
  let looked = 0;
  for (const m of allMatches(forText(PRONOUN_AGE_OR_YEAR, isAscii(text)), text)) {
    const at = m.index ?? 0;
    while (pronoun < tokens.length && tokens[pronoun]!.start < at) pronoun++;
    for (let k = pronoun - 1; k >= looked && !endsSentence(text, tokens, k); k--) {
      if (wordName(text, tokens, k, lists)) found.push({ code: 'personal_name', start: tokens[k]!.start, end: tokens[k]!.end, byCue: true });
    }
    looked = pronoun;
  }
  return found;
}
