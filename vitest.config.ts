import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The root tsconfig.json's paths (tsx reads those at run time); the most specific first.
const dir = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const aliases = [
  { find: /^@server\/test\//, replacement: dir('./server/test/') },
  { find: /^@server\//, replacement: dir('./server/src/') },
  { find: /^@web\//, replacement: dir('./web/src/') },
];

// One runner for the whole repository: pure tests, integration tests against the
// embedded PostgreSQL, and web component tests. Browser tests run with Playwright.
export default defineConfig({
  test: {
    projects: [
      { resolve: { alias: aliases }, test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'] } },
      // The benchmark's own pure parts (percentiles, comparing the API with the analyst's SQL).
      { resolve: { alias: aliases }, test: { name: 'bench', root: './bench', include: ['**/*.test.ts'] } },
      {
        // graphql 16 ships CJS and ESM; Node (and type-graphql) load the CJS one, Vite would
        // pick the ESM one for our own imports: two copies of graphql break instanceof checks.
        resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }, ...aliases] },
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          globalSetup: ['./test/global-setup.ts'],
          setupFiles: ['reflect-metadata'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      // Chapters are lazy chunks compiled on first render: on 2 busy cores that can take seconds.
      {
        extends: './web/vite.config.ts',
        test: { name: 'web', root: './web', include: ['src/**/*.test.{ts,tsx}'], environment: 'jsdom', testTimeout: 30_000 },
      },
    ],
  },
});
