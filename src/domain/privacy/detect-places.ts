// Home addresses and full postcodes. An outward code alone ("HD1") or a town ("in Batley") is
// fine: it describes an area, not a household.
import { allMatches, forText, isAscii, mayMatch, textFacts } from './fast-regex.js';
import { isShouted } from './normalise.js';
import type { Finding } from './types.js';

// Every UK postcode area. Checking the area stops look-alikes such as "KS2 2AB" or "Y6 2ND".
const POSTCODE_AREAS = new Set(`
  AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN EX
  FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N
  NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF
  TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE
`.trim().split(/\s+/));

// Outward code (area, district, optional sub-district) then inward code (sector digit and two unit
// letters, which never use C I K M O V), with or without the space.
const POSTCODE = /(?<![\p{L}\d])(?<area>[A-Za-z]{1,2})(?<district>\d[A-Za-z\d]?)(?:\s{1,3}|-)?(?<inward>\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![\p{L}\d])/gu;

export function detectPostcodes(text: string): Finding[] {
  const found: Finding[] = [];
  // An area's letter straight before the district's digit, on ASCII text: most texts have none.
  const facts = textFacts(text);
  if (facts.ascii && !facts.letterThenDigit) return found;
  for (const m of allMatches(forText(POSTCODE, facts.ascii), text)) {
    const { area = '', inward = '' } = m.groups ?? {};
    if (!POSTCODE_AREAS.has(area.toUpperCase())) continue;
    // "M6 2nd", "S1 3rd": ordinals, not inward codes.
    if (/^\d(?:st|nd|rd|th)$/.test(inward)) continue;
    const start = m.index ?? 0;
    found.push({ code: 'postcode', start, end: start + m[0].length });
  }
  return found;
}

// Not "Walk" or "Chase": "1 Learning Walk" is a school activity, not an address.
const STREET_WORDS = [
  'Street', 'St', 'Road', 'Rd', 'Lane', 'Ln', 'Avenue', 'Ave', 'Close', 'Drive', 'Dr', 'Way', 'Court', 'Ct',
  'Crescent', 'Cres', 'Grove', 'Gardens', 'Place', 'Pl', 'Terrace', 'Row', 'Mews', 'Square', 'Hill', 'View',
  'Rise', 'Fold', 'Croft', 'Green', 'Bank', 'Park', 'Mount', 'Parade', 'Gate', 'Villas', 'Cottages', 'Yard',
  'Wynd', 'Boulevard', 'Side', 'Top', 'Bottom', 'Brow', 'Edge', 'Heights', 'Meadows', 'Vale',
];
// As written or in capitals ("77B MANOR DRIVE" in an otherwise ordinary sentence).
const STREET_WORD = `(?:${[...STREET_WORDS, ...STREET_WORDS.map((w) => w.toUpperCase())].join('|')})`;
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’-]*)`;

// "12 Acacia Avenue", "27b Station Road", "4 Mill Lane", "3, The Grove"
const HOUSE_AND_STREET = new RegExp(
  String.raw`(?<![\p{L}\d£$.,:/])(?<number>\d{1,4}[A-Za-z]?)(?:-\d{1,4})?,?\s+(?:${NAME_WORD}\s+){1,3}${STREET_WORD}\b(?!['’]s)`,
  'gu',
);
// The same in small letters, "4 mill lane", only with street words that are never anything else.
const HOUSE_AND_STREET_ANY_CASE = new RegExp(
  String.raw`(?<![\p{L}\d£$.,:/])(?<number>\d{1,4}[a-z]?),?\s+(?:the\s+|(?:(?!(?:on|in|the|of|and|for|to|at|with|a|an|by|from|about|per|each|too|very|so|quite|more|less|not)\b)[\p{L}'-]+\s+){1,2})(?:street|road|lane|avenue|crescent|terrace|mews|grove|drive|gardens|close)\b`,
  'giu',
);
// Words each pattern below cannot match without (a quick test on ASCII text).
const ANY_CASE_STREETS = ['street', 'road', 'lane', 'avenue', 'crescent', 'terrace', 'mews', 'grove', 'drive', 'gardens', 'close'];
const FLAT_WORDS = ['flat', 'apartment', 'apt'];
const LIVES_WORDS = ['liv', 'mov', 'stay'];
// "Flat 3", "Apartment 12B"
const FLAT = /\b(?:flat|apartment|apt\.?)\s*\d{1,4}(?![dD]\b)[a-z]?\b/giu; // not "flat 3D shapes"
// "lives on Acacia Avenue", "moved to Station Road"
const LIVES_ON = new RegExp(
  String.raw`\b(?:lives?|living|lived|moved|moving|staying|stays)\s+(?:at|on|in|to)\s+(?:(?!(?:the|a|an|our|their|next)\b)[\p{L}'-]+\s+){1,3}${STREET_WORD}\b`,
  'giu',
);

/** "ACACIA AVENUE" → "Acacia Avenue": shouted text is read as if written normally (same length). */
function titleCased(text: string): string {
  return text.replace(/\p{L}+/gu, (w) => w.charAt(0) + w.slice(1).toLowerCase());
}

// Numbers that label something else: "Year 6 Park visit", "Room 4 Green corridor", "Key Stage 2 …",
// and the numbered buildings of offices: "Civic Centre 3, Market Street", "Suite 2, Castle Hill".
const LABEL_WORDS = [
  'year', 'yr', 'y', 'room', 'class', 'stage', 'level', 'step', 'wave', 'tier', 'phase', 'group', 'table', 'page',
  'p', 'section', 'question', 'q', 'week', 'session', 'term', 'ks', 'chapter', 'number', 'no', 'item', 'point',
  'unit', 'block', 'floor', 'junction', 'route', 'bus', 'platform', 'gate',
  'centre', 'center', 'building', 'suite', 'wing', 'annexe', 'hub', 'studio',
];
const NOT_HOUSE_NUMBER_BEFORE = new RegExp(String.raw`\b(?:${LABEL_WORDS.join('|')})\.?\s*$`, 'iu');

// Every address pattern needs a digit or one of these words: one quick test for most texts.
const MAYBE_ADDRESS = /\d|\b(?:liv|mov|stay)/iu;

export function detectAddresses(written: string, shouted = isShouted(written)): Finding[] {
  const found: Finding[] = [];
  // Title-casing ASCII text leaves it ASCII.
  const ascii = isAscii(written);
  if (textFacts(written).digits === 0 && !forText(MAYBE_ADDRESS, ascii).test(written)) return found;
  const text = shouted ? titleCased(written) : written;
  const anyCase = mayMatch(text, ANY_CASE_STREETS) ? allMatches(forText(HOUSE_AND_STREET_ANY_CASE, ascii), text) : [];
  for (const m of [...allMatches(forText(HOUSE_AND_STREET, ascii), text), ...anyCase]) {
    const start = m.index ?? 0;
    if (forText(NOT_HOUSE_NUMBER_BEFORE, ascii).test(text.slice(Math.max(0, start - 20), start))) continue;
    found.push({ code: 'address', start, end: start + m[0].length });
  }
  for (const [pattern, needs] of [[FLAT, FLAT_WORDS], [LIVES_ON, LIVES_WORDS]] as const) {
    if (!mayMatch(text, needs)) continue;
    for (const m of allMatches(forText(pattern, ascii), text)) {
      const start = m.index ?? 0;
      found.push({ code: 'address', start, end: start + m[0].length });
    }
  }
  return found;
}
