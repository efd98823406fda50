export * from './relative-weights.js';
export * from './improve-first.js';
