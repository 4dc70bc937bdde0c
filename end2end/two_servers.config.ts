import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Two servers on one PostgreSQL database, as behind a load balancer. scripts/test creates
// the (empty) database on its throw-away PostgreSQL server and names it in E2E_POSTGRES_URL;
// the first server migrates and seeds the demo city, the second starts once the first
// answers.
const binary = process.env.MOGNAD_BIN ?? '../target/debug/mognad';
const database = process.env.E2E_POSTGRES_URL ?? 'postgres://mognad@127.0.0.1:5432/mognad_e2e';
const outbox = process.env.E2E_OUTBOX ?? '../target/e2e/outbox-two-servers';
export const FIRST = 'http://127.0.0.1:3101';
export const SECOND = 'http://127.0.0.1:3102';

const server = (port: number, demo: boolean) => ({
  command: `${binary} --database-url '${database}' serve ${demo ? '--demo' : ''} --addr 127.0.0.1:${port} --outbox-dir ${outbox}`,
  url: `http://127.0.0.1:${port}/healthz`,
  reuseExistingServer: false,
  timeout: 240_000,
  stdout: 'pipe' as const,
  env: {
    LEPTOS_SITE_ROOT: '../target/site',
    LEPTOS_SITE_PKG_DIR: 'pkg',
    LEPTOS_OUTPUT_NAME: 'mognad',
    LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
    RUST_LOG: 'warn',
  },
});

export default defineConfig({
  ...base,
  testDir: './two_servers',
  outputDir: './test-results-two-servers',
  reporter: [['list']],
  projects: [{ name: 'js', use: { javaScriptEnabled: true } }],
  use: { ...base.use, baseURL: FIRST },
  webServer: [
    server(3101, true),
    // Started after the first has seeded (Playwright starts them one after the other).
    server(3102, false),
  ],
});
