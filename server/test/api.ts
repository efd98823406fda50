import type http from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type AppOptions } from '../src/app.js';
import type { TestDatabase } from './db.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** A browser-like client: real HTTP against the real app, keeping the session cookie. */
export class ApiClient {
  cookie = '';
  /** Sent with every request, e.g. `x-forwarded-for` to act from another client address. */
  headers: Record<string, string> = {};
  /** Who is signed in, for assertion messages: 'anonymous' until a viewer helper signs in. */
  who = 'anonymous';
  constructor(private readonly baseUrl: () => string) {}

  async query<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const res = await fetch(`${this.baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    return (await res.json()) as GraphQLResult<T>;
  }

  async login(email: string, password: string) {
    const result = await this.query(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id role } }`, {
      e: email,
      p: password,
    });
    if (result.errors) throw new Error(`login failed: ${result.errors[0]!.message}`);
    return result;
  }
}

/** Serves the app on a free port for this test file. */
export function useApi(db: TestDatabase, options: AppOptions = {}): { url: () => string; client: () => ApiClient } {
  let server: http.Server;
  let stop: () => Promise<void>;
  let url = '';
  beforeAll(async () => {
    const created = await createApp(db, options);
    stop = created.stop;
    await new Promise<void>((resolve) => {
      server = created.app.listen(0, '127.0.0.1', () => resolve());
    });
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await stop?.();
  });
  return { url: () => url, client: () => new ApiClient(() => url) };
}

/** The error codes of a result, by field path, for compact assertions. */
export function errorCodes(result: GraphQLResult): string[] {
  return (result.errors ?? []).map((e) => `${(e.path ?? []).join('.')}:${e.extensions?.code}`);
}
