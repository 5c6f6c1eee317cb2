// Words for Experts at Hand: specialisms, kinds of support and statuses as people say them, and
// the reverse (what someone typed → which specialism they mean).
import type { RequestStatus, Specialism, SupportKind } from '../plan/types.js';
import { SPECIALISMS } from '../plan/types.js';

/** 'speech and language therapy': the service, as in "open requests for …". */
export const SPECIALISM_LABELS: Record<Specialism, string> = {
  occupational_therapy: 'occupational therapy',
  speech_and_language: 'speech and language therapy',
  educational_psychology: 'educational psychology',
};

/** 'speech and language therapist': the person, as in "advice from a …". */
export const SPECIALIST_LABELS: Record<Specialism, string> = {
  occupational_therapy: 'occupational therapist',
  speech_and_language: 'speech and language therapist',
  educational_psychology: 'educational psychologist',
};

export const SUPPORT_KIND_LABELS: Record<SupportKind, string> = {
  whole_setting_support: 'whole-setting support',
  tailored_guidance: 'tailored guidance',
  strategic_advice: 'strategic advice',
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  new: 'new, waiting for an expert',
  assigned: 'picked up by an expert',
  answered: 'answered',
  closed: 'closed',
};

const SPECIALISM_PATTERNS: Record<Specialism, RegExp> = {
  occupational_therapy: /\b(occupational[\s-]+therap(?:y|ist|ists)|ot)\b/,
  speech_and_language: /\b(speech(?:,)?\s+(?:and|&)\s+language(?:\s+therap(?:y|ist|ists))?|salt|slt|speech\s+therap(?:y|ist|ists))\b/,
  educational_psychology: /\b(educational\s+psycholog(?:y|ist|ists)|ed\s*psych|ep)\b/,
};

/** The specialism a phrase names ("a speech and language therapist", "EP", "OT"), or null. */
export function parseSpecialism(text: string): Specialism | null {
  const lower = text.toLowerCase();
  return SPECIALISMS.find((s) => SPECIALISM_PATTERNS[s].test(lower)) ?? null;
}

/** "a speech and language therapist" / "an occupational therapist". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** 'Speech and language therapy'. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
