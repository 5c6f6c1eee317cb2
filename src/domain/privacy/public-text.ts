// The stricter screen for text shown on public pages. Chat accepts adults named as adults
// (titles, people in the directory); a public page names nobody at all. So a note passes only
// when the ordinary screen finds nothing without the directory's leniency, no titled adult
// ("Mrs Khan") or adult placed at work ("Tom from the council") is named, and no word of a
// directory person's name appears, alone or in full
// (a surname that is also an everyday word withholds a harmless note now and then).
// Withholding too much is safe; showing a name is not.
import { adultContextSpans } from './adult-context.js';
import { adultSpans, directoryWords } from './detect-adults.js';
import { buildNameLists } from './name-lists.js';
import { isShouted, normaliseForScreen } from './normalise.js';
import { screenText } from './screen.js';
import { tokenize } from './text.js';
import { NOT_NAMES } from './vocabulary.js';

const NO_ADULTS: readonly string[] = [];

/** true when the text names a person, adult or child, or holds anything else the screen refuses. */
export function namesAnyone(text: string, directoryNames: readonly string[]): boolean {
  if (text.trim() === '') return false;
  if (!screenText(text).ok) return true;
  const clean = normaliseForScreen(text);
  const tokens = tokenize(clean);
  const directory = directoryWords(directoryNames);
  const lists = buildNameLists([]);
  const titled = adultSpans(clean, tokens, lists, directoryWords(NO_ADULTS), isShouted(clean));
  // The chat screen accepts adults the words around place at work ("Tom from the council"): a
  // public page names nobody, so any such name withholds the note.
  if (titled.length > 0 || adultContextSpans(clean, tokens, lists).length > 0) return true;
  return tokens.some((t) => directory.words.has(t.lower) && !NOT_NAMES.has(t.lower));
}
