// Outcome measures: types, checks, progress and words.
export * from './types.js';
export * from './validate.js';
export * from './progress.js';
export * from './words.js';
export * from './permissions.js';
export * from './match.js';
