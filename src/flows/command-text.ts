// The one normaliser for typed chat commands ("Snooze reminders until Monday!", "update COM-06?"):
// every command parser reads this form, so a command matches however it was typed.

/**
 * The text without trailing "?", "!", "." or spaces. A loop from the end, not a `[…]+$` pattern:
 * that pattern retries from every position and takes seconds on 50 000 question marks.
 */
export function dropTrailingMarks(text: string): string {
  let end = text.length;
  while (end > 0 && /[?!.\s]/.test(text[end - 1]!)) end -= 1;
  return text.slice(0, end);
}

/** Straight apostrophes, no trailing punctuation, single spaces; the case as typed (for names said back). */
export function tidyText(text: string): string {
  return dropTrailingMarks(text.replace(/[’‘]/g, "'")).replace(/\s+/g, ' ').trim();
}

/** As tidyText, in lower case. */
export function commandText(text: string): string {
  return tidyText(text.toLowerCase());
}

/** An action reference as typed: "COM-06", "com 6", "com-6", "COM06", "com_06", "com. 6", "eah-05" (prefix and digits captured). */
export const ACTION_REF = '([a-z]{2,6})\\s?[-_.#]?\\s?(\\d{1,6})';
