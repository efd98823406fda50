import type { InquiryStatus } from '@ksp/shared/domain';
import { parseDecimal, type ResponseOrder } from '@ksp/shared/responses/filters';
import { CHANNEL_PARAM, parseChannel } from '@web/app/paths';

/**
 * The filters of the responses chapter, all in the URL so a view can be shared:
 * `?kanal=&status=&fra=&til=&sok=&sporsmal=&svar=&fraDato=&tilDato=&forsok=&sorter=&etter=`.
 */
export interface ResponseFilters {
  channel?: ReturnType<typeof parseChannel>;
  status?: InquiryStatus;
  minScore?: number;
  maxScore?: number;
  search?: string;
  /** The cursor the page starts after. */
  after?: string;
  /** Only responses with an answer to this question (a link from an area's performance sets it); its answer is shown first. */
  question?: string;
  /** With `question`: only responses that chose this option. */
  option?: string;
  /** Contacted from / to this day, YYYY-MM-DD. */
  from?: string;
  to?: string;
  attempts?: number;
  orderBy?: ResponseOrder;
}

export const FILTER_PARAMS = {
  status: 'status',
  minScore: 'fra',
  maxScore: 'til',
  search: 'sok',
  after: 'etter',
  question: 'sporsmal',
  option: 'svar',
  from: 'fraDato',
  to: 'tilDato',
  attempts: 'forsok',
  orderBy: 'sorter',
} as const;

/** `?sorter=` in words a URL reader understands; no parameter is the order they took place. */
export const ORDER_PARAM: Record<string, ResponseOrder> = {
  nyeste: 'CONTACTED_AT_DESC',
  'score-hoy': 'SCORE_DESC',
  'score-lav': 'SCORE_ASC',
};
export const orderParam = (order: ResponseOrder | undefined) => Object.entries(ORDER_PARAM).find(([, o]) => o === order)?.[0];

/** A score typed the Norwegian way ("60,5") or with a point; undefined unless a number from 0 to 100. */
export const parseScore = (v: string | null) => {
  const n = parseDecimal(v);
  return n !== undefined && Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseFilters(params: URLSearchParams): ResponseFilters {
  const status = params.get(FILTER_PARAMS.status);
  const f: ResponseFilters = {};
  const channel = parseChannel(params.get(CHANNEL_PARAM));
  if (channel) f.channel = channel;
  if (status === 'ANSWERED' || status === 'UNANSWERED') f.status = status;
  const min = parseScore(params.get(FILTER_PARAMS.minScore));
  const max = parseScore(params.get(FILTER_PARAMS.maxScore));
  if (min !== undefined) f.minScore = min;
  if (max !== undefined) f.maxScore = max;
  const search = params.get(FILTER_PARAMS.search)?.trim();
  if (search) f.search = search;
  const after = params.get(FILTER_PARAMS.after);
  if (after) f.after = after;
  const question = params.get(FILTER_PARAMS.question)?.trim();
  if (question) {
    f.question = question;
    const option = params.get(FILTER_PARAMS.option)?.trim();
    if (option) f.option = option;
  }
  for (const key of ['from', 'to'] as const) {
    const day = params.get(FILTER_PARAMS[key]);
    if (day && DAY.test(day)) f[key] = day;
  }
  const attempts = Number(params.get(FILTER_PARAMS.attempts));
  if (Number.isInteger(attempts) && attempts >= 1) f.attempts = attempts;
  const order = ORDER_PARAM[params.get(FILTER_PARAMS.orderBy) ?? ''];
  if (order) f.orderBy = order;
  return f;
}

/** The query variables the filters give. */
export function filterVariables(f: ResponseFilters) {
  return { ...f };
}

/** Splits a highlighted comment (`⟦word⟧` marks a match) into text and matches. */
export function highlightParts(text: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const re = /⟦([^⟧]*)⟧/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ text: text.slice(last, m.index), match: false });
    parts.push({ text: m[1] ?? '', match: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
