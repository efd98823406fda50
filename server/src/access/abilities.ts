import type { Viewer } from './viewer.js';
import { isStaff, seesCompetitors, type ReportAccess, type Subscription } from './policy.js';

/**
 * What a viewer may do with one report, derived from the grant the policy gave it (access/grant.ts)
 * and sent to the web (`Report.abilities`), which offers exactly these chapters and downloads
 * instead of working the rules out again. The server still decides every request: each field and
 * export checks its grant.
 */
export const REPORT_CHAPTERS = [
  'OVERVIEW',
  'AREAS',
  'CATEGORIES',
  'CX',
  'VARIATION',
  'INSIGHT',
  'RESPONSES',
  'COMPETITORS',
  'HISTORY',
  'BACKGROUND',
] as const;
export type ReportChapter = (typeof REPORT_CHAPTERS)[number];

/** The chapters of aggregates: a chosen competitor's reader opens these, the own report all. */
const AGGREGATE_CHAPTERS: ReadonlySet<ReportChapter> = new Set(['OVERVIEW', 'AREAS', 'CATEGORIES', 'CX', 'VARIATION']);

export interface ReportAbilities {
  /** The chapters the viewer may open, in the report's order. */
  chapters: ReportChapter[];
  /** The own report (staff, or the company's manager with the report bought): single responses, comments, class detail. */
  ownReport: boolean;
  /** The chosen competitors side by side: the own report of a konkurrent participant (the competitor rule); staff always. */
  canSeeCompetitors: boolean;
  /** The report as PDF: whoever may open the report (a competitor's: aggregates only). */
  canDownloadPdf: boolean;
  /** The individual responses as XLSX or CSV: the own report only. */
  canDownloadResponses: boolean;
}

export function reportAbilities(viewer: Viewer, participation: Subscription, access: ReportAccess): ReportAbilities {
  const ownReport = access === 'OWN';
  const canSeeCompetitors = ownReport && (isStaff(viewer) || seesCompetitors(participation));
  const opens = (chapter: ReportChapter) => {
    if (access === 'PUBLIC') return false;
    if (chapter === 'COMPETITORS') return canSeeCompetitors;
    return ownReport || AGGREGATE_CHAPTERS.has(chapter);
  };
  return {
    chapters: REPORT_CHAPTERS.filter(opens),
    ownReport,
    canSeeCompetitors,
    canDownloadPdf: access !== 'PUBLIC',
    canDownloadResponses: ownReport,
  };
}
