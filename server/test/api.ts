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
  /** The cookies the server set, by name (the session, and with a replica the version of the last write). */
  private jar = new Map<string, string>();
  /** As a Cookie header. */
  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ');
  }
  set cookie(header: string) {
    this.jar = new Map();
    for (const pair of header.split(';')) this.keep(pair);
  }
  /** Sent with every request, e.g. `x-forwarded-for` to act from another client address. */
  headers: Record<string, string> = {};
  /** Who is signed in, for assertion messages: 'anonymous' until a viewer helper signs in. */
  who = 'anonymous';
  /** The headers of the last response. */
  lastHeaders: Headers = new Headers();
  constructor(private readonly baseUrl: () => string) {}

  async query<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
    const res = await fetch(`${this.baseUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    this.lastHeaders = res.headers;
    for (const setCookie of res.headers.getSetCookie()) this.keep(setCookie.split(';')[0]!);
    return (await res.json()) as GraphQLResult<T>;
  }

  /** One `name=value`; an empty value (as a cookie is cleared) drops it. */
  private keep(pair: string): void {
    const at = pair.indexOf('=');
    if (at < 1) return;
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value) this.jar.set(name, value);
    else this.jar.delete(name);
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
