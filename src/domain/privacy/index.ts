// The public face of the privacy screen.
export { screenText } from './screen.js';
export { PRIVACY_MESSAGES } from './messages.js';
export { isValidNhsNumber } from './detect-numbers.js';
export {
  PRIVACY_REASON_CODES, type PrivacyReason, type PrivacyReasonCode, type ScreenOptions, type ScreenResult,
} from './types.js';
export { namesAnyone } from './public-text.js';
