// The vocabulary of KSP (see ../shared/docs/domain.md). Every package speaks in these names.

export const CHANNELS = ['PHONE', 'EMAIL', 'CHAT', 'MESSENGER'] as const;
export type Channel = (typeof CHANNELS)[number];

export const AREAS = ['RESPONSE_TIME', 'RECEPTION', 'AGENT', 'OVERALL', 'CX'] as const;
export type Area = (typeof AREAS)[number];
/** The areas that make up the score; CX is reported apart. */
export const SCORED_AREAS = ['RESPONSE_TIME', 'RECEPTION', 'AGENT', 'OVERALL'] as const;
export type ScoredArea = (typeof SCORED_AREAS)[number];

export const CATEGORIES = ['ACCESSIBILITY', 'INTEREST', 'COMMUNICATION', 'COMPETENCE', 'SALES'] as const;
export type Category = (typeof CATEGORIES)[number];

export const TIERS = ['ENKEL', 'KONKURRENT'] as const;
export type Tier = (typeof TIERS)[number];

export const INQUIRY_STATUSES = ['ANSWERED', 'UNANSWERED'] as const;
export type InquiryStatus = (typeof INQUIRY_STATUSES)[number];

export const EDITION_STATUSES = ['PLANNING', 'FIELDWORK', 'REVIEW', 'PUBLISHED'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const REVIEW_STATUSES = ['SUBMITTED', 'RETURNED', 'APPROVED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** Where one inquiry of the fieldwork stands (contract.md `FieldworkAssignment.status`). */
export const ASSIGNMENT_STATUSES = ['PLANNED', 'DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
/** Days after publication a manager may query a response, unless the edition sets otherwise (domain.md step 7). */
export const DEFAULT_QUERY_DAYS = 14;
/** A manager's query of a published response: open, upheld through a correction, or rejected with a reply. */
export const QUERY_STATUSES = ['OPEN', 'UPHELD', 'REJECTED'] as const;
export type QueryStatus = (typeof QUERY_STATUSES)[number];

export const GENDERS = ['FEMALE', 'MALE', 'OTHER'] as const;
export type Gender = (typeof GENDERS)[number];

export const ROLES = ['STAFF', 'MANAGER', 'OBSERVER'] as const;
export type Role = (typeof ROLES)[number];

export const CX_CODES = ['CSAT', 'CES', 'NPS', 'VES1', 'VES2'] as const;
export type CxCode = (typeof CX_CODES)[number];
/** The fixed answer scales of the international CX questions. */
export const CX_SCALES: Record<CxCode, { min: number; max: number }> = {
  CSAT: { min: 1, max: 5 },
  CES: { min: 1, max: 7 },
  NPS: { min: 0, max: 10 },
  VES1: { min: 1, max: 7 },
  VES2: { min: 1, max: 7 },
};

export const MAX_COMPETITORS = 5;
export const MAX_CHANNELS_PER_PARTICIPANT = 3;
export const DEFAULT_INQUIRIES_PER_PARTICIPANT = 25;

/** How long an observer waits and how often they try, per channel (domain.md "Wait limits"). */
export interface WaitLimit {
  /** Seconds to wait for an answer; for EMAIL, business days are expressed as seconds of 3 × 24 h. */
  waitSeconds: number;
  attempts: number;
}
export const DEFAULT_WAIT_LIMITS: Record<Channel, WaitLimit> = {
  PHONE: { waitSeconds: 5 * 60, attempts: 2 },
  CHAT: { waitSeconds: 5 * 60, attempts: 2 },
  MESSENGER: { waitSeconds: 30 * 60, attempts: 2 },
  EMAIL: { waitSeconds: 3 * 24 * 60 * 60, attempts: 1 },
};

// ---- Questionnaire (the shape of questionnaire.json, contract.md) ----

export interface OptionDef {
  code: string;
  label: string;
  /** Absent: the option carries no points (an unscored question, or "not applicable"). */
  points?: number;
  /** The question drops out of earned and possible points for that inquiry. */
  notApplicable?: boolean;
}

export type QuestionKind = 'CHOICE' | 'SCALE';

export interface QuestionDef {
  code: string;
  area: Area;
  text: string;
  /**
   * A few words naming the question in charts' row labels, e.g. "Ventetid telefon" for "Hvor
   * lang tid tok det før du fikk svar på telefon?"; at most MAX_SHORT_LABEL_LENGTH characters.
   * Absent: the text is used.
   */
  shortLabel?: string;
  /** Channels the question applies to. SCALE (CX) questions may omit it: then all channels. */
  channels?: Channel[];
  categories?: Category[];
  kind?: QuestionKind;
  options?: OptionDef[];
  /** SCALE questions: the integer answer range. */
  min?: number;
  max?: number;
}

export interface EditionDef {
  year: number;
  name: string;
  inquiriesPerParticipant: number;
  channelKeys: Partial<Record<Channel, number>>;
  waitLimits?: Partial<Record<Channel, WaitLimit>>;
  /** No figure of a chosen competitor over fewer inquiries than this is shown; default 5 (DEFAULT_MIN_CELL_SIZE). */
  minCellSize?: number;
}

/** The longest short label of a question: it must fit beside a chart at phone width and in the PDF. */
export const MAX_SHORT_LABEL_LENGTH = 40;

/** The default minimum cell size of an edition (domain.md "Access in detail"). */
export const DEFAULT_MIN_CELL_SIZE = 5;
/** Observers with a quality score at or above this may be assigned (ours, configurable per edition). */
export const DEFAULT_MIN_QUALITY_SCORE = 70;
/** The third channel of a participant that can be contacted on all four (ours, configurable per edition). */
export const DEFAULT_THIRD_CHANNEL = 'CHAT' as const;

/**
 * The optional `fieldwork` object of questionnaire.json (contract.md): how the edition's fieldwork
 * is planned. Each key may be left out: no weeks yet, DEFAULT_MIN_QUALITY_SCORE, DEFAULT_THIRD_CHANNEL.
 */
export interface FieldworkDef {
  /** ISO weeks of the edition's year, each once. */
  weeks?: number[];
  /** Observers with a quality score at or above this may be assigned (0–100). */
  minQualityScore?: number;
  /** The third channel of a participant that can be contacted on all four. */
  thirdChannel?: 'CHAT' | 'MESSENGER';
}

export interface QuestionnaireFile {
  edition: EditionDef;
  questions: QuestionDef[];
  fieldwork?: FieldworkDef;
}

// ---- Participants and responses (participants.csv, responses.csv) ----

export interface ParticipantRow {
  companySlug: string;
  companyName: string;
  className: string;
  tier: Tier;
  channels: Channel[];
  competitors: string[];
  reportPurchased: boolean;
}

export interface ResponseComments {
  reception: string;
  agent: string;
  overall: string;
}

export interface ResponseRow {
  inquiryId: string;
  companySlug: string;
  channel: Channel;
  observerId: string;
  observerGender: Gender;
  observerBirthYear: number;
  /** ISO 8601 with offset. */
  contactedAt: string;
  status: InquiryStatus;
  attempts: number;
  /** Seconds waited for the answer; null when unknown. */
  waitSeconds: number | null;
  comments: ResponseComments;
  /** Question code → chosen option code, or the number (as text) for a SCALE question. Only answered questions. */
  answers: Record<string, string>;
}

/** One edition as it travels through import, export and the demo generator. */
export interface EditionBundle {
  questionnaire: QuestionnaireFile;
  participants: ParticipantRow[];
  responses: ResponseRow[];
}
