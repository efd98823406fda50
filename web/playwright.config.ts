import { defineConfig, devices } from '@playwright/test';

// Ports of their own, so two checkouts can run their browser tests side by side.
const PORT = process.env['KSP_E2E_PORT'] ?? '4173';
const PG_PORT = process.env['KSP_E2E_PG_PORT'] ?? '54403';
const WORKFLOW = /(edition|fieldwork)\.spec\.ts$/;

// Browser tests drive the built app (run `vite build` first; `pnpm test:e2e` does) served by
// the real server on the demo data, in Debian's Chromium (no browser download is possible here).
export default defineConfig({
  testDir: 'e2e',
  // Traces of failures; Playwright empties this folder on each run, so screenshots of the
  // chapters go beside it (test-results/screenshots) and survive a run of a single test.
  outputDir: 'test-results/artifacts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'nb-NO',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // The workflow specs change the shared demo database (they sign up, plan, and publish 2025, which
  // then becomes every manager's newest report): they run after every spec that reads the demo as
  // it was loaded.
  projects: [
    { name: 'reads', testIgnore: WORKFLOW },
    { name: 'workflows', testMatch: WORKFLOW, dependencies: ['reads'] },
  ],
  webServer: {
    // Run from server/: `--import tsx` resolves tsx from the working directory, and only the
    // server package depends on it. The data directory is the same from either sibling folder,
    // and starts empty so every run loads the demo data afresh.
    command: 'rm -rf ../.tmp/e2e-db && node --import tsx src/main.ts',
    cwd: '../server',
    // Its own embedded PostgreSQL port, so a developer's running server (default 54329) is never touched.
    env: { PORT, KSP_PG_PORT: PG_PORT, KSP_DATA_DIR: '../.tmp/e2e-db', KSP_DEMO_PARTICIPANTS: '48', NODE_ENV: 'production' },
    url: `http://127.0.0.1:${PORT}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
