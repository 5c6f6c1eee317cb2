// Updating actions and rating maturity: permissions, validation, lead alerts, wording. Pure.
export * from './permissions.js';
export * from './update.js';
export * from './alerts.js';
export * from './maturity.js';
export * from './phrasing.js';
export * from './new-action.js';
