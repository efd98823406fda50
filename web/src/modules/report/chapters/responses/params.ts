import type { InquiryStatus } from '@ksp/shared/domain';
import { CHANNEL_PARAM, parseChannel } from '../../../../app/paths';

/** The filters of the responses chapter, all in the URL: `?kanal=&status=&fra=&til=&sok=&etter=&sporsmal=`. */
export interface ResponseFilters {
  channel?: ReturnType<typeof parseChannel>;
  status?: InquiryStatus;
  minScore?: number;
  maxScore?: number;
  search?: string;
  /** The cursor the page starts after. */
  after?: string;
  /** A question whose answer each response shows first (from an area's performance). */
  question?: string;
}

export const FILTER_PARAMS = { status: 'status', minScore: 'fra', maxScore: 'til', search: 'sok', after: 'etter', question: 'sporsmal' } as const;

const score = (v: string | null) => {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 && n <= 100 ? n : undefined;
};

export function parseFilters(params: URLSearchParams): ResponseFilters {
  const status = params.get(FILTER_PARAMS.status);
  const f: ResponseFilters = {};
  const channel = parseChannel(params.get(CHANNEL_PARAM));
  if (channel) f.channel = channel;
  if (status === 'ANSWERED' || status === 'UNANSWERED') f.status = status;
  const min = score(params.get(FILTER_PARAMS.minScore));
  const max = score(params.get(FILTER_PARAMS.maxScore));
  if (min !== undefined) f.minScore = min;
  if (max !== undefined) f.maxScore = max;
  const search = params.get(FILTER_PARAMS.search)?.trim();
  if (search) f.search = search;
  const after = params.get(FILTER_PARAMS.after);
  if (after) f.after = after;
  const question = params.get(FILTER_PARAMS.question);
  if (question) f.question = question;
  return f;
}

/** The query variables the filters give (the question only changes what is shown). */
export function filterVariables(f: ResponseFilters) {
  const { question: _question, ...rest } = f;
  return rest;
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
