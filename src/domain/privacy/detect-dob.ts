// Dates of birth: a date next to "DOB", "date of birth", "born" or "birthday". Dates on their own
// are meeting dates and deadlines, so they pass; so does "born in" with no date ("born in Leeds").
import { allMatches, countDigits, forText, holdsOneOf, isAscii, lowered } from './fast-regex.js';
import { oneOf } from './cues.js';
import type { Finding } from './types.js';

const MONTH = oneOf([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec',
]);
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?`;
const UNITS = '(?:one|two|three|four|five|six|seven|eight|nine)';
const TEENS = '(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
const TENS = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
/** 1 to 99 in words: "seven", "eighteen", "twenty-one". */
const NUMBER_WORDS = String.raw`(?:${TENS}(?:[\s-]?${UNITS})?|${TEENS}|${UNITS})`;
/** "twenty eighteen", "nineteen oh nine", "two thousand and seventeen", "twenty-twenty". */
const YEAR_WORDS = String.raw`(?:(?:nineteen|twenty)[\s-]+(?:(?:oh|o)[\s-]+${UNITS}|${NUMBER_WORDS})|two\s+thousand(?:\s+and)?(?:\s+${NUMBER_WORDS})?)`;
const ORDINAL_UNITS = '(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)';
/** "the fourth", "twenty-first", "thirtieth". */
const DAY_WORDS = String.raw`(?:the\s+)?(?:(?:twenty|thirty)[\s-]?${ORDINAL_UNITS}|${ORDINAL_UNITS}|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)`;
const YEAR = String.raw`(?:(?:19|20)\d{2}|${YEAR_WORDS})`;
const ANY_DAY = String.raw`(?:${DAY}|${DAY_WORDS})`;

/**
 * Any way of writing a day (with or without the year), in figures or words: 03/04/2017, 3.4.17,
 * 5th June 2018, June 2018, 2017-04-03, 21-Jan-12, "the fourth of May twenty eighteen", "March the third".
 */
const DATE = String.raw`(?:`
  + String.raw`\b\d{1,2}[\/.\-]\d{1,2}[\/.\-](?:\d{4}|\d{2})\b`
  + String.raw`|\b(?:19|20)\d{2}[\/.\-]\d{1,2}[\/.\-]\d{1,2}\b`
  + String.raw`|\b${ANY_DAY}\s+(?:of\s+)?${MONTH}\.?(?:,?\s+${YEAR})?\b`
  + String.raw`|\b${MONTH}\.?\s+${ANY_DAY}(?:,?\s+${YEAR})?\b`
  + String.raw`|\b${MONTH}\.?\s+${YEAR}\b`
  + String.raw`|\b\d{1,2}[\/.\-]${MONTH}[\/.\-](?:\d{4}|\d{2})\b`
  + ')';

// "DOB", "D.O.B", "d o b", "D . O . B", "d/o/b", "d-o-b": the letters with up to three spaces or
// marks between them, and a date may follow straight on ("D.O.B03/04/2017").
const DOB_LETTERS = String.raw`\bd[\s./_·*-]{0,3}o[\s./_·*-]{0,3}b(?!\p{L})\.?`;
const CUE_WORD = String.raw`(?:${DOB_LETTERS}|\b${oneOf(['date of birth', 'birth date', 'birthdate', 'birthday', 'born'], String.raw`[\s-]+`)}\b|\bb\.(?=\s*\d))`;
// Up to 30 characters between cue and date, but never across the end of a sentence.
const GAP = String.raw`(?:(?![.!?]\s)[^\n]){0,30}?`;

// After a cue, a date may also be written with spaces only ("d o b 03 04 2017") or spaces around
// its marks ("04 / 05 / 2018"), straight after the cue's last letter, where \b does not see a
// boundary ("D.O.B03/04/2017"), as a month and year only ("03/2018", "2018-05"), or as six or eight
// figures that read as a day, a month and a year ("040518", "17112016").
const SPACED_DATE = String.raw`\b\d{1,2} \d{1,2} (?:\d{4}|\d{2})\b|\b\d{1,2}\s*[\/.\-]\s*\d{1,2}\s*[\/.\-]\s*(?:\d{4}|\d{2})\b|(?<=b)\d{1,2}[\/.\-]\d{1,2}[\/.\-](?:\d{4}|\d{2})\b`;
const MONTH_YEAR = String.raw`\b(?:0?[1-9]|1[0-2])\s?[\/.\-]\s?(?:19|20)\d{2}\b|\b(?:19|20)\d{2}[\/.\-](?:0?[1-9]|1[0-2])\b(?![\/.\-]\d)`;
const COMPACT = String.raw`\b(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])(?:(?:19|20)\d{2}|\d{2})\b`;
const CUE_THEN_DATE = new RegExp(`${CUE_WORD}${GAP}(?:${DATE}|${SPACED_DATE}|${MONTH_YEAR}|${COMPACT})`, 'giu');
const DATE_THEN_CUE = new RegExp(String.raw`${DATE}\s*[(\[,:\-–]?\s*${CUE_WORD}`, 'giu');

const MONTH_STEMS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Most texts never mention birth: one quick test before the date patterns run.
const ANY_CUE = new RegExp(CUE_WORD, 'iu');

// "born between 1 September 2019 and 31 August 2020": a cohort (a range of dates), not one child's
// birthday; so is a group born in a month or after a date ("children born in 2019", "those born
// in August 2018", "pupils born on or after 1 September 2019"). Not someone's own children ("my
// boys born …") or twins, who are each one child.
const RANGE = new RegExp(String.raw`\b(?:between|from)\s+${DATE}\s+(?:and|to|-)\s+${DATE}`, 'giu');
const COHORT = new RegExp(String.raw`(?<!\b(?:my|his|her)\s+)\b${oneOf(['children', 'pupils', 'students', 'learners', 'babies', 'young people', 'people', 'those', 'any child', 'every child', 'each child', 'anyone', 'everyone', 'all', 'kids', 'boys', 'girls', 'cohort', 'cohorts', 'families', 'infants'])}\s+(?:(?:who|that)\s+(?:were|are)\s+)?born\b`, 'giu');

export function detectDatesOfBirth(written: string): Finding[] {
  const found: Finding[] = [];
  const ascii = isAscii(written);
  // Without figures a date is in words, and every such date names its month.
  if (ascii && countDigits(written) === 0 && !holdsOneOf(lowered(written), MONTH_STEMS)) return found;
  if (!forText(ANY_CUE, ascii).test(written)) return found;
  // Blanking keeps the text ASCII when it was.
  const blank = (r: string): string => ' '.repeat(r.length);
  const text = written.replace(forText(RANGE, ascii), blank).replace(forText(COHORT, ascii), blank);
  for (const pattern of [CUE_THEN_DATE, DATE_THEN_CUE]) {
    for (const m of allMatches(forText(pattern, ascii), text)) {
      const start = m.index ?? 0;
      found.push({ code: 'date_of_birth', start, end: start + m[0].length });
    }
  }
  return found;
}
