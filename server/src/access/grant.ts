import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isObjectType,
  responsePathAsArray,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { Extensions } from 'type-graphql';
import type { Context } from '../context.js';
import type { Viewer } from './viewer.js';
import { denial, reportAccess, type ParticipationTarget, type ReportAccess } from './policy.js';
import { DomainError, TooFewInquiries } from '../errors.js';

/**
 * Grants: what the policy decided about a report travels with every record under it.
 *
 * A report is opened in one place (modules/report/open-report.ts), which has `grantReport` ask the
 * policy with the participation and stamp the answer, a `Grant`, on the report object; nothing else
 * makes a grant (`withGrant` is private), records only pass one on. `enforceGrants`
 * wraps every field of every type reachable from `Report`: a field reads the grant of the record
 * it is asked on, refuses what the grant does not cover, and stamps the same grant on the records
 * it returns, so a nested record cannot be reached without one. A record that opens another
 * participation's figures (a history entry) is stamped by its resolver with that participation's
 * own grant, which the stamping then leaves alone. A total is admitted by its own rule
 * (`totalFigure`): public as on the result list, a cell when the report is narrowed to a channel.
 */
export interface Grant {
  access: ReportAccess;
  /** Whose figures, for messages: "Optiker Moltebærhaug, KSP 2024". */
  subject: string;
  /** Below this many inquiries a competitor's figure is withheld (a setting of the edition). */
  minCellSize: number;
  /** The participation whose figures these are: its disclosure plan says which cells a competitor's reader may not see. */
  participationId: number;
}

/**
 * The cells of the grant's participation withheld from a competitor's reader beyond the small
 * ones: the complements that keep a small cell from being worked out by subtraction
 * (modules/report/disclosure.ts). Given to `enforceGrants` where the schema is made.
 */
export type WithheldCells = (ctx: Context, grant: Grant) => Promise<ReadonlySet<string>>;

/**
 * What a field needs of the grant of the record it is asked on:
 * - `PUBLIC`: any grant (what stands on the public result list, names, the narrowing);
 * - `AGGREGATE`: the own report or a competitor's aggregates;
 * - `CELL`: a figure over inquiries: as AGGREGATE, and for a competitor only when the record's
 *   `basis` (how many inquiries the figure is over) reaches the edition's minimum cell size;
 * - `OWN`: the own report only (single inquiries, comments, observers, class detail).
 * A field without a declaration (on the field or its type) needs OWN.
 */
export type Need = 'PUBLIC' | 'AGGREGATE' | 'CELL' | 'OWN';

/** Declares what a field (or, on a class, each of its fields) needs. Read by `enforceGrants` and the schema-walking test. */
export const Needs = (need: Need) => Extensions({ grant: need });

export const GRANT: unique symbol = Symbol('grant');
type Granted = { [GRANT]?: Grant };

/** The type whose records are opened through the policy, and the types that judge their own fields. */
export const GRANT_ROOT = 'Report';
/**
 * A participation opens its report through the policy again; a company is public; the abilities
 * are the viewer's, derived from the report's grant when asked (access/abilities.ts); the uncertainty of
 * the published total is public as the total is, the same record as on the result list. None inherits a grant.
 */
export const GRANT_BOUNDARIES: ReadonlySet<string> = new Set(['Participation', 'Company', 'ReportAbilities', 'Uncertainty']);

export function grantOf(record: object): Grant | undefined {
  return (record as Granted)[GRANT];
}

/**
 * A copy of the record that carries the grant (loaders share their records between requests' fields: never mutate).
 * Not exported: a grant is decided only by `grantReport` (asked by modules/report/open-report.ts) and
 * otherwise only passed on (`stamp`, `underGrantOf`), so no code can make one up.
 */
function withGrant<T extends object>(record: T, grant: Grant): T {
  return Object.assign(Object.create(Object.getPrototypeOf(record) as object | null) as T, record, { [GRANT]: grant });
}

/** A participation as a grant is decided on: the policy's target, and what the grant names. */
export interface GrantSubject extends ParticipationTarget {
  id: number;
  name: string;
  editionName: string;
  minCellSize: number;
}

/**
 * The one place a report grant is decided: asks the policy (`reportAccess`) about the
 * participation and returns `report` stamped with the answer. Null when the viewer may not see
 * the edition at all. Called by `openReport` (modules/report/open-report.ts), the one place a
 * report object is made.
 */
export function grantReport<T extends object>(viewer: Viewer, participation: GrantSubject, report: T): T | null {
  const access = reportAccess(viewer, participation);
  if (!access) return null;
  return withGrant(report, {
    access,
    subject: `${participation.name}, ${participation.editionName}`,
    minCellSize: participation.minCellSize,
    participationId: participation.id,
  });
}

/** A copy of `record` under the grant `granted` already carries (a record that stands for another report, as a history entry). */
export function underGrantOf<T extends object>(record: T, granted: object): T {
  const grant = grantOf(granted);
  if (!grant) throw new Error('underGrantOf: the record to take the grant from carries none');
  return withGrant(record, grant);
}

/**
 * A report opened as a report (own, or a chosen competitor's aggregates), or the denial with
 * `message`: an edition the viewer may not see, or only the public total (a PUBLIC grant), is refused.
 */
export function requireReport<T extends object>(viewer: Viewer, report: T | null, message: string): T {
  if (!report || accessOf(report) === 'PUBLIC') throw denial(viewer, message);
  return report;
}

/** The access of a granted record's grant: fails closed (a bug) on a record that carries none. */
export function accessOf(granted: object): ReportAccess {
  const grant = grantOf(granted);
  if (!grant) throw new Error('accessOf: the record carries no grant');
  return grant.access;
}

const LEVEL: Record<ReportAccess, number> = { PUBLIC: 0, COMPETITOR: 1, OWN: 2 };
const REQUIRED: Record<Need, number> = { PUBLIC: 0, AGGREGATE: 1, CELL: 1, OWN: 2 };

/** Throws unless the grant covers the need. */
export function requireNeed(viewer: Viewer, grant: Grant, need: Need, what: string): void {
  if (LEVEL[grant.access] >= REQUIRED[need]) return;
  throw denial(
    viewer,
    grant.access === 'PUBLIC'
      ? `${what} of ${grant.subject} is not available to you: only its total on the result list is.`
      : `${what} of ${grant.subject} is shown only in its own report.`,
  );
}

/**
 * Admits a figure over `basis` inquiries: the own report always; a competitor's only over at
 * least the minimum cell size, so narrowing can never single out a handful of responses.
 */
export function admitFigure(viewer: Viewer, grant: Grant, basis: unknown, what: string): void {
  requireNeed(viewer, grant, 'CELL', what);
  if (grant.access === 'OWN') return;
  if (typeof basis !== 'number') throw new Error(`${what}: a competitor's figure without a basis (the number of inquiries it is over)`);
  if (basis < grant.minCellSize) {
    throw new TooFewInquiries(`Too few inquiries to show: ${what} of ${grant.subject} is over fewer than ${grant.minCellSize} inquiries.`);
  }
}

/**
 * Admits every figure of a record under a CELL need: its basis (admitFigure) and, for a
 * competitor, its cell, which the disclosure plan may withhold to protect a small neighbour.
 * A competitor's record without a cell fails closed.
 */
export function admitCell(
  ctx: Context,
  grant: Grant,
  record: { basis?: unknown; cell?: unknown },
  what: string,
  withheld: WithheldCells,
): void | Promise<void> {
  admitFigure(ctx.viewer, grant, record.basis, what);
  if (grant.access === 'OWN') return;
  const cell = record.cell;
  if (typeof cell !== 'string') throw new Error(`${what}: a competitor's figure without a cell (the figures it is withheld or shown with)`);
  return withheld(ctx, grant).then((cells) => {
    if (cells.has(cell)) {
      throw new TooFewInquiries(
        `Too few inquiries to show: ${what} of ${grant.subject} is withheld so that a figure over fewer than ${grant.minCellSize} inquiries ` +
          'cannot be worked out from it.',
      );
    }
  });
}

const TOTAL: unique symbol = Symbol('total');

/**
 * A report's total as a field resolver hands it to `enforceGrants`, which admits it by the rule of
 * totals: un-narrowed it is public (it stood on that edition's result list); narrowed to a channel it
 * is a figure (CELL) under the grant of the report it is of, which may be another edition's report
 * than the field's own record (last year's total follows last year's rules).
 */
export interface TotalFigure {
  [TOTAL]: { grant: Grant; channel: string | null; figure: { total: number | null; basis?: unknown; cell?: unknown } };
}

/** The total of a granted report (`report`), narrowed as the report is, for `enforceGrants` to admit. */
export function totalFigure(
  report: { channel: string | null },
  figure: { total: number | null; basis?: unknown; cell?: unknown },
): TotalFigure {
  const grant = grantOf(report);
  if (!grant) throw new Error('totalFigure: a total of a report that carries no grant');
  return { [TOTAL]: { grant, channel: report.channel, figure } };
}

function admitTotal(ctx: Context, value: unknown, withheld: WithheldCells): unknown {
  if (value === null || typeof value !== 'object' || !(TOTAL in value)) return value;
  const { grant, channel, figure } = (value as TotalFigure)[TOTAL];
  if (channel === null) return figure.total;
  return then(admitCell(ctx, grant, figure, `The ${channel} total`, withheld), () => figure.total);
}

/** The need declared on a field, or on its type; undefined when neither declares one. */
export function declaredNeed(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): Need | undefined {
  return (field.extensions['grant'] ?? type.extensions['grant']) as Need | undefined;
}

/** Every object type reachable from `Report` without passing a boundary. */
export function grantZone(schema: GraphQLSchema): Map<string, GraphQLObjectType> {
  const zone = new Map<string, GraphQLObjectType>();
  const queue = [schema.getType(GRANT_ROOT)];
  while (queue.length) {
    const type = queue.pop();
    if (!isObjectType(type) || zone.has(type.name) || GRANT_BOUNDARIES.has(type.name)) continue;
    zone.set(type.name, type);
    for (const field of Object.values(type.getFields())) queue.push(getNamedType(field.type));
  }
  return zone;
}

const then = <T, R>(value: T | Promise<T>, fn: (v: T) => R): R | Promise<R> => (value instanceof Promise ? value.then(fn) : fn(value));

function stamp(value: unknown, grant: Grant): unknown {
  if (Array.isArray(value)) return value.map((v) => stamp(v, grant));
  if (value !== null && typeof value === 'object' && !(GRANT in value)) return withGrant(value, grant);
  return value;
}

/**
 * A refusal (withheld, denied) as the error graphql-js would make of it at this field, but made
 * without a stack: graphql-js's own GraphQLError captures one and has it formatted (through the
 * source maps), which for the dozen cells a competitor's report withholds cost more than a
 * millisecond a report (bench/RESULTS.md). A fault is left to graphql-js, stack and all.
 */
function located(error: unknown, info: GraphQLResolveInfo): never {
  if (!(error instanceof DomainError)) throw error;
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    throw new GraphQLError(error.message, { nodes: info.fieldNodes, path: responsePathAsArray(info.path), originalError: error });
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** What the wrapper of one field knows, fixed when the schema is built. */
interface FieldSite {
  /** `Type.field`, for the fault of a record reached without a grant. */
  name: string;
  need: Need;
  inner: GraphQLFieldResolver<unknown, Context>;
  /** Its value is a record of the zone, which gets the grant passed on. */
  carries: boolean;
  what: string;
  withheld: WithheldCells;
}

// The wrapper runs for every field of every report, so it makes no closure on the common,
// synchronous path (tsx names each closure it makes, a property definition each time: in a
// profile, a third of the wrapper's cost). Closures are made only where a promise is.

function grantedField(site: FieldSite, source: object, args: Record<string, unknown>, ctx: Context, info: GraphQLResolveInfo): unknown {
  const grant = grantOf(source);
  // Fail closed: a record under a report that carries no grant is a bug, never an open door.
  if (!grant) throw new Error(`${site.name} was reached without a grant`);
  if (site.need !== 'CELL') {
    requireNeed(ctx.viewer, grant, site.need, site.what);
    return passOn(site, grant, ctx, site.inner(source, args, ctx, info));
  }
  const admitted = admitCell(ctx, grant, source, site.what, site.withheld);
  if (admitted instanceof Promise) return admitted.then(() => passOn(site, grant, ctx, site.inner(source, args, ctx, info)));
  return passOn(site, grant, ctx, site.inner(source, args, ctx, info));
}

/** The value on its way out: records of the zone stamped with the grant, a total admitted by its rule. */
function passOn(site: FieldSite, grant: Grant, ctx: Context, result: unknown): unknown {
  if (result instanceof Promise) return result.then((r: unknown) => settle(site, grant, ctx, r));
  return settle(site, grant, ctx, result);
}

const settle = (site: FieldSite, grant: Grant, ctx: Context, value: unknown) =>
  site.carries ? stamp(value, grant) : admitTotal(ctx, value, site.withheld);

/** Wraps every field of the grant zone (see the module comment). Call once on the built schema. */
export function enforceGrants(schema: GraphQLSchema, withheld: WithheldCells): GraphQLSchema {
  const zone = grantZone(schema);
  for (const type of zone.values()) {
    for (const field of Object.values(type.getFields())) {
      const site: FieldSite = {
        name: `${type.name}.${field.name}`,
        need: declaredNeed(type, field) ?? 'OWN',
        inner: (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Context>,
        carries: zone.has(getNamedType(field.type).name),
        what: `"${field.name}"`,
        withheld,
      };
      field.resolve = (source: object, args, ctx: Context, info) => {
        try {
          const result = grantedField(site, source, args, ctx, info);
          return result instanceof Promise ? result.catch((e: unknown) => located(e, info)) : result;
        } catch (e) {
          return located(e, info);
        }
      };
    }
  }
  return schema;
}
