// Interchange formats (contract.md): questionnaire.json, participants.csv, responses.csv, observers.csv.
export { formatProblem, formatProblems, oneOf, ProblemList, quote, type NamedText, type ParseResult, type Problem } from './problems.js';
export { FILE_NAMES, OBSERVERS_HEADER, PARTICIPANTS_HEADER, RESPONSES_FIXED_HEADER, responsesHeader } from './headers.js';
export { readCsv, writeCsv, type CsvRow, type CsvTable } from './csv.js';
export {
  LIST_SEPARATOR,
  OPTION_CODE_PATTERN,
  QUESTION_CODE_PATTERN,
  SLUG_PATTERN,
  isChannel,
  isIsoDateTimeWithOffset,
  isSlug,
  isoDateTimeError,
  joinList,
  parseBooleanCell,
  parseChannelList,
  parseSlugList,
  parseWholeNumber,
  splitList,
  type CellResult,
} from './values.js';
export {
  MAX_EDITION_YEAR,
  MIN_EDITION_YEAR,
  checkQuestionnaire,
  parseQuestionnaire,
  serializeQuestionnaire,
  type QuestionRules,
  type QuestionnaireCheck,
} from './questionnaire.js';
export { checkParticipants, parseParticipants, serializeParticipants, type ParticipantsCheck } from './participants.js';
export {
  MIN_BIRTH_YEAR,
  MIN_OBSERVER_AGE,
  checkAnswerValue,
  checkResponses,
  parseResponses,
  questionRules,
  serializeResponses,
  type ResponsesCheck,
  type ResponsesContext,
} from './responses.js';
export {
  MAX_POOL_AGE,
  MIN_POOL_AGE,
  checkObservers,
  isoWeekError,
  isoWeeksInYear,
  parseIsoWeek,
  parseObservers,
  serializeObservers,
  type ObserverRow,
  type ObserversCheck,
  type ObserversOptions,
} from './observers.js';
export { checkInquiriesPerParticipant, warnRepeatedObservers, type InquiryRef } from './plausibility.js';
export { bundleFiles, parseBundle, serializeBundle, type BundleFiles, type BundleResult, type SerializedBundle } from './bundle.js';
