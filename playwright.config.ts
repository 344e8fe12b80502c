/**
 * Browser tests against the real production server, started fresh with an empty data
 * folder for each run. Use `npm run test:e2e`: it installs Chromium and builds first.
 */
import { defineConfig, devices } from '@playwright/test';
import { findChromium } from './scripts/ensureChromium';

const CI = process.env.CI === 'true' || process.env.CI === '1';
const PORT = Number(process.env.PURPLE_E2E_PORT ?? 3107);
const BASE_URL = `http://localhost:${PORT}`;

const chromium = findChromium();

export default defineConfig({
  testDir: 'e2e',
  // Board tests run several browsers each; on two cores one test at a time is fastest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  // Not under test-results/, which Playwright empties when it starts (TOOLCHAIN 11).
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: BASE_URL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          // Only a system Chromium needs a path; Playwright finds its own build.
          ...(chromium?.executablePath ? { executablePath: chromium.executablePath } : {}),
          args: chromium?.args ?? [],
        },
      },
    },
  ],
  webServer: {
    command: 'node --import tsx scripts/start.ts --fresh-data',
    // The server prints this line once it accepts connections (server/index.ts).
    wait: { stdout: /Purple is running at/ },
    env: {
      PORT: String(PORT),
      PUBLIC_URL: BASE_URL,
      ALLOWED_ORIGINS: BASE_URL,
      PURPLE_SECRET: 'e2e-only-secret-not-for-production-0123456789abcdef',
      // Every spec creates workshops from this one address; the default is 10 an hour.
      LIMIT_WORKSHOPS_PER_HOUR: '1000',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    reuseExistingServer: false,
    // Builds if `npm run test:e2e` did not already (60–120 s on two cores).
    timeout: 240_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
