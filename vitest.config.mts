import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts", "emulator/**/*.test.ts", "snippets/**/*.test.ts"],
          exclude: ["test/browser/**", "**/node_modules/**"],
          // Snippets start emulators and the staleness test runs samples; forks keep them isolated.
          pool: "forks",
          // Several suites mostly wait (kernels, retries with back-off, npm pack): more workers than
          // the two cores keep those waits overlapping.
          maxWorkers: 4,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
