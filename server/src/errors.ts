import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';

/** The error codes a client can rely on (contract.md), in one place. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  /** A competitor's figure over fewer inquiries than the edition's minimum cell size: withheld, the field is null. */
  TooFewInquiries = 'TOO_FEW_INQUIRIES',
  Internal = 'INTERNAL_SERVER_ERROR',
}

export class DomainError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = new.target.name;
  }
}
export class BadInput extends DomainError {
  constructor(message: string) { super(ErrorCode.BadUserInput, message); }
}
export class NotFound extends DomainError {
  constructor(message: string) { super(ErrorCode.NotFound, message); }
}
export class Forbidden extends DomainError {
  constructor(message = 'You do not have access to this.') { super(ErrorCode.Forbidden, message); }
}
export class Unauthenticated extends DomainError {
  constructor(message = 'Sign in first.') { super(ErrorCode.Unauthenticated, message); }
}
export class TooManyRequests extends DomainError {
  constructor(message: string) { super(ErrorCode.TooManyRequests, message); }
}
export class TooFewInquiries extends DomainError {
  constructor(message: string) { super(ErrorCode.TooFewInquiries, message); }
}

/**
 * The one formatter: domain errors keep their message and code; errors of the request itself
 * (parse and validation errors, the limits of graphql/hardening.ts, a batched or CSRF-suspect
 * request) pass through with their code and message but without a stack trace; anything else
 * (a database error, a bug) becomes a generic message so no SQL or stack trace reaches a
 * client. The original is logged.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return { message: original.message, path: formatted.path, locations: formatted.locations, extensions: { code: original.code } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && code !== ErrorCode.Internal) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  if (!(original instanceof GraphQLError)) console.error(original);
  return { message: 'Something went wrong on the server.', path: formatted.path, locations: formatted.locations, extensions: { code: ErrorCode.Internal } };
}
