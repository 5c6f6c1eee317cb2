// Greetings, help, thanks and "who am I": short phrases said whole, read from the plain text.
import { findNeed } from '../../domain/experts/index.js';
import type { Intent } from '../intent.js';
import type { Question } from '../question.js';

const HELP_RE = /^(?:help|help me|\?+|menu|commands?|options|start|get started|what can (?:you|i) (?:do|ask)|what can you help with|how do(?:es)? (?:i|this|it) (?:use|work)(?: this| you| it)?|how (?:can|do) (?:i|you) use (?:this|you|it)|what do you do|what are you|who are you|examples?|instructions|usage|what (?:questions|things) can i ask(?: you)?|what should i ask)\W*$/;
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
  if (!/\bwho am i\b|\bdo you know (?:who i am|me)\b|\bwhat is my name\b/.test(q.plain)) return undefined;
  return q.asker ? { kind: 'whoami' } : { kind: 'needPerson', about: 'whoami' };
}
