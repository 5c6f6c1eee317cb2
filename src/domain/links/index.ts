// Linking a group chat or channel to a cluster, a pool, a workstream or the partnership: pure rules.
export * from './permissions.js';
export * from './targets.js';
