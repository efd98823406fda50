import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ErrorRequestHandler } from 'express';
import type { BadInputReason } from '@ksp/shared';
import type { FieldProblem } from '@ksp/shared/field-problem';

/** The error codes a client can rely on (contract.md), in one place. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  /** A competitor's figure over fewer inquiries than the edition's minimum cell size: withheld, the field is null. */
  TooFewInquiries = 'TOO_FEW_INQUIRIES',
  /** A request that is not a GraphQL request we take: bad JSON, too large, batched, no query. */
  BadRequest = 'BAD_REQUEST',
  /** A download (/eksport) asked with another method than GET or HEAD. */
  MethodNotAllowed = 'METHOD_NOT_ALLOWED',
  Internal = 'INTERNAL_SERVER_ERROR',
}

/**
 * The HTTP status of each code, for what answers outside GraphQL with `{ error: { code, message } }`
 * (the downloads, export.routes.ts, and the app's fallbacks), as formatError gives GraphQL its
 * codes. Inside GraphQL a refused field is an error beside the data, and the status stays 200.
 */
const HTTP_STATUS = {
  [ErrorCode.BadUserInput]: 400,
  [ErrorCode.BadRequest]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.TooFewInquiries]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.MethodNotAllowed]: 405,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Internal]: 500,
} satisfies Record<ErrorCode, number>;

/** The HTTP status of an error code (HTTP_STATUS); takes the enum or its string ('NOT_FOUND'). */
export function httpStatus(code: ErrorCode | `${ErrorCode}`): number {
  return HTTP_STATUS[code as ErrorCode];
}

/** What a BAD_USER_INPUT adds to `extensions`: why (a stable code, shared/src/responses/filters.ts) and which argument. */
export interface BadInputDetail {
  reason: BadInputReason;
  field: string;
}

/**
 * A form's BAD_USER_INPUT: `extensions.fields`, every field at fault. One shape for every form's
 * field problems (the edition settings, the sign-up, the staff's decline, the welcome link's
 * password): `{ field, reason, message, min?, max?, value? }` (FieldProblem,
 * shared/src/field-problem.ts), checked by the same shared function in the browser, so the form
 * words each reason in its own language beside its field; `message` is ours, for other clients.
 */
export interface BadFieldsDetail {
  fields: FieldProblem[];
}

/**
 * Other details of a refusal: `problems` (an uploaded file's, as the importer lists them), `rule`
 * (the rule refused, e.g. a status step's `FORWARD_ONLY`, an edition no longer `NOT_PLANNING`).
 */
export type RefusalDetail = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: BadInputDetail | BadFieldsDetail | RefusalDetail,
  ) {
    // An expected outcome (denied, withheld, bad input), not a fault: no stack is captured. A
    // report carries a dozen withheld cells; with source maps on, capturing and formatting their
    // stacks (graphql-js copies each into its GraphQLError) showed in a profile of the server
    // (bench/RESULTS.md, "Measured by hand").
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = new.target.name;
  }
}
export class BadInput extends DomainError {
  /** With `detail`, a client can say what is wrong in its own language beside the field, rather than show our English message. */
  constructor(message: string, detail?: BadInputDetail | BadFieldsDetail | RefusalDetail) {
    super(ErrorCode.BadUserInput, message, detail);
  }
}
export class NotFound extends DomainError {
  constructor(message: string) {
    super(ErrorCode.NotFound, message);
  }
}
export class Forbidden extends DomainError {
  constructor(message = 'You do not have access to this.') {
    super(ErrorCode.Forbidden, message);
  }
}
export class Unauthenticated extends DomainError {
  constructor(message = 'Sign in first.') {
    super(ErrorCode.Unauthenticated, message);
  }
}
export class TooManyRequests extends DomainError {
  constructor(message: string) {
    super(ErrorCode.TooManyRequests, message);
  }
}
export class TooFewInquiries extends DomainError {
  constructor(message: string) {
    super(ErrorCode.TooFewInquiries, message);
  }
}

/** How much of what a client sent an error message repeats: enough to recognise it, never a flood. */
export const ECHO = {
  /** A quoted value longer than this is cut to this many characters and "…". */
  maxQuoted: 60,
  /** A whole message longer than this is cut (a long unquoted number, many quoted values). */
  maxMessage: 300,
} as const;

/** At most `max` characters and "…"; never splits a surrogate pair. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, cut)}…`;
}

/**
 * A value the client sent, for a message of ours: in double quotes (JSON-escaped, as graphql-js
 * quotes), cut to ECHO.maxQuoted characters. `There is no class ${quote(name)}.`
 */
export function quote(value: string): string {
  return JSON.stringify(shorten(value, ECHO.maxQuoted));
}

/** A double-quoted string in a message, with its escapes: ours (quote()) and graphql-js's. */
const QUOTED = /"((?:[^"\\]|\\.)*)"/g;
/** graphql-js's suggestions: `Did you mean "editions"?`, `Did you mean the enum value "PHONE"?`, … */
const SUGGESTION = / Did you mean [^?]*\?/g;
const SUGGESTION_MASK = ' Is the name spelled as in the schema?';

/**
 * What every message goes through before it is sent: in production without "Did you mean …?"
 * (graphql-js suggests fields, arguments, types and enum values, which maps the schema for
 * someone who has no introspection), and never echoing more than ECHO allows of what the
 * client sent, whoever wrote the message.
 */
function tidy(message: string, production: boolean): string {
  const unsuggested = production ? message.replace(SUGGESTION, SUGGESTION_MASK) : message;
  const capped = unsuggested.replace(QUOTED, (whole, inner: string) => {
    if (inner.length <= ECHO.maxQuoted) return whole;
    // Cut the value, not its escaped form, so that a value quote() has cut stays as it is.
    let value = inner;
    try {
      value = JSON.parse(whole) as string;
    } catch {
      /* not JSON-escaped: cut as it is */
    }
    return JSON.stringify(shorten(value, ECHO.maxQuoted));
  });
  return shorten(capped, ECHO.maxMessage);
}

/**
 * The one formatter: domain errors keep their message and code; errors of the request itself
 * (parse and validation errors, the limits of graphql/hardening.ts, a batched or CSRF-suspect
 * request) pass through with their code and message but without a stack trace; anything else
 * (a database error, a bug) becomes a generic message so no SQL or stack trace reaches a
 * client. The original is logged. Every message is tidied (see tidy()).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  { production }: { production: boolean },
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return {
      message: tidy(original.message, production),
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: original.code, ...original.detail },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== ErrorCode.Internal) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: tidy(formatted.message, production), extensions };
  }
  if (!(original instanceof GraphQLError)) console.error(original);
  return {
    message: 'Something went wrong on the server.',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: ErrorCode.Internal },
  };
}

/**
 * A /graphql request whose body could not be read (express.json: not JSON, over the size limit,
 * another charset) gets the same shape as any GraphQL error, never Express's HTML error page:
 * `{ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] }` with the parser's status
 * (400, 413, 415). Anything else that fails there is a server error, logged, as in formatError.
 */
export const requestBodyError: ErrorRequestHandler = (error: { status?: unknown; type?: unknown; limit?: unknown }, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = typeof error?.status === 'number' ? error.status : 500;
  if (status >= 500 || typeof error.type !== 'string') {
    console.error(error);
    res.status(500).json({ errors: [{ message: 'Something went wrong on the server.', extensions: { code: ErrorCode.Internal } }] });
    return;
  }
  const message =
    {
      'entity.parse.failed': 'The request body is not valid JSON. Send { "query": "…", "variables": { … } }.',
      'entity.too.large':
        typeof error.limit === 'number'
          ? `The request body is larger than ${Number((error.limit / 2 ** 20).toFixed(2))} MB.`
          : 'The request body is too large.',
      'charset.unsupported': 'The request body must be JSON in UTF-8.',
      'encoding.unsupported': 'The request body must be JSON in UTF-8, sent as it is or with gzip, deflate or br.',
    }[error.type] ?? 'The request body could not be read.';
  res.status(status).json({ errors: [{ message, extensions: { code: ErrorCode.BadRequest } }] });
};
