export * from './domain.js';
export * from './questionnaire.js';
export * from './fieldwork/channel-split.js';
export * from './format/number.js';
export * from './scoring/index.js';
export * from './ranking/index.js';
export * from './formats/index.js';
export * from './fieldwork/eligibility.js';
