// Adaptive Card 1.5 builders for updating actions and rating maturity (Universal Actions).
export * from './common.js';
export * from './action-cards.js';
export * from './history-card.js';
export * from './maturity-cards.js';
export * from './measure-inputs.js';
