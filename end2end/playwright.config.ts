import { defineConfig } from '@playwright/test';

// Chromium from Debian (apt-get install chromium); Playwright never downloads a browser here.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = process.env.E2E_PORT ?? '3100';
const baseURL = `http://127.0.0.1:${port}`;
// The server binary to test: scripts/test builds it with cargo-leptos.
const binary = process.env.MOGNAD_BIN ?? '../target/debug/mognad';
const database = process.env.E2E_DATABASE ?? '../target/e2e/mognad-e2e.db';
// Where the demo server writes its e-mail, one .eml file per message; specs read it.
const outbox = process.env.E2E_OUTBOX ?? '../target/e2e/outbox';

export default defineConfig({
  testDir: './tests',
  // The specs share one seeded database and run in order.
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  outputDir: './test-results',
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    // A fresh demo database and an empty outbox for every run.
    command: `mkdir -p $(dirname ${database}) && rm -f ${database} ${database}-wal ${database}-shm && rm -rf ${outbox} && ${binary} --database-url sqlite://${database} serve --demo --addr 127.0.0.1:${port} --outbox-dir ${outbox}`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    env: {
      LEPTOS_SITE_ROOT: '../target/site',
      LEPTOS_SITE_PKG_DIR: 'pkg',
      LEPTOS_OUTPUT_NAME: 'mognad',
      LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
      RUST_LOG: 'warn',
    },
  },
});
