import { describe, expect, it } from 'vitest';
import { ErrorCode, httpStatus } from './errors.js';

describe('httpStatus', () => {
  it('gives each error code the HTTP status the downloads answer with', () => {
    expect(Object.fromEntries(Object.values(ErrorCode).map((code) => [code, httpStatus(code)]))).toEqual({
      BAD_USER_INPUT: 400,
      BAD_REQUEST: 400,
      UNAUTHENTICATED: 401,
      FORBIDDEN: 403,
      TOO_FEW_INQUIRIES: 403,
      NOT_FOUND: 404,
      METHOD_NOT_ALLOWED: 405,
      TOO_MANY_REQUESTS: 429,
      INTERNAL_SERVER_ERROR: 500,
    });
  });

  it('takes the code as the enum or as the string a refusal carries', () => {
    expect(httpStatus('NOT_FOUND')).toBe(httpStatus(ErrorCode.NotFound));
  });
});
