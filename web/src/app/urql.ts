import { Client, cacheExchange, fetchExchange } from 'urql';

export interface UrqlClientOptions {
  /** Same origin by default: the server serves the app and the API together. */
  url?: string;
  /** Only for tests: a stand-in for `fetch`. */
  fetch?: typeof fetch;
}

export function createUrqlClient({ url = '/graphql', fetch }: UrqlClientOptions = {}): Client {
  return new Client({
    url,
    exchanges: [cacheExchange, fetchExchange],
    // Apollo's CSRF prevention rejects simple GET requests; POST always carries a JSON content type.
    preferGetMethod: false,
    // The session cookie (HttpOnly) identifies the viewer; it never travels in arguments.
    fetchOptions: { credentials: 'same-origin' },
    ...(fetch ? { fetch } : {}),
  });
}
