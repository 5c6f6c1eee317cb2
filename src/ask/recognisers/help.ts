// Greetings, help, thanks and "who am I": short phrases said whole, read from the plain text.
import { findNeed } from '../../domain/experts/index.js';
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';

// Asking what the bot is for, said whole, with or without "please": "what can u do", "how does
// this bot work", "instructions pls", "what can I ask you", "can you help".
const YOU = '(?:you|u|ya|this(?: thing| bot| app)?|the bot|it)';
const HELP_RE = new RegExp(`^(?:${[
  'help(?: me)?', '\\?+', 'menu', 'commands?', 'options', 'start', 'get started', 'examples?', 'instructions?', 'usage', 'guide',
  `what can ${YOU} (?:do|help with|help me with)(?: for me)?`, 'what can i (?:do|ask|say|type)(?: you| here| it)?',
  `how do(?:es)? (?:i use )?${YOU} work`, `how do i use ${YOU}`, `how (?:can|do) (?:i|you) use ${YOU}`,
  `what do(?:es)? ${YOU} do`, `what (?:are|is) ${YOU}(?: for)?`, `who are ${YOU}`, `can ${YOU} help(?: me)?`,
  'what (?:questions|things|commands) (?:can|do|should) i (?:ask|use|type|say)(?: you)?', 'what should i ask', 'what commands (?:are there|do you have|can i use)',
].join('|')})(?: (?:please|pls|plz|then|mate))?\\W*$`);
const GREETING_RE = /^(?:hi|hello|hey|hiya|howdy|yo|morning|good (?:morning|afternoon|evening|day)|afternoon|evening|greetings|hi there|hello there|hey there)(?: (?:bot|there|partnership bot|everyone|all))?\W*$/;
const THANKS_RE = /^(?:thanks?|thank you|thank you very much|thanks a lot|cheers|ta|great|brilliant|lovely|perfect|ok|okay|nice|cool|got it|good|excellent|fab|fantastic|super|amazing|wonderful|ace|sound)(?: (?:thanks|thank you|bot|mate|so much|very much|a lot))?\W*$/;

/** Nothing but symbols or emoji: treated as hello. */
export function empty(q: Question): Intent | undefined {
  return /[a-z0-9]/.test(q.lower) ? undefined : { kind: 'help', greeting: true };
}

export function greeting(q: Question): Intent | undefined {
  return GREETING_RE.test(q.plain) ? { kind: 'help', greeting: true } : undefined;
}

export function help(q: Question): Intent | undefined {
  if (HELP_RE.test(q.plain)) return { kind: 'help', greeting: false };
  // "help with attention difficulties" asks for an expert, not for the bot's help.
  return /^help\b/.test(q.plain) && !findNeed(q.lower) ? { kind: 'help', greeting: false } : undefined;
}

export function thanks(q: Question): Intent | undefined {
  return THANKS_RE.test(q.plain) ? { kind: 'thanks' } : undefined;
}

export function whoAmI(q: Question): Intent | undefined {
  if (!/\bwho am i\b|\bdo you know (?:who i am|me)\b|\bwhat is my name\b|^(?:what is |whats |what s |tell me )?my (?:job title|job|role|roles|position|title)\b(?: in the plan| here)?$|\bwhat (?:is|s) my (?:job title|role)\b|\bwhat do i do(?: here| in the plan)?$/.test(q.plain)) return undefined;
  return q.asker ? { kind: 'whoami' } : { kind: 'needPerson', about: 'whoami' };
}
