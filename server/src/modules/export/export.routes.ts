import { Router, type Request, type Response } from 'express';
import type { Sql } from '../../db/sql.js';
import { exportLocale } from '@ksp/shared';
import type { Viewer } from '../../access/viewer.js';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openOwnReport, openReportFor, responsesFile, type ExportFormat, type Refusal } from './export.service.js';
import { contextFor } from './report-pdf/edition.js';
import { reportPdf } from './report-pdf/pdf.js';
import { reportFileName } from './report-pdf/texts.js';

export interface ExportRouteOptions {
  /** The read models' SQL. */
  sql: Sql;
  /** For the report PDF, read through GraphQL in-process as the viewer: the ORM and the app's schema. */
  orm: MikroORM;
  schema: GraphQLSchema;
  /** Who is asking, from the session cookie, exactly as the GraphQL context finds it. */
  viewerOf(req: Request): Promise<Viewer>;
}

/** RFC 6266: an ASCII `filename` for old clients and the UTF-8 `filename*` (RFC 8187) for the rest. */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function refuse(res: Response, refusal: Pick<Refusal, 'status' | 'code' | 'message'> | { status: 500; code: 'INTERNAL_SERVER_ERROR'; message: string }): void {
  res.status(refusal.status).set('Cache-Control', 'private, no-store').json({ error: { code: refusal.code, message: refusal.message } });
}

/**
 * Downloads (contract.md "Exports"), HTTP GET with the session cookie:
 * `/eksport/:year/:company/besvarelser.xlsx` and `.csv`, `/eksport/:year/:company/rapport.pdf`; `?lang=en` for English.
 * A refusal is a short JSON body `{ error: { code, message } }`, never a file.
 */
export function exportRouter(options: ExportRouteOptions): Router {
  const router = Router();
  const responses = (format: ExportFormat) => async (req: Request<{ year: string; company: string }>, res: Response) => {
    try {
      const viewer = await options.viewerOf(req);
      const opened = await openOwnReport(options.sql, viewer, req.params.year, req.params.company);
      if ('refusal' in opened) return refuse(res, opened.refusal);
      const file = await responsesFile(options.sql, opened.participation, format, exportLocale(req.query['lang']));
      res.status(200).set({
        'Content-Type': file.contentType,
        'Content-Disposition': attachment(file.fileName),
        'Cache-Control': 'private, no-store',
      }).send(file.body);
    } catch (error) {
      console.error(`[export] ${req.path}:`, error);
      refuse(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'The export failed on the server.' });
    }
  };
  // The report PDF: the own report, or a chosen competitor's aggregates (the grants decide its content).
  router.get('/eksport/:year/:company/rapport.pdf', async (req: Request<{ year: string; company: string }>, res: Response) => {
    try {
      const viewer = await options.viewerOf(req);
      const opened = await openReportFor(options.sql, viewer, req.params.year, req.params.company, ['OWN', 'COMPETITOR'], {
        signIn: 'Sign in to download the report.',
        refused: (row) => `The report of ${row.name}, ${row.editionName} is for the participant that bought it (and the competitors it chose) only.`,
      });
      if ('refusal' in opened) return refuse(res, opened.refusal);
      const { participation } = opened;
      const pdf = await reportPdf(options.schema, contextFor(options.orm, options.sql, viewer), participation.year, participation.slug, exportLocale(req.query['lang']));
      if (!pdf) return refuse(res, { status: 404, code: 'NOT_FOUND', message: 'The report could not be opened.' });
      res.status(200).set({
        'Content-Type': 'application/pdf',
        'Content-Disposition': attachment(reportFileName(participation.slug, participation.year)),
        'Cache-Control': 'private, no-store',
      }).send(pdf);
    } catch (error) {
      console.error(`[export] ${req.path}:`, error);
      refuse(res, { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'The export failed on the server.' });
    }
  });
  router.get('/eksport/:year/:company/besvarelser.xlsx', responses('xlsx'));
  router.get('/eksport/:year/:company/besvarelser.csv', responses('csv'));
  return router;
}
