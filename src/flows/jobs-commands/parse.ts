// What a typed message asks about reminders, digests and the quarterly cycle:
// - "snooze reminders until Monday", "snooze for two weeks", "mute for a month", "snooze 10 days",
//   "snooze until after half term"                                  (the person's own nudges)
// - "mute COM-06 until 1 December", "mute COM-06 for a fortnight"  (one action, for that person)
// - "unsnooze" / "stop snoozing" / "turn reminders back on" / "unmute" / "unmute COM-06"
// - "who can't I reach?", "quarterly report", "who hasn't updated?"
import { refCandidates } from '../../ask/references.js';
import { ACTION_REF, commandText } from '../command-text.js';

const REF = ACTION_REF;
// What follows the verb, connector kept ("for two weeks", "till 1 dec", "10 days"): ./resume.ts reads it.
const DURATION_WORD = '(?:\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)';
const UNTIL = `(?:\\s+((?:until|till|til|to|for|through|after)\\s+.+|${DURATION_WORD}\\s+(?:days?|weeks?|fortnights?|months?)))?`;
// "please", "can u", "thx": politeness around a command changes nothing.
const POLITE_START = /^(?:(?:please|pls|plz|can you|can u|could you|could u|would you|will you|i want to|i'd like to|i would like to)\s+)+/;
const POLITE_END = /(?:\s+(?:please|pls|plz|thanks|thank you|thx|ta|cheers))+$/;

export type JobCommand =
  | { kind: 'snooze'; when: string | null }
  | { kind: 'mute'; candidates: string[]; typed: string; when: string | null }
  | { kind: 'unsnooze' }
  | { kind: 'unmute'; candidates: string[]; typed: string }
  | { kind: 'unreachable' }
  | { kind: 'report' }
  | { kind: 'missing' };

const PATTERNS = {
  snooze: new RegExp(`^(?:snooze|pause|mute|silence|hush)(?:\\s+(?:all\\s+)?(?:of\\s+)?(?:my\\s+|the\\s+|your\\s+)?(?:reminders?|nudges|notifications|reminder messages|me|them))?${UNTIL}$`),
  mute: new RegExp(`^(?:please\\s+)?(?:mute|silence|snooze|stop reminding me about|stop reminders for|no reminders for)\\s+(?:action\\s+)?${REF}${UNTIL}$`),
  unsnooze: new RegExp([
    '^(?:unsnooze|un-snooze|unmute|un-mute)(?: me| all| everything| my reminders| reminders)?',
    '^stop (?:snoozing|muting)(?: me| my reminders| reminders)?', '^(?:cancel|end|stop|turn off|switch off) (?:the |my )?(?:snooze|mute)',
    '^(?:resume|restart)(?: my| the)? reminders', '^(?:turn|switch|put) (?:my |the )?reminders (?:back )?on', '^(?:turn|switch) (?:back )?on (?:my |the )?reminders',
    '^reminders (?:back )?on', '^start (?:my |the )?reminders again',
  ].map((p) => `${p}(?: again)?$`).join('|')),
  unmute: new RegExp(`^(?:please\\s+)?(?:unmute|un-mute|resume reminders for|remind me about)\\s+(?:action\\s+)?${REF}(?:\\s+again)?$`),
  unreachable: /^(?:who|which people|which users)\s+(?:can ?not|can't|cant|are you unable to|is the bot unable to)\s+(?:i|you|we|the bot)?\s*(?:reach|message|contact)(?:\s+(?:yet|now))?$|^(?:who is |show )?(?:the )?unreachable(?: people| users)?$/,
  report: /^(?:please\s+)?(?:show\s+(?:me\s+)?|build\s+|make\s+|create\s+|get\s+)?(?:the\s+|a\s+|this\s+)?(?:quarterly|quarter's|quarters)\s+(?:progress\s+)?report(?:\s+please)?$/,
  missing: /^who\s+(?:has\s*n'?t|has not|hasn't|have\s*n'?t|have not|still (?:needs|has|have|need) to|is yet to|are yet to)\s+(?:updated|update|given (?:an |their |his |her )?updates?|sent (?:an |their )?updates?)(?:\s+(?:yet|their actions|this quarter))*$|^(?:missing|outstanding) (?:quarterly )?updates$/,
};

function refOf(m: RegExpMatchArray, at: number): { candidates: string[]; typed: string } {
  const candidates = refCandidates(m[at] ?? '', m[at + 1] ?? '');
  return { candidates, typed: candidates[0] ?? '' };
}

export function parseJobCommand(text: string): JobCommand | null {
  const t = commandText(text.replace(/[,;]/g, ' ')).replace(POLITE_START, '').replace(POLITE_END, '');
  if (!t || t.length > 100) return null;
  let m: RegExpMatchArray | null;
  if ((m = t.match(PATTERNS.mute))) return { kind: 'mute', ...refOf(m, 1), when: m[3] ?? null };
  if ((m = t.match(PATTERNS.unmute))) return { kind: 'unmute', ...refOf(m, 1) };
  if (PATTERNS.unsnooze.test(t)) return { kind: 'unsnooze' };
  if ((m = t.match(PATTERNS.snooze))) return { kind: 'snooze', when: m[1] ?? null };
  if (PATTERNS.unreachable.test(t)) return { kind: 'unreachable' };
  if (PATTERNS.report.test(t)) return { kind: 'report' };
  if (PATTERNS.missing.test(t)) return { kind: 'missing' };
  return null;
}
