import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/support/empty.ts") };

// Integration tests run once on an in-memory PGlite and, when TEST_DATABASE_URL is set, once more on
// a fresh PostgreSQL database created for the run.
export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "pglite",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/support/db-setup.ts"],
          env: { TEST_DB_KIND: "pglite", AUTH_SECRET: "integration-test-secret-0123456789abcdef" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              resolve: { alias },
              test: {
                name: "postgres",
                include: ["tests/integration/**/*.test.ts"],
                setupFiles: ["tests/support/db-setup.ts"],
                env: { TEST_DB_KIND: "postgres", AUTH_SECRET: "integration-test-secret-0123456789abcdef" },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
