import { questionnaireTable, responsesFileName, responsesTable, writeNorwegianCsv, type Locale } from '@ksp/shared';
import type { Sql } from '../../db/sql.js';
import type { Viewer } from '../../access/viewer.js';
import { accessOf } from '../../access/grant.js';
import { reportAbilities, type ReportAbilities } from '../../access/abilities.js';
import { quote } from '../../errors.js';
import { findParticipation, type ParticipationRow } from '../participation/participation.service.js';
import { openReport } from '../report/open-report.js';
import type { ReportType } from '../report/report.types.js';
import { exportQuestions, exportResponses } from './responses.read-model.js';
import { writeXlsx, XLSX_CONTENT_TYPE } from './responses.xlsx.js';

/** Why an export is refused: no file is sent, and the HTTP status is the code's (httpStatus, errors.ts). */
export interface Refusal {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
  message: string;
}

/** The downloads of a report, as its abilities name them (access/abilities.ts). */
export type Download = keyof Pick<ReportAbilities, 'canDownloadPdf' | 'canDownloadResponses'>;

/**
 * Opens the participation's report for an export through the one place every report path goes
 * (`openReport`, which asks the policy), and returns the granted report when its abilities allow
 * the download: single responses are the own report's (staff; the company's own manager with the
 * report bought); the report PDF is also a chosen competitor's aggregates. Unknown year or company,
 * or an edition the viewer may not see: 404. Otherwise no session: 401; any other grant (the public
 * total): 403.
 */
export async function openReportFor(
  sql: Sql,
  viewer: Viewer,
  year: string,
  companySlug: string,
  download: Download,
  words: { signIn: string; refused: (row: ParticipationRow) => string },
): Promise<{ report: ReportType } | { refusal: Refusal }> {
  const slug = companySlug.trim().toLowerCase();
  const notFound = {
    refusal: { code: 'NOT_FOUND', message: `No participation of ${quote(slug)} in a published edition ${quote(year)}.` },
  } as const;
  if (!/^\d{4}$/.test(year)) return notFound;
  const row = await findParticipation(sql, Number(year), slug);
  if (!row) return notFound;
  // Null: an edition the viewer may not see (unpublished, for anyone but staff).
  const report = openReport({ viewer }, row, { channel: null, area: null });
  if (!report) return notFound;
  if (reportAbilities(viewer, row, accessOf(report))[download]) return { report };
  if (viewer.kind === 'anonymous') {
    return { refusal: { code: 'UNAUTHENTICATED', message: words.signIn } };
  }
  return { refusal: { code: 'FORBIDDEN', message: words.refused(row) } };
}

/** The single responses: the own report's only (an OWN grant). */
export async function openOwnReport(
  sql: Sql,
  viewer: Viewer,
  year: string,
  companySlug: string,
): Promise<{ report: ReportType } | { refusal: Refusal }> {
  return openReportFor(sql, viewer, year, companySlug, 'canDownloadResponses', {
    signIn: 'Sign in to download the responses.',
    refused: (row) => `The responses of ${row.name}, ${row.editionName} are shown only in its own report.`,
  });
}

export type ExportFormat = 'xlsx' | 'csv';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** The responses file of a report opened for the viewer as its own (`openOwnReport`): one row per approved inquiry, and the questionnaire. */
export async function responsesFile(sql: Sql, report: ReportType, format: ExportFormat, locale: Locale): Promise<ExportFile> {
  // Fail closed: single responses leave only under an own-report grant.
  if (accessOf(report) !== 'OWN') throw new Error('responsesFile: the responses of a report not opened as the own report');
  const { participation } = report;
  const [questions, responses] = await Promise.all([exportQuestions(sql, participation.editionId), exportResponses(sql, participation)]);
  const fileName = responsesFileName(participation.slug, participation.year, format);
  const table = responsesTable(questions, responses, locale);
  if (format === 'csv') {
    return { fileName, contentType: 'text/csv; charset=utf-8', body: Buffer.from(writeNorwegianCsv(table), 'utf8') };
  }
  return { fileName, contentType: XLSX_CONTENT_TYPE, body: await writeXlsx([table, questionnaireTable(questions, locale)]) };
}
