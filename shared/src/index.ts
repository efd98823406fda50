export * from './domain.js';
export * from './questionnaire.js';
export * from './fieldwork/channel-split.js';
export * from './format/number.js';
