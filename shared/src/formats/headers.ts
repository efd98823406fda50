import type { QuestionDef } from '../domain.js';

/** The file names `ksp export` writes and the importer's messages use by default. */
export const FILE_NAMES = {
  questionnaire: 'questionnaire.json',
  participants: 'participants.csv',
  responses: 'responses.csv',
  observers: 'observers.csv',
} as const;

export const PARTICIPANTS_HEADER: readonly string[] = Object.freeze([
  'company_slug',
  'company_name',
  'class',
  'tier',
  'channels',
  'competitors',
  'report_purchased',
]);

export const OBSERVERS_HEADER: readonly string[] = Object.freeze([
  'observer_id',
  'name',
  'gender',
  'birth_year',
  'region',
  'quality_score',
  'unavailable_weeks',
  'customer_of',
  'contacted_before',
]);

export const RESPONSES_FIXED_HEADER: readonly string[] = Object.freeze([
  'inquiry_id',
  'company_slug',
  'channel',
  'observer_id',
  'observer_gender',
  'observer_birth_year',
  'contacted_at',
  'status',
  'attempts',
  'wait_seconds',
  'comment_reception',
  'comment_agent',
  'comment_overall',
]);

/** The fixed columns, then one column per question code in questionnaire order. */
export function responsesHeader(questions: readonly QuestionDef[]): string[] {
  return [...RESPONSES_FIXED_HEADER, ...questions.map((q) => q.code)];
}
