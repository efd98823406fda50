import { CHANNELS, SCORED_AREAS, type Channel, type ScoredArea } from '@ksp/shared/domain';

// The dashboard's URLs (contract.md "Dashboard URLs"): paths are fixed, query parameters are ours.

export const CHANNEL_PARAM = 'kanal';

/**
 * The report's chapters, in the order of the participant report: the one list the routes
 * (App.tsx) and the chapter navigation (ChapterNav) both follow.
 */
export const CHAPTERS = [
  'overview',
  'areas',
  'categories',
  'cx',
  'variation',
  'insight',
  'responses',
  'competitors',
  'history',
  'background',
] as const;
export type Chapter = (typeof CHAPTERS)[number];

/** The path segment of each chapter under /rapport/:year/:company; the areas have one each (`areaSegment`). */
export const CHAPTER_SEGMENT: Record<Exclude<Chapter, 'areas'>, string> = {
  overview: '',
  categories: 'kategorier',
  cx: 'cx',
  variation: 'variasjon',
  insight: 'innsikt',
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

const AREAS_SEGMENT = 'omrader';
export const areaSegment = (area: ScoredArea) => `${AREAS_SEGMENT}/${area}`;
/** A chapter's route under /rapport/:year/:company (the overview is the index route). */
export const chapterRoute = (chapter: Exclude<Chapter, 'overview'>) =>
  chapter === 'areas' ? `${AREAS_SEGMENT}/:area` : CHAPTER_SEGMENT[chapter];
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
/** Staff: the observer pool seen for an edition (contract.md "Dashboard URLs", `/drift/:year/…`). */
export const observerPoolPath = (year: number | string) => `/drift/${year}/observatorer`;
