// The public face of the time domain: London calendar days, British wording, UK quarters and
// working days. Import from here rather than the individual files.
export * from './clock.js';
export * from './dates.js';
export * from './london.js';
export * from './format.js';
export * from './quarters.js';
export * from './bank-holidays.js';
export * from './easter.js';
export * from './school-terms.js';
