import { defineConfig } from "vitest/config";
import path from "node:path";

// The migrated template database every integration and browser test file copies; unit tests need none.
const DATABASE_SETUP = "test/setup/global-setup.ts";

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts", "test/workflows/**/*.test.ts"] },
      },
      {
        extends: true,
        test: { name: "integration", include: ["test/integration/**/*.test.ts"], globalSetup: [DATABASE_SETUP] },
      },
      {
        extends: true,
        test: {
          name: "browser",
          globalSetup: [DATABASE_SETUP],
          include: ["test/browser/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
        },
      },
    ],
  },
});
