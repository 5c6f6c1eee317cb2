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
  occupational_therapy: /\b(occupational[\s-]+therap(?:y|ies|ist|ists)|ots?)\b/,
  speech_and_language: /\b(speech(?:,)?\s+(?:and|&|n)\s+lang(?:uage)?(?:\s+therap(?:y|ies|ist|ists))?|salts?|slts?|speech\s+therap(?:y|ies|ist|ists)|speechies)\b/,
  educational_psychology: /\b(educational\s+psycholog(?:y|ist|ists)|ed\.?\s*psych(?:s|ologists?)?|eps?|psychologists?)\b/,
};

/** The specialism a phrase names ("a speech and language therapist", "EP", "OT"), or null. */
export function parseSpecialism(text: string): Specialism | null {
  return findSpecialism(text)?.specialism ?? null;
}

/** The first specialism a text names, with where the words are. */
export function findSpecialism(text: string): { specialism: Specialism; start: number; end: number } | null {
  const lower = text.toLowerCase();
  for (const s of SPECIALISMS) {
    const m = SPECIALISM_PATTERNS[s].exec(lower);
    if (m) return { specialism: s, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

/** "a speech and language therapist" / "an occupational therapist". */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}

/** 'Speech and language therapy'. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
