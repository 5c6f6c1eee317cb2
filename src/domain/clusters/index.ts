// Cluster Communities and their SENCO meetings: pure rules. Import from here.
export * from './forms.js';
export * from './meetings.js';
export * from './names.js';
export * from './permissions.js';
export * from './series.js';
export * from './follow-ups.js';
