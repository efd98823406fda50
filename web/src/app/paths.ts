import { CHANNELS, SCORED_AREAS, type Channel, type ScoredArea } from '@ksp/shared/domain';

// The dashboard's URLs (contract.md "Dashboard URLs"): paths are fixed, query parameters are ours.

export const CHANNEL_PARAM = 'kanal';

export type Chapter = 'overview' | 'areas' | 'categories' | 'cx' | 'variation' | 'responses' | 'competitors' | 'history' | 'background';

/** The path segment of each chapter under /rapport/:year/:company. */
export const CHAPTER_SEGMENT: Record<Exclude<Chapter, 'areas'>, string> = {
  overview: '',
  categories: 'kategorier',
  cx: 'cx',
  variation: 'variasjon',
  responses: 'besvarelser',
  competitors: 'konkurrenter',
  history: 'historikk',
  background: 'bakgrunn',
};

export function reportBase(year: number | string, company: string): string {
  return `/rapport/${year}/${encodeURIComponent(company)}`;
}

/** A report view, keeping the query (channel, filters) that is passed in. */
export function reportPath(year: number | string, company: string, sub = '', query?: URLSearchParams | Record<string, string>): string {
  const path = sub ? `${reportBase(year, company)}/${sub}` : reportBase(year, company);
  const search = query ? new URLSearchParams(query).toString() : '';
  return search ? `${path}?${search}` : path;
}

export const areaSegment = (area: ScoredArea) => `omrader/${area}`;
export const responsePath = (year: number | string, company: string, inquiryId: string, query?: URLSearchParams) =>
  reportPath(year, company, `besvarelser/${encodeURIComponent(inquiryId)}`, query);

export function parseChannel(value: string | null | undefined): Channel | undefined {
  return (CHANNELS as readonly string[]).includes(value ?? '') ? (value as Channel) : undefined;
}

export function parseArea(value: string | null | undefined): ScoredArea | undefined {
  return (SCORED_AREAS as readonly string[]).includes(value ?? '') ? (value as ScoredArea) : undefined;
}

/** Only the channel travels between chapters; filters of one chapter stay behind. */
export function channelQuery(channel: Channel | undefined): URLSearchParams {
  return new URLSearchParams(channel ? { [CHANNEL_PARAM]: channel } : {});
}

// The sign-in URL is shared with the server, which sends a browser there from a download.
export { signInPath } from '@ksp/shared/sign-in';

export const staffOverviewPath = (year: number | string) => `/oversikt/${year}`;
