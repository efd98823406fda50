import { Pool } from 'undici';
import { summarize, type Latency } from './stats.js';

// GraphQL over HTTP with undici: one keep-alive connection per concurrent request, so a
// measurement holds connection set-up out (as a browser or a proxy would).

export interface GraphQLError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string };
}
export interface GraphQLResult<T = any> {
  data?: T | null;
  errors?: GraphQLError[];
}

/** Which errors a request may carry by design (a competitor's small cell, say); any other is a failure. */
export type ErrorPolicy = (error: GraphQLError) => boolean;
export const NO_ERRORS: ErrorPolicy = () => false;

/** `cache`: the server's `x-ksp-cache` header (hit, miss or bypass of its response cache). */
export interface Timed<T = any> {
  ms: number;
  bytes: number;
  status: number;
  result: GraphQLResult<T>;
  cache?: string;
}

export class GraphQLClient {
  private readonly pool: Pool;
  cookie = '';

  /** `headers`: sent with every request, e.g. `cache-control: no-cache` to pass the response cache by. */
  constructor(
    private readonly url: URL,
    connections = 1,
    private readonly headers: Record<string, string> = {},
  ) {
    this.pool = new Pool(url.origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  }

  /** One request, timed from sending it until its whole body has arrived (parsing the JSON is not counted). */
  async request<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<Timed<T>> {
    const body = JSON.stringify({ query, variables });
    const started = performance.now();
    const res = await this.pool.request({
      path: this.url.pathname,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...this.headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
      body,
    });
    const text = await res.body.text();
    const ms = performance.now() - started;
    const setCookie = res.headers['set-cookie'];
    const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
    if (first) this.cookie = first.split(';')[0]!;
    let result: GraphQLResult<T>;
    try {
      result = JSON.parse(text) as GraphQLResult<T>;
    } catch {
      result = { errors: [{ message: `HTTP ${res.statusCode}: ${text.slice(0, 200)}` }] };
    }
    const cache = res.headers['x-ksp-cache'];
    return { ms, bytes: Buffer.byteLength(text), status: res.statusCode, result, cache: Array.isArray(cache) ? cache[0] : cache };
  }

  /** A request that must succeed (login, warm-up, the equality check): throws on any error the policy does not allow. */
  async must<T = any>(query: string, variables: Record<string, unknown> = {}, allowed: ErrorPolicy = NO_ERRORS): Promise<GraphQLResult<T>> {
    const r = await this.request<T>(query, variables);
    const bad = failures(r, allowed);
    if (bad.length) throw new Error(`request failed (HTTP ${r.status}): ${JSON.stringify(bad.slice(0, 3))}`);
    return r.result;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** The errors of a response that the policy does not allow (an HTTP error counts as one). */
export function failures(r: Timed, allowed: ErrorPolicy): GraphQLError[] {
  const errors = (r.result.errors ?? []).filter((e) => !allowed(e));
  if (r.status !== 200 && !errors.length) errors.push({ message: `HTTP ${r.status}` });
  return errors;
}

/** `cache`: how many measured responses the server's response cache served (`hit`), computed (`miss`) or passed by (`bypass`). */
export interface SerialResult {
  latency: Latency;
  bytes: number;
  errors: number;
  allowedErrors: Record<string, number>;
  cache: Record<string, number>;
}

function countCache(into: Record<string, number>, r: Timed) {
  const status = r.cache ?? 'none';
  into[status] = (into[status] ?? 0) + 1;
}

function countAllowed(into: Record<string, number>, r: Timed, allowed: ErrorPolicy) {
  for (const e of r.result.errors ?? []) {
    if (allowed(e)) {
      const code = e.extensions?.code ?? 'UNKNOWN';
      into[code] = (into[code] ?? 0) + 1;
    }
  }
}

/** `rounds` requests one after another, after `warmup` unmeasured ones. */
export async function runSerial(
  send: () => Promise<Timed>,
  rounds: number,
  allowed: ErrorPolicy,
  opts: { warmup?: number; deadline?: number } = {},
): Promise<SerialResult> {
  for (let i = 0; i < (opts.warmup ?? 3); i++) await send();
  const samples: number[] = [];
  let errors = 0;
  let bytes = 0;
  const allowedErrors: Record<string, number> = {};
  const cache: Record<string, number> = {};
  const deadline = opts.deadline ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < rounds && Date.now() < deadline; i++) {
    const r = await send();
    samples.push(r.ms);
    bytes = r.bytes;
    if (failures(r, allowed).length) errors++;
    countAllowed(allowedErrors, r, allowed);
    countCache(cache, r);
  }
  return { latency: summarize(samples), bytes, errors, allowedErrors, cache };
}

export interface LoadResult extends SerialResult {
  concurrency: number;
  seconds: number;
  perSecond: number;
  firstFailure?: string;
}

/**
 * `total` requests through `concurrency` workers, each sending its next request as soon as its
 * last one is answered (a closed loop). Stops early at the deadline; what was done is reported.
 */
export async function runConcurrent(
  send: () => Promise<Timed>,
  total: number,
  concurrency: number,
  allowed: ErrorPolicy,
  opts: { deadline?: number } = {},
): Promise<LoadResult> {
  const samples: number[] = [];
  const allowedErrors: Record<string, number> = {};
  const cache: Record<string, number> = {};
  let next = 0;
  let errors = 0;
  let bytes = 0;
  let firstFailure: string | undefined;
  const deadline = opts.deadline ?? Number.POSITIVE_INFINITY;
  const started = performance.now();
  const worker = async () => {
    while (next < total && Date.now() < deadline) {
      next++;
      try {
        const r = await send();
        samples.push(r.ms);
        bytes = r.bytes;
        const bad = failures(r, allowed);
        if (bad.length) {
          errors++;
          firstFailure ??= JSON.stringify(bad[0]);
        }
        countAllowed(allowedErrors, r, allowed);
        countCache(cache, r);
      } catch (e) {
        errors++;
        firstFailure ??= String(e);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    latency: summarize(samples),
    bytes,
    errors,
    allowedErrors,
    cache,
    concurrency,
    seconds,
    perSecond: samples.length / seconds,
    firstFailure,
  };
}
