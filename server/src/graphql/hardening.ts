import { GraphQLError, visit, type ASTNode, type ASTVisitor, type DocumentNode, type ValidationContext } from 'graphql';
import type { ApolloServerPlugin, ApolloServerOptions } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { OPERATION_LIMITS } from '@ksp/shared';
import { ErrorCode } from '../errors.js';

/**
 * Limits on the shape of an operation, checked before anything runs. Measured with
 * graphql-armor's own counting on our queries (schema.graphql of November 2026):
 *
 * | query                                                    | depth | cost | tokens |
 * |----------------------------------------------------------|-------|------|--------|
 * | the full report (report.statements.int.test.ts)          |   7   | 5400 |  420   |
 * | report → history → report → competitors → report → …     |   8   | 111  |   37   |
 * | resultList (the dashboard's)                             |   3   |  20  |   40   |
 *
 * The limits leave room for a page that asks for more (depth +4, cost ×3.7, tokens ×2.4) and stop
 * machine-made abuse: endless introspection nesting, aliased repeats, huge documents. The numbers
 * are defined once, in @ksp/shared (api-limits.ts), where the web app's documents are held to them.
 */
export const LIMITS = OPERATION_LIMITS;

/** The libraries' messages begin with "Syntax Error:" though the syntax is fine: drop it. */
const readable = (message: string) => message.replace(/^Syntax Error:\s*/, '');

/**
 * Reports a broken limit as a validation error of the request. Apollo wraps it: HTTP 400 and
 * `extensions.code = "GRAPHQL_VALIDATION_FAILED"`, nothing is executed, so there is no `data`.
 */
const reportAsValidationError = (ctx: ValidationContext | null, error: GraphQLError) => {
  ctx?.reportError(new GraphQLError(readable(error.message)));
};
const rejection = { propagateOnRejection: false, onReject: [reportAsValidationError] };

/**
 * The schema has no subscription type, and graphql-js 16 does not check that in validation: a
 * `subscription { … }` got as far as execution and failed there as a server error. Refused here
 * instead: HTTP 400, `GRAPHQL_VALIDATION_FAILED`, nothing runs.
 */
export function noSubscriptions(ctx: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation === 'subscription') {
        ctx.reportError(new GraphQLError('Subscriptions are not supported: send a query or a mutation.', { nodes: node }));
      }
    },
  };
}

/** Whether a variable's value holds U+0000 anywhere, in a string or a key; iterative, so deep JSON cannot overflow the stack. */
function holdsNul(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const next = stack.pop();
    if (typeof next === 'string') {
      if (next.includes('\u0000')) return true;
    } else if (next && typeof next === 'object') {
      for (const [key, inner] of Object.entries(next)) {
        if (key.includes('\u0000')) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

/**
 * The first argument of the document whose value holds U+0000, written out for a message:
 * a literal (`"a\u0000b"`), a variable's value or a variable's default. Nested input fields
 * are named with dots (`filter.name`).
 */
function argumentWithNul(document: DocumentNode, variables: Record<string, unknown>): { what: string; node?: ASTNode } | null {
  const badVariables = new Set(Object.keys(variables).filter((name) => holdsNul(variables[name])));
  // A literal can hold U+0000 only through an escape in the text (`\u0000`, `\u{0}`): without one,
  // and with no variable holding it, there is nothing to find, and the walk (every request) is skipped.
  const source = document.loc?.source.body;
  if (badVariables.size === 0 && source !== undefined && !/\\u(?:0000|\{0*\})/i.test(source)) return null;
  const names: string[] = [];
  let defining: string | null = null;
  let found: { what: string; node?: ASTNode } | null = null;
  const enter = (name: string) => {
    names.push(name);
  };
  const leave = () => {
    names.pop();
  };
  visit(document, {
    VariableDefinition: {
      enter(node) {
        defining = node.variable.name.value;
      },
      leave() {
        defining = null;
      },
    },
    Argument: { enter: (node) => enter(node.name.value), leave },
    ObjectField: { enter: (node) => enter(node.name.value), leave },
    StringValue(node) {
      if (found || !node.value.includes('\u0000')) return;
      found = { what: defining ? `The default value of variable "$${defining}"` : `Argument "${names.join('.')}"`, node };
    },
    Variable(node) {
      if (found || defining || !badVariables.has(node.name.value)) return;
      found = { what: `Argument "${names.join('.')}" (variable "$${node.name.value}")`, node };
    },
  });
  if (!found && badVariables.size) found = { what: `Variable "$${[...badVariables][0]}"` };
  return found;
}

/**
 * PostgreSQL text cannot hold U+0000 (NUL): a query with it failed in the database, as a server
 * error. Every argument of an operation, written in the document or passed as a variable, is
 * checked once here, before anything runs: HTTP 400, `BAD_USER_INPUT`, naming the argument.
 * (graphql-js already refuses a raw NUL in the document itself; the escape `\u0000` it takes.)
 */
const refuseNul: ApolloServerPlugin<any> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const found = argumentWithNul(document, request.variables ?? {});
        if (!found) return;
        throw new GraphQLError(`${found.what} contains the character U+0000 (NUL), which text cannot hold: remove it.`, {
          nodes: found.node,
          extensions: { code: ErrorCode.BadUserInput, http: { status: 400 } },
        });
      },
    };
  },
};

/**
 * We take no automatic persisted queries (APQ: a client registers any query under its hash), so
 * `persistedQueries` is off and Apollo answers any `extensions.persistedQuery` with
 * PERSISTED_QUERY_NOT_SUPPORTED, before any use of the hash, so that no malformed variant (a
 * number as hash, a hash without a query, another version) reaches code that fails. Apollo sends
 * that with HTTP 200 (so that an APQ client retries with the full query); for us it is a refused
 * request: 400. Trusted documents (hashes registered from the web build) would be a cache of
 * their own here, with this refusal for hashes not in it.
 */
const refusePersistedQueries: ApolloServerPlugin<any> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (errors?.some((e) => e.extensions?.code === 'PERSISTED_QUERY_NOT_SUPPORTED')) response.http.status = 400;
      },
    };
  },
};

export interface Hardening {
  persistedQueries: false;
  plugins: ApolloServerPlugin<any>[];
  validationRules: NonNullable<ApolloServerOptions<any>['validationRules']>;
  parseOptions: NonNullable<ApolloServerOptions<any>['parseOptions']>;
}

/**
 * The protections for Apollo: graphql-armor's, and ours above (no U+0000 in arguments, no
 * subscriptions, no persisted queries), with Apollo's landing page off. Depth, cost, aliases
 * and directives are validation rules. Suggestions ("Did you mean …?") are masked in production by the error formatter
 * (errors.ts), for every kind of name; armor's own masking knows field names only.
 *
 * The token limit is graphql-js's own `maxTokens` parse option rather than armor's max-tokens
 * plugin: that plugin throws from Apollo's `parsingDidStart` hook, which Apollo treats as an
 * unexpected failure of the server (HTTP 500, tried with armor 3.2.0 and Apollo 5.5.1); the
 * parse option fails the parse itself, a client error: HTTP 400, `GRAPHQL_PARSE_FAILED`.
 */
export function hardening(): Hardening {
  const { plugins, validationRules } = new ApolloArmor({
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...rejection },
    costLimit: { maxCost: LIMITS.maxCost, ignoreIntrospection: true, ...rejection },
    maxAliases: { n: LIMITS.maxAliases, ...rejection },
    maxDirectives: { n: LIMITS.maxDirectives, ...rejection },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    persistedQueries: false,
    plugins: [
      // armor's declarations name Apollo's CommonJS types, ours the ESM ones: the same plain
      // objects at run time, two declarations of HeaderMap to the compiler.
      ...(plugins as unknown as ApolloServerPlugin<any>[]),
      refuseNul,
      refusePersistedQueries,
      // Apollo's landing page on GET /graphql loads Apollo Sandbox from Apollo's CDN: scripts from
      // another origin, which our Content-Security-Policy (app.ts) refuses and our machines cannot
      // reach. Without it a browser's GET gets the usual JSON error; any GraphQL client still
      // works (with introspection outside production).
      ApolloServerPluginLandingPageDisabled(),
      // Apollo's cache-control plugin, on by default, wraps every field's resolver to gather
      // cache hints that nothing here reads (answers are cached by graphql/response-cache.ts):
      // a report resolves thousands of fields, and the wrapping showed in its CPU profile.
      ApolloServerPluginCacheControlDisabled(),
    ],
    validationRules: [...validationRules, noSubscriptions],
    parseOptions: { maxTokens: LIMITS.maxTokens },
  };
}
