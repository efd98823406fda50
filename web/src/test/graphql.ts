import type { Client } from 'urql';
import { createUrqlClient } from '../app/urql';

/** A GraphQL response body as the server sends it. */
export interface GraphQLBody {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/** Makes the stubbed server fail as if it could not be reached. */
export const NETWORK_DOWN = Symbol('network down');

export type Handler = (variables: Record<string, unknown>) => GraphQLBody | typeof NETWORK_DOWN | Promise<GraphQLBody>;

export interface RecordedCall {
  operationName: string;
  variables: Record<string, unknown>;
  method: string | undefined;
  credentials: RequestCredentials | undefined;
}

/**
 * The app's real urql client (same exchanges and options) over a stubbed `fetch` that
 * answers by operation name. Records what was sent, so a test can check the variables.
 */
export function stubGraphQL(handlers: Record<string, Handler>): { client: Client; createClient: () => Client; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetch = async (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = JSON.parse(String(init?.body)) as { operationName: string; variables?: Record<string, unknown> };
    const variables = body.variables ?? {};
    calls.push({ operationName: body.operationName, variables, method: init?.method, credentials: init?.credentials });
    const handler = handlers[body.operationName];
    if (!handler) throw new Error(`No stub for the operation ${body.operationName}`);
    const result = await handler(variables);
    if (result === NETWORK_DOWN) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(result), { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  const createClient = () => createUrqlClient({ url: 'http://localhost/graphql', fetch });
  return { client: createClient(), createClient, calls };
}
