import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";

// One secret per test run, shared by the servers (inherited environment) and the tests (to seal an
// expired punchout cookie). Workers inherit it from the main process, so `??=` keeps one value.
process.env.E2E_AUTH_SECRET ??= randomBytes(33).toString("base64url");

// Browser tests run against the production build (`next build` first) on the embedded database
// and, when TEST_DATABASE_URL is set, a second time against PostgreSQL. The procurement-system
// simulator runs on 127.0.0.1 so that the shop on localhost is a different site (cross-site iframe).
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
// E2E_PORT moves the shop servers (pglite on it, postgres on it + 1) and E2E_SIM_PORT the simulator,
// so a second checkout can run its browser tests beside this one.
const shopPort = Number(process.env.E2E_PORT ?? 3100);
const simPort = Number(process.env.E2E_SIM_PORT ?? 4010);
const shop = (offset: number) => `http://localhost:${shopPort + offset}`;
const simulator = `http://127.0.0.1:${simPort}`;
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
    { name: "pglite", use: { baseURL: shop(0) }, metadata: { simulator } },
    ...(withPostgres ? [{ name: "postgres", use: { baseURL: shop(1) }, metadata: { simulator } }] : []),
  ],
  webServer: [
    { command: "node tests/e2e/serve.mjs pglite", url: `${shop(0)}/api/health`, env: { PORT: String(shopPort) }, timeout: 120_000, reuseExistingServer: false, stdout: "ignore", stderr: "pipe", gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 } },
    ...(withPostgres
      ? [{ command: "node tests/e2e/serve.mjs postgres", url: `${shop(1)}/api/health`, env: { PORT: String(shopPort + 1) }, timeout: 120_000, reuseExistingServer: false, stdout: "ignore" as const, stderr: "pipe" as const, gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 } }]
      : []),
    { command: "node tests/oci-sim/server.mjs", url: `${simulator}/health`, env: { PORT: String(simPort), HOST: "127.0.0.1", SHOP_URL: shop(0) }, reuseExistingServer: false },
  ],
});
