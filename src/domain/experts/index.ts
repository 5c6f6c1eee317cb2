// Experts at Hand: pure rules. Import from here.
export * from './forms.js';
export * from './labels.js';
export * from './lifecycle.js';
export * from './needs.js';
export * from './privacy-check.js';
export * from './programme-lead.js';
export * from './references.js';
export * from './school-term.js';
export * from './service-level.js';
export * from './stats.js';
export * from './types.js';
export * from './visibility.js';
