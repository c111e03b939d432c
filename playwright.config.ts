import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// One secret per test run, shared by the servers (inherited environment) and the tests (to seal an
// expired punchout cookie). Workers inherit it from the main process, so `??=` keeps one value.
process.env.E2E_AUTH_SECRET ??= randomBytes(33).toString("base64url");

// Browser tests run against the production build (`next build` first) on the embedded database
// and, when TEST_DATABASE_URL is set, a second time against PostgreSQL. The procurement-system
// simulator runs on 127.0.0.1 so that the shop on localhost is a different site (cross-site iframe).
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const chromium = process.env.CHROMIUM_PATH ?? (process.env.PLAYWRIGHT_OWN_BROWSER ? undefined : "/usr/bin/chromium");

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
  projects: [
    { name: "pglite", use: { baseURL: "http://localhost:3100" }, metadata: { simulator: "http://127.0.0.1:4010" } },
    ...(withPostgres ? [{ name: "postgres", use: { baseURL: "http://localhost:3101" }, metadata: { simulator: "http://127.0.0.1:4010" } }] : []),
  ],
  webServer: [
    { command: "node tests/e2e/serve.mjs pglite", url: "http://localhost:3100/api/health", timeout: 120_000, reuseExistingServer: false, stdout: "ignore", stderr: "pipe" },
    ...(withPostgres
      ? [{ command: "node tests/e2e/serve.mjs postgres", url: "http://localhost:3101/api/health", timeout: 120_000, reuseExistingServer: false, stdout: "ignore" as const, stderr: "pipe" as const }]
      : []),
    { command: "node tests/oci-sim/server.mjs", url: "http://127.0.0.1:4010/health", env: { PORT: "4010", HOST: "127.0.0.1", SHOP_URL: "http://localhost:3100" }, reuseExistingServer: false },
  ],
});
