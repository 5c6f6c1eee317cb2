// The privacy screen's vocabulary. Reasons carry a code and a kind message, never the text that
// triggered them: results may be shown, stored or logged elsewhere, the sensitive text must not be.

export const PRIVACY_REASON_CODES = [
  'personal_name',
  'date_of_birth',
  'age_with_name',
  'upn',
  'nhs_number',
  'address',
  'postcode',
] as const;
export type PrivacyReasonCode = (typeof PRIVACY_REASON_CODES)[number];

export interface PrivacyReason {
  code: PrivacyReasonCode;
  message: string;
}

export type ScreenResult = { ok: true } | { ok: false; reasons: PrivacyReason[] };

export interface ScreenOptions {
  /** More names to refuse, e.g. people the bot already knows; single words or full names. */
  extraNames?: string[];
  /**
   * The plan's directory of adults (staff and partners, e.g. people.csv names): their full names
   * are accepted, and their first names or surnames alone unless a child cue points at them.
   */
  adultNames?: readonly string[];
  /**
   * The plan's own places: settings (schools, nurseries, colleges) and clusters by name. A word of
   * one ("Greenbank" of "Greenbank College") alone is a place, unless it is also a first name or a
   * child cue points at it.
   */
  placeNames?: readonly string[];
}

/** Where a detector found something (internal; spans let one finding cover another). */
export interface Finding {
  code: PrivacyReasonCode;
  start: number;
  end: number;
}
