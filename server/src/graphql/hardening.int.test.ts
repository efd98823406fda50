import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/db.js';
import { useApi, type GraphQLResult } from '../../test/api.js';
import { fixtureBundle } from '../../test/factories.js';
import { storeEdition } from '../modules/edition/edition-bundle.js';
import { ECHO } from '../errors.js';
import { LIMITS } from './hardening.js';

const db = useTestDatabase();
const dev = useApi(db, { production: false });
const prod = useApi(db, { production: true });

beforeAll(async () => {
  await db.orm.em.fork().transactional((em) => storeEdition(em, fixtureBundle(), { status: 'PUBLISHED' }));
});

/** A raw POST, to see the HTTP status and send bodies the client would not. */
async function post(url: string, body: unknown): Promise<{ status: number; json: GraphQLResult & { data?: unknown } }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as GraphQLResult };
}

/**
 * A valid query `levels` fields deep: `__type` → ofType → … → name. Introspection of one type
 * nests without end (graphql-js limits only fields/interfaces/possibleTypes cycles), which is
 * what a depth limit is for; only `__schema` is exempt from it.
 */
function nested(levels: number, leaf = 'name'): string {
  let inner = leaf;
  for (let depth = 2; depth < levels; depth++) inner = `ofType { ${inner} }`;
  return `{ __type(name: "Query") { ${inner} } }`;
}

const codes = (r: GraphQLResult) => (r.errors ?? []).map((e) => e.extensions?.code);

describe('limits on the shape of an operation (graphql-armor)', () => {
  it('lets a query at the depth limit through', async () => {
    const { status, json } = await post(dev.url(), { query: nested(LIMITS.maxDepth) });
    expect(json.errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it('rejects a query deeper than the limit before running it: 400, its code, a plain message, no data', async () => {
    const { status, json } = await post(dev.url(), { query: nested(LIMITS.maxDepth + 1) });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(json.errors).toEqual([
      {
        message: `Query depth limit of ${LIMITS.maxDepth} exceeded, found ${LIMITS.maxDepth + 1}.`,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('rejects a query whose cost is above the limit, though depth and aliases are within theirs', async () => {
    const wide = Array.from({ length: 400 }, () => 'name').join(' ');
    const { status, json } = await post(dev.url(), { query: nested(LIMITS.maxDepth, wide) });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(codes(json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(json.errors![0]!.message).toMatch(new RegExp(`^Query Cost limit of ${LIMITS.maxCost} exceeded, found \\d+`));
  });

  it(`allows ${LIMITS.maxAliases} aliases and rejects one more`, async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `e${i}: editions { year }`).join(' ')} }`;
    const ok = await post(dev.url(), { query: aliases(LIMITS.maxAliases) });
    expect(ok.json.errors).toBeUndefined();
    expect(Object.keys(ok.json.data as object)).toHaveLength(LIMITS.maxAliases);

    const { status, json } = await post(dev.url(), { query: aliases(LIMITS.maxAliases + 1) });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(json.errors).toEqual([
      {
        message: `Aliases limit of ${LIMITS.maxAliases} exceeded, found ${LIMITS.maxAliases + 1}.`,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('rejects guessing many passwords in one request through aliases', async () => {
    const logins = Array.from({ length: 20 }, (_, i) => `l${i}: login(email: "x@test.no", password: "guess-${i}") { id }`).join(' ');
    const { status, json } = await post(dev.url(), { query: `mutation { ${logins} }` });
    expect(status).toBe(400);
    expect(codes(json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('rejects too many directives', async () => {
    const fields = Array.from({ length: LIMITS.maxDirectives + 1 }, () => 'year @include(if: true)').join(' ');
    const { status, json } = await post(dev.url(), { query: `{ editions { ${fields} } }` });
    expect(status).toBe(400);
    expect(json.errors).toEqual([
      {
        message: `Directives limit of ${LIMITS.maxDirectives} exceeded, found ${LIMITS.maxDirectives + 1}.`,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('stops parsing a document with too many tokens: 400, GRAPHQL_PARSE_FAILED', async () => {
    const fields = Array.from({ length: LIMITS.maxTokens }, () => 'year').join(' ');
    const { status, json } = await post(dev.url(), { query: `{ editions { ${fields} } }` });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(codes(json)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(json.errors![0]!.message).toContain(`more that ${LIMITS.maxTokens} tokens`);
  });

  it('rejects a batched request (a JSON array of operations) with a 400', async () => {
    const { status, json } = await post(dev.url(), [{ query: '{ editions { year } }' }, { query: '{ me { id } }' }]);
    expect(status).toBe(400);
    expect(json).toEqual({ errors: [{ message: 'Operation batching disabled.', extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('keeps CSRF prevention on: a simple GET without a preflight header is refused', async () => {
    const url = `${dev.url()}/graphql?query=${encodeURIComponent('{ editions { year } }')}`;
    const refused = await fetch(url);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as GraphQLResult).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    const allowed = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
  });

  it('still answers ordinary queries', async () => {
    const { status, json } = await post(dev.url(), { query: '{ editions { year } resultList(year: 2024) { rank company { slug } } }' });
    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    expect(json.data).toMatchObject({ editions: [{ year: 2024 }] });
  });
});

describe('production', () => {
  it('refuses introspection, with a code and without a stack trace', async () => {
    const { status, json } = await post(prod.url(), { query: '{ __schema { types { name } } }' });
    expect(status).toBe(400);
    expect(json.data).toBeUndefined();
    expect(codes(json)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(json.errors![0]!.message).toMatch(/introspection is not allowed/);
    expect(json.errors![0]!.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', validationErrorCode: 'INTROSPECTION_DISABLED' });
  });

  it('allows introspection outside production', async () => {
    const { json } = await post(dev.url(), { query: '{ __schema { types { name } } }' });
    expect(json.errors).toBeUndefined();
    expect((json.data as { __schema: { types: unknown[] } }).__schema.types.length).toBeGreaterThan(10);
  });

  it('sends no stack trace with any error', async () => {
    for (const query of [
      '{ participation(year: 1999, companySlug: "alfa") { tier } }',
      '{ editions { nope } }',
      nested(LIMITS.maxDepth + 1),
    ]) {
      const { json } = await post(prod.url(), { query });
      expect(json.errors?.length).toBeGreaterThan(0);
      for (const error of json.errors!) {
        expect(error.extensions?.code).toEqual(expect.any(String));
        expect(['code', 'validationErrorCode']).toEqual(expect.arrayContaining(Object.keys(error.extensions!)));
        expect(JSON.stringify(error)).not.toMatch(/stacktrace|\.ts:\d+|at .*\(/);
      }
    }
  });

  it('hides field suggestions, which would map the schema without introspection', async () => {
    const query = '{ editons { year } }';
    const shown = await post(dev.url(), { query });
    expect(shown.json.errors![0]!.message).toBe('Cannot query field "editons" on type "Query". Did you mean "editions" or "edition"?');
    const hidden = await post(prod.url(), { query });
    expect(hidden.status).toBe(400);
    expect(hidden.json.errors).toEqual([
      {
        message: 'Cannot query field "editons" on type "Query". Is the name spelled as in the schema?',
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
    ]);
  });

  it('answers ordinary queries', async () => {
    const { json } = await post(prod.url(), { query: '{ editions { year } }' });
    expect(json).toEqual({ data: { editions: [{ year: 2024 }] } });
  });
});

describe('what an error message repeats', () => {
  const REPORT = (channel: string) => `{ participation(year: 2024, companySlug: "alfa") { report(channel: ${channel}) { total } } }`;
  const BY_VARIABLE = 'query($c: Channel) { participation(year: 2024, companySlug: "alfa") { report(channel: $c) { total } } }';

  it('suggests no names in production: not for enum values, arguments or types either', async () => {
    const cases: { body: unknown; dev: string; prod: string }[] = [
      {
        body: { query: REPORT('PHON') },
        dev: 'Value "PHON" does not exist in "Channel" enum. Did you mean the enum value "PHONE"?',
        prod: 'Value "PHON" does not exist in "Channel" enum. Is the name spelled as in the schema?',
      },
      {
        body: { query: BY_VARIABLE, variables: { c: 'PHON' } },
        dev: 'Variable "$c" got invalid value "PHON"; Value "PHON" does not exist in "Channel" enum. Did you mean the enum value "PHONE"?',
        prod: 'Variable "$c" got invalid value "PHON"; Value "PHON" does not exist in "Channel" enum. Is the name spelled as in the schema?',
      },
      {
        body: { query: '{ participation(year: 2024, companySlu: "alfa") { tier } }' },
        dev: 'Unknown argument "companySlu" on field "Query.participation". Did you mean "companySlug"?',
        prod: 'Unknown argument "companySlu" on field "Query.participation". Is the name spelled as in the schema?',
      },
      {
        body: { query: 'query($c: Chanel) { editions { year } }' },
        dev: 'Unknown type "Chanel". Did you mean "Channel" or "ChannelCx"?',
        prod: 'Unknown type "Chanel". Is the name spelled as in the schema?',
      },
    ];
    for (const { body, dev: devMessage, prod: prodMessage } of cases) {
      const shown = await post(dev.url(), body);
      expect(shown.json.errors!.map((e) => e.message)).toContain(devMessage);
      const hidden = await post(prod.url(), body);
      expect(hidden.status).toBe(400);
      expect(hidden.json.errors!.map((e) => e.message)).toContain(prodMessage);
      expect(JSON.stringify(hidden.json)).not.toContain('Did you mean');
    }
  });

  it(`cuts a quoted value longer than ${ECHO.maxQuoted} characters, in our messages and in graphql-js's`, async () => {
    const slug = 'x'.repeat(100_000);
    const ours = await post(prod.url(), { query: `{ participation(year: 2024, companySlug: "${slug}") { tier } }` });
    expect(ours.json.errors).toEqual([
      {
        message: `No participation of "${'x'.repeat(ECHO.maxQuoted)}…" in a published edition 2024.`,
        path: ['participation'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'NOT_FOUND' },
      },
    ]);

    const value = 'PHONE'.repeat(200);
    const literal = await post(dev.url(), { query: REPORT(value) });
    expect(literal.status).toBe(400);
    expect(literal.json.errors!.map((e) => e.message)).toEqual([
      `Value "${value.slice(0, ECHO.maxQuoted)}…" does not exist in "Channel" enum.`,
    ]);
    const variable = await post(prod.url(), { query: BY_VARIABLE, variables: { c: value } });
    expect(variable.json.errors!.map((e) => e.message)).toEqual([
      `Variable "$c" got invalid value "${value.slice(0, ECHO.maxQuoted)}…"; Value "${value.slice(0, ECHO.maxQuoted)}…" does not exist in "Channel" enum.`,
    ]);
  });

  it('quotes what the client sent through one helper in our own messages, cut like the rest', async () => {
    const className = 'Bank "og" forsikring '.repeat(10);
    const { json } = await post(prod.url(), {
      query: 'query($c: String) { resultList(year: 2024, className: $c) { rank } }',
      variables: { c: className },
    });
    expect(json.errors).toEqual([
      {
        message: `There is no class ${JSON.stringify(className.slice(0, ECHO.maxQuoted))}… in KSP 2024. Classes: Bank, Forsikring.`.replace(
          /"… in/,
          '…" in',
        ),
        path: ['resultList'],
        locations: [{ line: 1, column: 21 }],
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
  });

  it(`cuts a whole message at ${ECHO.maxMessage} characters`, async () => {
    const { status, json } = await post(prod.url(), { query: `{ resultList(year: ${'9'.repeat(5000)}) { rank } }` });
    expect(status).toBe(400);
    const message = json.errors![0]!.message;
    const start = 'Int cannot represent non 32-bit signed integer value: ';
    expect(message).toBe(`${start}${'9'.repeat(ECHO.maxMessage - start.length)}…`);
    expect(message).toHaveLength(ECHO.maxMessage + 1);
  });
});

describe('arguments PostgreSQL cannot take', () => {
  const NUL_TAIL = 'contains the character U+0000 (NUL), which text cannot hold: remove it.';

  it('refuses U+0000 in a literal argument: 400, BAD_USER_INPUT, naming the argument, nothing runs', async () => {
    const { status, json } = await post(prod.url(), { query: '{ participation(year: 2024, companySlug: "a\\u0000b") { tier } }' });
    expect(status).toBe(400);
    expect(json).toEqual({
      errors: [
        {
          message: `Argument "companySlug" ${NUL_TAIL}`,
          locations: [{ line: 1, column: 42 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });
    // Also written with braces, which graphql-js reads as the same character.
    const braces = await post(prod.url(), { query: '{ participation(year: 2024, companySlug: "a\\u{00}b") { tier } }' });
    expect(braces.status).toBe(400);
    expect(braces.json.errors?.[0]?.message).toBe(`Argument "companySlug" ${NUL_TAIL}`);
  });

  it('refuses U+0000 in a variable, wherever it is passed: the login e-mail, a comment search', async () => {
    const login = await post(prod.url(), {
      query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }',
      variables: { e: 'anna@test.no\u0000', p: 'secret' },
    });
    expect(login.status).toBe(400);
    expect(login.json).toEqual({
      errors: [
        {
          message: `Argument "email" (variable "$e") ${NUL_TAIL}`,
          locations: [{ line: 1, column: 51 }],
          extensions: { code: 'BAD_USER_INPUT' },
        },
      ],
    });

    const search = await post(prod.url(), {
      query: 'query($s: String) { participation(year: 2024, companySlug: "alfa") { report { responses(search: $s) { totalCount } } } }',
      variables: { s: 'god\u0000' },
    });
    expect(search.status).toBe(400);
    expect(search.json.errors!.map((e) => [e.message, e.extensions?.code])).toEqual([
      [`Argument "search" (variable "$s") ${NUL_TAIL}`, 'BAD_USER_INPUT'],
    ]);
  });

  it('refuses U+0000 in the default value of a variable', async () => {
    const { status, json } = await post(dev.url(), {
      query: 'query($c: String = "x\\u0000") { resultList(year: 2024, className: $c) { rank } }',
    });
    expect(status).toBe(400);
    expect(json.errors!.map((e) => [e.message, e.extensions?.code])).toEqual([
      [`The default value of variable "$c" ${NUL_TAIL}`, 'BAD_USER_INPUT'],
    ]);
  });

  it('takes other control characters and any other text as before', async () => {
    const { status, json } = await post(prod.url(), {
      query: 'query($s: String!) { participation(year: 2024, companySlug: $s) { tier } }',
      variables: { s: 'a\u0001b – «ø»' },
    });
    expect(status).toBe(200);
    expect(json.errors!.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
  });
});

describe('operations this API does not have', () => {
  it('refuses a subscription as a client error: 400, GRAPHQL_VALIDATION_FAILED, with what to do instead', async () => {
    for (const url of [dev.url(), prod.url()]) {
      const { status, json } = await post(url, { query: 'subscription { editions { year } }' });
      expect(status).toBe(400);
      expect(json).toEqual({
        errors: [
          {
            message: 'Subscriptions are not supported: send a query or a mutation.',
            locations: [{ line: 1, column: 1 }],
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          },
        ],
      });
    }
  });
});

describe('persisted queries (none: we do not take automatic persisted queries)', () => {
  const NOT_SUPPORTED = { errors: [{ message: 'PersistedQueryNotSupported', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }] };
  const query = '{ editions { year } }';
  const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

  it('refuses every persistedQuery extension, well-formed or not, as a client error: 400 with a stable code', async () => {
    const variants: unknown[] = [
      { query, extensions: { persistedQuery: { version: 1, sha256Hash: 123 } } },
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } },
      { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } },
      { query, extensions: { persistedQuery: { version: 1, sha256Hash: 'not the hash' } } },
      { query, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(query) } } },
      { extensions: { persistedQuery: { version: '1', sha256Hash: null } } },
      { query, extensions: { persistedQuery: 'x' } },
      { query, extensions: { persistedQuery: [] } },
      { query, extensions: { persistedQuery: {} } },
      { extensions: { persistedQuery: true } },
    ];
    for (const body of variants) {
      for (const url of [dev.url(), prod.url()]) {
        const { status, json } = await post(url, body);
        expect({ body, status, json }).toEqual({ body, status: 400, json: NOT_SUPPORTED });
      }
    }
  });

  it('refuses it in a GET request the same way', async () => {
    const params = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(query) } }) });
    const res = await fetch(`${prod.url()}/graphql?${params}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual(NOT_SUPPORTED);
  });

  it('answers a malformed extensions field or an empty persistedQuery with BAD_REQUEST, never a server error', async () => {
    const cases: [unknown, string][] = [
      [
        { query, extensions: 'persistedQuery' },
        '`extensions` in a POST body should be provided as an object, not a recursively JSON-encoded string.',
      ],
      [{ query, extensions: 5 }, '`extensions` in a POST body must be an object if provided.'],
      [{ extensions: { persistedQuery: null } }, 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.'],
    ];
    for (const [body, message] of cases) {
      const { status, json } = await post(prod.url(), body);
      expect({ body, status, json }).toEqual({ body, status: 400, json: { errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] } });
    }
    // An empty persistedQuery next to a query is no persisted query at all: the query runs.
    expect(await post(prod.url(), { query, extensions: { persistedQuery: null } })).toEqual({
      status: 200,
      json: { data: { editions: [{ year: 2024 }] } },
    });
  });
});

describe('request bodies that are not a GraphQL request', () => {
  async function send(body: string | Buffer, headers: Record<string, string> = {}) {
    const res = await fetch(`${prod.url()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    return { status: res.status, type: res.headers.get('content-type'), json: (await res.json()) as unknown };
  }
  const badRequest = (message: string) => ({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });

  it('answers a body that is not JSON as a GraphQL error: 400, JSON, BAD_REQUEST', async () => {
    for (const body of ['{"query": ', '{ query: "{ editions { year } }" }', '"just a string"']) {
      expect(await send(body)).toEqual({
        status: 400,
        type: 'application/json; charset=utf-8',
        json: badRequest('The request body is not valid JSON. Send { "query": "…", "variables": { … } }.'),
      });
    }
  });

  it(`answers a body over ${LIMITS.maxBodyBytes} bytes with 413, as a GraphQL error, and takes one just under it`, async () => {
    const query = '{ editions { year } }';
    const sized = (bytes: number) => {
      const frame = JSON.stringify({ query, variables: { pad: '' } });
      return JSON.stringify({ query, variables: { pad: 'x'.repeat(bytes - frame.length) } });
    };
    expect(sized(LIMITS.maxBodyBytes)).toHaveLength(LIMITS.maxBodyBytes);
    expect(await send(sized(LIMITS.maxBodyBytes + 1))).toEqual({
      status: 413,
      type: 'application/json; charset=utf-8',
      json: badRequest('The request body is larger than 1 MB.'),
    });
    expect(await send(sized(LIMITS.maxBodyBytes))).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      json: { data: { editions: [{ year: 2024 }] } },
    });
  });

  it('counts the size after unzipping, and refuses a charset other than UTF-8 with 415', async () => {
    const zipped = zlib.gzipSync(
      JSON.stringify({ query: '{ editions { year } }', variables: { pad: ' '.repeat(2 * LIMITS.maxBodyBytes) } }),
    );
    expect(zipped.length).toBeLessThan(10_000);
    expect(await send(zipped, { 'content-encoding': 'gzip' })).toMatchObject({
      status: 413,
      json: badRequest('The request body is larger than 1 MB.'),
    });
    expect(await send('{"query":"{ editions { year } }"}', { 'content-type': 'application/json; charset=latin1' })).toEqual({
      status: 415,
      type: 'application/json; charset=utf-8',
      json: badRequest('The request body must be JSON in UTF-8.'),
    });
  });
});
