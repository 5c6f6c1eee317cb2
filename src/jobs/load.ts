// The jobs' reads live in the store (src/store/plan-load.ts); this name is kept for the jobs.
export * from '../store/plan-load.js';
