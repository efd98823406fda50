import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import type { Sql } from '../../db/sql.js';
import { exportLocale, isSlug } from '@ksp/shared';
import { signInPath } from '@ksp/shared/sign-in';
import { DomainError, ErrorCode, httpStatus, quote } from '../../errors.js';
import type { Viewer } from '../../access/viewer.js';
import type { ReadSide } from '../../read-routing.js';
import type { GraphQLSchema } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openOwnReport, openReportFor, responsesFile, type ExportFormat, type Refusal } from './export.service.js';
import { contextFor } from './report-pdf/edition.js';
import { reportPdf } from './report-pdf/pdf.js';
import { reportFileName } from './report-pdf/texts.js';

export interface ExportRouteOptions {
  /** The read models' SQL for this download by this viewer: on the primary or the replica (read-routing.ts). */
  readsFor(req: Request, viewer: Viewer): Promise<{ side: ReadSide; sql: Sql }>;
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

type DownloadParams = { year: string; company: string };

/** Every answer that is not a file: a short JSON body, never cached, with the HTTP status of its code (httpStatus). */
interface HttpRefusal {
  code: ErrorCode | `${ErrorCode}`;
  message: string;
}

function refuse(res: Response, refusal: HttpRefusal): void {
  res
    .status(httpStatus(refusal.code))
    .set('Cache-Control', 'private, no-store')
    .json({ error: { code: refusal.code, message: refusal.message } });
}

/**
 * A download that failed: a domain error answers with its own code and message, as formatError
 * passes it on in GraphQL; anything else is logged and is a 500 that says no more.
 */
function fail(req: Request, res: Response, error: unknown): void {
  if (error instanceof DomainError) return refuse(res, { code: error.code, message: error.message });
  console.error(`[export] ${sentPath(req)}:`, error);
  refuse(res, { code: ErrorCode.Internal, message: 'The export failed on the server.' });
}

/** The downloads' methods: a link is followed with GET (HEAD asks what it would get). */
const ALLOW = 'GET, HEAD';
const YEAR = /^\d{4}$/;

/**
 * The path and query the client asked for, still percent-encoded. Through the URL parser: a
 * request line may name a whole URL (`GET http://host/eksport/…`), and only its path is ours.
 */
function asked(req: Request): { path: string; search: string } {
  const { pathname, search } = new URL(req.originalUrl, 'http://localhost');
  return { path: pathname, search };
}
const sentPath = (req: Request) => asked(req).path;

/**
 * A browser following a link asks for a page (`Accept: text/html,…,*\/*;q=0.8`); a script asks
 * for JSON, for anything (`*\/*`) or says nothing, and gets the JSON refusal it can read.
 */
function isBrowserNavigation(req: Request): boolean {
  return req.accepts(['application/json', 'text/html']) === 'text/html';
}

/**
 * A refusal of a well-formed download. Without a session, a browser is sent to the sign-in page,
 * which returns to this very URL (query included) once signed in: the person gets the file
 * rather than a JSON body. 303: the sign-in page is something else to GET, not the file moved.
 */
function refuseDownload(req: Request, res: Response, refusal: Refusal): void {
  if (refusal.code === 'UNAUTHENTICATED') {
    res.vary('Accept');
    if (isBrowserNavigation(req)) {
      const { path, search } = asked(req);
      res
        .status(303)
        .set({ Location: signInPath(path + search), 'Cache-Control': 'private, no-store' })
        .end();
      return;
    }
  }
  refuse(res, refusal);
}

/**
 * Downloads (contract.md "Exports"), HTTP GET with the session cookie:
 * `/eksport/:year/:company/besvarelser.xlsx` and `.csv`, `/eksport/:year/:company/rapport.pdf`; `?lang=en` for English.
 * A refusal is a short JSON body `{ error: { code, message } }`, never a file, and so is every
 * other answer under /eksport: a malformed year or company and any other path 404, a method
 * other than GET or HEAD 405, a path that is not valid percent-encoding 404 (never Express's HTML
 * error page). A browser without a session is sent to sign in and back (refuseDownload).
 */
export function exportRouter(options: ExportRouteOptions): Router {
  const router = Router();
  const responses = (format: ExportFormat) => async (req: Request<DownloadParams>, res: Response) => {
    try {
      const viewer = await options.viewerOf(req);
      const { sql } = await options.readsFor(req, viewer);
      const opened = await openOwnReport(sql, viewer, req.params.year, req.params.company);
      if ('refusal' in opened) return refuseDownload(req, res, opened.refusal);
      const file = await responsesFile(sql, opened.report, format, exportLocale(req.query['lang']));
      res
        .status(200)
        .set({
          'Content-Type': file.contentType,
          'Content-Disposition': attachment(file.fileName),
          'Cache-Control': 'private, no-store',
        })
        .send(file.body);
    } catch (error) {
      fail(req, res, error);
    }
  };
  // The report PDF: the own report, or a chosen competitor's aggregates (the grants decide its content).
  const report = async (req: Request<DownloadParams>, res: Response) => {
    try {
      const viewer = await options.viewerOf(req);
      const { side, sql } = await options.readsFor(req, viewer);
      const opened = await openReportFor(sql, viewer, req.params.year, req.params.company, 'canDownloadPdf', {
        signIn: 'Sign in to download the report.',
        refused: (row) =>
          `The report of ${row.name}, ${row.editionName} is for the participant that bought it (and the competitors it chose) only.`,
      });
      if ('refusal' in opened) return refuseDownload(req, res, opened.refusal);
      const { participation } = opened.report;
      const pdf = await reportPdf(
        options.schema,
        contextFor(options.orm, sql, viewer, side),
        participation.year,
        participation.slug,
        exportLocale(req.query['lang']),
      );
      if (!pdf) return refuse(res, { code: 'NOT_FOUND', message: 'The report could not be opened.' });
      res
        .status(200)
        .set({
          'Content-Type': 'application/pdf',
          'Content-Disposition': attachment(reportFileName(participation.slug, participation.year)),
          'Cache-Control': 'private, no-store',
        })
        .send(pdf);
    } catch (error) {
      fail(req, res, error);
    }
  };
  const downloads: Record<string, (req: Request<DownloadParams>, res: Response) => Promise<void>> = {
    'rapport.pdf': report,
    'besvarelser.xlsx': responses('xlsx'),
    'besvarelser.csv': responses('csv'),
  };

  // Every method, so that the path is checked first and a wrong method gets its 405 here.
  router.all('/eksport/:year/:company/:file', (req: Request<DownloadParams & { file: string }>, res, next) => {
    const { year, company, file } = req.params;
    const download = Object.hasOwn(downloads, file) ? downloads[file] : undefined;
    if (!download) return next();
    // Before the session and the database: a slug is what the importer accepts (shared
    // formats' isSlug; the lookup ignores case), so a NUL, a space or a slash never reaches SQL.
    if (!YEAR.test(year) || !isSlug(company.toLowerCase())) {
      return refuse(res, {
        code: 'NOT_FOUND',
        message: `No download at ${quote(sentPath(req))}: the year is 4 digits and the company a slug such as "acme-bank".`,
      });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.set('Allow', ALLOW);
      return refuse(res, { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not allowed on a download: use GET (or HEAD).` });
    }
    return download(req, res);
  });
  router.use('/eksport', (req, res) => {
    refuse(res, {
      code: 'NOT_FOUND',
      message: `No download at ${quote(sentPath(req))}: the downloads are /eksport/:year/:company/rapport.pdf, besvarelser.xlsx and besvarelser.csv.`,
    });
  });
  // Express cannot decode a path parameter such as `%ff%fe` (a URIError, which its default
  // handler answers with an HTML page): no download has that name. Anything else is ours, a 500.
  router.use('/eksport', ((error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof URIError) {
      return refuse(res, { code: 'NOT_FOUND', message: 'No download at this path: it is not valid percent-encoded UTF-8.' });
    }
    fail(req, res, error);
  }) satisfies ErrorRequestHandler);
  return router;
}
