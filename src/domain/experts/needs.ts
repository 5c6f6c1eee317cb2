// A child's needs as SENCOs and teachers name them ("sensory processing", "stammering", "anxiety"),
// and the Experts at Hand specialism that advises on each. People ask for help by the need far more
// often than by the profession, so this table is the one place that says which expert a need goes
// to; a need that more than one profession covers (autism) names each of them.
// Patterns are lower-case regular-expression fragments, matched as whole words.
import type { Specialism } from '../plan/types.js';

export interface Need {
  /** How the answer names the need: "fine motor skills". */
  label: string;
  specialisms: readonly Specialism[];
  patterns: readonly string[];
}

const DIFFICULTY = '(?:needs?|difficult(?:y|ies)|problems?|issues?|delays?|disorders?|skills?|support)';

export const NEEDS: readonly Need[] = [
  // Occupational therapy: the body, the senses and everyday tasks.
  { label: 'sensory needs', specialisms: ['occupational_therapy'], patterns: [`sensory(?: (?:processing|seeking|overload|integration|diets?|regulation|${DIFFICULTY}))*`] },
  { label: 'fine motor skills', specialisms: ['occupational_therapy'], patterns: [`fine[ -]?motor(?: ${DIFFICULTY})?`] },
  { label: 'gross motor skills', specialisms: ['occupational_therapy'], patterns: [`gross[ -]?motor(?: ${DIFFICULTY})?`, `motor ${DIFFICULTY}`] },
  { label: 'handwriting', specialisms: ['occupational_therapy'], patterns: ['hand ?writing', 'pencil (?:grip|control)', 'pen grip', 'holding a pen(?:cil)?', 'using scissors', 'scissors?', 'letter formation'] },
  { label: 'coordination', specialisms: ['occupational_therapy'], patterns: ['co-?ordination', 'dyspraxi(?:a|c)', 'dcd', 'clumsy', 'clumsiness', 'balance'] },
  { label: 'self-care', specialisms: ['occupational_therapy'], patterns: ['self[ -]?care', 'getting dressed', 'dressing', 'toileting', 'using cutlery'] },
  { label: 'seating and posture', specialisms: ['occupational_therapy'], patterns: ['seating', 'posture', 'core (?:strength|stability)'] },
  // Speech and language therapy: talking, understanding, communicating, swallowing.
  { label: 'stammering', specialisms: ['speech_and_language'], patterns: ['stamm?er(?:s|ing|ed|er)?', 'stutter(?:s|ing|ed|er)?', 'dysfluen(?:cy|t)', 'fluency'] },
  { label: 'language delay', specialisms: ['speech_and_language'], patterns: [`(?:speech|language)(?: and language)? ${DIFFICULTY}`, 'delayed (?:speech|language)', 'late talk(?:er|ing)', 'dld', '(?:expressive|receptive) language', 'understanding (?:of )?language', 'vocabulary'] },
  { label: 'speech sounds', specialisms: ['speech_and_language'], patterns: ['speech sounds?', 'articulation', 'pronunciation', 'unclear speech', 'speech'] },
  { label: 'social communication', specialisms: ['speech_and_language'], patterns: [`social communication(?: ${DIFFICULTY})?`, 'slcn', `communication(?: ${DIFFICULTY})?`, 'social skills'] },
  { label: 'children who do not talk', specialisms: ['speech_and_language'], patterns: ['non[ -]?verbal', "(?:will not|won'?t|does not|doesn'?t|do not|don'?t|cannot|can'?t|is not|not) (?:talk|speak)(?:ing)?", 'selective(?:ly)? mut(?:e|ism)', 'mutism', 'aac', 'makaton'] },
  { label: 'eating and swallowing', specialisms: ['speech_and_language'], patterns: ['swallow(?:s|ing)?', 'dysphagia', 'eating and drinking'] },
  // Educational psychology: learning, attention, emotions and behaviour.
  { label: 'anxiety', specialisms: ['educational_psychology'], patterns: ['anxi(?:ety|eties|ous)', 'worries', 'school refus(?:al|er|ing)', 'ebsa', 'school avoidance'] },
  { label: 'emotional wellbeing', specialisms: ['educational_psychology'], patterns: ['(?:emotional |mental )?well-?being', `emotional(?: ${DIFFICULTY}| regulation| literacy)?`, 'self[ -]?esteem', 'semh', 'mental health', 'low mood', 'emotions', 'regulation', 'meltdowns?', 'attachment', 'trauma'] },
  { label: 'behaviour', specialisms: ['educational_psychology'], patterns: [`(?:challenging )?behaviou?r(?:s|al)?(?: ${DIFFICULTY}| management)?`] },
  { label: 'attention', specialisms: ['educational_psychology'], patterns: [`attention(?: span| ${DIFFICULTY})?`, 'concentrat(?:e|ion|ing)', 'adhd', 'hyperactiv(?:e|ity)', 'impulsiv(?:e|ity)'] },
  { label: 'memory', specialisms: ['educational_psychology'], patterns: [`(?:working |short[ -]term )?memory(?: ${DIFFICULTY})?`] },
  { label: 'learning difficulties', specialisms: ['educational_psychology'], patterns: [`learning ${DIFFICULTY}`, 'learning disabilit(?:y|ies)', 'cognition(?: and learning)?', 'mld', 'global (?:developmental )?delay', 'processing speed'] },
  { label: 'dyslexia and literacy', specialisms: ['educational_psychology'], patterns: ['dyslexi(?:a|c)', 'dyscalculia', `reading ${DIFFICULTY}`, 'literacy', 'numeracy'] },
  // More than one profession.
  { label: 'autism', specialisms: ['speech_and_language', 'educational_psychology'], patterns: ['autis(?:m|tic)', 'asd', 'asc'] },
];

const COMPILED = NEEDS.map((need) => ({ need, re: new RegExp(`\\b(?:${need.patterns.join('|')})\\b`, 'g') }));

export interface NeedMatch { need: Need; start: number; end: number }

/** The need a lower-case text names (the longest phrase when several do), or null. */
export function findNeed(lower: string): NeedMatch | null {
  let best: NeedMatch | null = null;
  for (const { need, re } of COMPILED) {
    for (const m of lower.matchAll(re)) {
      const found = { need, start: m.index, end: m.index + m[0].length };
      if (!best || found.end - found.start > best.end - best.start) best = found;
    }
  }
  return best;
}

/** A single word the table knows ("stammers", "dyslexia"), so a spelling check leaves it alone. */
export function isNeedWord(word: string): boolean {
  const m = findNeed(word);
  return !!m && m.start === 0 && m.end === word.length;
}
