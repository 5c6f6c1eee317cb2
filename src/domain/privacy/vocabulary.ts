// Words that look like names (capitalised) but are not: they stop context cues firing on ordinary
// professional text such as "Attendance in Year 10" or "Maths (Year 6)". All lower case.

export const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

export const WEEKDAYS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
]);

/** Kirklees towns and districts, neighbours and bigger places a SENCO might mention. */
export const PLACES = new Set([
  'almondbury', 'batley', 'birkby', 'birstall', 'bradford', 'calderdale', 'cleckheaton', 'crosland',
  'dalton', 'deighton', 'denby', 'dewsbury', 'emley', 'england', 'fartown', 'golcar', 'gomersal', 'halifax',
  'heckmondwike', 'holmfirth', 'honley', 'huddersfield', 'kirkburton', 'kirkheaton', 'kirklees', 'leeds',
  'lepton', 'lindley', 'linthwaite', 'liversedge', 'london', 'marsden', 'meltham', 'milnsbridge',
  'mirfield', 'newsome', 'ravensthorpe', 'scissett', 'sheffield', 'skelmanthorpe', 'slaithwaite', 'spen',
  'thornhill', 'uk', 'wakefield', 'wales', 'yorkshire', 'britain', 'europe',
  'shepley', 'netherton', 'lockwood', 'edgerton', 'scholes', 'hepworth', 'holme', 'colne',
  'barnsley', 'manchester', 'oldham', 'rochdale', 'bolton', 'lancaster',
  // Countries families here come from or move between, several of them also names in the data sets
  // (places that are also given names, "Lincoln", "Kenya", are in first-names.ts: names with a cue)
  'scotland', 'ireland', 'poland', 'romania', 'syria', 'jamaica', 'pakistan', 'bangladesh', 'somalia', 'nigeria',
  'eritrea', 'ethiopia', 'sudan', 'afghanistan', 'iraq', 'iran', 'kurdistan', 'ukraine', 'lithuania', 'latvia',
  'slovakia', 'albania', 'kosovo', 'bulgaria', 'hungary', 'ghana', 'zimbabwe', 'uganda', 'congo',
  'vietnam', 'china', 'yemen', 'libya', 'egypt', 'morocco', 'turkey', 'portugal', 'spain', 'france', 'italy',
  'germany', 'barbados', 'trinidad', 'guyana', 'philippines',
]);

/** Words that make a sentence about a child, whoever else it names ("… his son …", "… aged 9 …"). */
export const CHILD_IN_SENTENCE = new Set([
  'son', 'daughter', 'pupil', 'boy', 'girl', 'toddler', 'baby', 'kid', 'grandson', 'granddaughter', 'nephew', 'niece',
  'aged', 'yo', 'old', 'stepson', 'stepdaughter', 'sibling', 'brother', 'sister', 'mum', 'dad', 'mother', 'father',
]);

/** The last word of a school, service or place name: "Oakfield Primary School", "Victoria Park". */
export const INSTITUTION_WORDS = new Set([
  'academy', 'airport', 'arena', 'avenue', 'coaches', 'buses', 'travel', 'taxis', 'ltd', 'limited', 'plc', 'station', 'university', 'institute', 'cathedral', 'stadium', 'theatre', 'museum', 'valley',
  'first', 'middle', 'secondary', 'special', 'schools', 'colleges', 'universities', 'bank', 'base', 'bridge', 'building', 'campus', 'catholic', 'centre', 'center',
  'church', 'class', 'classes', 'classroom', 'clinic', 'close', 'college', 'community', 'council', 'court',
  'drive', 'estate', 'federation', 'field', 'foundation', 'gardens', 'grammar', 'green', 'group', 'hall',
  'high', 'hill', 'hospital', 'house', 'hub', 'infant', 'infants', 'junior', 'juniors', 'lane', 'library',
  'methodist', 'mill', 'moor', 'mosque', 'nursery', 'park', 'partnership', 'practice', 'primary',
  'provision', 'road', 'room', 'school', 'schools', 'service', 'site', 'square', 'street', 'surgery',
  'team', 'terrace', 'trust', 'unit', 'village', 'ward', 'way', 'wing', 'cluster', 'clusters', 'locality', 'area',
  'hotel', 'office', 'offices', 'venue',
]);

/** A name right after one of these is part of a proper noun, not a person: "St Mary's", "King James". */
export const NAME_PREFIXES_NOT_PEOPLE = new Set(['st', 'saint', 'king', 'queen', 'prince', 'princess', 'lady', 'lord', 'sir', 'the', 'holy']);

/**
 * Capitalised words that are not names: sentence openers, pronouns, roles, subjects, SEND terms.
 * Only used where an unknown capitalised word would otherwise count as a name because of a cue.
 */
export const NOT_NAMES = new Set([
  // Openers, pronouns, determiners, quantifiers, conjunctions
  'a', 'about', 'after', 'all', 'also', 'an', 'and', 'any', 'as', 'at', 'because', 'before', 'both', 'but',
  'by', 'can', 'could', 'dear', 'during', 'each', 'every', 'everyone', 'few', 'for', 'from', 'he', 'her',
  'hello', 'hi', 'his', 'how', 'i', 'if', 'in', 'it', 'its', 'many', 'more', 'most', 'my', 'no', 'not',
  'of', 'on', 'one', 'only', 'or', 'other', 'others', 'our', 'please', 'regards', 'she', 'several', 'so',
  'some', 'thanks', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they', 'this', 'those',
  'to', 'two', 'three', 'we', 'what', 'when', 'where', 'which', 'who', 'why', 'with', 'yes', 'you', 'your',
  'anyone', 'someone', 'somebody', 'nobody', 'everybody', 'contact', 'ask', 'see', 'note', 're', 'born',
  // People in general and roles
  'adult', 'adults', 'assistant', 'boy', 'boys', 'brother', 'carer', 'carers', 'chair', 'child', 'children',
  'class', 'coordinator', 'cohort', 'dad', 'deputy', 'doctor', 'families', 'family', 'girl', 'girls',
  'governor', 'governors', 'group', 'head', 'headteacher', 'lead', 'leader', 'leaders', 'learner',
  'learners', 'manager', 'mentor', 'mum', 'nurse', 'officer', 'paediatrician', 'parent', 'parents',
  'psychologist', 'pupil', 'pupils', 'senco', 'sencos', 'sister', 'staff', 'student', 'students', 'ta',
  'tas', 'teacher', 'teachers', 'therapist', 'therapists', 'worker', 'workers', 'young', 'youngster',
  'expert', 'experts', 'colleague', 'colleagues', 'team', 'men', 'women', 'people', 'person',
  // Year groups and stages
  'year', 'years', 'olds', 'reception', 'nursery', 'eyfs', 'key', 'stage', 'ks', 'sixth', 'form', 'post',
  // Subjects and school life
  'art', 'assembly', 'attendance', 'behaviour', 'breakfast', 'computing', 'drama', 'english', 'geography',
  'history', 'homework', 'languages', 'literacy', 'lunch', 'lunchtime', 'maths', 'music', 'numeracy', 'pe',
  'phonics', 'playtime', 'reading', 'science', 'spelling', 'transition', 'writing', 'swimming', 'forest',
  'term', 'holiday', 'holidays', 'exams', 'sats', 'mocks', 'gcse', 'gcses', 'results', 'timetable',
  // SEND and health vocabulary
  'adhd', 'advice', 'agenda', 'assessment', 'autism', 'camhs', 'communication', 'dyslexia', 'ehc', 'ehcp',
  'educational', 'language', 'local', 'meeting', 'needs', 'notes', 'occupational', 'offer', 'plan', 'plans',
  'psychology', 'referral', 'request', 'review', 'send', 'sen', 'sensory', 'speech', 'support', 'therapy',
  'training', 'wellbeing', 'nhs', 'health', 'social', 'care', 'services', 'provision', 'strategy',
  'thank', 'update', 'actions', 'action', 'outcome', 'outcomes', 'session', 'sessions', 'visit',
  // Office and online words newer than the word lists
  'admin', 'app', 'apps', 'email', 'emails', 'online', 'website', 'wifi', 'laptop', 'ipad', 'ok', 'okay', 'rota',
  'ofsted', 'inset', 'dsl', 'sendco', 'teams', 'zoom', 'portal', 'desktop', 'info', 'faq', 'pdf', 'doc', 'docs',
  'login', 'dashboard', 'data', 'template', 'templates', 'webinar', 'podcast', 'newsletter', 'helpline',
  // Abbreviations of units and office shorthand ("15 mins", "tbc"); not "min", a given name
  'mins', 'hrs', 'secs', 'wks', 'mths', 'approx', 'tbc', 'tba', 'asap', 'incl', 'etc',
  // Time words
  'today', 'tomorrow', 'yesterday', 'week', 'weekend', 'morning', 'afternoon', 'evening', 'christmas',
  'easter', 'summer', 'autumn', 'spring', 'winter', 'half',
  // Communication systems and interventions schools name like people ("Makaton (Y3)", "Lego therapy")
  'aac', 'pecs', 'makaton', 'signalong', 'bsl', 'widgit', 'boardmaker', 'lego', 'tacpac', 'numicon', 'elklan', 'proloquo',
  // Learning programmes and apps
  'nessy', 'lexia', 'sumdog', 'twinkl', 'seesaw', 'mathletics', 'clicker', 'idl', 'doodle', 'boxall',
]);

/**
 * Languages and nationalities of families here, capitalised as English writes them ("Greek
 * letters", "Polish speakers"): some are also surnames in the data sets.
 */
export const LANGUAGES = new Set([
  'english', 'welsh', 'scottish', 'irish', 'british', 'polish', 'romanian', 'czech', 'slovak', 'hungarian', 'latvian',
  'lithuanian', 'ukrainian', 'russian', 'bulgarian', 'albanian', 'greek', 'turkish', 'kurdish', 'arabic', 'persian',
  'farsi', 'dari', 'pashto', 'urdu', 'punjabi', 'gujarati', 'bengali', 'hindi', 'tamil', 'somali', 'tigrinya',
  'amharic', 'swahili', 'yoruba', 'igbo', 'shona', 'french', 'spanish', 'portuguese', 'italian', 'german', 'dutch',
  'chinese', 'mandarin', 'cantonese', 'vietnamese', 'korean', 'japanese', 'thai', 'filipino', 'tagalog',
]);

/** "he's", "she'd", "they're": a pronoun with its verb, never a name ("her son, he's 6"). */
export const PRONOUN_CONTRACTION = /^(?:he|she|they|we|you|i|it|who)['’](?:s|re|ll|d|ve|m)$/iu;

/** Is this lower-cased word known not to be a person's name? */
export function isNotAName(word: string): boolean {
  const w = word.toLowerCase();
  return NOT_NAMES.has(w) || MONTHS.has(w) || WEEKDAYS.has(w) || PLACES.has(w) || INSTITUTION_WORDS.has(w) || LANGUAGES.has(w);
}

const TIME_WORD_BEFORE = /\b(?:in|by|from|until|till|since|during|of|on|before|after|early|late|mid|end|this|last|next)[ \t]+$/iu;

/** "in May, aged 5 to 7", "by June (Year 6)": a month after a time word is a date, not a girl. */
export function isMonthAsDate(text: string, start: number, word: string): boolean {
  return MONTHS.has(word.toLowerCase()) && TIME_WORD_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}

/** Words after which a noun follows: "a jack", "the car jack", "a new jack", "a tom cat". */
export const DETERMINERS = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'each', 'every', 'another', 'any', 'some', 'no', 'its',
]);

/** Words after which a verb follows: "to sue", "may sue", "could jack", "don't harry", "they sue". */
export const VERB_MARKERS = new Set([
  'to', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'do', 'does', 'did', 'not',
  'never', "don't", "doesn't", "didn't", "won't", "can't", 'cannot', "couldn't", "wouldn't", "shouldn't", "mustn't",
  'i', 'we', 'you', 'they', "i'll", "we'll", "you'll", "they'll", "let's",
]);
