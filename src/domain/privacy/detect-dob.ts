// Dates of birth: a date next to "DOB", "date of birth", "born" or "birthday". Dates on their own
// are meeting dates and deadlines, so they pass; so does "born in" with no date ("born in Leeds").
import { allMatches, forText, isAscii } from './fast-regex.js';
import { oneOf } from './cues.js';
import type { Finding } from './types.js';

const MONTH = oneOf([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sept', 'sep', 'oct', 'nov', 'dec',
]);
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:19|20)\d{2}`;

/** Any way of writing a day (with or without the year): 03/04/2017, 3.4.17, 5th June 2018, June 2018, 2017-04-03. */
const DATE = String.raw`(?:`
  + String.raw`\b\d{1,2}[\/.\-]\d{1,2}[\/.\-](?:\d{4}|\d{2})\b`
  + String.raw`|\b${YEAR}[\/.\-]\d{1,2}[\/.\-]\d{1,2}\b`
  + String.raw`|\b${DAY}\s+(?:of\s+)?${MONTH}\.?(?:,?\s+${YEAR})?\b`
  + String.raw`|\b${MONTH}\.?\s+${DAY}(?:,?\s+${YEAR})?\b`
  + String.raw`|\b${MONTH}\.?\s+${YEAR}\b`
  + ')';

// "DOB", "D.O.B", "d o b", "D . O . B", "d/o/b", "d-o-b": the letters with up to three spaces or
// marks between them, and a date may follow straight on ("D.O.B03/04/2017").
const DOB_LETTERS = String.raw`\bd[\s./_·*-]{0,3}o[\s./_·*-]{0,3}b(?!\p{L})\.?`;
const CUE_WORD = String.raw`(?:${DOB_LETTERS}|\b${oneOf(['date of birth', 'birth date', 'birthdate', 'birthday', 'born'])}\b|\bb\.(?=\s*\d))`;
// Up to 30 characters between cue and date, but never across the end of a sentence.
const GAP = String.raw`(?:(?![.!?]\s)[^\n]){0,30}?`;

// After a cue, a date may also be written with spaces only ("d o b 03 04 2017"), or straight
// after the cue's last letter, where \b does not see a boundary ("D.O.B03/04/2017").
const SPACED_DATE = String.raw`\b\d{1,2} \d{1,2} (?:\d{4}|\d{2})\b|(?<=b)\d{1,2}[\/.\-]\d{1,2}[\/.\-](?:\d{4}|\d{2})\b`;
const CUE_THEN_DATE = new RegExp(`${CUE_WORD}${GAP}(?:${DATE}|${SPACED_DATE})`, 'giu');
const DATE_THEN_CUE = new RegExp(String.raw`${DATE}\s*[(\[,:\-–]?\s*${CUE_WORD}`, 'giu');

// Most texts never mention birth: one quick test before the date patterns run.
const ANY_CUE = new RegExp(CUE_WORD, 'iu');

// "born between 1 September 2019 and 31 August 2020": a cohort (a range of dates), not one child's birthday.
const RANGE = new RegExp(String.raw`\b(?:between|from)\s+${DATE}\s+(?:and|to|-)\s+${DATE}`, 'giu');

export function detectDatesOfBirth(written: string): Finding[] {
  const found: Finding[] = [];
  const ascii = isAscii(written);
  if (!forText(ANY_CUE, ascii).test(written)) return found;
  // Blanking keeps the text ASCII when it was.
  const text = written.replace(forText(RANGE, ascii), (r) => ' '.repeat(r.length));
  for (const pattern of [CUE_THEN_DATE, DATE_THEN_CUE]) {
    for (const m of allMatches(forText(pattern, ascii), text)) {
      const start = m.index ?? 0;
      found.push({ code: 'date_of_birth', start, end: start + m[0].length });
    }
  }
  return found;
}
