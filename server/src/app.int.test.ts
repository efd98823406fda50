import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/db.js';
import { useApi } from '../test/api.js';

// A stand-in for the built dashboard (web/dist may not be built when the tests run).
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'ksp-web-dist-'));
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(
  path.join(dist, 'index.html'),
  '<!doctype html><html lang="nb"><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
);
fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'export {};');
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

const db = useTestDatabase();
const prod = useApi(db, { production: true, webDist: dist });
const dev = useApi(db, { production: false, webDist: dist });

const CSP =
  "default-src 'self';script-src 'self';script-src-attr 'none';style-src 'self';style-src-attr 'unsafe-inline';img-src 'self' data:;font-src 'self';" +
  "connect-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'";

describe('security headers', () => {
  const requests: [string, string, RequestInit][] = [
    ['the app shell at /', '/', {}],
    ['a dashboard route', '/resultater/2024', {}],
    ['a static asset', '/assets/app.js', {}],
    [
      'a GraphQL request',
      '/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ editions { year } }"}' },
    ],
    ['a GraphQL error', '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' }],
  ];

  it.each(requests)('are sent with %s', async (_what, url, init) => {
    const res = await fetch(`${prod.url()}${url}`, init);
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('serves the app and its files as before', async () => {
    const page = await fetch(`${prod.url()}/resultater/2024`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<div id="root">');
    const asset = await fetch(`${prod.url()}/assets/app.js`);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it("serves no Apollo landing page (scripts from Apollo's CDN) on GET /graphql, in production or not", async () => {
    for (const url of [prod.url(), dev.url()]) {
      const res = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(await res.text()).not.toContain('apollographql.com');
    }
  });
});

describe('answers outside the app’s routes', () => {
  // Express's own answers there are HTML pages ("Cannot POST /x", a URIError's message).
  it.each([
    ['a path that is no route', 'GET', '/graphql%ff'],
    ['a method no route takes', 'POST', '/resultater/2024'],
    ['a method /healthz does not take', 'PUT', '/healthz'],
  ])('are JSON 404 for %s', async (_what, method, url) => {
    const res = await fetch(`${prod.url()}${url}`, { method });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual({ error: { code: 'NOT_FOUND', message: `Nothing at ${JSON.stringify(url)} for ${method}.` } });
  });

  it('leave a dashboard path that is not valid percent-encoding to the dashboard', async () => {
    const res = await fetch(`${prod.url()}/rapport/2024/%ff%fe`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root">');
  });
});
